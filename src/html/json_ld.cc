#include "html/json_ld.h"

#include <simdjson.h>

#include <vector>

namespace winnow::html {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

constexpr size_t kMaxObjects = 64;
constexpr size_t kMaxAuthors = 4;

bool IsArticleType(std::string_view type) {
  return type.ends_with("Article") || type.ends_with("Posting") || type == "Report";
}

bool HasArticleType(object o) {
  element type;
  if (o["@type"].get(type)) return false;
  std::string_view s;
  if (!type.get(s)) return IsArticleType(s);
  array types;
  if (type.get(types)) return false;
  for (element t : types) {
    if (!t.get(s) && IsArticleType(s)) return true;
  }
  return false;
}

std::string_view StringField(object o, std::string_view key) {
  std::string_view s;
  return o[key].get(s) ? std::string_view() : s;
}

// A name given as a string or as an object with "name".
std::string_view NameOf(element e) {
  std::string_view s;
  if (!e.get(s)) return s;
  object o;
  return e.get(o) ? std::string_view() : StringField(o, "name");
}

std::string Authors(object o) {
  element author;
  if (o["author"].get(author)) return "";
  array list;
  if (author.get(list)) return std::string(NameOf(author));
  std::string names;
  size_t count = 0;
  for (element a : list) {
    const std::string_view name = NameOf(a);
    if (name.empty() || count++ == kMaxAuthors) continue;
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

void Fill(object o, JsonLdFacts* facts) {
  if (facts->headline.empty()) facts->headline = StringField(o, "headline");
  if (facts->date_published.empty()) facts->date_published = StringField(o, "datePublished");
  if (facts->author.empty()) facts->author = Authors(o);
  element publisher;
  if (facts->publisher.empty() && !o["publisher"].get(publisher)) {
    facts->publisher = NameOf(publisher);
  }
}

// Adds `e` (if an object) and the objects of its "@graph" to `out`.
void Collect(element e, std::vector<object>* out) {
  object o;
  if (e.get(o) || out->size() >= kMaxObjects) return;
  out->push_back(o);
  array graph;
  if (o["@graph"].get(graph)) return;
  for (element g : graph) {
    object go;
    if (!g.get(go) && out->size() < kMaxObjects) out->push_back(go);
  }
}

}  // namespace

void ReadJsonLd(const std::vector<std::string>& blocks, JsonLdFacts* facts) {
  thread_local simdjson::dom::parser parser;
  // Article-typed objects in any block first, then any object; a block is reparsed for the
  // second pass (they are small) because the parser keeps one document at a time.
  for (const bool articles_only : {true, false}) {
    for (const std::string& json : blocks) {
      const size_t begin = json.find_first_of("{[");
      const size_t end = json.find_last_of("}]");
      if (begin == std::string::npos || end == std::string::npos || end < begin) continue;
      // Raw line breaks and tabs are whitespace between tokens and invalid inside strings,
      // where sites nevertheless put them; as spaces they are harmless in both places.
      std::string text = json.substr(begin, end - begin + 1);
      for (char& c : text) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      }
      element root;
      if (parser.parse(text).get(root)) continue;
      std::vector<object> objects;
      array items;
      if (!root.get(items)) {
        for (element item : items) Collect(item, &objects);
      } else {
        Collect(root, &objects);
      }
      for (object o : objects) {
        if (!articles_only || HasArticleType(o)) Fill(o, facts);
      }
    }
  }
}

}  // namespace winnow::html
