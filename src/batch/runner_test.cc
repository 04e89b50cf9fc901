#include "batch/runner.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <numeric>
#include <random>
#include <set>
#include <thread>

#include "batch/test_util.h"

namespace winnow::batch {
namespace {

using testing::ListTree;
using testing::ReadTestFile;
using testing::TempDir;
using testing::WriteTestFile;

// Upper-cases the input and counts its bytes and lines.
Result<JobOutput> Upper(const InputFile& input, std::string_view bytes, WorkerContext&) {
  JobOutput out;
  out.bytes = "[" + input.rel + "]\n";
  for (char c : bytes) out.bytes += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  out.counters = {bytes.size(),
                  static_cast<uint64_t>(std::count(bytes.begin(), bytes.end(), '\n'))};
  return out;
}

// A log file standing in for stderr (or stdout) and read back after the run.
class FdFile {
 public:
  explicit FdFile(std::string path)
      : path_(std::move(path)), fd_(open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600)) {}
  ~FdFile() { close(fd_); }
  int fd() const { return fd_; }
  std::string Read() const { return ReadTestFile(path_); }

 private:
  std::string path_;
  int fd_;
};

class Runner : public ::testing::Test {
 protected:
  Runner() : log_(dir_ / "log"), out_(dir_ / "stdout") {
    options_.log_fd = log_.fd();
    options_.output_fd = out_.fd();
    options_.progress = ProgressMode::kNever;
  }

  // Writes count files in/page-NN.txt (NN zero-padded), each a few lines.
  void MakePages(int count) {
    for (int i = 0; i < count; ++i) {
      char name[32];
      std::snprintf(name, sizeof(name), "in/page-%02d.txt", i);
      WriteTestFile(dir_ / name, "line one of " + std::to_string(i) + "\nline two\n");
    }
  }

