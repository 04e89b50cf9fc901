#include "classify/line.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "classify/stopwords.h"
#include "utf8.h"

namespace winnow {
namespace {

constexpr bool IsClosing(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB ||
         c == '*';
}

// Han ideographs and kana: written without spaces, so each counts as a word.
bool IsCjk(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

// CJK and full-width punctuation (、。「」！？ ...): marks, not words.
bool IsCjkPunct(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65);
}

// Full-width sentence marks end a sentence without a following space.
bool IsCjkTerminal(char32_t c) { return c == 0x3002 || c == 0xFF01 || c == 0xFF1F; }

bool IsTerminal(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }

bool IsCoreByte(unsigned char c) {
  return c >= 0x80 || static_cast<unsigned>((c | 0x20) - 'a') < 26u ||
         static_cast<unsigned>(c - '0') < 10u;
}

// A curly quote (‘ ’ “ ”) at w[i..i+3).
bool IsCurlyQuote(std::string_view w, size_t i) {
  return i + 3 <= w.size() && w[i] == '\xE2' && w[i + 1] == '\x80' &&
         (w[i + 2] == '\x98' || w[i + 2] == '\x99' || w[i + 2] == '\x9C' || w[i + 2] == '\x9D');
}

// True if the word, without surrounding punctuation and quotes, lowercased and with ’ read
// as ', is a stop word. Packs the core into one integer as it goes (stopwords.h).
bool IsStopWordToken(std::string_view w) {
  size_t b = 0, e = w.size();
  for (;;) {
    if (b < e && !IsCoreByte(w[b])) {
      ++b;
    } else if (IsCurlyQuote(w, b) && b + 3 <= e) {
      b += 3;
    } else {
      break;
    }
  }
  for (;;) {
    if (e > b && !IsCoreByte(w[e - 1])) {
      --e;
    } else if (e >= b + 3 && IsCurlyQuote(w, e - 3)) {
      e -= 3;
    } else {
      break;
    }
  }
  uint64_t key = 0;
  int n = 0;
  for (size_t i = b; i < e; ++i, ++n) {
    if (n == 8) return false;
    unsigned char c = w[i];
    if (IsCurlyQuote(w, i) && w[i + 2] == '\x99') {
      c = '\'';
      i += 2;
    } else if (static_cast<unsigned>(c - 'A') < 26u) {
      c += 32;
    }
    key |= static_cast<uint64_t>(c) << (8 * n);
  }
  return n > 0 && IsStopKey(key);
}

// ASCII byte classes for the fast path of ComputeTextFeatures; bytes >= 0x80 are kMultiByte.
enum : uint8_t {
  kSpaceByte = 1,
  kUpperByte = 2,
  kLowerByte = 4,
  kDigitByte = 8,
  kClosingByte = 16,
  kOtherByte = 32,  // ASCII, not space, letter or digit
  kMultiByte = 64,
  kAlnum = kUpperByte | kLowerByte | kDigitByte,
};

constexpr std::array<uint8_t, 256> MakeByteClasses() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 0x80) {
      t[c] = kMultiByte;
    } else if (c == ' ' || (c >= '\t' && c <= '\r')) {  // as utf8::IsSpace
      t[c] = kSpaceByte;
    } else if (c >= 'A' && c <= 'Z') {
      t[c] = kUpperByte;
    } else if (c >= 'a' && c <= 'z') {
      t[c] = kLowerByte;
    } else if (c >= '0' && c <= '9') {
      t[c] = kDigitByte;
    } else {
      t[c] = kOtherByte | (IsClosing(c) ? kClosingByte : 0);
    }
  }
  return t;
}
constexpr std::array<uint8_t, 256> kByteClasses = MakeByteClasses();

uint8_t ClassOf(char c) { return kByteClasses[static_cast<unsigned char>(c)]; }

// Counts the word of ASCII letters, digits and punctuation at text[b, e), whose classes OR to
// `seen` and which has `digits` digits; returns its last character that is not a closing quote
// or bracket (0 if none).
char32_t CountAsciiWord(std::string_view text, size_t b, size_t e, uint8_t seen, uint32_t digits,
                        Line& line) {
  ++line.words;
  line.chars += e - b;
  line.nonspace += e - b;
  line.digits += digits;
  for (size_t k = b; k < e; ++k) {  // the first letter or digit decides alpha and caps
    uint8_t cls = ClassOf(text[k]);
    if (!(cls & kAlnum)) continue;
    line.alpha_words += (cls & (kUpperByte | kLowerByte)) != 0;
    line.caps_words += (cls & kUpperByte) != 0;
    break;
  }
  bool stop;
  if (seen & kOtherByte) {
    stop = IsStopWordToken(text.substr(b, e - b));
  } else if (e - b <= 8) {  // letters and digits only: pack, lowercased (digits keep 0x20)
    uint64_t key = 0;
    std::memcpy(&key, text.data() + b, e - b);
    key |= 0x2020202020202020ull >> (8 * (8 - (e - b)));
    stop = IsStopKey(key);
  } else {
    stop = false;
  }
  line.stop_words += stop;
  if (!(seen & kClosingByte)) return static_cast<unsigned char>(text[e - 1]);
  for (size_t k = e; k > b; --k) {
    if (!(ClassOf(text[k - 1]) & kClosingByte)) return static_cast<unsigned char>(text[k - 1]);
  }
  return 0;
}

}  // namespace

