// JsonlReader: one record per JSON line (datatrove / Dolma style), streaming.
#ifndef WINNOW_SRC_SOURCES_JSONL_READER_H_
#define WINNOW_SRC_SOURCES_JSONL_READER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "sources/gzip.h"
#include "sources/line_reader.h"
#include "sources/record.h"

namespace simdjson::dom {
class parser;
}  // namespace simdjson::dom

namespace winnow::sources {

struct JsonlOptions {
  // Field holding the page as text.
  std::string text_field = "text";
  // Field holding the page as HTML; when present (and not null) it is the payload and wins
  // over text_field. Empty disables it.
  std::string html_field = "html";
  // Field holding the id: a string, or a number (rendered shortest, e.g. 42, 2.5).
  std::string id_field = "id";
  // Field holding the URL; if absent at the top level, <metadata_field>.<url_field> is used.
  std::string url_field = "url";
  // Object where Dolma and datatrove keep the URL and other facts.
  std::string metadata_field = "metadata";
  // Lines longer than this are reported as bad items and skipped.
  size_t max_line_bytes = 64u << 20;
};

// Yields a Record per non-blank line, or a BadItem ("invalid JSON: ...", "missing field
// 'text'", "field 'text' is not a string") and goes on with the next line.
class JsonlReader : public RecordReader {
 public:
  // Reads from in, which must outlive the reader.
  JsonlReader(ByteStream& in, JsonlOptions options);
  ~JsonlReader() override;

  ReadItem Next() override;

 private:
  ReadItem Parse(std::string_view line, const SourcePosition& position);

  JsonlOptions options_;
  LineReader lines_;
  std::unique_ptr<simdjson::dom::parser> parser_;
  bool ended_ = false;
};

}  // namespace winnow::sources

#endif  // WINNOW_SRC_SOURCES_JSONL_READER_H_
