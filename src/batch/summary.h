// BatchSummary: what a batch run did, and its two renderings: a human line or two for stderr
// and JSON for `--stats FILE`.
#ifndef WINNOW_SRC_BATCH_SUMMARY_H_
#define WINNOW_SRC_BATCH_SUMMARY_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "winnow/status.h"

namespace winnow::batch {

struct BatchSummary {
  uint64_t files_ok = 0;           // job ran and its output was written
  uint64_t files_failed = 0;       // one `path: reason` line each on the log
  uint64_t files_up_to_date = 0;   // skipped: output not older than input
  uint64_t files_unsupported = 0;  // skipped: not a page, or a symbolic link loop
  uint64_t bytes_in = 0;           // bytes read from inputs the job ran on
  uint64_t bytes_out = 0;          // bytes of output written
  double elapsed_seconds = 0;
  std::vector<uint64_t> counters;  // every JobOutput::counters, summed index-wise
  Status stopped;                  // why the run ended early (output write error), else ok
  // Inputs that are streams of records (JSONL, WARC): one record per page.
  uint64_t records_ok = 0;      // cleaned and written
  uint64_t records_failed = 0;  // bad lines or records, one `path: position: reason` each
  std::map<std::string, uint64_t> records_skipped;  // not pages, by kind ("request", ...)
  // What produced the output, for the JSON only; empty: left out.
  std::string version;            // winnow's version
  std::string rules_fingerprint;  // Cleaner::RulesFingerprint()
};

// Adds every count of from to to (elapsed_seconds and stopped are left alone).
void AddSummary(const BatchSummary& from, BatchSummary* to);

// Names for BatchSummary::counters: group i names the counters that follow group i-1's.
struct CounterGroup {
  std::string name;                // "labels", "rules"
  std::vector<std::string> names;  // one per counter
  size_t top = 0;  // text summary: only the top N counters, largest first; 0: all, in order
};

// "48 files cleaned, 1 failed, 3 up to date, 2 skipped (not pages); 12.1 MB in, 3.0 MB out in
// 1.3 s (38.5 files/s)\n", a records line if there were any ("1200 records cleaned, 2 bad,
// 5 skipped (request 3, response:non-html 2)"), then one line per group with its non-zero
// counters.
std::string FormatSummaryText(const BatchSummary& summary, const std::vector<CounterGroup>& groups);

// {"files": {"ok": .., "failed": .., "up_to_date": .., "unsupported": ..},
//  "records": {"ok": .., "failed": .., "skipped": {"request": .., ...}}, "bytes_in": ..,
//  "bytes_out": .., "elapsed_seconds": .., "counters": {"labels": {"body": ..}, ...},
//  "winnow": {"version": "0.1.0", "rules": "<fingerprint>"}}, the last only with a version.
// Every named counter is listed, zeros included, so consumers see a stable key set.
std::string FormatSummaryJson(const BatchSummary& summary, const std::vector<CounterGroup>& groups);

// FormatSummaryJson written atomically to path.
Status WriteSummaryJson(const std::string& path, const BatchSummary& summary,
                        const std::vector<CounterGroup>& groups);

}  // namespace winnow::batch

#endif  // WINNOW_SRC_BATCH_SUMMARY_H_
