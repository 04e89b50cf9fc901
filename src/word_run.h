// WordRunEnd: the end of a run of words parted by single ASCII spaces, the text that
// whitespace collapsing leaves as it is. The DOM walk and the body sink copy such runs in one
// append instead of deciding byte by byte; most text is one run.
#ifndef WINNOW_SRC_WORD_RUN_H_
#define WINNOW_SRC_WORD_RUN_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace winnow {

// Bytes that may be whitespace, for the caller to decide: below 0x21, and with kDomSpaces also
// DEL and 0xC2 (the lead byte of U+00A0), which the DOM walk collapses too.
template <bool kDomSpaces>
bool MayBeSpace(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return u <= 0x20 || (kDomSpaces && (u == 0x7F || u == 0xC2));
}

namespace word_run_internal {

// The bits set in a 16-bit mask. std::popcount is a library call in the baseline x86-64
// build, which has no popcnt instruction.
inline uint32_t Popcount16(unsigned x) {
  x = x - ((x >> 1) & 0x5555u);
  x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
  x = (x + (x >> 4)) & 0x0F0Fu;
  return (x + (x >> 8)) & 0x1Fu;
}

}  // namespace word_run_internal

// The first i' >= i where s[i'] MayBeSpace and is not a ' ' before a byte that is not, or
// s.size(); adds the single ' ' passed on the way to *spaces, unless spaces is null (counting
// them costs a popcount per step). Sixteen bytes per step.
template <bool kDomSpaces>
size_t WordRunEnd(std::string_view s, size_t i, uint32_t* spaces) {
#ifdef __SSE2__
  const auto may_be_space = [](__m128i x) {
    // Unsigned x <= 0x20: min(x, 0x20) == x.
    __m128i m = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x20)), x);
    if constexpr (kDomSpaces) {
      m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7F)));
      m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(0xC2))));
    }
    return static_cast<unsigned>(_mm_movemask_epi8(m));
  };
  for (; i + 17 <= s.size(); i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i + 1));
    const unsigned space =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' '))));
    const unsigned before_space = may_be_space(next);
    const unsigned single = space & ~before_space;
    const unsigned stop = (may_be_space(x) & ~space) | (space & before_space);
    if (stop != 0) {
      const int at = std::countr_zero(stop);
      if (spaces) *spaces += word_run_internal::Popcount16(single & ((1u << at) - 1));
      return i + static_cast<size_t>(at);
    }
    if (spaces) *spaces += word_run_internal::Popcount16(single);
  }
#endif
  for (; i < s.size(); ++i) {
    if (!MayBeSpace<kDomSpaces>(s[i])) continue;
    if (s[i] != ' ' || i + 1 == s.size() || MayBeSpace<kDomSpaces>(s[i + 1])) break;
    ++i;  // a single ' ' before a word
    if (spaces) ++*spaces;
  }
  return i;
}

}  // namespace winnow

#endif  // WINNOW_SRC_WORD_RUN_H_
