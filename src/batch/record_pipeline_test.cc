#include "batch/record_pipeline.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include "batch/test_util.h"

namespace winnow::batch {
namespace {

// Yields count records with ids "0", "1", ...; every 10th item (from the 5th) is a bad item.
class CountingReader : public sources::RecordReader {
 public:
  explicit CountingReader(int count, size_t payload_bytes = 8)
      : count_(count), payload_bytes_(payload_bytes) {}

  sources::ReadItem Next() override {
    int i = calls_++;
    if (i >= count_) return sources::EndOfStream{};
    sources::SourcePosition position{static_cast<uint64_t>(i) + 1, 0, 0};
    if (i % 10 == 5) return sources::BadItem{position, "bad " + std::to_string(i)};
    sources::Record record;
    record.position = position;
    record.id = std::to_string(i);
    record.payload.assign(payload_bytes_, 'x');
    return record;
  }

  int calls() const { return calls_; }

 private:
  int count_;
  size_t payload_bytes_;
  std::atomic<int> calls_{0};
};

// Echoes the id; sleeps a little on some records so workers finish out of order.
Result<JobOutput> Echo(const sources::Record& record, WorkerContext&) {
  int i = std::stoi(record.id);
  if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
  if (i == 12) return Status::InvalidInput("twelve");
  return JobOutput{record.id + "\n", {1, static_cast<uint64_t>(i)}};
}

class RecordPipeline : public ::testing::Test {
 protected:
  RecordPipeline() {
    log_fd_ = open((dir_ / "log").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    options_.log_fd = log_fd_;
  }
  ~RecordPipeline() override { close(log_fd_); }

  std::string Log() const { return testing::ReadTestFile(dir_ / "log"); }

  testing::TempDir dir_;
  int log_fd_;
  PipelineOptions options_;
};

TEST_F(RecordPipeline, KeepsInputOrderWhateverTheThreadCount) {
  std::string want;
  for (int threads : {1, 4}) {
    CountingReader reader(200);
    options_.threads = threads;
    std::string out;
    BatchSummary summary;
    Status s = RunRecordPipeline(
        reader, "in.jsonl", options_, PerRecord(Echo),
        [&](std::string_view bytes) {
          out += bytes;
          return Status::Ok();
        },
        &summary);
    ASSERT_TRUE(s.ok()) << s.message();
    EXPECT_EQ(summary.records_ok, 179u);  // 200 - 20 bad items - record 12
    EXPECT_EQ(summary.records_failed, 21u);
    EXPECT_EQ(summary.bytes_in, 179u * 8);
    EXPECT_EQ(summary.bytes_out, out.size());
    ASSERT_EQ(summary.counters.size(), 2u);
    EXPECT_EQ(summary.counters[0], 179u);
    if (threads == 1) {
      want = out;
    } else {
      EXPECT_EQ(out, want);
    }
  }
  EXPECT_EQ(want.substr(0, 12), "0\n1\n2\n3\n4\n6\n");
  std::string log = Log();
  EXPECT_NE(log.find("in.jsonl: line 6: bad 5\n"), std::string::npos) << log;
  EXPECT_NE(log.find("in.jsonl: line 13: twelve\n"), std::string::npos) << log;
}

// A worker takes the records waiting for it, up to batch_records, and a record whose job
// throws fails alone.
TEST_F(RecordPipeline, WorkersTakeBatchesAndAThrowFailsOneRecord) {
  std::mutex mu;
  std::vector<size_t> sizes;
  RecordJob job = [&](std::span<RecordItem> items, WorkerContext& context) {
    {
      std::lock_guard lock(mu);
      if (sizes.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      sizes.push_back(items.size());
    }
    for (RecordItem& item : items) {
      if (item.record->id == "33") throw std::runtime_error("thrown");
      item.output = Echo(*item.record, context);
    }
  };
  options_.threads = 1;
  options_.batch_records = 8;
  CountingReader reader(100);
  std::string out;
  BatchSummary summary;
  ASSERT_TRUE(RunRecordPipeline(
                  reader, "in", options_, job,
                  [&](std::string_view bytes) {
                    out += bytes;
                    return Status::Ok();
                  },
                  &summary)
                  .ok());
  EXPECT_EQ(summary.records_ok, 88u);  // 100 - 10 bad items - record 12 - record 33
  EXPECT_NE(Log().find("in: line 34: internal error: thrown\n"), std::string::npos) << Log();
  EXPECT_NE(out.find("32\n34\n"), std::string::npos);
  EXPECT_EQ(*std::max_element(sizes.begin(), sizes.end()), 8u) << "records queued meanwhile";
  EXPECT_GT(std::count(sizes.begin(), sizes.end(), 1u), 0) << "the thrower's batch, one by one";

  options_.batch_records = 0;  // taken as 1, not as "take nothing" forever
  sizes.clear();
  CountingReader again(20);
  ASSERT_TRUE(
      RunRecordPipeline(
          again, "in", options_, job, [](std::string_view) { return Status::Ok(); }, &summary)
          .ok());
  EXPECT_EQ(sizes, std::vector<size_t>(18, 1u));  // 20 - 2 bad items
}

TEST_F(RecordPipeline, ReaderStaysWithinTheWindow) {
  options_.threads = 3;
  options_.max_ahead = 8;
  options_.output_block_bytes = 0;  // the sink sees each record as it leaves the window
  CountingReader reader(300);
  int worst = 0;
  BatchSummary summary;
  auto sink = [&](std::string_view bytes) {
    std::this_thread::sleep_for(std::chrono::microseconds(100));  // a slow consumer
    // Items read beyond this one (its id is its sequence number).
    worst = std::max(worst, reader.calls() - 1 - std::stoi(std::string(bytes)));
    return Status::Ok();
  };
  ASSERT_TRUE(RunRecordPipeline(reader, "-", options_, PerRecord(Echo), sink, &summary).ok());
  // The window, plus the item the reader may hold while waiting for space.
  EXPECT_LE(worst, 8 + 1);
  EXPECT_GT(worst, 0);
}

TEST_F(RecordPipeline, ByteBoundHoldsOneLargeRecordAtATime) {
  options_.threads = 2;
  options_.max_ahead_bytes = 1000;
  options_.output_block_bytes = 0;
  CountingReader reader(40, 5000);  // every record alone exceeds the bound
  int worst = 0;
  BatchSummary summary;
  auto sink = [&](std::string_view bytes) {
    worst = std::max(worst, reader.calls() - 1 - std::stoi(std::string(bytes)));
    return Status::Ok();
  };
  ASSERT_TRUE(RunRecordPipeline(reader, "-", options_, PerRecord(Echo), sink, &summary).ok());
  // One record in the window, one bad item beside it, one being read.
  EXPECT_LE(worst, 3);
  EXPECT_EQ(summary.records_ok + summary.records_failed, 40u);
}

// Outputs reach the sink in blocks, each written before the message that follows it.
TEST_F(RecordPipeline, GathersOutputsIntoBlocksWrittenBeforeEachMessage) {
  options_.threads = 2;
  CountingReader reader(20);                               // bad items at 5 and 15, record 12 fails
  std::vector<std::pair<std::string, std::string>> calls;  // block, log at the time
  BatchSummary summary;
  auto sink = [&](std::string_view bytes) {
    calls.emplace_back(bytes, Log());
    return Status::Ok();
  };
  ASSERT_TRUE(RunRecordPipeline(reader, "in", options_, PerRecord(Echo), sink, &summary).ok());
  const std::string bad5 = "in: line 6: bad 5\n", twelve = "in: line 13: twelve\n";
  using Call = std::pair<std::string, std::string>;
  EXPECT_EQ(calls,
            (std::vector<Call>{{"0\n1\n2\n3\n4\n", ""},
                               {"6\n7\n8\n9\n10\n11\n", bad5},
                               {"13\n14\n", bad5 + twelve},
                               {"16\n17\n18\n19\n", bad5 + twelve + "in: line 16: bad 15\n"}}));
  EXPECT_EQ(summary.records_ok, 17u);
}

TEST_F(RecordPipeline, SinkErrorStopsTheRun) {
  options_.threads = 2;
  options_.output_block_bytes = 0;  // the third record's write fails
  CountingReader reader(100000);
  int writes = 0;
  BatchSummary summary;
  Status s = RunRecordPipeline(
      reader, "-", options_, PerRecord(Echo),
      [&](std::string_view) {
        return ++writes == 3 ? Status::IoError("stdout: Broken pipe") : Status::Ok();
      },
      &summary);
  EXPECT_EQ(s.message(), "stdout: Broken pipe");
  EXPECT_EQ(summary.records_ok, 2u);
  EXPECT_LT(reader.calls(), 1000);
}

}  // namespace
}  // namespace winnow::batch
