// Fuzzes JsonlReader (and ByteStream's gzip path, for inputs that start with the gzip magic)
// with a small line cap, and JsonlWriter on every record it yields.
#include <cstdlib>
#include <string>
#include <variant>

#include "sources/jsonl_reader.h"
#include "sources/jsonl_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace winnow::sources;
  std::unique_ptr<ByteStream> in =
      ByteStream::FromMemory(std::string_view(reinterpret_cast<const char*>(data), size));
  JsonlOptions options;
  options.max_line_bytes = 4096;
  JsonlReader reader(*in, options);
  JsonlWriter writer(JsonlWriterOptions{});
  // Every item consumes decoded input, so a reader that stops moving is caught.
  for (size_t items = 0;; ++items) {
    if (items > in->position() + 1) std::abort();
    ReadItem item = reader.Next();
    if (std::holds_alternative<EndOfStream>(item)) break;
    if (const Record* r = std::get_if<Record>(&item)) {
      std::string out;
      (void)writer.Append(r->original_json, "cleaned\n", Annotations{r->url, "t", "", "", {}},
                          &out);
    }
  }
  return 0;
}
