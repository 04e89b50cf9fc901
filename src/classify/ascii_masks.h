// Byte-class bit masks over 64 bytes of text (bit k describes byte k), so that a scan can
// find word ends with countr_zero instead of a branch per byte.
#ifndef WINNOW_SRC_CLASSIFY_ASCII_MASKS_H_
#define WINNOW_SRC_CLASSIFY_ASCII_MASKS_H_

#include <cstdint>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define WINNOW_ASCII_MASKS_AVX2 1
#else
#define WINNOW_ASCII_MASKS_AVX2 0
#endif

namespace winnow {

struct AsciiMasks {
  uint64_t space = 0;      // ' ' and \t..\r, as utf8::IsSpace
  uint64_t alpha = 0;      // A-Z a-z
  uint64_t upper = 0;      // A-Z
  uint64_t digit = 0;      // 0-9
  uint64_t non_ascii = 0;  // >= 0x80
  uint64_t terminal = 0;   // . ! ?
  uint64_t closing = 0;    // " ' ) ] *, skipped before a sentence's end
};

// Reads p[0, 16 * chunks) (chunks <= 4); the bits of the bytes past that stay 0.
inline AsciiMasks ClassifyBytesScalar(const char* p, int chunks = 4) {
  AsciiMasks m;
  for (int k = 0; k < 16 * chunks; ++k) {
    const unsigned char c = p[k];
    const uint64_t bit = uint64_t{1} << k;
    if (c == ' ' || (c >= '\t' && c <= '\r')) m.space |= bit;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) m.alpha |= bit;
    if (c >= 'A' && c <= 'Z') m.upper |= bit;
    if (c >= '0' && c <= '9') m.digit |= bit;
    if (c >= 0x80) m.non_ascii |= bit;
    if (c == '.' || c == '!' || c == '?') m.terminal |= bit;
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*') m.closing |= bit;
  }
  return m;
}

#ifdef __SSE2__
// SSE2 is part of x86-64, so this needs no -march flag.
inline AsciiMasks ClassifyBytes(const char* p, int chunks = 4) {
  // Signed byte compares: bytes >= 0x80 are negative, so they fall outside every range.
  auto in = [](__m128i x, char lo, char hi) {
    return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(lo - 1)),
                         _mm_cmplt_epi8(x, _mm_set1_epi8(hi + 1)));
  };
  auto eq = [](__m128i x, char c) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(c)); };
  auto bits = [](__m128i x, int chunk) {
    return static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(x))) << (16 * chunk);
  };
  AsciiMasks m;
  for (int chunk = 0; chunk < chunks; ++chunk) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * chunk));
    const __m128i space = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')), in(x, '\t', '\r'));
    m.space |= bits(space, chunk);
    const __m128i alpha = in(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 'z');  // either case
    m.alpha |= bits(alpha, chunk);
    // Upper case letters have bit 5 clear; a 16-bit shift by 2 moves it to each byte's top.
    m.upper |= bits(_mm_andnot_si128(_mm_slli_epi16(x, 2), alpha), chunk);
    m.digit |= bits(in(x, '0', '9'), chunk);
    m.non_ascii |= bits(x, chunk);
    m.terminal |= bits(_mm_or_si128(_mm_or_si128(eq(x, '.'), eq(x, '!')), eq(x, '?')), chunk);
    const __m128i quote = _mm_or_si128(eq(x, '"'), eq(x, '\''));
    const __m128i bracket = _mm_or_si128(_mm_or_si128(eq(x, ')'), eq(x, ']')), eq(x, '*'));
    m.closing |= bits(_mm_or_si128(quote, bracket), chunk);
  }
  return m;
}
#else
inline AsciiMasks ClassifyBytes(const char* p, int chunks = 4) {
  return ClassifyBytesScalar(p, chunks);
}
#endif

#if WINNOW_ASCII_MASKS_AVX2
namespace ascii_masks_internal {
// Lambdas would not inherit the target attribute, so the helpers are functions.
[[gnu::target("avx2")]] inline __m256i Eq(__m256i x, char c) {
  return _mm256_cmpeq_epi8(x, _mm256_set1_epi8(c));
}
[[gnu::target("avx2")]] inline __m256i In(__m256i x, char lo, char hi) {
  return _mm256_and_si256(_mm256_cmpgt_epi8(x, _mm256_set1_epi8(static_cast<char>(lo - 1))),
                          _mm256_cmpgt_epi8(_mm256_set1_epi8(static_cast<char>(hi + 1)), x));
}
[[gnu::target("avx2")]] inline uint64_t Bits(__m256i x, int half) {
  return static_cast<uint64_t>(static_cast<uint32_t>(_mm256_movemask_epi8(x))) << (32 * half);
}
}  // namespace ascii_masks_internal

// The same in 32-byte halves, for code built for AVX2 (word_scan.cc's x86-64-v3 build): half
// the instructions of four 16-byte chunks. Reads p[0, 32 * halves) (halves <= 2); the bits of
// the bytes past that stay 0. Only for a CPU with AVX2.
[[gnu::target("avx2")]] inline AsciiMasks ClassifyBytesAvx2(const char* p, int halves = 2) {
  using namespace ascii_masks_internal;
  AsciiMasks m;
  for (int half = 0; half < halves; ++half) {
    const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32 * half));
    m.space |= Bits(_mm256_or_si256(Eq(x, ' '), In(x, '\t', '\r')), half);
    const __m256i alpha = In(_mm256_or_si256(x, _mm256_set1_epi8(0x20)), 'a', 'z');
    m.alpha |= Bits(alpha, half);
    m.upper |= Bits(_mm256_andnot_si256(_mm256_slli_epi16(x, 2), alpha), half);
    m.digit |= Bits(In(x, '0', '9'), half);
    m.non_ascii |= Bits(x, half);
    m.terminal |= Bits(_mm256_or_si256(_mm256_or_si256(Eq(x, '.'), Eq(x, '!')), Eq(x, '?')), half);
    const __m256i quote = _mm256_or_si256(Eq(x, '"'), Eq(x, '\''));
    const __m256i bracket = _mm256_or_si256(_mm256_or_si256(Eq(x, ')'), Eq(x, ']')), Eq(x, '*'));
    m.closing |= Bits(_mm256_or_si256(quote, bracket), half);
  }
  return m;
}
#endif

}  // namespace winnow

#endif  // WINNOW_SRC_CLASSIFY_ASCII_MASKS_H_
