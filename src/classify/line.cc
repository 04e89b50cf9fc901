#include "classify/line.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "classify/ascii_masks.h"
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

// A 64-byte window of the text at `base` with its byte-class masks. Near the end of the text
// it is a zero-padded copy, so that neither the masks nor 8-byte loads of a word (LowerKey)
// read past the text; `end` has the bits of positions past the end.
struct Window {
  static constexpr size_t kSize = 64;
  size_t base = 0;
  const char* bytes = nullptr;  // text.data() + base, or pad
  AsciiMasks masks;
  uint64_t end = 0;
  char pad[kSize + 8];

  void Load(std::string_view text, size_t at) {
    base = at;
    const size_t left = text.size() - at;
    if (left >= sizeof pad) {
      bytes = text.data() + at;
      end = 0;
    } else {
      std::memset(pad, 0, sizeof pad);
      std::memcpy(pad, text.data() + at, left);
      bytes = pad;
      end = left >= kSize ? 0 : ~uint64_t{0} << left;
    }
    masks = ClassifyBytes(bytes);
  }
};

// `len` (1..8) ASCII bytes at p, packed little-endian with A-Z lowercased; reads p[0, 8).
uint64_t LowerKey(const char* p, unsigned len) {
  static_assert(std::endian::native == std::endian::little, "keys are packed little-endian");
  uint64_t key;
  std::memcpy(&key, p, 8);
  key &= ~uint64_t{0} >> (64 - 8 * len);
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  // Per byte (all < 0x80, so no carries): the high bit of b + 0x3F is b >= 'A', of b + 0x25
  // is b > 'Z'.
  const uint64_t upper = (key + 0x3F * kOnes) & ~(key + 0x25 * kOnes) & (0x80 * kOnes);
  return key | upper >> 2;
}

// Counts the word of ASCII letters, digits and punctuation at window bytes [off, off + len),
// off + len < 64; returns its last character that is not a closing quote or bracket (0 if
// none).
char32_t CountAsciiWord(const Window& w, unsigned off, unsigned len, Line& line) {
  const uint64_t range = ((uint64_t{1} << len) - 1) << off;
  const uint64_t alnum = (w.masks.alpha | w.masks.digit) & range;
  ++line.words;
  line.chars += len;
  line.nonspace += len;
  // Few words have digits; std::popcount is a libgcc call without -mpopcnt.
  if (const uint64_t digits = w.masks.digit & range) line.digits += std::popcount(digits);
  if (alnum) {
    // The first letter or digit decides alpha and caps. The stop-word test reads the word
    // from its first to its last letter or digit, as IsStopWordToken trims it.
    const unsigned first = std::countr_zero(alnum);
    const unsigned core = 64 - std::countl_zero(alnum) - first;
    line.alpha_words += (w.masks.alpha >> first) & 1;
    line.caps_words += static_cast<unsigned char>(w.bytes[first] - 'A') < 26u;
    line.stop_words += (core <= 8) & IsStopKey(LowerKey(w.bytes + first, std::min(core, 8u)));
  }
  for (unsigned k = off + len; k > off; --k) {
    const unsigned char c = w.bytes[k - 1];
    if (!IsClosing(c)) return c;
  }
  return 0;
}

// Counts the word at text[i] code point by code point, up to and including the space after
// it (or the end); returns where it stopped. For words with non-ASCII characters and words
// too long for the window.
size_t CountWord(std::string_view text, size_t i, char32_t& last_significant, Line& line) {
  const size_t n = text.size();
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
      return i;
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
  return i;
}

}  // namespace

void ComputeTextFeatures(std::string_view text, Line& out) {
  // Counts in a local copy: stores through `out` could alias the text (a char buffer), which
  // would force every counter back to memory on each byte.
  Line line = out;
  char32_t last_significant = 0;
  const size_t n = text.size();
  Window w;
  // Runs of spaces and words of ASCII bytes are found in the window's masks; a word with any
  // other byte, or one that fills the whole window, is left to CountWord.
  for (size_t i = 0; i < n;) {
    if (!w.bytes || i - w.base >= Window::kSize) w.Load(text, i);
    const unsigned off = i - w.base;
    const uint64_t spaces = w.masks.space >> off;
    if (spaces & 1) {
      line.chars += std::countr_one(spaces);
      if (IsTerminal(last_significant)) ++line.sentences;
      last_significant = 0;
      i += std::countr_one(spaces);
      continue;
    }
    const uint64_t stops = (w.masks.space | w.masks.non_ascii | w.end) >> off;
    if (stops == 0 && off > 0) {  // the word runs past the window: move the window to it
      w.Load(text, i);
      continue;
    }
    const unsigned len = std::countr_zero(stops);
    if (stops == 0 || (w.masks.non_ascii >> (off + len)) & 1) {
      i = CountWord(text, i, last_significant, line);
    } else {
      last_significant = CountAsciiWord(w, off, len, line);
      i += len;
    }
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