void ComputeTextFeatures(std::string_view text, Line& out) {
  // Counts in a local copy: stores through `out` could alias the text (a char buffer), which
  // would force every counter back to memory on each byte.
  Line line = out;
  char32_t last_significant = 0;
  size_t i = 0;
  const size_t n = text.size();
  // Word by word. A word of ASCII bytes is counted at once (CountAsciiWord); a word with any
  // other byte is read code point by code point below, up to and including the space after it.
  while (i < n) {
    uint8_t cls = ClassOf(text[i]);
    if (cls & kSpaceByte) {
      ++line.chars;
      if (IsTerminal(last_significant)) ++line.sentences;
      last_significant = 0;
      ++i;
      continue;
    }
    size_t e = i;
    uint8_t seen = 0;
    uint32_t digits = 0;
    for (; e < n; ++e) {
      uint8_t c = ClassOf(text[e]);
      if (c & (kSpaceByte | kMultiByte)) break;
      seen |= c;
      digits += (c & kDigitByte) != 0;
    }
    if (e == n || (ClassOf(text[e]) & kSpaceByte)) {
      last_significant = CountAsciiWord(text, i, e, seen, digits, line);
      i = e;
      continue;
    }
    size_t word_start = std::string_view::npos;
    bool first_letter_seen = false;
    auto end_word = [&](size_t at) {
      if (word_start == std::string_view::npos) return;
      ++line.words;
      if (IsStopWordToken(text.substr(word_start, at - word_start))) ++line.stop_words;
      word_start = std::string_view::npos;
    };
    while (i < n) {
      size_t at = i;
      char32_t c = utf8::Next(text, i);
      ++line.chars;
      if (utf8::IsSpace(c)) {
        if (IsTerminal(last_significant)) ++line.sentences;
        last_significant = 0;
        end_word(at);
        break;
      }
      ++line.nonspace;
      if (IsCjk(c)) {
        end_word(at);
        ++line.words;
        ++line.alpha_words;
        last_significant = c;
        continue;
      }
      if (IsCjkPunct(c)) {
        if (IsCjkTerminal(c)) ++line.sentences;
        end_word(at);
        last_significant = c;
        continue;
      }
      if (word_start == std::string_view::npos) {
        word_start = at;
        first_letter_seen = false;
      }
      if (!first_letter_seen) {
        bool upper = utf8::IsUpper(c), lower = utf8::IsLower(c);
        // Scripts without case (CJK and beyond U+2E7F) still count as words with letters.
        if (upper || lower || c > 0x2E7F) {
          first_letter_seen = true;
          ++line.alpha_words;
          if (upper) ++line.caps_words;
        } else if (utf8::IsDigit(c)) {
          first_letter_seen = true;
        }
      }
      if (utf8::IsDigit(c)) ++line.digits;
      if (!IsClosing(c)) last_significant = c;
    }
    end_word(i);
  }
  line.terminal = IsTerminal(last_significant) || IsCjkTerminal(last_significant);
  if (IsTerminal(last_significant)) ++line.sentences;
  out = line;
}

void ComputeLines(std::string_view page, size_t max_line_bytes, std::vector<Line>& lines) {
  lines.clear();
  uint32_t number = 0;
  bool prev_blank = true;
  std::string_view first;
  size_t pos = 0;
  while (pos <= page.size()) {
    size_t nl = page.find('\n', pos);
    if (nl == std::string_view::npos) nl = page.size();
    ++number;
    size_t b = pos, e = nl;
    while (b < e && (page[b] == ' ' || page[b] == '\t' || page[b] == '\r')) ++b;
    while (e > b && (page[e - 1] == ' ' || page[e - 1] == '\t' || page[e - 1] == '\r')) --e;
    if (b == e) {
      if (!lines.empty()) lines.back().blank_after = true;
      prev_blank = true;
    } else {
      Line& line = lines.emplace_back();
      line.begin = static_cast<uint32_t>(b);
      line.end = static_cast<uint32_t>(e);
      line.number = number;
      line.index = static_cast<uint32_t>(lines.size() - 1);
      line.blank_before = prev_blank;
      ComputeTextFeatures(page.substr(b, std::min(e - b, max_line_bytes)), line);
      std::string_view text = page.substr(b, e - b);
      if (line.index == 0) {
        first = text;
      } else {
        line.same_as_first = text == first;
      }
      prev_blank = false;
    }
    if (nl == page.size()) break;
    pos = nl + 1;
  }
  if (!lines.empty()) lines.back().blank_after = true;
}

}  // namespace winnow
