// Text-dump throughput over the eval dumps (/work/shared/eval/*/dev/*.dump.txt, or the glob in
// $WINNOW_BENCH_DUMPS), per core:
//
//   BM_CleanDumps   the whole Cleaner::Clean, bytes in to body text out, in one process:
//                   what `clean` costs per byte without its start-up and file I/O, which
//                   scripts/bench measures around it
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "eval_pages.h"
#include "winnow/winnow.h"

namespace {

void BM_CleanDumps(benchmark::State& state) {
  static const std::vector<std::string> dumps =
      winnow::bench::LoadPages("WINNOW_BENCH_DUMPS", "/work/shared/eval/*/dev/*.dump.txt");
  auto cleaner = winnow::Cleaner::Create(winnow::Options());
  if (!cleaner.ok()) {
    state.SkipWithError(cleaner.status().message().c_str());
    return;
  }
  winnow::bench::RunOverPages(state, dumps, [&](const std::string& dump) {
    winnow::Input input;
    input.bytes = dump;
    input.format = winnow::Format::kText;
    winnow::Result<winnow::Cleaned> out = (*cleaner)->Clean(input);
    benchmark::DoNotOptimize(out.ok());
  });
}
BENCHMARK(BM_CleanDumps)->Unit(benchmark::kMillisecond);

}  // namespace