  TempDir dir_;
  FdFile log_;
  FdFile out_;
  BatchOptions options_;
};

TEST_F(Runner, MirrorsTheInputLayout) {
  WriteTestFile(dir_ / "in/a.txt", "alpha\n");
  WriteTestFile(dir_ / "in/news/2024/story.html.gz", "gz");
  WriteTestFile(dir_ / "in/news/feed.jsonl", "{}\n");
  WriteTestFile(dir_ / "in/news/logo.png", "png");
  options_.output_dir = dir_ / "out";
  options_.threads = 2;
  BatchSummary summary = RunBatch(WalkInputs({dir_ / "in"}), options_, PerFile(Upper));
  EXPECT_EQ(ListTree(dir_ / "out"),
            (std::vector<std::string>{"a.txt", "news/2024/story.txt", "news/feed.txt"}));
  EXPECT_EQ(ReadTestFile(dir_ / "out/a.txt"), "[a.txt]\nALPHA\n");
  EXPECT_EQ(summary.files_ok, 3u);
  EXPECT_EQ(summary.files_unsupported, 1u);
  EXPECT_EQ(summary.files_failed, 0u);
  EXPECT_EQ(summary.bytes_in, 6u + 2u + 3u);
  EXPECT_EQ(summary.counters, (std::vector<uint64_t>{11, 2}));
  EXPECT_EQ(log_.Read(), dir_ / "in/news/logo.png" + ": skipped: not a page (.png)\n");
  EXPECT_EQ(out_.Read(), "");
  EXPECT_TRUE(summary.stopped.ok());
}

TEST_F(Runner, OneFailureDoesNotStopTheBatch) {
  MakePages(50);
  options_.output_dir = dir_ / "out";
  options_.threads = 4;
  auto job = [](const InputFile& input, std::string_view bytes,
                WorkerContext& context) -> Result<JobOutput> {
    if (input.rel == "page-17.txt") return Status::InvalidInput("boom");
    if (input.rel == "page-33.txt") throw std::runtime_error("thrown");
    return Upper(input, bytes, context);
  };
  BatchSummary summary = RunBatch(WalkInputs({dir_ / "in"}), options_, PerFile(job));
  EXPECT_EQ(summary.files_ok, 48u);
  EXPECT_EQ(summary.files_failed, 2u);
  EXPECT_EQ(ListTree(dir_ / "out").size(), 48u);
  EXPECT_EQ(log_.Read(), dir_ / "in/page-17.txt" + ": boom\n" + dir_ / "in/page-33.txt" +
                             ": internal error: thrown\n");
  EXPECT_EQ(ReadTestFile(dir_ / "out/page-49.txt"), "[page-49.txt]\nLINE ONE OF 49\nLINE TWO\n");
}

TEST_F(Runner, ResumesAndForceRedoes) {
  MakePages(5);
  options_.output_dir = dir_ / "out";
  std::atomic<int> calls{0};
  auto job = [&](const InputFile& input, std::string_view bytes, WorkerContext& context) {
    ++calls;
    return Upper(input, bytes, context);
  };
  std::vector<InputFile> inputs = WalkInputs({dir_ / "in"});
  EXPECT_EQ(RunBatch(inputs, options_, PerFile(job)).files_ok, 5u);
  EXPECT_EQ(calls, 5);
  // A killed run: one output missing. A changed input: newer than its output.
  std::filesystem::remove(dir_ / "out/page-01.txt");
  struct timespec times[2] = {{0, UTIME_OMIT}, {0, 0}};
  clock_gettime(CLOCK_REALTIME, &times[1]);
  times[1].tv_sec += 10;
  ASSERT_EQ(utimensat(AT_FDCWD, (dir_ / "in/page-03.txt").c_str(), times, 0), 0);
  // An output that is a link inside OUT is judged by the file it leads to; a dangling one is
  // no output, and is replaced rather than followed.
  std::filesystem::rename(dir_ / "out/page-02.txt", dir_ / "out/kept.txt");
  ASSERT_EQ(symlink("kept.txt", (dir_ / "out/page-02.txt").c_str()), 0);
  std::filesystem::remove(dir_ / "out/page-04.txt");
  ASSERT_EQ(symlink("gone.txt", (dir_ / "out/page-04.txt").c_str()), 0);
  calls = 0;
  BatchSummary again = RunBatch(inputs, options_, PerFile(job));
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(again.files_ok, 3u);
  EXPECT_EQ(again.files_up_to_date, 2u);
  EXPECT_EQ(ListTree(dir_ / "out").size(), 6u);
  EXPECT_TRUE(
      std::filesystem::is_regular_file(std::filesystem::symlink_status(dir_ / "out/page-04.txt")));
  calls = 0;
  options_.force = true;
  EXPECT_EQ(RunBatch(inputs, options_, PerFile(job)).files_ok, 5u);
  EXPECT_EQ(calls, 5);
}

TEST_F(Runner, StdoutKeepsInputOrderWithThreads) {
  MakePages(40);
  options_.threads = 4;
  options_.max_ahead = 5;
  auto job = [](const InputFile& input, std::string_view bytes, WorkerContext& context) {
    thread_local std::mt19937 rng(std::hash<std::thread::id>()(std::this_thread::get_id()));
    std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 8));
    return Upper(input, bytes, context);
  };
  std::vector<InputFile> inputs = WalkInputs({dir_ / "in"});
  BatchSummary summary = RunBatch(inputs, options_, PerFile(job));
  std::string expected;
  WorkerContext unused(0);
  for (const InputFile& input : inputs) {
    expected += Upper(input, ReadTestFile(input.path), unused)->bytes;
  }
  EXPECT_EQ(out_.Read(), expected);
  EXPECT_EQ(summary.files_ok, 40u);
  EXPECT_EQ(summary.bytes_out, expected.size());
}

TEST_F(Runner, WorkersStayWithinTheWindow) {
  MakePages(20);
  options_.threads = 4;
  options_.max_ahead = 2;
  std::atomic<bool> first_done{false};
  std::atomic<int> started_early{0};  // files beyond the window started while page 0 ran
  auto job = [&](const InputFile& input, std::string_view bytes, WorkerContext& context) {
    if (input.rel == "page-00.txt") {
      std::this_thread::sleep_for(std::chrono::milliseconds(150));
      first_done = true;
    } else if (!first_done && input.rel >= "page-02.txt") {
      ++started_early;
    }
    return Upper(input, bytes, context);
  };
  EXPECT_EQ(RunBatch(WalkInputs({dir_ / "in"}), options_, PerFile(job)).files_ok, 20u);
  EXPECT_EQ(started_early, 0);
}

