#include "batch/runner.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "batch/atomic_file.h"
#include "batch/output_block.h"
#include "batch/output_path.h"
#include "batch/read_input.h"

namespace winnow::batch {
namespace {

// A worker keeps up to this many bytes of read buffers from one batch to the next (the dev
// pages are at most 1.6 MB); larger ones are freed once their batch is done.
constexpr size_t kKeptReadBytes = 8u << 20;

// kStream: a stream input, ready to be run by the main thread (FileResult::out_path).
enum class Outcome : uint8_t { kOk, kFailed, kUpToDate, kUnsupported, kStream };

struct FileResult {
  Outcome outcome = Outcome::kOk;
  std::string message;   // kFailed, kUnsupported: the reason logged after the path
  std::string bytes;     // without an output folder: the output, written by the main thread
  std::string out_path;  // kStream: the output file, or empty for output_fd
  std::vector<uint64_t> counters;
  uint64_t bytes_in = 0;
  uint64_t bytes_out = 0;
};

FileResult Finished(Outcome outcome, std::string message) {
  FileResult result;
  result.outcome = outcome;
  result.message = std::move(message);
  return result;
}

bool Processable(const InputFile& input) {
  return input.kind != InputKind::kSkipped && input.kind != InputKind::kError;
}

bool NotOlder(const struct timespec& a, const struct timespec& b) {
  return a.tv_sec != b.tv_sec ? a.tv_sec > b.tv_sec : a.tv_nsec >= b.tv_nsec;
}

// Whether the output already holds the output of input: it exists and is not older (as make
// judges: file systems stamp with a coarse clock, so an input and the output written right
// after it often share a time). Fails when the output is the input itself, whatever force says.
Result<bool> UpToDate(const InputFile& input, const ResolvedOutput& out) {
  if (input.is_stdin() || !out.existing) return false;  // nothing to compare
  struct stat out_st = *out.existing, in_st;
  // A link (one inside OUT: ResolveOutputPath checked) is judged by what it leads to.
  if ((S_ISLNK(out_st.st_mode) && stat(out.path.c_str(), &out_st) != 0) ||
      stat(input.path.c_str(), &in_st) != 0) {
    return false;  // a missing input is reported by the read
  }
  if (out_st.st_dev == in_st.st_dev && out_st.st_ino == in_st.st_ino) {
    return Status::InvalidInput("output " + out.path + " would overwrite the input");
  }
  return NotOlder(out_st.st_mtim, in_st.st_mtim);
}

class Batch {
 public:
  Batch(const std::vector<InputFile>& inputs, const BatchOptions& options, const Job& job,
        const StreamJob& stream_job)
      : inputs_(inputs), options_(options), job_(job), stream_job_(stream_job) {}

  BatchSummary Run();

 private:
  // Chooses every input's output path, so collisions are caught before anything runs.
  void Plan();
  void RunInline(ProgressMeter& progress);
  void RunThreads(size_t threads, ProgressMeter& progress);
  void Work(int index);
  // Runs inputs [from, to) (at most batch_files), the job in batches, into results[0, to-from).
  void ProcessRange(size_t from, size_t to, WorkerContext& context,
                    std::vector<ReadBuffer>& buffers, std::vector<FileResult>& results);
  // What can be known of input i before its job: false with *result set when it needs none
  // (skipped, failed, up to date, a stream), else true with its bytes read into buffer.
  bool Prepare(size_t i, WorkerContext& context, ReadBuffer& buffer, FileResult* result,
               std::string* out_path);
  // The result of a job's item: written to out_path, when there is one.
  FileResult Complete(JobItem& item, const std::string& out_path);
  // Main thread, in input order: logs, writes to output_fd, adds to the summary.
  void Emit(const InputFile& input, FileResult& result, ProgressMeter& progress);
  void EmitStream(const InputFile& input, const std::string& out_path, ProgressMeter& progress);
  bool IsStream(const InputFile& input) const {
    return stream_job_ && (input.kind == InputKind::kJsonl || input.kind == InputKind::kWarc);
  }
  // Writes the outputs emitted since the last flush, then logs the message.
  void Log(ProgressMeter& progress, std::string_view path, std::string_view message);
  void WriteLog(ProgressMeter& progress, std::string_view path, std::string_view message);
  // Writes the gathered outputs to output_fd; a write error ends the run, logged against the
  // first input whose output was in the block.
  void FlushOutput(ProgressMeter& progress);

