// The one main() of winnow_bench: CMake links every bench/*_bench.cc into that binary, so no
// other benchmark file defines one.
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
