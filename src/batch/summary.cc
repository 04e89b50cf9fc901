#include "batch/summary.h"

#include <algorithm>
#include <cstdio>

#include "batch/atomic_file.h"
#include "sources/jsonl_writer.h"
namespace winnow::batch {
namespace {

std::string Fixed(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.*f", decimals, value);
  return buf;
}

// "1 file", "2 files".
std::string Count(uint64_t n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string Megabytes(uint64_t bytes) { return Fixed(static_cast<double>(bytes) / 1e6, 1) + " MB"; }

// Counter i of the flattened groups, 0 past the end (a job may report fewer counters).
uint64_t CounterAt(const BatchSummary& summary, size_t i) {
  return i < summary.counters.size() ? summary.counters[i] : 0;
}

uint64_t SkippedRecords(const BatchSummary& summary) {
  uint64_t n = 0;
  for (const auto& [kind, count] : summary.records_skipped) n += count;
  return n;
}

}  // namespace

void AddSummary(const BatchSummary& from, BatchSummary* to) {
  to->files_ok += from.files_ok;
  to->files_failed += from.files_failed;
  to->files_up_to_date += from.files_up_to_date;
  to->files_unsupported += from.files_unsupported;
  to->bytes_in += from.bytes_in;
  to->bytes_out += from.bytes_out;
  if (to->counters.size() < from.counters.size()) to->counters.resize(from.counters.size());
  for (size_t c = 0; c < from.counters.size(); ++c) to->counters[c] += from.counters[c];
  to->records_ok += from.records_ok;
  to->records_failed += from.records_failed;
  for (const auto& [kind, count] : from.records_skipped) to->records_skipped[kind] += count;
}

std::string FormatSummaryText(const BatchSummary& summary,
                              const std::vector<CounterGroup>& groups) {
  double seconds = summary.elapsed_seconds;
  uint64_t processed = summary.files_ok + summary.files_failed;
  std::string out = Count(summary.files_ok, "file") + " cleaned, " +
                    std::to_string(summary.files_failed) + " failed, " +
                    std::to_string(summary.files_up_to_date) + " up to date, " +
                    std::to_string(summary.files_unsupported) + " skipped (not pages); " +
                    Megabytes(summary.bytes_in) + " in, " + Megabytes(summary.bytes_out) +
                    " out in " + Fixed(seconds, 1) + " s";
  if (seconds > 0) out += " (" + Fixed(static_cast<double>(processed) / seconds, 1) + " files/s)";
  out += '\n';
  if (summary.records_ok + summary.records_failed + SkippedRecords(summary) > 0) {
    out += Count(summary.records_ok, "record") + " cleaned, " +
           std::to_string(summary.records_failed) + " bad, " +
           std::to_string(SkippedRecords(summary)) + " skipped";
    std::string kinds;
    for (const auto& [kind, count] : summary.records_skipped) {
      kinds += (kinds.empty() ? "" : ", ") + kind + " " + std::to_string(count);
    }
    out += kinds.empty() ? "\n" : " (" + kinds + ")\n";
  }
  size_t index = 0;
  for (const CounterGroup& group : groups) {
    std::vector<std::pair<uint64_t, size_t>> shown;  // (value, name index), non-zero only
    for (size_t n = 0; n < group.names.size(); ++n) {
      if (uint64_t value = CounterAt(summary, index++); value > 0) shown.emplace_back(value, n);
    }
    if (group.top > 0) {
      // Largest first; ties keep name order, so the line does not depend on the run.
      std::stable_sort(shown.begin(), shown.end(),
                       [](const auto& a, const auto& b) { return a.first > b.first; });
      if (shown.size() > group.top) shown.resize(group.top);
    }
    std::string line;
    for (const auto& [value, n] : shown) {
      line += (line.empty() ? "" : ", ") + group.names[n] + " " + std::to_string(value);
    }
    if (!line.empty()) out += group.name + ": " + line + "\n";
  }
  return out;
}

std::string FormatSummaryJson(const BatchSummary& summary,
                              const std::vector<CounterGroup>& groups) {
  std::string out = "{\"files\": {\"ok\": " + std::to_string(summary.files_ok) +
                    ", \"failed\": " + std::to_string(summary.files_failed) +
                    ", \"up_to_date\": " + std::to_string(summary.files_up_to_date) +
                    ", \"unsupported\": " + std::to_string(summary.files_unsupported) +
                    "}, \"records\": {\"ok\": " + std::to_string(summary.records_ok) +
                    ", \"failed\": " + std::to_string(summary.records_failed) + ", \"skipped\": {";
  for (auto it = summary.records_skipped.begin(); it != summary.records_skipped.end(); ++it) {
    if (it != summary.records_skipped.begin()) out += ", ";
    sources::AppendJsonString(it->first, &out);
    out += ": " + std::to_string(it->second);
  }
  out += "}}, \"bytes_in\": " + std::to_string(summary.bytes_in) +
         ", \"bytes_out\": " + std::to_string(summary.bytes_out) +
         ", \"elapsed_seconds\": " + Fixed(summary.elapsed_seconds, 3) + ", \"counters\": {";
  size_t index = 0;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (g > 0) out += ", ";
    sources::AppendJsonString(groups[g].name, &out);
    out += ": {";
    for (size_t n = 0; n < groups[g].names.size(); ++n) {
      if (n > 0) out += ", ";
      sources::AppendJsonString(groups[g].names[n], &out);
      out += ": " + std::to_string(CounterAt(summary, index++));
    }
    out += '}';
  }
  out += '}';
  if (!summary.version.empty()) {
    out += ", \"winnow\": {\"version\": ";
    sources::AppendJsonString(summary.version, &out);
    out += ", \"rules\": ";
    sources::AppendJsonString(summary.rules_fingerprint, &out);
    out += '}';
  }
  out += "}\n";
  return out;
}

Status WriteSummaryJson(const std::string& path, const BatchSummary& summary,
                        const std::vector<CounterGroup>& groups) {
  return WriteFileAtomic(path, FormatSummaryJson(summary, groups));
}

}  // namespace winnow::batch
