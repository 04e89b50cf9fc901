// Record: what every record source (JSONL, WARC) yields, so the CLI handles them the same way.
#ifndef WINNOW_SRC_SOURCES_RECORD_H_
#define WINNOW_SRC_SOURCES_RECORD_H_

#include <cstdint>
#include <string>
#include <variant>

namespace winnow::sources {

// Where an item starts in its input, for messages and id fallbacks.
struct SourcePosition {
  uint64_t line = 0;    // JSONL: 1-based line number; 0 for WARC
  uint64_t record = 0;  // WARC: 1-based record number; 0 for JSONL
  uint64_t offset = 0;  // byte offset in the (decompressed) stream

  // "line 12" or "record 3 at offset 1234".
  std::string ToString() const;
};

struct Record {
  SourcePosition position;
  std::string id;   // empty when the input had none: the caller picks a fallback (<file>:<line>)
  std::string url;  // may be empty
  std::string payload;
  bool payload_is_html = false;
  // Charset declared by the transport (WARC: HTTP Content-Type), lowercased; empty if none.
  // JSONL payloads are JSON strings and thus already UTF-8. The caller decodes.
  std::string charset;
  int http_status = 0;        // WARC: the HTTP status code; 0 for JSONL
  std::string original_json;  // JSONL: the input line, for JsonlWriter; empty for WARC
};

// An item that could not be read; the reader goes on with the next one unless the stream
// itself is broken, in which case the next item is the end.
struct BadItem {
  SourcePosition position;
  std::string message;
};

struct EndOfStream {};

using ReadItem = std::variant<Record, BadItem, EndOfStream>;

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // The next record or bad item; EndOfStream at the end and on every call after it.
  virtual ReadItem Next() = 0;
};

}  // namespace winnow::sources

#endif  // WINNOW_SRC_SOURCES_RECORD_H_
