// The eval pages the throughput benchmarks run over (html_bench.cc, dumps_bench.cc).
#ifndef WINNOW_BENCH_EVAL_PAGES_H_
#define WINNOW_BENCH_EVAL_PAGES_H_

#include <benchmark/benchmark.h>
#include <glob.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "batch/runner.h"
#include "winnow/winnow.h"

namespace winnow::bench {

// Every file matching the glob in $`env`, else `fallback`, read into memory.
inline std::vector<std::string> LoadPages(const char* env, const char* fallback) {
  const char* pattern = std::getenv(env);
  glob_t matches;
  std::vector<std::string> out;
  if (glob(pattern != nullptr ? pattern : fallback, 0, nullptr, &matches) == 0) {
    for (size_t i = 0; i < matches.gl_pathc; ++i) {
      std::ifstream file(matches.gl_pathv[i], std::ios::binary);
      std::ostringstream bytes;
      bytes << file.rdbuf();
      out.push_back(bytes.str());
    }
    globfree(&matches);
  }
  return out;
}

// Runs `clean_one` over every page per iteration; reports bytes/s and pages/s.
template <typename CleanOne>
void RunOverPages(benchmark::State& state, const std::vector<std::string>& pages,
                  CleanOne clean_one) {
  if (pages.empty()) {
    state.SkipWithError("no pages found");
    return;
  }
  size_t bytes = 0;
  size_t count = 0;
  for (auto _ : state) {
    for (const std::string& page : pages) {
      clean_one(page);
      bytes += page.size();
    }
    count += pages.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["pages/s"] =
      benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsRate);
}

// Cleans pages [from, to) as `winnow clean` does: in batches (Cleaner::CleanBatch parses a
// batch, then classifies it) that end at BatchOptions::batch_files pages or once their pages
// reach batch_bytes.
inline void CleanInBatches(const Cleaner& cleaner, const std::vector<std::string>& pages,
                           size_t from, size_t to, Format format) {
  const batch::BatchOptions limits;
  std::vector<Input> inputs;
  for (size_t i = from; i < to;) {
    inputs.clear();
    const size_t most = std::max<size_t>(1, limits.batch_files);
    for (size_t bytes = 0;
         i < to && inputs.size() < most && (inputs.empty() || bytes < limits.batch_bytes); ++i) {
      inputs.emplace_back();
      inputs.back().bytes = pages[i];
      inputs.back().format = format;
      bytes += pages[i].size();
    }
    for (const Result<Cleaned>& out : cleaner.CleanBatch(inputs)) {
      benchmark::DoNotOptimize(out.ok());
    }
  }
}

// The whole of cleaning (default options) over every page, read as `format`, in batches.
inline void RunCleanOverPages(benchmark::State& state, const std::vector<std::string>& pages,
                              Format format) {
  Result<std::unique_ptr<Cleaner>> cleaner = Cleaner::Create(Options());
  if (!cleaner.ok()) {
    state.SkipWithError(cleaner.status().message().c_str());
    return;
  }
  if (pages.empty()) {
    state.SkipWithError("no pages found");
    return;
  }
  size_t bytes = 0;
  for (const std::string& page : pages) bytes += page.size();
  for (auto _ : state) CleanInBatches(**cleaner, pages, 0, pages.size(), format);
  state.SetBytesProcessed(static_cast<int64_t>(bytes * state.iterations()));
  state.counters["pages/s"] = benchmark::Counter(
      static_cast<double>(pages.size() * state.iterations()), benchmark::Counter::kIsRate);
}

}  // namespace winnow::bench

#endif  // WINNOW_BENCH_EVAL_PAGES_H_
