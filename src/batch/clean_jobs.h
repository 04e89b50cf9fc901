// The jobs of `winnow clean`: a Cleaner over page files (text, HTML) and over streams of
// records (JSONL, WARC), writing cleaned text or JSONL, for RunBatch (runner.h).
#ifndef WINNOW_SRC_BATCH_CLEAN_JOBS_H_
#define WINNOW_SRC_BATCH_CLEAN_JOBS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "batch/input_walk.h"
#include "batch/record_pipeline.h"
#include "batch/runner.h"
#include "batch/summary.h"
#include "sources/jsonl_reader.h"
#include "sources/warc_reader.h"
#include "winnow/status.h"
#include "winnow/winnow.h"

namespace winnow::batch {

// How inputs are read.  --input-format
enum class InputFormat : uint8_t {
  kAuto,   // by extension (.txt .html .jsonl .warc, each maybe .gz), else by the first bytes
  kText,   // every input is a text dump
  kHtml,   // every input is HTML
  kJsonl,  // every input is JSONL, one record per line
  kWarc,   // every input is a WARC file
};

// What is written.  --format
enum class OutputFormat : uint8_t {
  kAuto,   // text for pages, JSONL for records
  kText,   // the cleaned text; a record's ends with a blank line
  kJsonl,  // one JSON line per page or record
};

Result<InputFormat> ParseInputFormat(std::string_view name);
Result<OutputFormat> ParseOutputFormat(std::string_view name);

struct CleanJobOptions {
  // How inputs are read.  --input-format
  InputFormat input_format = InputFormat::kAuto;
  // What is written.  --format
  OutputFormat format = OutputFormat::kAuto;
  // Fields of JSONL records.  --text-field --html-field --id-field --url-field
  sources::JsonlOptions jsonl;
  // Limits for WARC records (max_record_bytes follows --max-bytes).
  sources::WarcOptions warc;
  // Page URL of page inputs, for site-scoped rules.  --url
  std::string url;
  // Workers and progress for record streams (threads follow -j).
  PipelineOptions pipeline;
};

// Sets each input's kind from input_format: every page input (not kSkipped or kError)
// becomes the given kind; under kAuto, a file whose name decides nothing (kSniff) is looked
// at: "WARC/" makes it kWarc, a leading '{' kJsonl. stdin is a page unless input_format
// names a record kind (a pipe cannot be looked at and read again).
void ResolveKinds(InputFormat input_format, std::vector<InputFile>* inputs);

// The Input of a record: its payload, URL and format. HTML whose transport declared a charset
// is transcoded first, into `storage`, which must outlive the Input.
Input RecordInput(const sources::Record& record, std::string& storage);

// Output extensions for BatchOptions::output_ext and stream_output_ext.
std::string PageOutputExt(OutputFormat format);
std::string StreamOutputExt(OutputFormat format);

// Counter names of the jobs' counters: lines per label, then lines per rule (top 10 shown).
std::vector<CounterGroup> CleanCounterGroups(const Cleaner& cleaner);

// The jobs; cleaner and options must outlive them.
Job MakePageJob(const Cleaner& cleaner, const CleanJobOptions& options);
StreamJob MakeStreamJob(const Cleaner& cleaner, const CleanJobOptions& options);

}  // namespace winnow::batch

#endif  // WINNOW_SRC_BATCH_CLEAN_JOBS_H_
