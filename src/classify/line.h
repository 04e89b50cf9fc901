// Line: one non-blank line of a page with the shallow features rules and the fallback read.
// Computed in one pass over the page text with no allocation per line.
#ifndef WINNOW_SRC_CLASSIFY_LINE_H_
#define WINNOW_SRC_CLASSIFY_LINE_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace winnow {

struct Line {
  uint32_t begin = 0;  // trimmed text: page.text.substr(begin, end - begin)
  uint32_t end = 0;
  uint32_t number = 0;         // 1-based line number in the page text
  uint32_t index = 0;          // 0-based index among non-blank lines
  uint32_t chars = 0;          // code points of the trimmed text
  uint32_t words = 0;          // whitespace-separated tokens; each Han or kana character is one
  uint32_t alpha_words = 0;    // words whose first letter-or-digit is a letter
  uint32_t caps_words = 0;     // ... and that letter is uppercase
  uint32_t stop_words = 0;     // words in the stop-word lists
  uint32_t digits = 0;         // ASCII digits
  uint32_t nonspace = 0;       // non-space code points
  uint32_t sentences = 0;      // sentence marks (. ! ? … 。) followed by a space or the end
  bool terminal = false;       // ends with . ! ? or … (closing quotes and brackets skipped)
  bool blank_before = false;   // a blank line (or the start of the page) precedes it
  bool blank_after = false;    // a blank line (or the end of the page) follows it
  bool same_as_first = false;  // same text as the first non-blank line (a repeated headline)
  bool after_prose = false;    // some earlier line is prose (set by the classifier)
  bool trails_prose = false;   // the prose after it is small beside the prose before it (same)
  uint32_t prose_before = 0;   // words of the paragraph lines before it (same)

  std::string_view Text(std::string_view page) const { return page.substr(begin, end - begin); }
  double CapsShare() const { return alpha_words ? double(caps_words) / alpha_words : 0.0; }
  double StopShare() const { return words ? double(stop_words) / words : 0.0; }
  double DigitShare() const { return nonspace ? double(digits) / nonspace : 0.0; }
};

// Features of a piece of text (a line or a segment of one); begin/end/number/index and the
// neighbour flags are left for the caller.
void ComputeTextFeatures(std::string_view text, Line& line);

// Splits page text into its non-blank lines with all features; `max_line_bytes` caps how much
// of a line the features read (the whole line is still kept). False, with `lines` empty, when
// the page has more than `max_lines` non-blank lines (then nothing is computed for them).
bool ComputeLines(std::string_view page, size_t max_line_bytes, std::vector<Line>& lines,
                  size_t max_lines = SIZE_MAX);

}  // namespace winnow

#endif  // WINNOW_SRC_CLASSIFY_LINE_H_
