// Byte-class bit masks over 64 bytes of text (bit k describes byte k), so that a scan can
// find word ends with countr_zero instead of a branch per byte.
#ifndef WINNOW_SRC_CLASSIFY_ASCII_MASKS_H_
#define WINNOW_SRC_CLASSIFY_ASCII_MASKS_H_

#include <cstdint>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace winnow {

struct AsciiMasks {
  uint64_t space = 0;      // ' ' and \t..\r, as utf8::IsSpace
  uint64_t alpha = 0;      // A-Z a-z
  uint64_t digit = 0;      // 0-9
  uint64_t non_ascii = 0;  // >= 0x80
};

// Reads p[0, 64).
inline AsciiMasks ClassifyBytesScalar(const char* p) {
  AsciiMasks m;
  for (int k = 0; k < 64; ++k) {
    const unsigned char c = p[k];
    const uint64_t bit = uint64_t{1} << k;
    if (c == ' ' || (c >= '\t' && c <= '\r')) m.space |= bit;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) m.alpha |= bit;
    if (c >= '0' && c <= '9') m.digit |= bit;
    if (c >= 0x80) m.non_ascii |= bit;
  }
  return m;
}

#ifdef __SSE2__
// SSE2 is part of x86-64, so this needs no -march flag.
inline AsciiMasks ClassifyBytes(const char* p) {
  // Signed byte compares: bytes >= 0x80 are negative, so they fall outside every range.
  auto in = [](__m128i x, char lo, char hi) {
    return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(lo - 1)),
                         _mm_cmplt_epi8(x, _mm_set1_epi8(hi + 1)));
  };
  auto bits = [](__m128i x, int chunk) {
    return static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(x))) << (16 * chunk);
  };
  AsciiMasks m;
  for (int chunk = 0; chunk < 4; ++chunk) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * chunk));
    const __m128i space = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')), in(x, '\t', '\r'));
    m.space |= bits(space, chunk);
    m.alpha |= bits(in(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 'z'), chunk);  // either case
    m.digit |= bits(in(x, '0', '9'), chunk);
    m.non_ascii |= bits(x, chunk);
  }
  return m;
}
#else
inline AsciiMasks ClassifyBytes(const char* p) { return ClassifyBytesScalar(p); }
#endif

}  // namespace winnow

#endif  // WINNOW_SRC_CLASSIFY_ASCII_MASKS_H_
