// Fuzzes WarcReader: record headers, resynchronization, Content-Length, HTTP responses,
// chunked and gzip payloads, all under small caps so the fuzzer reaches them.
#include <cstdlib>
#include <variant>

#include "sources/warc_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace winnow::sources;
  std::unique_ptr<ByteStream> in =
      ByteStream::FromMemory(std::string_view(reinterpret_cast<const char*>(data), size));
  WarcOptions options;
  options.max_record_bytes = 1 << 16;
  options.max_header_bytes = 2048;
  WarcReader reader(*in, options);
  // Every item consumes decoded input, so a reader that stops moving is caught.
  for (size_t items = 0;; ++items) {
    if (items > in->position() + 1) std::abort();
    if (std::holds_alternative<EndOfStream>(reader.Next())) break;
  }
  return 0;
}
