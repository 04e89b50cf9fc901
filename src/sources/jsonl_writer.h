// JsonlWriter: re-emits JSONL records with the cleaned text and winnow's metadata, and writes
// fresh records for inputs that were not JSON. Output is always one valid JSON line.
#ifndef WINNOW_SRC_SOURCES_JSONL_WRITER_H_
#define WINNOW_SRC_SOURCES_JSONL_WRITER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "winnow/status.h"

namespace winnow::sources {

// Appends s as a JSON string literal: quotes, backslashes and control characters escaped
// (\n, \t, ... or \u00XX), invalid UTF-8 replaced by U+FFFD.
void AppendJsonString(std::string_view s, std::string* out);

// What winnow adds to a record. Empty strings are not written, so winnow never blanks a
// field the input already had.
struct Annotations {
  std::string url;
  std::string title;
  std::string date;
  std::string author;
  // Lines per label (or any other counter), written in this order as {"name": n, ...}.
  std::vector<std::pair<std::string, uint64_t>> counts;
};

struct JsonlWriterOptions {
  // Field that receives the cleaned text (replaced in place, or added after the input's).
  std::string text_field = "text";
  // Object that receives the annotations; existing keys are kept, the ones winnow sets are
  // replaced in place, new ones appended.
  std::string metadata_field = "metadata";
  // Key of the counts object inside metadata_field; not written when there are no counts.
  std::string counts_key = "winnow_counts";
};

class JsonlWriter {
 public:
  explicit JsonlWriter(JsonlWriterOptions options);
  ~JsonlWriter();

  // Appends original_json (one JSON object, e.g. Record::original_json) with every field kept
  // in order, text_field set to text and annotations merged into metadata_field, then '\n'.
  // InvalidInput if original_json is not a JSON object or its metadata field is neither an
  // object nor null; out is unchanged then.
  Status Append(std::string_view original_json, std::string_view text, const Annotations& add,
                std::string* out);

 private:
  struct Parsers;  // simdjson's, kept out of this header

  JsonlWriterOptions options_;
  std::unique_ptr<Parsers> parsers_;
};

// Appends a record for input that was not JSON, then '\n':
// {"id","url","title","date","author","text","counts":{...}} (all keys always present).
void AppendFreshRecord(std::string_view id, std::string_view text, const Annotations& add,
                       std::string* out);

}  // namespace winnow::sources

#endif  // WINNOW_SRC_SOURCES_JSONL_WRITER_H_
