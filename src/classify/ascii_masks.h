// Byte-class bit masks over 64 bytes of text (bit k describes byte k), so that a scan can
// find word ends with countr_zero instead of a branch per byte.
#ifndef WINNOW_SRC_CLASSIFY_ASCII_MASKS_H_
#define WINNOW_SRC_CLASSIFY_ASCII_MASKS_H_

#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
// The AVX2 build needs GCC's target pragma (as word_scan.h's x86-64-v3 build needs GCC).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__SSE2__)
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
namespace ascii_masks_internal {

// The classes of `chunks` loads of V (a GCC vector of 16 or 32 chars) from p, written once with
// vector operators, which compile to the instructions of the target of the function this is
// inlined into. bits(v) is the byte mask of a vector of 0 / -1 bytes. Bytes >= 0x80 are
// negative chars, so they fall outside every range.
template <typename V, typename Bits>
[[gnu::always_inline]] inline AsciiMasks Classify(const char* p, int chunks, Bits bits) {
  constexpr int kWidth = sizeof(V);
  AsciiMasks m;
  for (int chunk = 0; chunk < chunks; ++chunk) {
    V x;
    std::memcpy(&x, p + kWidth * chunk, kWidth);
    const int at = kWidth * chunk;
    const V folded = x | 0x20;  // either case
    const V alpha = (folded >= 'a') & (folded <= 'z');
    m.space |= bits((x == ' ') | ((x >= '\t') & (x <= '\r'))) << at;
    m.alpha |= bits(alpha) << at;
    m.upper |= bits(alpha & ((x & 0x20) == 0)) << at;
    m.digit |= bits((x >= '0') & (x <= '9')) << at;
    m.non_ascii |= bits(x) << at;
    m.terminal |= bits((x == '.') | (x == '!') | (x == '?')) << at;
    m.closing |= bits((x == '"') | (x == '\'') | (x == ')') | (x == ']') | (x == '*')) << at;
  }
  return m;
}

using Chars16 = char __attribute__((vector_size(16)));
using Chars32 = char __attribute__((vector_size(32)));

}  // namespace ascii_masks_internal

// SSE2 is part of x86-64, so this needs no -march flag: 16 bytes at a time.
inline AsciiMasks ClassifyBytes(const char* p, int chunks = 4) {
  using ascii_masks_internal::Chars16;
  return ascii_masks_internal::Classify<Chars16>(p, chunks, [](Chars16 v) -> uint64_t {
    return static_cast<uint16_t>(_mm_movemask_epi8(reinterpret_cast<__m128i>(v)));
  });
}
#else
inline AsciiMasks ClassifyBytes(const char* p, int chunks = 4) {
  return ClassifyBytesScalar(p, chunks);
}
#endif

#if WINNOW_ASCII_MASKS_AVX2
// The same 32 bytes at a time, for code built for AVX2 (word_scan.cc's x86-64-v3 build): half
// the instructions. Reads p[0, 32 * halves) (halves <= 2). Only for a CPU with AVX2. A pragma,
// not an attribute, so that the lambda is compiled for AVX2 too.
#pragma GCC push_options
#pragma GCC target("avx2")
inline AsciiMasks ClassifyBytesAvx2(const char* p, int halves = 2) {
  using ascii_masks_internal::Chars32;
  return ascii_masks_internal::Classify<Chars32>(p, halves, [](Chars32 v) -> uint64_t {
    return static_cast<uint32_t>(_mm256_movemask_epi8(reinterpret_cast<__m256i>(v)));
  });
}
#pragma GCC pop_options
#endif

}  // namespace winnow

#endif  // WINNOW_SRC_CLASSIFY_ASCII_MASKS_H_
