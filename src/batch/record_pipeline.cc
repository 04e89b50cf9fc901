#include "batch/record_pipeline.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>
#include <vector>

#include "batch/atomic_file.h"
#include "batch/output_block.h"

namespace winnow::batch {
namespace {

struct Outcome {
  std::string error;  // non-empty: the record failed (or was a bad item); logged
  sources::SourcePosition position;
  JobOutput output;
  uint64_t bytes_in = 0;  // payload bytes
  uint64_t held = 0;      // bytes the window counts for this record until it is written
};

class Pipeline {
 public:
  Pipeline(sources::RecordReader& reader, std::string_view name, const PipelineOptions& options,
           const RecordJob& job)
      : reader_(reader), name_(name), options_(options), job_(job) {}

  Status Run(const RecordSink& sink, BatchSummary* summary);

 private:
  void Read();
  void Work(int index);
  Status Emit(Outcome& outcome, OutputBlock& block, ProgressMeter& progress, BatchSummary* summary);

  sources::RecordReader& reader_;
  std::string name_;
  const PipelineOptions& options_;
  const RecordJob& job_;
  size_t window_ = 0;
  size_t threads_ = 1;

  std::mutex mu_;
  std::condition_variable space_cv_;  // the writer released a slot (reader waits)
  std::condition_variable work_cv_;   // a record was queued or reading ended (workers wait)
  std::condition_variable ready_cv_;  // an outcome arrived (writer waits)
  std::deque<std::pair<uint64_t, sources::Record>> queue_;  // read, not yet taken
  std::vector<std::optional<Outcome>> ring_;  // outcome of record i in ring_[i % window_]
  uint64_t next_read_ = 0;                    // sequence number of the next item read
  uint64_t next_emit_ = 0;                    // sequence number the writer waits for
  uint64_t ahead_bytes_ = 0;                  // payload bytes read and not yet written
  bool read_done_ = false;
  bool stop_ = false;
};

void Pipeline::Read() {
  for (;;) {
    {
      std::unique_lock lock(mu_);
      // An empty window always takes the next record, however large.
      space_cv_.wait(lock, [&] {
        return stop_ || next_read_ == next_emit_ ||
               (next_read_ < next_emit_ + window_ && ahead_bytes_ < options_.max_ahead_bytes);
      });
      if (stop_) break;
    }
    sources::ReadItem item = reader_.Next();
    std::lock_guard lock(mu_);
    if (std::holds_alternative<sources::EndOfStream>(item)) break;
    uint64_t seq = next_read_++;
    if (auto* bad = std::get_if<sources::BadItem>(&item)) {
      Outcome outcome;
      outcome.error = std::move(bad->message);
      outcome.position = bad->position;
      ring_[seq % window_] = std::move(outcome);
      ready_cv_.notify_one();
      continue;
    }
    auto& record = std::get<sources::Record>(item);
    ahead_bytes_ += record.payload.size() + record.original_json.size();
    queue_.emplace_back(seq, std::move(record));
    work_cv_.notify_one();
  }
  std::lock_guard lock(mu_);
  read_done_ = true;
  work_cv_.notify_all();
  ready_cv_.notify_one();
}

void Pipeline::Work(int index) {
  WorkerContext context(index);
  std::vector<std::pair<uint64_t, sources::Record>> taken;
  std::vector<RecordItem> items;
  std::vector<Outcome> outcomes;
  for (;;) {
    taken.clear();
    {
      std::unique_lock lock(mu_);
      work_cv_.wait(lock, [&] { return stop_ || !queue_.empty() || read_done_; });
      if (stop_ || queue_.empty()) return;
      const size_t share = std::max<size_t>(1, queue_.size() / threads_);
      const size_t most = std::max<size_t>(1, options_.batch_records);
      for (size_t n = std::min({most, share, queue_.size()}); n > 0; --n) {
        taken.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    items.assign(taken.size(), RecordItem());
    for (size_t k = 0; k < taken.size(); ++k) items[k].record = &taken[k].second;
    RunGuarded(std::span(items), context, job_);
    outcomes.assign(taken.size(), Outcome());
    for (size_t k = 0; k < taken.size(); ++k) {
      const sources::Record& record = taken[k].second;
      Outcome& outcome = outcomes[k];
      outcome.position = record.position;
      outcome.bytes_in = record.payload.size();
      outcome.held = record.payload.size() + record.original_json.size();
      if (items[k].output.ok()) {
        outcome.output = std::move(*items[k].output);
      } else {
        outcome.error = items[k].output.status().message();
      }
    }
    for (size_t k = 0; k < taken.size(); ++k) taken[k].second = {};  // frees the payloads
    std::lock_guard lock(mu_);
    for (size_t k = 0; k < taken.size(); ++k) {
      ring_[taken[k].first % window_] = std::move(outcomes[k]);
    }
    ready_cv_.notify_one();
  }
}

Status Pipeline::Emit(Outcome& outcome, OutputBlock& block, ProgressMeter& progress,
                      BatchSummary* summary) {
  if (!outcome.error.empty()) {
    // The outputs before this record go out before its message.
    if (Status s = block.Flush(summary); !s.ok()) return s;
    ++summary->records_failed;
    progress.Clear();
    (void)WriteAll(options_.log_fd,
                   name_ + ": " + outcome.position.ToString() + ": " + outcome.error + "\n", "log");
    return Status::Ok();
  }
  block.Add(outcome.output.bytes, name_);
  // The record counts once its block is written.
  BatchSummary& pending = block.pending();
  ++pending.records_ok;
  pending.bytes_in += outcome.bytes_in;
  pending.bytes_out += outcome.output.bytes.size();
  std::vector<uint64_t>& counters = pending.counters;
  if (counters.size() < outcome.output.counters.size()) {
    counters.resize(outcome.output.counters.size());
  }
  for (size_t c = 0; c < outcome.output.counters.size(); ++c) {
    counters[c] += outcome.output.counters[c];
  }
  return block.Full() ? block.Flush(summary) : Status::Ok();
}

Status Pipeline::Run(const RecordSink& sink, BatchSummary* summary) {
  size_t threads = options_.threads > 0 ? options_.threads : std::thread::hardware_concurrency();
  threads = std::max<size_t>(threads, 1);
  threads_ = threads;
  window_ = options_.max_ahead > 0 ? options_.max_ahead : std::max<size_t>(64, 16 * threads);
  ring_.resize(window_);
  std::thread reader([this] { Read(); });
  std::vector<std::thread> workers;
  for (size_t t = 0; t < threads; ++t) workers.emplace_back([this, t] { Work(t); });

  ProgressMeter progress(options_.log_fd, options_.progress, 0);
  OutputBlock block(sink, options_.output_block_bytes);
  uint64_t bytes_done = 0;
  Status status;
  for (;;) {
    std::unique_lock lock(mu_);
    std::optional<Outcome>& slot = ring_[next_emit_ % window_];
    // Wakes at least 5 times a second to redraw the progress line.
    ready_cv_.wait_for(lock, std::chrono::milliseconds(200), [&] {
      return slot.has_value() || (read_done_ && next_emit_ == next_read_);
    });
    if (!slot.has_value()) {
      if (read_done_ && next_emit_ == next_read_) break;
      lock.unlock();
      // Nothing for 200 ms (a slow record, or a slow writer upstream): what is done goes out.
      status = block.Flush(summary);
      if (!status.ok()) break;
      progress.Update(next_emit_, bytes_done);
      continue;
    }
    Outcome outcome = std::move(*slot);
    slot.reset();
    ++next_emit_;
    ahead_bytes_ -= outcome.held;
    lock.unlock();
    space_cv_.notify_one();
    bytes_done += outcome.bytes_in;
    status = Emit(outcome, block, progress, summary);
    if (!status.ok()) break;
    progress.Update(next_emit_, bytes_done);
  }
  if (status.ok()) status = block.Flush(summary);
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  space_cv_.notify_all();
  work_cv_.notify_all();
  for (std::thread& worker : workers) worker.join();
  reader.join();
  progress.Clear();
  return status;
}

}  // namespace

RecordJob PerRecord(OneRecordJob record_job) {
  return [record_job = std::move(record_job)](std::span<RecordItem> items, WorkerContext& context) {
    for (RecordItem& item : items) item.output = record_job(*item.record, context);
  };
}

Status RunRecordPipeline(sources::RecordReader& reader, std::string_view name,
                         const PipelineOptions& options, const RecordJob& job,
                         const RecordSink& sink, BatchSummary* summary) {
  return Pipeline(reader, name, options, job).Run(sink, summary);
}

}  // namespace winnow::batch
