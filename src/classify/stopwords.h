// Stop-word lists for the fallback's prose test (jusText's central feature).
#ifndef WINNOW_SRC_CLASSIFY_STOPWORDS_H_
#define WINNOW_SRC_CLASSIFY_STOPWORDS_H_

#include <cstdint>
#include <string_view>

namespace winnow {

// True if `lower` (an ASCII-lowercased word without surrounding punctuation) is a stop word
// of English or of the other languages bundled (German, French, Spanish, Italian, Dutch,
// Portuguese, Indonesian): a page in any of them scores as prose. Every stop word fits in
// 8 bytes, so a word is looked up as one packed integer (this runs once per word of input).
bool IsStopWord(std::string_view lower);

// The same for a word already packed little-endian into `key` (`length` bytes, 1..8).
bool IsStopKey(uint64_t key);

}  // namespace winnow

#endif  // WINNOW_SRC_CLASSIFY_STOPWORDS_H_
