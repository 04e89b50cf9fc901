// RunBatch: runs a job over many inputs on worker threads. Each input is read (with a size
// cap), handed to the job with a few inputs after it, and its output written atomically under
// the output folder or, without one, to stdout in input order. One bad file never stops the batch;
// a finished output not older than its input is not redone; outputs never depend on the thread
// count.
#ifndef WINNOW_SRC_BATCH_RUNNER_H_
#define WINNOW_SRC_BATCH_RUNNER_H_

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "batch/input_walk.h"
#include "batch/progress.h"
#include "batch/summary.h"
#include "winnow/status.h"

namespace winnow::batch {

struct BatchOptions {
  // Worker threads; 0 = one per core.  --threads
  int threads = 0;
  // Redo inputs whose output is up to date (not older than the input).  --force
  bool force = false;
  // Progress line on log_fd.  --progress auto|always|never
  ProgressMode progress = ProgressMode::kAuto;
  // Folder that mirrors the inputs' layout; empty writes every output to output_fd, in input
  // order.  -o / --output. Check it first with CheckOutputDir (output_path.h).
  std::string output_dir;
  // Extension of the files under output_dir, without the dot: "txt" or "jsonl".
  std::string output_ext = "txt";
  // The same for the outputs of stream inputs (see StreamJob).
  std::string stream_output_ext = "jsonl";
  // Inputs larger than this fail with "file too large", never truncated.  --max-bytes
  size_t max_input_bytes = 64u << 20;
  // How many files workers may run ahead of the oldest unwritten one; bounds the outputs
  // held in memory for in-order writing. 0 = 16 per thread, at least 64.
  size_t max_ahead = 0;
  // Inputs handed to the job at once, for a job that runs each stage over all of them in
  // turn (Cleaner::CleanBatch); 1 hands them over one by one. A batch also ends once the
  // inputs read for it reach batch_bytes, and with several threads it takes no more than a
  // thread's share of the inputs left, so that a few files still spread over every thread.
  // batch_files 0 counts as 1; a batch always takes its first input, whatever batch_bytes.
  size_t batch_files = 16;
  size_t batch_bytes = 8u << 20;
  // Where outputs go without output_dir.
  int output_fd = STDOUT_FILENO;
  // Where per-file errors (`path: reason`), notices and the progress line go.
  int log_fd = STDERR_FILENO;
};

struct JobOutput {
  std::string bytes;               // the output for this input, written as is
  std::vector<uint64_t> counters;  // summed index-wise into BatchSummary::counters
};

// One per worker thread, handed to every job call on that thread: the place for state that
// is costly to build and not shareable between threads (a parser arena, a scratch buffer).
class WorkerContext {
 public:
  explicit WorkerContext(int index) : index_(index) {}

  // 0 .. threads-1.
  int index() const { return index_; }

  // This thread's state, built by make() on first use. Every call in a run must ask for the
  // same T. T need be neither copyable nor movable: make() may return it by value.
  template <typename T, typename Make>
  T& State(Make&& make) {
    if (!state_) state_ = std::shared_ptr<T>(new T(make()));
    return *static_cast<T*>(state_.get());
  }

 private:
  int index_;
  std::shared_ptr<void> state_;
};

// One input handed to a Job, and what the job made of it.
struct JobItem {
  const InputFile* input = nullptr;
  std::string_view bytes;  // the input's bytes, valid during the call
  Result<JobOutput> output = Status::Internal("the job gave no output");
};

// Sets the output of every item (BatchOptions::batch_files at most, in input order). Called
// from worker threads, concurrently: must be thread-safe apart from its context. An error
// fails that input only ("path: message" on the log); so does an exception, as the runner
// then runs the batch's inputs again one at a time.
using Job = std::function<void(std::span<JobItem> items, WorkerContext& context)>;

// A Job that runs file_job on each item in turn.
using FileJob = std::function<Result<JobOutput>(const InputFile& input, std::string_view bytes,
                                                WorkerContext& context)>;
Job PerFile(FileJob file_job);

// Runs a batch job (Job, RecordJob) over items, whose `output` it sets. If the job throws,
// runs it again on each item alone, so that only the input that threw fails.
template <typename Item, typename BatchJob>
void RunGuarded(std::span<Item> items, WorkerContext& context, const BatchJob& job) {
  auto attempt = [&](std::span<Item> some) {
    std::string error;
    try {
      job(some, context);
      return true;
    } catch (const std::exception& e) {
      error = std::string("internal error: ") + e.what();
    } catch (...) {
      error = "internal error: unknown exception";
    }
    for (Item& item : some) item.output = Status::Internal(error);
    return false;
  };
  if (items.empty() || attempt(items) || items.size() == 1) return;
  for (Item& item : items) attempt(std::span(&item, 1));
}

// Takes a stream job's output piece by piece: into the output file, or to output_fd.
using Sink = std::function<Status(std::string_view bytes)>;

// Runs one input that is a stream of records (kind kJsonl or kWarc), writing its output
// through sink as it goes, so that neither input nor output need fit in memory, and adding
// what it did (records, bytes, counters) to *summary. Called on the thread that called
// RunBatch, in input order, while the workers go on with the inputs after it. An error fails
// the input; its output file, written to a temp file until then, is not created.
using StreamJob =
    std::function<Status(const InputFile& input, const Sink& sink, BatchSummary* summary)>;

// Runs job over inputs (WalkInputs order), and stream_job, if given, over the kJsonl and
// kWarc ones. kSkipped inputs get a notice and kError inputs an error line, both in input
// order with the rest. If writing to output_fd fails (closed pipe, full disk) the run stops:
// summary.stopped says why.
BatchSummary RunBatch(const std::vector<InputFile>& inputs, const BatchOptions& options,
                      const Job& job, const StreamJob& stream_job = nullptr);

}  // namespace winnow::batch

#endif  // WINNOW_SRC_BATCH_RUNNER_H_
