// What an element's attributes and tag tell the DOM walk (dom_walk.cc): whether it is hidden,
// the containers its role names, and its tag name and class/id tokens as the walk's strings.
#ifndef WINNOW_SRC_HTML_ELEMENT_ATTRIBUTES_H_
#define WINNOW_SRC_HTML_ELEMENT_ATTRIBUTES_H_

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace winnow::html {

// The attributes the walk reads, found in one pass over the element's (Gumbo lowercases
// attribute names, and the pre-pass has dropped the others).
struct Attributes {
  std::string_view class_value, id, role, style, aria_hidden;
  bool href = false, hidden = false;
};

Attributes ReadAttributes(const GumboNode* node);

// `hidden`, aria-hidden="true", or an inline style with display:none or visibility:hidden.
// Inline, since most elements have none of the three.
bool IsHiddenByAttributes(const Attributes& a);
inline bool IsHiddenElement(const Attributes& a) {
  return (a.hidden || !a.aria_hidden.empty() || !a.style.empty()) && IsHiddenByAttributes(a);
}

// The container bits (page.h) that a role attribute's words name. Inline, since most
// elements have no role.
uint32_t ContainerBitsOfRoleWords(std::string_view role);
inline uint32_t ContainerBitsOfRole(std::string_view role) {
  return role.empty() ? 0 : ContainerBitsOfRoleWords(role);
}

// The element's tag name, lowercase (custom elements included).
void AppendTagName(const GumboNode* node, std::string* out);

// Appends the whitespace-separated tokens of `value`, lowercased and parted by `separator`, to
// the list in (*out)[from, end), while the list fits in `cap` bytes. Returns false once one did
// not fit.
bool AppendTokens(std::string_view value, size_t cap, std::string* out, size_t from = 0,
                  char separator = ' ');

// Appends the tokens of `tokens` (already lowercase, single-spaced) that fit in `cap`, up to
// the first that does not: what AppendTokens would, without re-reading every byte.
void AppendTokenPrefix(std::string_view tokens, size_t cap, std::string* out);

}  // namespace winnow::html

#endif  // WINNOW_SRC_HTML_ELEMENT_ATTRIBUTES_H_
