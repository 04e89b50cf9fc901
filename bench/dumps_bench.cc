// Text-dump throughput over the eval dumps (/work/shared/eval/*/dev/*.dump.txt, or the glob in
// $WINNOW_BENCH_DUMPS), per core:
//
//   BM_CleanDumps   the whole of cleaning, bytes in to body text out, in one process and in
//                   batches as `winnow clean` runs: what `clean` costs per byte without its
//                   start-up and file I/O, which scripts/bench measures around it
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "eval_pages.h"

namespace {

void BM_CleanDumps(benchmark::State& state) {
  static const std::vector<std::string> dumps =
      winnow::bench::LoadPages("WINNOW_BENCH_DUMPS", "/work/shared/eval/*/dev/*.dump.txt");
  winnow::bench::RunCleanOverPages(state, dumps, winnow::Format::kText);
}
BENCHMARK(BM_CleanDumps)->Unit(benchmark::kMillisecond);

}  // namespace
