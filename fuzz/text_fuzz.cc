// Fuzzes Cleaner::Clean on text dumps: UTF-8 repair, line features, rules, segmenter,
// fallback and context passes, body output.
#include "clean_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return winnow::fuzz::CleanOne(data, size, winnow::Format::kText);
}
