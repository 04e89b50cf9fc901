#include "utf8.h"

#include <simdjson.h>

namespace winnow::utf8 {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Length of the valid sequence starting at s[i], or 0 if it is invalid (RFC 3629: no
// overlongs, no surrogates, nothing above U+10FFFF).
size_t ValidLength(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  size_t left = s.size() - i;
  unsigned char b = p[0];
  if (b < 0x80) return 1;
  auto cont = [&](size_t k) { return k < left && (p[k] & 0xC0) == 0x80; };
  if (b >= 0xC2 && b <= 0xDF) return cont(1) ? 2 : 0;
  if (b >= 0xE0 && b <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (b == 0xE0 && p[1] < 0xA0) return 0;   // overlong
    if (b == 0xED && p[1] >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (b >= 0xF0 && b <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (b == 0xF0 && p[1] < 0x90) return 0;
    if (b == 0xF4 && p[1] >= 0x90) return 0;
    return 4;
  }
  return 0;
}

}  // namespace

char32_t NextMultibyte(std::string_view s, size_t& i) {
  size_t n = ValidLength(s, i);
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  switch (n) {
    case 1:
      i += 1;
      return p[0];
    case 2:
      i += 2;
      return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    case 3:
      i += 3;
      return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    case 4:
      i += 4;
      return ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    default:
      i += 1;
      return kReplacement;
  }
}

// simdjson's validator (SIMD, the same rules as ValidLength) reads a dump at several GB/s;
// a byte loop was a few percent of cleaning one.
bool IsValid(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

size_t AppendRepaired(std::string_view s, std::string& out) {
  size_t replaced = 0;
  size_t run = 0;  // start of the current valid run, appended in one go
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t n = ValidLength(s, i);
    if (n) {
      i += n;
      continue;
    }
    out.append(s.substr(run, i - run));
    Append(kReplacement, out);
    ++replaced;
    run = ++i;
  }
  out.append(s.substr(run));
  return replaced;
}

void Append(char32_t c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

bool IsUpperMultibyte(char32_t c) {
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x17F) return (c & 1) == 0;  // Latin Extended-A alternates
  if (c >= 0x391 && c <= 0x3AB) return true;          // Greek
  if (c >= 0x400 && c <= 0x42F) return true;          // Cyrillic
  return false;
}

bool IsLowerMultibyte(char32_t c) {
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return (c & 1) == 1;
  if (c >= 0x3AC && c <= 0x3CE) return true;
  if (c >= 0x430 && c <= 0x45F) return true;
  return false;
}

bool IsSpaceMultibyte(char32_t c) {
  return c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 ||
         c == 0xFEFF;
}

}  // namespace winnow::utf8
