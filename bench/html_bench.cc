// HTML source throughput over the eval pages (/work/shared/eval/*/dev/*.html, or the folder
// glob in $WINNOW_BENCH_HTML): the whole HTML -> Page path, and bare Gumbo on the same bytes as
// the baseline. Reports bytes/s and pages/s per core (CPU time, so other load does not count).
#include <benchmark/benchmark.h>
#include <glob.h>
#include <gumbo.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "html/html_source.h"

namespace {

const std::vector<std::string>& Pages() {
  static const std::vector<std::string> pages = [] {
    const char* pattern = std::getenv("WINNOW_BENCH_HTML");
    glob_t matches;
    std::vector<std::string> out;
    if (glob(pattern != nullptr ? pattern : "/work/shared/eval/*/dev/*.html", 0, nullptr,
             &matches) == 0) {
      for (size_t i = 0; i < matches.gl_pathc; ++i) {
        std::ifstream file(matches.gl_pathv[i], std::ios::binary);
        std::ostringstream bytes;
        bytes << file.rdbuf();
        out.push_back(bytes.str());
      }
      globfree(&matches);
    }
    return out;
  }();
  return pages;
}

template <typename ParseOne>
void RunOverPages(benchmark::State& state, ParseOne parse_one) {
  const std::vector<std::string>& pages = Pages();
  if (pages.empty()) {
    state.SkipWithError("no HTML pages found");
    return;
  }
  size_t bytes = 0;
  size_t count = 0;
  for (auto _ : state) {
    for (const std::string& page : pages) {
      parse_one(page);
      bytes += page.size();
    }
    count += pages.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["pages/s"] =
      benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsRate);
}

void BM_ParseHtml(benchmark::State& state) {
  const winnow::HtmlOptions options;
  RunOverPages(state, [&](const std::string& page) {
    winnow::Result<winnow::Page> result = winnow::ParseHtml(page, options);
    benchmark::DoNotOptimize(result.ok());
  });
}
BENCHMARK(BM_ParseHtml)->Unit(benchmark::kMillisecond);

void BM_GumboOnly(benchmark::State& state) {
  RunOverPages(state, [](const std::string& page) {
    GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, page.data(), page.size());
    benchmark::DoNotOptimize(output);
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  });
}
BENCHMARK(BM_GumboOnly)->Unit(benchmark::kMillisecond);

}  // namespace
