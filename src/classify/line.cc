#include "classify/line.h"

#include <algorithm>

#include "classify/stopwords.h"
#include "classify/word_scan.h"
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

// Counts the word at text[i] code point by code point, up to and including the space after
// it (or the end); returns where it stopped. For words with non-ASCII characters and words
// too long for CountAsciiWords.
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
    if (c >= 0x3000) {  // CJK or full-width marks; most words here just hold a curly quote
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

// The last character of an ASCII run that is not a closing mark; 0 if that is a space or
// there is none.
char32_t LastSignificant(std::string_view run) {
  size_t k = run.size();
  while (k > 0 && IsClosing(static_cast<unsigned char>(run[k - 1]))) --k;
  const char32_t c = k > 0 ? static_cast<unsigned char>(run[k - 1]) : 0;
  return utf8::IsSpace(c) ? 0 : c;
}

// ComputeTextFeatures, where `readable` (>= text.size()) bytes from text.data() may be read.
// With `bits`, the text is a whole line of the page CountAsciiLines scanned, at `offset`, and
// its runs of ASCII words are counted from the bits instead of read again.
void ComputeFeatures(std::string_view text, size_t readable, Line& out,
                     const PageBits* bits = nullptr, size_t offset = 0) {
  // Counts locally: stores through `out` could alias the text (a char buffer), which would
  // force every counter back to memory on each byte.
  Line line;
  char32_t last_significant = 0;
  const size_t n = text.size();
  // Runs of ASCII words go to CountAsciiWords (or CountAsciiRun); a word with any other byte,
  // or one of 64 bytes or more, to CountWord. Each starts after a space (or at the start), with
  // nothing pending.
  for (size_t i = 0; i < n;) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      const size_t run = i;
      // The bits know a word starts at i only after an ASCII space (not after, say, U+00A0).
      if (bits != nullptr && (i == 0 || static_cast<unsigned char>(text[i - 1]) < 0x80)) {
        i = CountAsciiRun(*bits, offset + i, offset + n, line) - offset;
      } else {
        i = CountAsciiWords(text, readable, i, line);
      }
      if (i == n) {
        last_significant = LastSignificant(text.substr(run));
        break;
      }
    }
    i = CountWord(text, i, last_significant, line);
  }
  if (IsTerminal(last_significant)) ++line.sentences;
  AddCounts(line, out);
  out.terminal = IsTerminal(last_significant) || IsCjkTerminal(last_significant);
}

}  // namespace

void ComputeTextFeatures(std::string_view text, Line& line) {
  ComputeFeatures(text, text.size(), line);
}

bool ComputeLines(std::string_view page, size_t max_line_bytes, std::vector<Line>& lines,
                  size_t max_lines) {
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
      if (lines.size() == max_lines) {
        lines.clear();
        return false;
      }
      Line& line = lines.emplace_back();
      line.begin = static_cast<uint32_t>(b);
      line.end = static_cast<uint32_t>(e);
      line.number = number;
      line.index = static_cast<uint32_t>(lines.size() - 1);
      line.blank_before = prev_blank;
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

  // Features: ASCII lines in one pass over the page, then the others from its bits, each up
  // to its first non-ASCII word, and code point by code point from there.
  thread_local PageBits bits;
  thread_local std::vector<uint32_t> others;
  others.clear();
  CountAsciiLines(page, lines, max_line_bytes, bits, others);
  auto other = others.begin();
  for (Line& line : lines) {
    const std::string_view text = line.Text(page);
    if (other == others.end() || *other != line.index) {
      line.terminal = IsTerminal(LastSignificant(text));
      line.sentences += line.terminal;
      continue;
    }
    ++other;
    if (text.size() > max_line_bytes) {  // cut mid-word, where the bits see the word go on
      ComputeFeatures(text.substr(0, max_line_bytes), page.size() - line.begin, line);
    } else {
      ComputeFeatures(text, page.size() - line.begin, line, &bits, line.begin);
    }
  }
  return true;
}

}  // namespace winnow