TEST_F(Runner, OutputsDoNotDependOnThreadCount) {
  MakePages(30);
  std::vector<InputFile> inputs = WalkInputs({dir_ / "in"});
  options_.threads = 1;
  options_.output_dir = dir_ / "one";
  BatchSummary one = RunBatch(inputs, options_, PerFile(Upper));
  options_.threads = 2;
  options_.output_dir = dir_ / "two";
  BatchSummary two = RunBatch(inputs, options_, PerFile(Upper));
  std::vector<std::string> files = ListTree(dir_ / "one");
  ASSERT_EQ(files.size(), 30u);
  ASSERT_EQ(files, ListTree(dir_ / "two"));
  for (const std::string& file : files) {
    EXPECT_EQ(ReadTestFile(dir_ / ("one/" + file)), ReadTestFile(dir_ / ("two/" + file)));
  }
  EXPECT_EQ(one.counters, two.counters);
  EXPECT_EQ(one.bytes_out, two.bytes_out);
}

TEST_F(Runner, PerFileProblemsAreReportedInOrder) {
  WriteTestFile(dir_ / "in/a.txt", "a");
  WriteTestFile(dir_ / "in/b.txt", std::string(100, 'b'));
  ASSERT_EQ(mkfifo((dir_ / "in/c.txt").c_str(), 0600), 0);
  ASSERT_EQ(symlink("nowhere", (dir_ / "in/d.txt").c_str()), 0);
  WriteTestFile(dir_ / "x/a.txt", "same output name as in/a.txt");
  options_.output_dir = dir_ / "out";
  options_.max_input_bytes = 50;
  options_.threads = 3;
  BatchSummary summary =
      RunBatch(WalkInputs({dir_ / "in", dir_ / "x/a.txt"}), options_, PerFile(Upper));
  EXPECT_EQ(summary.files_ok, 1u);
  EXPECT_EQ(summary.files_failed, 4u);
  EXPECT_EQ(log_.Read(), dir_ / "in/b.txt: file too large (100 bytes > 50)\n" +
                             dir_ / "in/c.txt: not a regular file\n" +
                             dir_ / "in/d.txt: dangling symbolic link\n" +
                             dir_ / "x/a.txt: same output a.txt as " + dir_ / "in/a.txt\n");
  EXPECT_EQ(ListTree(dir_ / "out"), std::vector<std::string>{"a.txt"});
}

// Outputs to stdout go out in blocks, but a message never overtakes the outputs of the
// inputs before it: with stdout and the log on one file, each stays in input order.
TEST_F(Runner, MessagesKeepTheirPlaceAmongStdoutOutputs) {
  MakePages(6);
  WriteTestFile(dir_ / "in/page-02.txt", std::string(80, 'x'));
  options_.max_input_bytes = 50;
  options_.log_fd = out_.fd();
  for (size_t threads : {1, 3}) {
    SCOPED_TRACE(threads);
    ASSERT_EQ(ftruncate(out_.fd(), 0), 0);
    ASSERT_EQ(lseek(out_.fd(), 0, SEEK_SET), 0);
    options_.threads = threads;
    BatchSummary summary = RunBatch(WalkInputs({dir_ / "in"}), options_, PerFile(Upper));
    EXPECT_EQ(summary.files_ok, 5u);
    EXPECT_EQ(out_.Read(),
              "[page-00.txt]\nLINE ONE OF 0\nLINE TWO\n"
              "[page-01.txt]\nLINE ONE OF 1\nLINE TWO\n" +
                  dir_ / "in/page-02.txt: file too large (80 bytes > 50)\n" +
                  "[page-03.txt]\nLINE ONE OF 3\nLINE TWO\n"
                  "[page-04.txt]\nLINE ONE OF 4\nLINE TWO\n"
                  "[page-05.txt]\nLINE ONE OF 5\nLINE TWO\n");
  }
}

// Many small outputs, more than one block: all of them, in input order, whole.
TEST_F(Runner, StdoutOutputsSpanningBlocksArriveInOrder) {
  const std::string body(3000, 'b');
  std::string expected;
  for (int i = 0; i < 60; ++i) {
    char name[32];
    std::snprintf(name, sizeof(name), "page-%02d.txt", i);
    WriteTestFile(dir_ / ("in/" + std::string(name)), body + std::to_string(i) + "\n");
    expected += "[" + std::string(name) + "]\n" + std::string(3000, 'B') + std::to_string(i) + "\n";
  }
  options_.threads = 2;
  BatchSummary summary = RunBatch(WalkInputs({dir_ / "in"}), options_, PerFile(Upper));
  EXPECT_EQ(summary.files_ok, 60u);
  EXPECT_EQ(summary.bytes_out, expected.size());
  EXPECT_EQ(out_.Read(), expected);
}

