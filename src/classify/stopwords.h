// Stop-word lists for the fallback's prose test (jusText's central feature).
#ifndef WINNOW_SRC_CLASSIFY_STOPWORDS_H_
#define WINNOW_SRC_CLASSIFY_STOPWORDS_H_

#include <array>
#include <cstdint>
#include <string_view>

namespace winnow {

// True if `lower` (an ASCII-lowercased word without surrounding punctuation) is a stop word
// of English or of the other languages bundled (German, French, Spanish, Italian, Dutch,
// Portuguese, Indonesian): a page in any of them scores as prose. Every stop word fits in
// 8 bytes, so a word is looked up as one packed integer (this runs once per word of input).
// Each starts with a letter and its ASCII bytes are a-z or ' (checked at compile time): the
// word scan (word_scan.cc) looks up only words that start with a letter and folds case with
// one bit.
bool IsStopWord(std::string_view lower);

namespace stopwords_internal {

// Each stop word, packed little-endian, sits in bucket StopBucket(key, mul) of 4 slots
// (0 = empty): a lookup reads one bucket and compares it without branches. Built at compile
// time (stopwords.cc), so there is no initialisation guard on the per-word path.
struct StopTable {
  uint64_t mul;
  alignas(32) std::array<std::array<uint64_t, 4>, 256> buckets;  // a bucket is one AVX2 load
};
constexpr size_t StopBucket(uint64_t key, uint64_t mul) { return (key * mul) >> 56; }
extern const StopTable kStopTable;

}  // namespace stopwords_internal

// The same for a word already packed little-endian into `key` (1..8 bytes; key != 0).
inline bool IsStopKey(uint64_t key) {
  const auto& table = stopwords_internal::kStopTable;
  const auto& b = table.buckets[stopwords_internal::StopBucket(key, table.mul)];
  return (b[0] == key) | (b[1] == key) | (b[2] == key) | (b[3] == key);
}

}  // namespace winnow

#endif  // WINNOW_SRC_CLASSIFY_STOPWORDS_H_
