// A minimal HTML tag tokenizer for the byte-level passes that run before Gumbo (charset
// sniffing, the pre-pass). It follows the HTML tokenizer's rules for where a tag ends (quoted
// attribute values may contain '>'), so these passes agree with Gumbo on tag boundaries.
#ifndef WINNOW_SRC_HTML_TAG_SCAN_H_
#define WINNOW_SRC_HTML_TAG_SCAN_H_

#include <cstddef>
#include <cstring>
#include <string_view>
#include <vector>

namespace winnow::html {

struct TagAttribute {
  std::string_view name;   // as written; compare with EqualsIgnoreCase
  std::string_view value;  // without quotes, entities not decoded
  std::string_view raw;    // `name`, `name=value` or `name="value"` exactly as written
};

struct ScannedTag {
  std::string_view name;  // as written (case not folded)
  bool end_tag = false;
  bool self_closing = false;
  size_t end = 0;                        // offset just past the closing '>'
  std::vector<TagAttribute> attributes;  // the first kMaxAttributes only
};

inline constexpr size_t kMaxAttributes = 64;

// Scans the tag that starts at in[pos] == '<' followed by a letter (start tag) or "</" and a
// letter (end tag). Returns false when the input ends inside the tag: the HTML tokenizer drops
// such a tag, and so should the caller.
bool ScanTag(std::string_view in, size_t pos, ScannedTag* tag);

inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
// AsciiLower over p[0, n), with each ' ' written as `space`; sixteen bytes per step (GCC/Clang
// vector extension).
inline void AsciiLowerInPlace(char* p, size_t n, char space = ' ') {
  using Chars16 = char __attribute__((vector_size(16)));
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    Chars16 x;
    std::memcpy(&x, p + i, 16);
    x += ((x >= 'A') & (x <= 'Z')) & 0x20;  // bytes >= 0x80 are outside either way
    x ^= (x == ' ') & static_cast<char>(' ' ^ space);
    std::memcpy(p + i, &x, 16);
  }
  for (; i < n; ++i) p[i] = p[i] == ' ' ? space : AsciiLower(p[i]);
}
inline bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
// `lower` must be lowercase ASCII.
bool EqualsIgnoreCase(std::string_view s, std::string_view lower);
bool StartsWithIgnoreCase(std::string_view s, size_t pos, std::string_view lower);
// Offset of the first case-insensitive occurrence of `lower` at or after pos, or npos.
size_t FindIgnoreCase(std::string_view s, size_t pos, std::string_view lower);
// The value of attribute `lower_name`, or nullptr.
const TagAttribute* FindAttribute(const ScannedTag& tag, std::string_view lower_name);

}  // namespace winnow::html

#endif  // WINNOW_SRC_HTML_TAG_SCAN_H_
