// UTF-8 helpers shared by every source and sink.
#ifndef WINNOW_SRC_UTF8_H_
#define WINNOW_SRC_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace winnow::utf8 {

// Decodes the code point at s[i], advancing i; invalid sequences yield U+FFFD and advance one
// byte (close enough for features; sinks use AppendRepaired for output).
char32_t NextMultibyte(std::string_view s, size_t& i);
inline char32_t Next(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {  // the common case, inline
    ++i;
    return c;
  }
  return NextMultibyte(s, i);
}

// True if s is entirely valid UTF-8.
bool IsValid(std::string_view s);

// Appends s to out with every invalid sequence replaced by U+FFFD; returns how many
// replacements were made.
size_t AppendRepaired(std::string_view s, std::string& out);

// Appends the UTF-8 encoding of c.
void Append(char32_t c, std::string& out);

// Letter classes good enough for shallow features (Latin, Greek, Cyrillic and the
// general punctuation block); not a full Unicode database.
bool IsUpperMultibyte(char32_t c);
bool IsLowerMultibyte(char32_t c);
bool IsSpaceMultibyte(char32_t c);
inline bool IsUpper(char32_t c) { return c < 0x80 ? c - 'A' < 26u : IsUpperMultibyte(c); }
inline bool IsLower(char32_t c) { return c < 0x80 ? c - 'a' < 26u : IsLowerMultibyte(c); }
inline bool IsDigit(char32_t c) { return c - '0' < 10u; }
inline bool IsSpace(char32_t c) {
  return c < 0x80 ? (c == ' ' || (c >= '\t' && c <= '\r')) : IsSpaceMultibyte(c);
}

}  // namespace winnow::utf8

#endif  // WINNOW_SRC_UTF8_H_
