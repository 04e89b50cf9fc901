// Microbenchmarks of the inner parts of the pipeline (Google Benchmark):
//
//   BM_ComputeLines     line splitting + features over a seed text dump
//   BM_RuleSetMatch     the rules' patterns over every line of that dump: one prefilter scan of
//                       the page, then RuleSet::Match per line, as the classifier does
//   BM_Classify         the classifier over the lines (rules, cuts, segmenter, fallback)
//   BM_CleanText        the whole Cleaner::Clean on the text dump
//   BM_ParseHtmlPage    ParseHtml (decode, pre-pass, Gumbo, DOM walk, metadata) on one real page
//   BM_CleanHtmlPage    the whole Cleaner::Clean on that page
// (html_bench.cc runs ParseHtml over every eval page against bare Gumbo; main_bench.cc holds
// the one main() of winnow_bench.)
//
//   build/winnow_bench [--benchmark_filter=RE] [--benchmark_repetitions=N]
//
// Inputs: WINNOW_BENCH_TEXT (default fixtures/seeds/pages/004_1360b8dbb4362f71.txt) and
// WINNOW_BENCH_PAGE (default: a 600 KB scrapinghub dev page, named below, in ../shared/eval). A
// missing input skips its benchmarks with an error message. Speed targets live in scripts/bench,
// never here or in unit tests.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "classify/classifier.h"
#include "classify/line.h"
#include "html/html_source.h"
#include "page.h"
#include "rules/rule_set.h"
#include "text/text_source.h"
#include "winnow/winnow.h"

namespace {

namespace fs = std::filesystem;

// The repository root: this file is bench/classifier_bench.cc (CMake compiles it by its
// absolute path).
fs::path RepoRoot() { return fs::path(__FILE__).parent_path().parent_path(); }

std::string PathFromEnv(const char* name, const fs::path& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback.string();
}

// Contents of `path`, or empty (with `error` set) when it cannot be read.
std::string ReadFile(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot read";
    return {};
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Inputs {
  std::string text_path, html_path;
  std::string text, html;
  std::string text_error, html_error;
  std::unique_ptr<winnow::Cleaner> cleaner;
  std::string cleaner_error;
};

const Inputs& Get() {
  static const Inputs* inputs = [] {
    auto* in = new Inputs;
    in->text_path = PathFromEnv("WINNOW_BENCH_TEXT", RepoRoot() / "fixtures" / "seeds" / "pages" /
                                                         "004_1360b8dbb4362f71.txt");
    in->html_path =
        PathFromEnv("WINNOW_BENCH_PAGE",
                    RepoRoot() / ".." / "shared" / "eval" / "scrapinghub" / "dev" /
                        "042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856.html");
    in->text = ReadFile(in->text_path, &in->text_error);
    in->html = ReadFile(in->html_path, &in->html_error);
    winnow::Options options;
    auto cleaner = winnow::Cleaner::Create(options);
    if (cleaner.ok()) {
      in->cleaner = std::move(*cleaner);
    } else {
      in->cleaner_error = cleaner.status().message();
    }
    return in;
  }();
  return *inputs;
}

// Skips the benchmark (returns false) when its inputs are missing.
bool Ready(benchmark::State& state, bool text, bool html) {
  const Inputs& in = Get();
  const std::string& error = !in.cleaner                      ? in.cleaner_error
                             : text && !in.text_error.empty() ? in.text_error
                             : html && !in.html_error.empty() ? in.html_error
                                                              : std::string();
  if (!error.empty()) state.SkipWithError(error.c_str());
  return error.empty();
}

constexpr size_t kMaxLineBytes = 1u << 20;

void BM_ComputeLines(benchmark::State& state) {
  if (!Ready(state, true, false)) return;
  const std::string& text = Get().text;
  std::vector<winnow::Line> lines;
  for (auto _ : state) {
    winnow::ComputeLines(text, kMaxLineBytes, lines);
    benchmark::DoNotOptimize(lines.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
  state.counters["lines"] = double(lines.size());
}
BENCHMARK(BM_ComputeLines);

void BM_RuleSetMatch(benchmark::State& state) {
  if (!Ready(state, true, false)) return;
  const Inputs& in = Get();
  const winnow::RuleSet& rules = in.cleaner->rules();
  std::vector<winnow::Line> lines;
  winnow::ComputeLines(in.text, kMaxLineBytes, lines);
  std::vector<int> hits;
  winnow::LineCandidates candidates;
  size_t bytes = 0;
  for (const winnow::Line& l : lines) bytes += l.end - l.begin;
  for (auto _ : state) {
    rules.PrefilterLines(in.text, lines, kMaxLineBytes, candidates);
    for (size_t i = 0; i < lines.size(); ++i) {
      hits.clear();
      rules.Match(lines[i].Text(in.text), hits, lines[i].words, candidates.Of(i));
      benchmark::DoNotOptimize(hits.data());
    }
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(bytes));
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(lines.size()));  // lines/s
  state.counters["rules"] = double(rules.rules().size());
}
BENCHMARK(BM_RuleSetMatch);

void BM_Classify(benchmark::State& state) {
  if (!Ready(state, true, false)) return;
  const Inputs& in = Get();
  size_t replaced = 0;
  winnow::Page page = winnow::PageFromText(in.text, &replaced);
  if (!page.storage.empty()) page.text = page.storage;
  std::vector<winnow::Line> lines;
  winnow::Classification out;
  for (auto _ : state) {
    state.PauseTiming();
    winnow::ComputeLines(page.text, kMaxLineBytes, lines);
    state.ResumeTiming();
    winnow::Classify(in.cleaner->rules(), page, lines, kMaxLineBytes, out);
    benchmark::DoNotOptimize(out.decisions.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(in.text.size()));
}
BENCHMARK(BM_Classify);

void BM_CleanText(benchmark::State& state) {
  if (!Ready(state, true, false)) return;
  const Inputs& in = Get();
  winnow::Input input;
  input.bytes = in.text;
  input.format = winnow::Format::kText;
  for (auto _ : state) {
    winnow::Result<winnow::Cleaned> out = in.cleaner->Clean(input);
    if (!out.ok()) {
      state.SkipWithError(out.status().message().c_str());
      break;
    }
    benchmark::DoNotOptimize(out->text.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(in.text.size()));
}
BENCHMARK(BM_CleanText);

void BM_ParseHtmlPage(benchmark::State& state) {
  if (!Ready(state, false, true)) return;
  const std::string& html = Get().html;
  winnow::HtmlOptions options;
  for (auto _ : state) {
    winnow::Result<winnow::Page> page = winnow::ParseHtml(html, options);
    if (!page.ok()) {
      state.SkipWithError(page.status().message().c_str());
      break;
    }
    benchmark::DoNotOptimize(page->text.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(html.size()));
  state.SetItemsProcessed(int64_t(state.iterations()));  // pages/s
}
BENCHMARK(BM_ParseHtmlPage);

void BM_CleanHtmlPage(benchmark::State& state) {
  if (!Ready(state, false, true)) return;
  const Inputs& in = Get();
  winnow::Input input;
  input.bytes = in.html;
  input.format = winnow::Format::kHtml;
  for (auto _ : state) {
    winnow::Result<winnow::Cleaned> out = in.cleaner->Clean(input);
    if (!out.ok()) {
      state.SkipWithError(out.status().message().c_str());
      break;
    }
    benchmark::DoNotOptimize(out->text.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(in.html.size()));
  state.SetItemsProcessed(int64_t(state.iterations()));  // pages/s
}
BENCHMARK(BM_CleanHtmlPage);

}  // namespace
