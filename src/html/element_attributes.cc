#include "html/element_attributes.h"

#include "html/tag_scan.h"
#include "html/tags.h"
#include "page.h"  // the container bits
#include "word_run.h"

namespace winnow::html {
namespace {

// True if `style` sets `property` to `value` (both lowercase), ignoring case and spaces.
bool StyleSets(std::string_view style, std::string_view property, std::string_view value) {
  size_t at = 0;
  while ((at = FindIgnoreCase(style, at, property)) != std::string_view::npos) {
    size_t p = at + property.size();
    while (p < style.size() && IsHtmlSpace(style[p])) ++p;
    if (p < style.size() && style[p] == ':') {
      ++p;
      while (p < style.size() && IsHtmlSpace(style[p])) ++p;
      if (StartsWithIgnoreCase(style, p, value)) return true;
    }
    at += property.size();
  }
  return false;
}

// Whether the NUL-terminated `name` is `literal`. Stops at the first difference, so it never
// reads past a shorter name's NUL.
template <size_t N>
bool NameIs(const char* name, const char (&literal)[N]) {
  for (size_t i = 0; i < N; ++i) {
    if (name[i] != literal[i]) return false;
  }
  return true;
}

}  // namespace

Attributes ReadAttributes(const GumboNode* node) {
  Attributes out;
  const GumboVector& attrs = node->v.element.attributes;
  for (unsigned i = 0; i < attrs.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    const char* name = a->name;
    // By first letter, without strlen: this runs for every attribute of every element.
    switch (name[0]) {
      case 'i':
        if (NameIs(name, "id")) out.id = a->value;
        break;
      case 'c':
        if (NameIs(name, "class")) out.class_value = a->value;
        break;
      case 'r':
        if (NameIs(name, "role")) out.role = a->value;
        break;
      case 's':
        if (NameIs(name, "style")) out.style = a->value;
        break;
      case 'h':
        out.href |= NameIs(name, "href");
        out.hidden |= NameIs(name, "hidden");
        break;
      case 'a':
        if (NameIs(name, "aria-hidden")) out.aria_hidden = a->value;
        break;
    }
  }
  return out;
}

bool IsHiddenByAttributes(const Attributes& a) {
  if (a.hidden || EqualsIgnoreCase(a.aria_hidden, "true")) return true;
  return !a.style.empty() &&
         (StyleSets(a.style, "display", "none") || StyleSets(a.style, "visibility", "hidden"));
}

uint32_t ContainerBitsOfRoleWords(std::string_view role) {
  uint32_t bits = 0;
  const auto has = [&](std::string_view word) {
    return FindIgnoreCase(role, 0, word) != std::string_view::npos;
  };
  if (has("navigation")) bits |= kInNav | kInMenu;
  if (has("menu")) bits |= kInMenu;  // menu, menubar, menuitem
  if (has("main")) bits |= kInMain;
  if (has("article")) bits |= kInArticle;
  if (has("banner")) bits |= kInHeader;
  if (has("contentinfo")) bits |= kInFooter;
  if (has("complementary")) bits |= kInAside;
  if (has("button")) bits |= kInButton;
  if (has("form") || has("search")) bits |= kInForm;
  if (has("heading")) bits |= kInHeading;
  return bits;
}

void AppendTagName(const GumboNode* node, std::string* out) {
  if (node->v.element.tag != GUMBO_TAG_UNKNOWN) {
    out->append(gumbo_normalized_tagname(node->v.element.tag));
    return;
  }
  GumboStringPiece piece = node->v.element.original_tag;
  gumbo_tag_from_original_text(&piece);
  for (size_t i = 0; i < piece.length; ++i) out->push_back(AsciiLower(piece.data[i]));
}

bool AppendTokens(std::string_view value, size_t cap, std::string* out, size_t from,
                  char separator) {
  // Most values are already tokens parted by single spaces, and fit: one append.
  const size_t used = out->size() - from;
  const size_t sep = used == 0 ? 0 : 1;
  if (!value.empty() && value.front() != ' ' && used + sep + value.size() <= cap &&
      WordRunEnd<false>(value, 0, nullptr) == value.size()) {
    if (sep) out->push_back(separator);
    const size_t at = out->size();
    out->append(value);
    AsciiLowerInPlace(out->data() + at, value.size(), separator);
    return true;
  }
  const char* p = value.data();
  const char* const end = p + value.size();
  for (;;) {
    while (p != end && IsHtmlSpace(*p)) ++p;
    if (p == end) return true;
    const char* e = p;
    while (e != end && !IsHtmlSpace(*e)) ++e;
    const size_t len = static_cast<size_t>(e - p);
    const bool first = out->size() == from;
    if (out->size() - from + (first ? 0 : 1) + len > cap) return false;
    if (!first) out->push_back(separator);
    const size_t at = out->size();
    out->append(p, len);
    AsciiLowerInPlace(out->data() + at, len);
    p = e;
  }
}

void AppendTokenPrefix(std::string_view tokens, size_t cap, std::string* out) {
  if (tokens.empty()) return;
  const size_t sep = out->empty() ? 0 : 1;
  if (out->size() + sep >= cap) return;
  size_t room = cap - out->size() - sep;
  if (tokens.size() > room) {
    // The longest run of whole tokens within `room` bytes.
    const size_t cut = tokens.substr(0, room + 1).rfind(' ');
    if (cut == std::string_view::npos) return;
    tokens = tokens.substr(0, cut);
  }
  if (sep) out->push_back(' ');
  out->append(tokens);
}

}  // namespace winnow::html