  const std::vector<InputFile>& inputs_;
  const BatchOptions& options_;
  const Job& job_;
  const StreamJob& stream_job_;
  size_t threads_ = 1;
  BatchSummary summary_;
  std::string out_root_;
  std::vector<std::string> out_rel_;      // per input, when writing to output_dir
  std::vector<std::string> plan_error_;   // per input: why it has no output path
  std::vector<std::string> checked_dir_;  // per worker: ResolveOutputPath's checked folder
  size_t window_ = 0;
  OutputBlock stdout_block_{
      [this](std::string_view bytes) { return WriteAll(options_.output_fd, bytes, "stdout"); },
      isatty(options_.output_fd) ? 0 : kOutputBlockBytes};

  std::mutex mu_;
  std::condition_variable ready_cv_;  // a result arrived (main thread waits)
  std::condition_variable space_cv_;  // the window moved or the run stops (workers wait)
  size_t next_claim_ = 0;             // next input a worker takes
  size_t next_emit_ = 0;              // next input the main thread emits
  bool stop_ = false;
  uint64_t finished_ = 0;  // for progress: results produced, in any order
  uint64_t finished_bytes_ = 0;
  std::vector<std::optional<FileResult>> ring_;  // input i waits in ring_[i % window_]
};

void Batch::Plan() {
  out_rel_.resize(inputs_.size());
  plan_error_.resize(inputs_.size());
  if (options_.output_dir.empty()) return;
  Result<std::string> root = CanonicalOutputDir(options_.output_dir);
  if (!root.ok()) {
    summary_.stopped = root.status();
    return;
  }
  out_root_ = *root;
  std::unordered_map<std::string, size_t> first_user;
  for (size_t i = 0; i < inputs_.size(); ++i) {
    if (!Processable(inputs_[i])) continue;
    Result<std::string> rel = OutputRelPath(
        inputs_[i].rel, IsStream(inputs_[i]) ? options_.stream_output_ext : options_.output_ext);
    if (!rel.ok()) {
      plan_error_[i] = rel.status().message();
      continue;
    }
    auto [it, fresh] = first_user.emplace(*rel, i);
    if (!fresh) {
      plan_error_[i] = "same output " + *rel + " as " + inputs_[it->second].path;
      continue;
    }
    out_rel_[i] = std::move(*rel);
  }
  // A run killed mid-write left hidden temp files beside its outputs; this run replaces them.
  std::unordered_set<std::string> dirs;
  for (const std::string& rel : out_rel_) {
    if (rel.empty()) continue;
    size_t slash = rel.rfind('/');
    dirs.insert(slash == std::string::npos ? out_root_ : out_root_ + "/" + rel.substr(0, slash));
  }
  for (const std::string& dir : dirs) {
    // Only folders really inside OUT: a symbolic link may lead elsewhere (out_root_ is canonical).
    std::error_code ec;
    std::string real = std::filesystem::canonical(dir, ec).string();
    if (!ec && (real == out_root_ || real.starts_with(out_root_ + "/"))) RemoveStaleTempFiles(real);
  }
}

bool Batch::Prepare(size_t i, WorkerContext& context, ReadBuffer& buffer, FileResult* result,
                    std::string* out_path) {
  const InputFile& input = inputs_[i];
  auto done = [result](Outcome outcome, std::string message) {
    *result = Finished(outcome, std::move(message));
    return false;
  };
  if (input.kind == InputKind::kSkipped) return done(Outcome::kUnsupported, input.note);
  if (input.kind == InputKind::kError) return done(Outcome::kFailed, input.note);
  if (!plan_error_[i].empty()) return done(Outcome::kFailed, plan_error_[i]);
  out_path->clear();
  if (!out_root_.empty()) {
    Result<ResolvedOutput> resolved =
        ResolveOutputPath(out_root_, out_rel_[i], &checked_dir_[context.index()]);
    if (!resolved.ok()) return done(Outcome::kFailed, resolved.status().message());
    if (!options_.force) {  // --force redoes every output: no need to stat both files
      Result<bool> up_to_date = UpToDate(input, *resolved);
      if (!up_to_date.ok()) return done(Outcome::kFailed, up_to_date.status().message());
      if (*up_to_date) return done(Outcome::kUpToDate, "");
    }
    *out_path = std::move(resolved->path);
  }
  if (IsStream(input)) {
    done(Outcome::kStream, "");
    result->out_path = std::move(*out_path);
    return false;
  }
  if (Status s = ReadInput(input.path, options_.max_input_bytes, &buffer); !s.ok()) {
    return done(Outcome::kFailed, s.message());
  }
  return true;
}

FileResult Batch::Complete(JobItem& item, const std::string& out_path) {
  FileResult result;
  if (!item.output.ok()) result = Finished(Outcome::kFailed, item.output.status().message());
  result.bytes_in = item.bytes.size();  // read either way, for the progress line
  if (!item.output.ok()) return result;
  result.bytes = std::move(item.output->bytes);
  result.counters = std::move(item.output->counters);
  if (out_path.empty()) return result;
  if (Status s = WriteFileAtomic(out_path, result.bytes); !s.ok()) {
    return Finished(Outcome::kFailed, s.message());
  }
  result.bytes_out = result.bytes.size();
  result.bytes.clear();
  result.bytes.shrink_to_fit();
  return result;
}

void Batch::ProcessRange(size_t from, size_t to, WorkerContext& context,
                         std::vector<ReadBuffer>& buffers, std::vector<FileResult>& results) {
  results.assign(to - from, FileResult());
  std::vector<JobItem> items;
  std::vector<size_t> item_index;  // into results
  std::vector<std::string> out_paths(to - from);
  for (size_t i = from; i < to;) {
    items.clear();
    item_index.clear();
    size_t read = 0;
    for (; i < to && (items.empty() || read < options_.batch_bytes); ++i) {
      ReadBuffer& buffer = buffers[items.size()];
      if (!Prepare(i, context, buffer, &results[i - from], &out_paths[i - from])) continue;
      items.push_back(JobItem{&inputs_[i], buffer.bytes()});
      item_index.push_back(i - from);
      read += buffer.bytes().size();
    }
    RunGuarded(std::span(items), context, job_);
    for (size_t k = 0; k < items.size(); ++k) {
      results[item_index[k]] = Complete(items[k], out_paths[item_index[k]]);
    }
  }
  for (ReadBuffer& buffer : buffers) buffer.Trim(kKeptReadBytes / buffers.size());
}

void Batch::Work(int index) {
  WorkerContext context(index);
  std::vector<ReadBuffer> buffers(std::max<size_t>(1, options_.batch_files));
  std::vector<FileResult> results;
  for (;;) {
    size_t from, to;
    {
      std::unique_lock lock(mu_);
      space_cv_.wait(lock, [&] {
        return stop_ || next_claim_ >= inputs_.size() || next_claim_ < next_emit_ + window_;
      });
      if (stop_ || next_claim_ >= inputs_.size()) return;
      const size_t share = std::max<size_t>(1, (inputs_.size() - next_claim_) / threads_);
      from = next_claim_;
      next_claim_ += std::min({buffers.size(), next_emit_ + window_ - next_claim_, share});
      to = next_claim_;
    }
    ProcessRange(from, to, context, buffers, results);
    {
      std::lock_guard lock(mu_);
      for (size_t i = from; i < to; ++i) {
        ++finished_;
        finished_bytes_ += results[i - from].bytes_in;
        ring_[i % window_] = std::move(results[i - from]);
      }
    }
    ready_cv_.notify_one();
  }
}

void Batch::Log(ProgressMeter& progress, std::string_view path, std::string_view message) {
  FlushOutput(progress);  // so that the message keeps its place among the outputs
  WriteLog(progress, path, message);
}

void Batch::WriteLog(ProgressMeter& progress, std::string_view path, std::string_view message) {
  progress.Clear();
  std::string line = std::string(path == "-" ? "<stdin>" : path) + ": " + std::string(message);
  (void)WriteAll(options_.log_fd, line + "\n", "log");
}

void Batch::Emit(const InputFile& input, FileResult& result, ProgressMeter& progress) {
  switch (result.outcome) {
    case Outcome::kFailed:
      ++summary_.files_failed;
      Log(progress, input.path, result.message);
      return;
    case Outcome::kUnsupported:
      ++summary_.files_unsupported;
      Log(progress, input.path, result.message);
      return;
    case Outcome::kUpToDate:
      ++summary_.files_up_to_date;
      return;
    case Outcome::kStream:
      EmitStream(input, result.out_path, progress);
      return;
    case Outcome::kOk:
      break;
  }
  const bool to_stdout = out_root_.empty();
  // A page sent to stdout counts once its block is written.
  BatchSummary& to = to_stdout ? stdout_block_.pending() : summary_;
  if (to_stdout) {
    stdout_block_.Add(result.bytes, input.path);
    result.bytes_out = result.bytes.size();
  }
  ++to.files_ok;
  to.bytes_in += result.bytes_in;
  to.bytes_out += result.bytes_out;
  if (to.counters.size() < result.counters.size()) to.counters.resize(result.counters.size());
  for (size_t c = 0; c < result.counters.size(); ++c) to.counters[c] += result.counters[c];
  if (stdout_block_.Full()) FlushOutput(progress);
}

void Batch::FlushOutput(ProgressMeter& progress) {
  if (Status s = stdout_block_.Flush(&summary_); !s.ok()) {
    summary_.stopped = s;
    WriteLog(progress, stdout_block_.first_source(), s.message());
  }
}

void Batch::EmitStream(const InputFile& input, const std::string& out_path,
                       ProgressMeter& progress) {
  FlushOutput(progress);  // this input writes to output_fd directly
  if (!summary_.stopped.ok()) return;
  progress.Clear();
  AtomicFile file;
  Status status = out_path.empty() ? Status::Ok() : file.Open(out_path);
  Status sink_status;
  BatchSummary part;
  if (status.ok()) {
    Sink sink = [&](std::string_view bytes) {
      Status s =
          out_path.empty() ? WriteAll(options_.output_fd, bytes, "stdout") : file.Write(bytes);
      if (!s.ok()) sink_status = s;
      return s;
    };
    status = stream_job_(input, sink, &part);
    if (status.ok() && !out_path.empty()) status = file.Commit();
  }
  AddSummary(part, &summary_);
  if (!status.ok()) {
    Log(progress, input.path, status.message());
    // A broken stdout ends the run; a failed output file fails its input only.
    if (out_path.empty() && !sink_status.ok()) {
      summary_.stopped = sink_status;
    } else {
      ++summary_.files_failed;
    }
    return;
  }
  ++summary_.files_ok;
}

BatchSummary Batch::Run() {
  auto start = std::chrono::steady_clock::now();
  Plan();
  size_t n = inputs_.size();
  if (n == 0 || !summary_.stopped.ok()) return summary_;
  size_t threads = options_.threads > 0 ? options_.threads : std::thread::hardware_concurrency();
  threads = std::clamp<size_t>(threads, 1, n);
  threads_ = threads;
  checked_dir_.assign(threads, "");
  ProgressMeter progress(options_.log_fd, options_.progress, n);
  if (threads == 1) {
    RunInline(progress);
  } else {
    RunThreads(threads, progress);
  }
  FlushOutput(progress);
  progress.Clear();
  summary_.elapsed_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary_;
}

// One thread: no workers to hand results over to, so no wake-up per file (a folder of small
// pages costs two context switches per file otherwise).
void Batch::RunInline(ProgressMeter& progress) {
  WorkerContext context(0);
  std::vector<ReadBuffer> buffers(std::max<size_t>(1, options_.batch_files));
  std::vector<FileResult> results;
  uint64_t done_bytes = 0;
  for (size_t from = 0; from < inputs_.size() && summary_.stopped.ok();) {
    const size_t to = std::min(inputs_.size(), from + buffers.size());
    ProcessRange(from, to, context, buffers, results);
    for (size_t i = from; i < to && summary_.stopped.ok(); ++i) {
      done_bytes += results[i - from].bytes_in;
      Emit(inputs_[i], results[i - from], progress);
      progress.Update(i + 1, done_bytes);
    }
    from = to;
  }
}

void Batch::RunThreads(size_t threads, ProgressMeter& progress) {
  size_t n = inputs_.size();
  window_ = options_.max_ahead > 0 ? options_.max_ahead : std::max<size_t>(64, 16 * threads);
  ring_.resize(window_);
  std::vector<std::thread> workers;
  for (size_t t = 0; t < threads; ++t) workers.emplace_back([this, t] { Work(t); });
  while (next_emit_ < n && summary_.stopped.ok()) {
    std::unique_lock lock(mu_);
    std::optional<FileResult>& slot = ring_[next_emit_ % window_];
    // Wakes at least 5 times a second to redraw the progress line during a slow file.
    ready_cv_.wait_for(lock, std::chrono::milliseconds(200), [&] { return slot.has_value(); });
    uint64_t done = finished_, done_bytes = finished_bytes_;
    std::optional<FileResult> result;
    size_t index = next_emit_;
    if (slot.has_value()) {
      result = std::move(slot);
      slot.reset();
      ++next_emit_;
    }
    lock.unlock();
    if (result.has_value()) {
      space_cv_.notify_all();
      Emit(inputs_[index], *result, progress);
    } else {
      FlushOutput(progress);  // a slow page holds up the rest: what is done goes out now
    }
    progress.Update(done, done_bytes);
  }
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  space_cv_.notify_all();
  for (std::thread& worker : workers) worker.join();
}

}  // namespace

Job PerFile(FileJob file_job) {
  return [file_job = std::move(file_job)](std::span<JobItem> items, WorkerContext& context) {
    for (JobItem& item : items) item.output = file_job(*item.input, item.bytes, context);
  };
}

BatchSummary RunBatch(const std::vector<InputFile>& inputs, const BatchOptions& options,
                      const Job& job, const StreamJob& stream_job) {
  return Batch(inputs, options, job, stream_job).Run();
}

}  // namespace winnow::batch
