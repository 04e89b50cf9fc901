// RunRecordPipeline: cleans a stream of records (a JSONL or WARC file, or stdin) in bounded
// memory, on worker threads, with outputs in input order:
//
//   reader thread -> bounded window -> N workers (each with its own WorkerContext)
//                 -> in-order writer (the calling thread) -> sink
//
// The window caps how far the reader may run ahead of the oldest unwritten record, both in
// records and in payload bytes, so a 10 GB stream needs no more memory than a few records.
#ifndef WINNOW_SRC_BATCH_RECORD_PIPELINE_H_
#define WINNOW_SRC_BATCH_RECORD_PIPELINE_H_

#include <unistd.h>

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "batch/output_block.h"
#include "batch/progress.h"
#include "batch/runner.h"
#include "batch/summary.h"
#include "sources/record.h"
#include "winnow/status.h"

namespace winnow::batch {

struct PipelineOptions {
  // Worker threads; 0 = one per core.  -j
  int threads = 0;
  // Records read but not yet written (queued, being cleaned, or waiting for an older one).
  // 0 = 16 per thread, at least 64.
  size_t max_ahead = 0;
  // Payload bytes those records may hold together; a larger record still passes, alone.
  size_t max_ahead_bytes = 32u << 20;
  // Records a worker takes at once, at most (0 counts as 1): of those read and waiting, no
  // more than its share when there are several threads (as BatchOptions::batch_files).
  size_t batch_records = 16;
  // Progress line (records, MB, records/s) on log_fd.  --progress
  ProgressMode progress = ProgressMode::kNever;
  // Where bad items and failed records are reported: `<name>: <position>: <message>`.
  int log_fd = STDERR_FILENO;
  // Outputs reach the sink in blocks of at least this many bytes, not one call per record;
  // a block also goes out before a message, and when no record is done for 200 ms.
  // 0 = each output at once.
  size_t output_block_bytes = kOutputBlockBytes;
};

// One record handed to a RecordJob, and what the job made of it.
struct RecordItem {
  const sources::Record* record = nullptr;
  Result<JobOutput> output = Status::Internal("the job gave no output");
};

// Sets the output of every item (PipelineOptions::batch_records at most, in stream order), so
// that a job may run each stage over all of them in turn (Cleaner::CleanBatch). Called on
// worker threads, concurrently, each with its own context. An error or an exception fails
// that record only (see RunGuarded).
using RecordJob = std::function<void(std::span<RecordItem> items, WorkerContext& context)>;

// A RecordJob that runs record_job on each item in turn.
using OneRecordJob = std::function<Result<JobOutput>(const sources::Record&, WorkerContext&)>;
RecordJob PerRecord(OneRecordJob record_job);
// Takes the outputs, in input order and in blocks (PipelineOptions::output_block_bytes), on
// the calling thread.
using RecordSink = std::function<Status(std::string_view bytes)>;

// Runs job over every record of reader. Bad items and failed records are logged, counted in
// summary->records_failed and skipped; the others are counted in records_ok, their payload
// bytes in bytes_in, their output in bytes_out and their counters summed into counters.
// name labels log lines ("<stdin>", a path). Returns the sink's first error, which stops
// the run; reader errors are bad items, not a stop.
Status RunRecordPipeline(sources::RecordReader& reader, std::string_view name,
                         const PipelineOptions& options, const RecordJob& job,
                         const RecordSink& sink, BatchSummary* summary);

}  // namespace winnow::batch

#endif  // WINNOW_SRC_BATCH_RECORD_PIPELINE_H_
