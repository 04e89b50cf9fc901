#include "batch/summary.h"

#include <cstdio>

#include "batch/atomic_file.h"

namespace winnow::batch {
namespace {

std::string Fixed(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.*f", decimals, value);
  return buf;
}

std::string Megabytes(uint64_t bytes) { return Fixed(static_cast<double>(bytes) / 1e6, 1) + " MB"; }

// Counter i of the flattened groups, 0 past the end (a job may report fewer counters).
uint64_t CounterAt(const BatchSummary& summary, size_t i) {
  return i < summary.counters.size() ? summary.counters[i] : 0;
}

void AppendJsonString(std::string_view s, std::string& out) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof(buf), "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  out += '"';
}

}  // namespace

std::string FormatSummaryText(const BatchSummary& summary,
                              const std::vector<CounterGroup>& groups) {
  double seconds = summary.elapsed_seconds;
  uint64_t processed = summary.files_ok + summary.files_failed;
  std::string out = std::to_string(summary.files_ok) + " files cleaned, " +
                    std::to_string(summary.files_failed) + " failed, " +
                    std::to_string(summary.files_up_to_date) + " up to date, " +
                    std::to_string(summary.files_unsupported) + " skipped (not pages); " +
                    Megabytes(summary.bytes_in) + " in, " + Megabytes(summary.bytes_out) +
                    " out in " + Fixed(seconds, 1) + " s";
  if (seconds > 0) out += " (" + Fixed(static_cast<double>(processed) / seconds, 1) + " files/s)";
  out += '\n';
  size_t index = 0;
  for (const CounterGroup& group : groups) {
    std::string line;
    for (const std::string& name : group.names) {
      uint64_t value = CounterAt(summary, index++);
      if (value == 0) continue;
      line += (line.empty() ? "" : ", ") + name + " " + std::to_string(value);
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
                    "}, \"bytes_in\": " + std::to_string(summary.bytes_in) +
                    ", \"bytes_out\": " + std::to_string(summary.bytes_out) +
                    ", \"elapsed_seconds\": " + Fixed(summary.elapsed_seconds, 3) +
                    ", \"counters\": {";
  size_t index = 0;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (g > 0) out += ", ";
    AppendJsonString(groups[g].name, out);
    out += ": {";
    for (size_t n = 0; n < groups[g].names.size(); ++n) {
      if (n > 0) out += ", ";
      AppendJsonString(groups[g].names[n], out);
      out += ": " + std::to_string(CounterAt(summary, index++));
    }
    out += '}';
  }
  out += "}}\n";
  return out;
}

Status WriteSummaryJson(const std::string& path, const BatchSummary& summary,
                        const std::vector<CounterGroup>& groups) {
  return WriteFileAtomic(path, FormatSummaryJson(summary, groups));
}

}  // namespace winnow::batch
