// The fast path of ComputeTextFeatures (line.cc): runs of ASCII words counted 64 bytes at a
// time from byte-class masks, with no branch per word.
#ifndef WINNOW_SRC_CLASSIFY_WORD_SCAN_H_
#define WINNOW_SRC_CLASSIFY_WORD_SCAN_H_

#include <cstddef>
#include <string_view>

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

// CountAsciiWords is compiled twice: for the x86-64 baseline and, with GCC on x86-64, for
// x86-64-v3 (AVX2, BMI, POPCNT), which makes cleaning text dumps about 5% faster; that build
// also finds byte classes 32 bytes at a time (ClassifyBytesAvx2), which takes another 12% off
// BM_ComputeLines. It runs the v3 build where the CPU has it. Both are here so that tests can
// compare them.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define WINNOW_WORD_SCAN_V3 1
#else
#define WINNOW_WORD_SCAN_V3 0
#endif
namespace word_scan_internal {
using CountFn = size_t (*)(std::string_view text, size_t readable, size_t i, Line& line);
size_t CountBaseline(std::string_view text, size_t readable, size_t i, Line& line);
// The v3 build, or null where there is none or this CPU cannot run it.
CountFn V3();
}  // namespace word_scan_internal

}  // namespace winnow

#endif  // WINNOW_SRC_CLASSIFY_WORD_SCAN_H_
