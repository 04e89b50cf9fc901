// Byte-class bit masks over 64 bytes of text (bit k describes byte k), so that a scan can
// find word ends with countr_zero instead of a branch per byte.
#ifndef WINNOW_SRC_CLASSIFY_ASCII_MASKS_H_
#define WINNOW_SRC_CLASSIFY_ASCII_MASKS_H_

#include <bit>
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

// The classes of `chunks` loads of V (a GCC vector of 16 chars) from p, written once with
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
// The same 32 bytes at a time, for code built for AVX2 (word_scan.cc's x86-64-v3 build).
// Reads p[0, 32 * halves) (halves <= 2). Only for a CPU with AVX2. A pragma, not an
// attribute, so that the helpers are compiled for AVX2 too.
//
// One table lookup by each nibble (vpshufb) gives every byte a set of class bits, ANDed: a
// bit holds where both nibbles allow it. A class bit is then moved to each byte's top bit by
// a 16-bit shift and read with vpmovmskb. Byte compares needed sixteen vector constants,
// set up again on every call (once per line); this needs four.
#pragma GCC push_options
#pragma GCC target("avx2")
namespace ascii_masks_internal {

// Class bits, by (high nibble, low nibble) of an ASCII byte:
enum : uint8_t {
  kLettersAtoO = 1,   // 4 or 6, 1-F: A-O a-o
  kLettersPtoZ = 2,   // 5 or 7, 0-A: P-Z p-z
  kDigit = 4,         // 3, 0-9
  kControlSpace = 8,  // 0, 9-D: \t \n \v \f \r
  kSpace = 16,        // 2, 0
  kBangDot = 32,      // 2, 1 and E: ! .
  kQuotes = 64,       // 2, 2 7 9 A: " ' ) *
  kQuestion = 128,    // 3, F: ?   (']', the last closing mark, is compared apart)
};

// The class bits a high nibble allows, and those a low nibble allows (bytes >= 0x80 get none:
// vpshufb gives 0 for an index with its top bit set, and their high nibble's entry is 0).
inline __m256i HighNibbleClasses() {
  constexpr uint8_t a = kLettersAtoO, p = kLettersPtoZ;
  return _mm256_setr_epi8(kControlSpace, 0, kSpace | kBangDot | kQuotes, kDigit | kQuestion, a, p,
                          a, p, 0, 0, 0, 0, 0, 0, 0, 0,  //
                          kControlSpace, 0, kSpace | kBangDot | kQuotes, kDigit | kQuestion, a, p,
                          a, p, 0, 0, 0, 0, 0, 0, 0, 0);
}
inline __m256i LowNibbleClasses() {
  constexpr uint8_t a = kLettersAtoO, p = kLettersPtoZ, d = kDigit, c = kControlSpace;
  const uint8_t t[16] = {
      static_cast<uint8_t>(p | d | kSpace),           // 0
      static_cast<uint8_t>(a | p | d | kBangDot),     // 1
      static_cast<uint8_t>(a | p | d | kQuotes),      // 2
      static_cast<uint8_t>(a | p | d),                // 3
      static_cast<uint8_t>(a | p | d),                // 4
      static_cast<uint8_t>(a | p | d),                // 5
      static_cast<uint8_t>(a | p | d),                // 6
      static_cast<uint8_t>(a | p | d | kQuotes),      // 7
      static_cast<uint8_t>(a | p | d),                // 8
      static_cast<uint8_t>(a | p | d | c | kQuotes),  // 9
      static_cast<uint8_t>(a | p | c | kQuotes),      // A
      static_cast<uint8_t>(a | c),                    // B
      static_cast<uint8_t>(a | c),                    // C
      static_cast<uint8_t>(a | c),                    // D
      static_cast<uint8_t>(a | kBangDot),             // E
      static_cast<uint8_t>(a | kQuestion),            // F
  };
  __m128i half;
  std::memcpy(&half, t, sizeof t);
  return _mm256_broadcastsi128_si256(half);
}

// The byte mask of class bit `kBit` (a power of two) in `classes`.
template <uint8_t kBit>
inline uint32_t ClassMask(__m256i classes) {
  constexpr int kShift = 7 - std::countr_zero(kBit);  // to the byte's top bit
  return static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_slli_epi16(classes, kShift)));
}

}  // namespace ascii_masks_internal

inline AsciiMasks ClassifyBytesAvx2(const char* p, int halves = 2) {
  using namespace ascii_masks_internal;
  const __m256i high_table = HighNibbleClasses(), low_table = LowNibbleClasses();
  const __m256i nibble = _mm256_set1_epi8(0x0F), bracket = _mm256_set1_epi8(']');
  AsciiMasks m;
  for (int half = 0; half < halves; ++half) {
    __m256i x;
    std::memcpy(&x, p + 32 * half, sizeof x);
    const __m256i high = _mm256_and_si256(_mm256_srli_epi16(x, 4), nibble);
    const __m256i classes =
        _mm256_and_si256(_mm256_shuffle_epi8(high_table, high), _mm256_shuffle_epi8(low_table, x));
    const int at = 32 * half;
    const uint64_t alpha =
        uint64_t{ClassMask<kLettersAtoO>(classes) | ClassMask<kLettersPtoZ>(classes)};
    // Bit 5 clear: upper case. A shift by 2 moves it to the top of each byte.
    const uint32_t bit5 = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_slli_epi16(x, 2)));
    m.alpha |= alpha << at;
    m.upper |= (alpha & ~uint64_t{bit5}) << at;
    m.digit |= uint64_t{ClassMask<kDigit>(classes)} << at;
    m.space |= uint64_t{ClassMask<kControlSpace>(classes) | ClassMask<kSpace>(classes)} << at;
    m.non_ascii |= uint64_t{static_cast<uint32_t>(_mm256_movemask_epi8(x))} << at;
    m.terminal |= uint64_t{ClassMask<kBangDot>(classes) | ClassMask<kQuestion>(classes)} << at;
    const uint32_t brackets =
        static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(x, bracket)));
    m.closing |= uint64_t{ClassMask<kQuotes>(classes) | brackets} << at;
  }
  return m;
}
#pragma GCC pop_options
#endif

}  // namespace winnow

#endif  // WINNOW_SRC_CLASSIFY_ASCII_MASKS_H_
