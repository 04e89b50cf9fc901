// The fast paths of ComputeLines and ComputeTextFeatures (line.cc): ASCII words counted 64
// bytes at a time from byte-class masks, with no branch per word; a page's lines in one pass.
#ifndef WINNOW_SRC_CLASSIFY_WORD_SCAN_H_
#define WINNOW_SRC_CLASSIFY_WORD_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "classify/line.h"

namespace winnow {

// Adds the counters of `counts` to those of `line`, field by field: a whole-struct copy just
// after the fields were stored one by one stalls on store forwarding.
inline void AddCounts(const Line& counts, Line& line) {
  line.chars += counts.chars;
  line.words += counts.words;
  line.alpha_words += counts.alpha_words;
  line.caps_words += counts.caps_words;
  line.stop_words += counts.stop_words;
  line.digits += counts.digits;
  line.nonspace += counts.nonspace;
  line.sentences += counts.sentences;
}

// Adds to `line` the counters of the text from text[i], which must start a word or a run of
// spaces with nothing pending before it (the text start, or just after a space), up to the
// first word (space-separated) that has a non-ASCII byte or is 64 bytes or longer. Returns
// where it stopped: the start of that word, or text.size(). Sentence marks are counted at
// the spaces after them, not at the end of the text: that is the caller's, as is `terminal`.
// `readable` (>= text.size()) bytes from text.data() may be read: inside a page, windows
// need no padded copy.
size_t CountAsciiWords(std::string_view text, size_t readable, size_t i, Line& line);

// What CountAsciiLines found in each 64-byte block of a page (bit k: byte 64 * block + k):
// enough to count any run of its ASCII words again without reading the bytes.
struct BlockBits {
  uint64_t space = 0;         // ASCII spaces (utf8::IsSpace)
  uint64_t starts = 0;        // first bytes of words
  uint64_t alpha_firsts = 0;  // a word's first letter or digit, a letter
  uint64_t caps_firsts = 0;   // ... an uppercase one
  uint64_t stop_words = 0;    // a stop word's first letter
  uint64_t digits = 0;        // 0-9
  uint64_t sentences = 0;     // spaces that end a sentence (a mark, closing marks, the space)
  uint64_t non_ascii = 0;     // bytes >= 0x80
};
struct PageBits {
  std::vector<BlockBits> blocks;
};

// The same counts for whole lines of a page, in one pass over it: a line of a few dozen bytes
// then costs no window of its own. `lines` have their spans (in order, trimmed of spaces, tabs
// and '\r', as ComputeLines cuts them) and zero counters. A line with a non-ASCII byte or
// longer than `max_line_bytes` is left as it is and its index appended to `others`; `bits`
// gets every block's bits, for CountAsciiRun on the first kind. As with CountAsciiWords, the
// sentence that ends a line is the caller's.
void CountAsciiLines(std::string_view page, std::span<Line> lines, size_t max_line_bytes,
                     PageBits& bits, std::vector<uint32_t>& others);

// CountAsciiWords on the page bytes [i, end) that CountAsciiLines scanned, from its bits: i
// must start a line or follow an ASCII space, and `end` end a line. Stops before the first
// word with a non-ASCII byte (long words are counted here: the bits see them whole).
size_t CountAsciiRun(const PageBits& bits, size_t i, size_t end, Line& line);

// These three are compiled twice: for the x86-64 baseline and, with GCC on x86-64, for
// x86-64-v3 (AVX2, BMI, POPCNT), which made cleaning text dumps about 5% faster; that build
// also finds byte classes 32 bytes at a time (ClassifyBytesAvx2), which took another 12% off
// BM_ComputeLines. They run the v3 build where the CPU has it. Both are here so that tests
// can compare them.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define WINNOW_WORD_SCAN_V3 1
#else
#define WINNOW_WORD_SCAN_V3 0
#endif
namespace word_scan_internal {
// The three functions of one build.
struct Build {
  size_t (*count)(std::string_view text, size_t readable, size_t i, Line& line);
  void (*count_lines)(std::string_view page, std::span<Line> lines, size_t max_line_bytes,
                      PageBits& bits, std::vector<uint32_t>& others);
  size_t (*sum_run)(const PageBits& bits, size_t i, size_t end, Line& line);
};
extern const Build kBaseline;
// The v3 build, or null where there is none or this CPU cannot run it.
const Build* V3();
}  // namespace word_scan_internal

}  // namespace winnow

#endif  // WINNOW_SRC_CLASSIFY_WORD_SCAN_H_
