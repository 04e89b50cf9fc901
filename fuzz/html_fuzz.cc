// Fuzzes Cleaner::Clean on HTML: charset detection and decoding, the pre-pass, Gumbo, the DOM
// walk, metadata and JSON-LD, then classification. kAuto also covers the HTML sniffing and gzip.
#include "clean_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 0 && data[0] == 'Z') {  // one byte steers the fuzzer to the sniffing path
    return winnow::fuzz::CleanOne(data + 1, size - 1, winnow::Format::kAuto);
  }
  return winnow::fuzz::CleanOne(data, size, winnow::Format::kHtml);
}