TEST_F(Runner, StdoutWriteErrorStopsTheRun) {
  int full = open("/dev/full", O_WRONLY);
  if (full < 0) GTEST_SKIP() << "no /dev/full";
  MakePages(10);
  options_.output_fd = full;
  options_.threads = 2;
  BatchSummary summary = RunBatch(WalkInputs({dir_ / "in"}), options_, PerFile(Upper));
  close(full);
  EXPECT_FALSE(summary.stopped.ok());
  EXPECT_EQ(summary.stopped.message(), "stdout: No space left on device");
  EXPECT_EQ(summary.files_ok, 0u);
  EXPECT_EQ(log_.Read(), dir_ / "in/page-00.txt: stdout: No space left on device\n");
}

TEST_F(Runner, EachWorkerKeepsItsOwnState) {
  MakePages(30);
  options_.threads = 3;
  std::mutex mu;
  std::set<const void*> states;
  std::set<int> indexes;
  struct Arena {
    std::unique_ptr<int> uses = std::make_unique<int>(0);  // neither copied nor shared
  };
  auto job = [&](const InputFile& input, std::string_view bytes, WorkerContext& context) {
    Arena& arena = context.State<Arena>([] { return Arena(); });
    ++*arena.uses;
    std::lock_guard lock(mu);
    states.insert(&arena);
    indexes.insert(context.index());
    return Upper(input, bytes, context);
  };
  EXPECT_EQ(RunBatch(WalkInputs({dir_ / "in"}), options_, PerFile(job)).files_ok, 30u);
  EXPECT_EQ(states.size(), indexes.size());
  EXPECT_LE(states.size(), 3u);
  for (int index : indexes) EXPECT_TRUE(index >= 0 && index < 3);
}

// The job gets batches of up to batch_files inputs, fewer once they reach batch_bytes, and
// with threads no more than a thread's share of what is left; the outputs do not change.
TEST_F(Runner, HandsTheJobBatchesWithinTheirCaps) {
  MakePages(40);
  std::vector<InputFile> inputs = WalkInputs({dir_ / "in"});
  std::mutex mu;
  std::vector<size_t> sizes;
  Job per_file = PerFile(Upper);
  Job job = [&](std::span<JobItem> items, WorkerContext& context) {
    {
      std::lock_guard lock(mu);
      sizes.push_back(items.size());
    }
    per_file(items, context);
  };
  std::string expected;
  WorkerContext unused(0);
  for (const InputFile& input : inputs) {
    expected += Upper(input, ReadTestFile(input.path), unused)->bytes;
  }
  auto run = [&](size_t threads, size_t files, size_t bytes) {
    sizes.clear();
    options_.threads = threads;
    options_.batch_files = files;
    options_.batch_bytes = bytes;
    FdFile out(dir_ / ("stdout-" + std::to_string(threads) + "-" + std::to_string(files) + "-" +
                       std::to_string(bytes)));
    options_.output_fd = out.fd();
    EXPECT_EQ(RunBatch(inputs, options_, job).files_ok, 40u);
    EXPECT_EQ(out.Read(), expected);
    std::sort(sizes.begin(), sizes.end());
    return sizes;
  };
  EXPECT_EQ(run(1, 16, 1 << 20), (std::vector<size_t>{8, 16, 16}));
  EXPECT_EQ(run(1, 1, 1 << 20), std::vector<size_t>(40, 1));
  EXPECT_EQ(run(1, 0, 1 << 20), std::vector<size_t>(40, 1)) << "0 counts as 1";
  EXPECT_EQ(run(1, 16, 1), std::vector<size_t>(40, 1)) << "one input reaches a byte";
  EXPECT_EQ(run(1, 16, 0), std::vector<size_t>(40, 1)) << "a batch takes its first input";
  EXPECT_EQ(run(1, 16, 40), std::vector<size_t>(20, 2)) << "each input is 23 or 24 bytes";
  std::vector<size_t> two = run(2, 16, 1 << 20);
  EXPECT_EQ(std::accumulate(two.begin(), two.end(), size_t{0}), 40u);
  EXPECT_EQ(two.back(), 16u);
  EXPECT_EQ(two.front(), 1u) << "the last inputs are shared out one by one";
}

TEST_F(Runner, NothingToDo) {
  BatchSummary summary = RunBatch({}, options_, PerFile(Upper));
  EXPECT_EQ(summary.files_ok + summary.files_failed, 0u);
  EXPECT_TRUE(summary.stopped.ok());
}

}  // namespace
}  // namespace winnow::batch
