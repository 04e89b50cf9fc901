#include "sources/jsonl_writer.h"

#include <simdjson.h>

#include "utf8.h"

namespace winnow::sources {

namespace ondemand = simdjson::ondemand;

struct JsonlWriter::Parsers {
  simdjson::dom::parser validator;  // on-demand does not validate what it skips; this does
  ondemand::parser parser;          // gives each value's raw text, kept byte for byte
};

namespace {

// A member winnow writes into an object, replacing one of the same key.
struct Entry {
  std::string_view key;
  std::string json;
  bool written = false;
};

// The member at `key` is an object merged with `entries` (created if absent or null).
struct Nested {
  std::string_view key;
  std::vector<Entry>* entries;
};

void AppendMember(std::string_view key, std::string_view json, bool* first, std::string* out) {
  if (!*first) out->push_back(',');
  *first = false;
  AppendJsonString(key, out);
  out->push_back(':');
  out->append(json);
}

void AppendCounts(const std::vector<std::pair<std::string, uint64_t>>& counts, std::string* out) {
  out->push_back('{');
  bool first = true;
  for (const auto& [name, n] : counts) AppendMember(name, std::to_string(n), &first, out);
  out->push_back('}');
}

std::string Quoted(std::string_view s) {
  std::string json;
  AppendJsonString(s, &json);
  return json;
}

std::vector<Entry> MetadataEntries(const Annotations& add, std::string_view counts_key) {
  std::vector<Entry> entries;
  for (auto [key, value] : {std::pair<std::string_view, const std::string&>{"url", add.url},
                            {"title", add.title},
                            {"date", add.date},
                            {"author", add.author}}) {
    if (!value.empty()) entries.push_back({key, Quoted(value)});
  }
  if (!add.counts.empty()) {
    entries.push_back({counts_key, ""});
    AppendCounts(add.counts, &entries.back().json);
  }
  return entries;
}

Entry* Find(std::vector<Entry>* entries, std::string_view key) {
  for (Entry& e : *entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

void AppendNew(std::vector<Entry>* entries, bool* first, std::string* out) {
  for (Entry& e : *entries) {
    if (!e.written) AppendMember(e.key, e.json, first, out);
    e.written = true;
  }
}

// An object of just the entries.
void AppendNewObject(std::vector<Entry>* entries, std::string* out) {
  out->push_back('{');
  bool first = true;
  AppendNew(entries, &first, out);
  out->push_back('}');
}

// Writes obj's members in order, entries replacing members of the same key (a duplicate key
// is written once), then the entries not seen. INCORRECT_TYPE if nested names a member that
// is neither an object nor null.
simdjson::error_code MergeObject(ondemand::object obj, std::vector<Entry>* entries,
                                 const Nested* nested, std::string* out) {
  out->push_back('{');
  bool first = true;
  bool nested_seen = false;
  for (auto member : obj) {
    ondemand::field field;
    std::string_view key;
    if (auto error = std::move(member).get(field)) return error;
    if (auto error = field.unescaped_key().get(key)) return error;
    if (Entry* entry = Find(entries, key)) {
      if (!entry->written) AppendMember(key, entry->json, &first, out);
      entry->written = true;
      continue;
    }
    if (nested != nullptr && key == nested->key) {
      nested_seen = true;
      AppendMember(key, "", &first, out);
      ondemand::object inner;
      bool is_null = false;
      if (auto error = field.value().is_null().get(is_null)) return error;
      if (is_null) {
        AppendNewObject(nested->entries, out);
      } else if (auto error = field.value().get_object().get(inner)) {
        return error;
      } else if (auto error = MergeObject(inner, nested->entries, nullptr, out)) {
        return error;
      }
      continue;
    }
    std::string_view raw;
    if (auto error = simdjson::to_json_string(field.value()).get(raw)) return error;
    AppendMember(key, raw, &first, out);
  }
  AppendNew(entries, &first, out);
  if (nested != nullptr && !nested_seen && !nested->entries->empty()) {
    AppendMember(nested->key, "", &first, out);
    AppendNewObject(nested->entries, out);
  }
  out->push_back('}');
  return simdjson::SUCCESS;
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run = 0;  // start of the bytes still to copy verbatim
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t next = i;
      char32_t cp = utf8::Next(s, next);
      if (cp == 0xFFFD && next - i == 1) {  // invalid byte, not a real U+FFFD
        out->append(s.substr(run, i - run));
        out->append("\xEF\xBF\xBD");
        run = next;
      }
      i = next;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out->append(s.substr(run, i - run));
    run = ++i;
    out->push_back('\\');
    switch (c) {
      case '"':
      case '\\':
        out->push_back(static_cast<char>(c));
        break;
      case '\n':
        out->push_back('n');
        break;
      case '\r':
        out->push_back('r');
        break;
      case '\t':
        out->push_back('t');
        break;
      case '\b':
        out->push_back('b');
        break;
      case '\f':
        out->push_back('f');
        break;
      default:
        out->append("u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
    }
  }
  out->append(s.substr(run));
  out->push_back('"');
}

JsonlWriter::JsonlWriter(JsonlWriterOptions options)
    : options_(std::move(options)), parsers_(std::make_unique<Parsers>()) {}

JsonlWriter::~JsonlWriter() = default;

Status JsonlWriter::Append(std::string_view original_json, std::string_view text,
                           const Annotations& add, std::string* out) {
  simdjson::dom::element root;
  if (auto error =
          parsers_->validator.parse(original_json.data(), original_json.size()).get(root)) {
    return Status::InvalidInput(std::string("invalid JSON: ") + simdjson::error_message(error));
  }
  if (!root.is_object()) return Status::InvalidInput("invalid JSON: not an object");

  simdjson::padded_string padded(original_json);
  ondemand::document doc;
  ondemand::object obj;
  std::vector<Entry> entries = {{options_.text_field, Quoted(text)}};
  std::vector<Entry> metadata = MetadataEntries(add, options_.counts_key);
  Nested nested{options_.metadata_field, &metadata};
  size_t start = out->size();
  simdjson::error_code error = parsers_->parser.iterate(padded).get(doc);
  if (!error) error = doc.get_object().get(obj);
  if (!error) error = MergeObject(obj, &entries, &nested, out);
  if (error) {
    out->resize(start);
    if (error == simdjson::INCORRECT_TYPE) {
      return Status::InvalidInput("field '" + options_.metadata_field + "' is not an object");
    }
    return Status::InvalidInput(std::string("invalid JSON: ") + simdjson::error_message(error));
  }
  out->push_back('\n');
  return Status::Ok();
}

void AppendFreshRecord(std::string_view id, std::string_view text, const Annotations& add,
                       std::string* out) {
  out->push_back('{');
  bool first = true;
  for (auto [key, value] : {std::pair<std::string_view, std::string_view>{"id", id},
                            {"url", add.url},
                            {"title", add.title},
                            {"date", add.date},
                            {"author", add.author},
                            {"text", text}}) {
    AppendMember(key, Quoted(value), &first, out);
  }
  AppendMember("counts", "", &first, out);
  AppendCounts(add.counts, out);
  out->append("}\n");
}

}  // namespace winnow::sources
