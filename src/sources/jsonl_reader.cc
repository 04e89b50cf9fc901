#include "sources/jsonl_reader.h"

#include <simdjson.h>

#include <charconv>

namespace winnow::sources {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// Ids are strings or numbers; anything else counts as missing.
std::string RenderId(element id) {
  switch (id.type()) {
    case element_type::STRING:
      return std::string(id.get_string().value_unsafe());
    case element_type::INT64:
      return std::to_string(id.get_int64().value_unsafe());
    case element_type::UINT64:
      return std::to_string(id.get_uint64().value_unsafe());
    case element_type::DOUBLE: {
      char buf[32];
      auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), id.get_double().value_unsafe());
      return ec == std::errc() ? std::string(buf, end) : std::string();
    }
    default:
      return "";
  }
}

// The string at obj[key], or an empty view if it is absent or not a string.
std::string_view StringField(object obj, std::string_view key) {
  std::string_view s;
  if (obj.at_key(key).get_string().get(s) != simdjson::SUCCESS) return {};
  return s;
}

}  // namespace

JsonlReader::JsonlReader(ByteStream& in, JsonlOptions options)
    : options_(std::move(options)),
      lines_(in, options_.max_line_bytes),
      parser_(std::make_unique<simdjson::dom::parser>()) {}

JsonlReader::~JsonlReader() = default;

ReadItem JsonlReader::Next() {
  while (!ended_) {
    std::string_view line;
    Result<bool> more = lines_.Next(&line);
    SourcePosition position{.line = lines_.line_number(), .offset = lines_.line_offset()};
    if (!more.ok()) {
      // Only an over-long line leaves the stream usable.
      ended_ = more.status().code() != Status::Code::kLimitExceeded;
      return BadItem{position, more.status().message()};
    }
    if (!*more) break;
    if (!IsBlank(line)) return Parse(line, position);
  }
  ended_ = true;
  return EndOfStream{};
}

ReadItem JsonlReader::Parse(std::string_view line, const SourcePosition& position) {
  element doc;
  if (auto error = parser_->parse(line.data(), line.size()).get(doc)) {
    return BadItem{position, std::string("invalid JSON: ") + simdjson::error_message(error)};
  }
  object obj;
  if (doc.get_object().get(obj) != simdjson::SUCCESS) {
    return BadItem{position, "invalid JSON: not an object"};
  }
  Record record;
  record.position = position;
  element payload;
  const std::string* field = &options_.html_field;
  record.payload_is_html =
      !field->empty() && obj.at_key(*field).get(payload) == simdjson::SUCCESS && !payload.is_null();
  if (!record.payload_is_html) {
    field = &options_.text_field;
    if (obj.at_key(*field).get(payload) != simdjson::SUCCESS) {
      return BadItem{position, "missing field '" + *field + "'"};
    }
  }
  std::string_view payload_text;
  if (payload.get_string().get(payload_text) != simdjson::SUCCESS) {
    return BadItem{position, "field '" + *field + "' is not a string"};
  }
  record.payload = payload_text;
  element id;
  if (obj.at_key(options_.id_field).get(id) == simdjson::SUCCESS) record.id = RenderId(id);
  record.url = StringField(obj, options_.url_field);
  object metadata;
  if (record.url.empty() &&
      obj.at_key(options_.metadata_field).get_object().get(metadata) == simdjson::SUCCESS) {
    record.url = StringField(metadata, options_.url_field);
  }
  record.original_json = line;
  return record;
}

}  // namespace winnow::sources
