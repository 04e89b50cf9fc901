#include "html/tag_scan.h"

#include <cstring>

namespace winnow::html {

bool EqualsIgnoreCase(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (AsciiLower(s[i]) != lower[i]) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view s, size_t pos, std::string_view lower) {
  return pos <= s.size() && s.size() - pos >= lower.size() &&
         EqualsIgnoreCase(s.substr(pos, lower.size()), lower);
}

size_t FindIgnoreCase(std::string_view s, size_t pos, std::string_view lower) {
  if (lower.empty()) return pos <= s.size() ? pos : std::string_view::npos;
  const char first_lower = lower[0];
  const char first_upper =
      (first_lower >= 'a' && first_lower <= 'z') ? first_lower - 32 : first_lower;
  while (pos < s.size()) {
    const char* base = s.data() + pos;
    const size_t left = s.size() - pos;
    const void* a = std::memchr(base, first_lower, left);
    const void* b = first_upper == first_lower ? nullptr : std::memchr(base, first_upper, left);
    const char* hit = static_cast<const char*>(a);
    if (b != nullptr && (hit == nullptr || static_cast<const char*>(b) < hit)) {
      hit = static_cast<const char*>(b);
    }
    if (hit == nullptr) return std::string_view::npos;
    pos = hit - s.data();
    if (StartsWithIgnoreCase(s, pos, lower)) return pos;
    ++pos;
  }
  return std::string_view::npos;
}

const TagAttribute* FindAttribute(const ScannedTag& tag, std::string_view lower_name) {
  for (const TagAttribute& a : tag.attributes) {
    if (EqualsIgnoreCase(a.name, lower_name)) return &a;
  }
  return nullptr;
}

bool ScanTag(std::string_view in, size_t pos, ScannedTag* tag) {
  const size_t n = in.size();
  tag->attributes.clear();
  tag->self_closing = false;
  size_t p = pos + 1;
  tag->end_tag = p < n && in[p] == '/';
  if (tag->end_tag) ++p;
  const size_t name_begin = p;
  while (p < n && !IsHtmlSpace(in[p]) && in[p] != '/' && in[p] != '>') ++p;
  tag->name = in.substr(name_begin, p - name_begin);
  while (true) {
    while (p < n && (IsHtmlSpace(in[p]) || in[p] == '/')) {
      tag->self_closing = in[p] == '/' && p + 1 < n && in[p + 1] == '>';
      ++p;
    }
    if (p >= n) return false;
    if (in[p] == '>') {
      tag->end = p + 1;
      return true;
    }
    tag->self_closing = false;
    const size_t attr_begin = p++;  // the first character may be '=' (a parse error, kept)
    while (p < n && !IsHtmlSpace(in[p]) && in[p] != '/' && in[p] != '>' && in[p] != '=') ++p;
    TagAttribute attr;
    attr.name = in.substr(attr_begin, p - attr_begin);
    size_t q = p;
    while (q < n && IsHtmlSpace(in[q])) ++q;
    if (q < n && in[q] == '=') {
      ++q;
      while (q < n && IsHtmlSpace(in[q])) ++q;
      if (q >= n) return false;
      if (in[q] == '"' || in[q] == '\'') {
        const size_t close = in.find(in[q], q + 1);
        if (close == std::string_view::npos) return false;
        attr.value = in.substr(q + 1, close - q - 1);
        p = close + 1;
      } else {
        const size_t value_begin = q;
        while (q < n && !IsHtmlSpace(in[q]) && in[q] != '>') ++q;
        attr.value = in.substr(value_begin, q - value_begin);
        p = q;
      }
    }
    attr.raw = in.substr(attr_begin, p - attr_begin);
    if (tag->attributes.size() < kMaxAttributes) tag->attributes.push_back(attr);
  }
}

}  // namespace winnow::html
