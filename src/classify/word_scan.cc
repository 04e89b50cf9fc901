#include "classify/word_scan.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <utility>

#include "classify/ascii_masks.h"
#include "classify/stopwords.h"

namespace winnow {
namespace {

// A 64-byte window of the text at `base` with its byte-class masks. It reads the bytes after
// the text too when they are readable (the rest of the page); else, near the end, it is a
// zero-padded copy, so that neither the masks nor 8-byte loads of a word (LowerKey) read
// past them. `end` has the bits of positions past the text, whose mask bits mean nothing.
// kAvx2: the masks are computed in 32-byte halves (only in the x86-64-v3 build).
template <bool kAvx2>
struct Window {
  static constexpr size_t kSize = 64;
  size_t base = 0;
  const char* bytes = nullptr;  // text.data() + base, or pad
  AsciiMasks masks;
  uint64_t end = 0;
  char pad[kSize + 8];

  [[gnu::always_inline]] void Load(std::string_view text, size_t readable, size_t at) {
    base = at;
    const size_t left = text.size() - at;
    if (readable - at >= sizeof pad) {
      bytes = text.data() + at;
    } else {
      std::memset(pad, 0, sizeof pad);
      std::memcpy(pad, text.data() + at, left);
      bytes = pad;
    }
    end = left >= kSize ? 0 : ~uint64_t{0} << left;
#if WINNOW_ASCII_MASKS_AVX2
    if constexpr (kAvx2) {
      masks = ClassifyBytesAvx2(bytes, left > 32 ? 2 : 1);
      return;
    }
#endif
    masks = ClassifyBytes(bytes, std::min<size_t>((left + 15) / 16, 4));
  }
};

// std::popcount is a libgcc call without -mpopcnt; this is a few inline instructions.
constexpr unsigned PopCount(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  x -= (x >> 1) & 0x55 * kOnes;
  x = (x & 0x33 * kOnes) + ((x >> 2) & 0x33 * kOnes);
  x = (x + (x >> 4)) & 0x0F * kOnes;
  return (x * kOnes) >> 56;
}

// Bits [at, at + 64) of the 128-bit mask hi:lo (at < 64).
constexpr uint64_t BitsFrom(uint64_t lo, uint64_t hi, unsigned at) {
  return lo >> at | hi << 1 << (63 - at);
}

// `len` (1..8) ASCII bytes at p, packed little-endian with A-Z lowercased; reads p[0, 8).
// Setting bit 5 of every byte with bit 6 set also turns @[\]^_ into `{|}~ and DEL, which no
// stop word has (stopwords.h), so a key still matches exactly when its lowercase would.
uint64_t LowerKey(const char* p, unsigned len) {
  static_assert(std::endian::native == std::endian::little, "keys are packed little-endian");
  uint64_t key;
  std::memcpy(&key, p, 8);
  key &= ~uint64_t{0} >> (64 - 8 * len);
  return key | (key & 0x4040404040404040ull) >> 1;
}

#if WINNOW_ASCII_MASKS_AVX2
// IsStopKey with its bucket's four slots compared in one AVX2 instruction.
[[gnu::target("avx2")]] inline bool IsStopKeyAvx2(uint64_t key) {
  const auto& table = stopwords_internal::kStopTable;
  const auto& bucket = table.buckets[stopwords_internal::StopBucket(key, table.mul)];
  const __m256i slots = _mm256_load_si256(reinterpret_cast<const __m256i*>(bucket.data()));
  const __m256i equal = _mm256_cmpeq_epi64(slots, _mm256_set1_epi64x(static_cast<int64_t>(key)));
  return !_mm256_testz_si256(equal, equal);
}
#endif

// True if the word whose first letter is at p is a stop word; `alnum` and `stops` have the
// bits of its letters and digits and of the space or end after it, from p on. The core, up
// to its last letter or digit, is trimmed as IsStopWordToken (line.cc) trims it.
template <bool kAvx2>
[[gnu::always_inline]] inline bool IsStopCore(const char* p, uint64_t alnum, uint64_t stops) {
  const uint64_t core = alnum & (stops - 1) & ~stops;             // up to the first stop
  const unsigned len = 64 - std::countl_zero((core & 0xFF) | 1);  // bit 0 is set: no branch
  const uint64_t key = LowerKey(p, len);
#if WINNOW_ASCII_MASKS_AVX2
  if constexpr (kAvx2) return (core < 256) & IsStopKeyAvx2(key);
#endif
  return (core < 256) & IsStopKey(key);
}

// The first bit of every run of `marked` positions that a bit of `from` enters at its first
// position, plus the bits of `from` outside `marked`: where each bit of `from` lands when
// moved up past the marked positions. The addition carries the bits through the runs; a bit
// that leaves the top sets `carry`.
uint64_t Skip(uint64_t from, uint64_t marked, uint64_t& carry) {
  uint64_t sum;
  carry = __builtin_add_overflow(marked, from & marked, &sum);
  return (sum | from) & ~marked;
}

// The scan, compiled into each build below.
template <bool kAvx2>
[[gnu::always_inline]] inline size_t Scan(std::string_view text, size_t readable, size_t i,
                                          Line& out) {
  using Window = Window<kAvx2>;
  // Counts locally: stores through `out` could alias the text (see ComputeTextFeatures).
  Line line;
  const size_t n = text.size();
  Window windows[2];
  Window* w = &windows[0];
  Window* next = &windows[1];
  w->Load(text, readable, i);
  // Carried from the last byte of one window to the next: it was inside a word; it was inside
  // a word with no letter or digit yet; it was a sentence mark or a closing mark after one.
  uint64_t in_word = 0, seek_alnum = 0, seek_space = 0;
  for (;;) {
    const AsciiMasks& m = w->masks;
    const bool more = n - w->base > Window::kSize;
    const uint64_t valid = ~w->end;
    // Stop at the first word with a non-ASCII byte: after the last space before that byte.
    unsigned limit = Window::kSize;
    if (const uint64_t non_ascii = m.non_ascii & valid) {
      const uint64_t spaces_before = m.space & ((non_ascii & -non_ascii) - 1);
      limit = spaces_before ? 64 - std::countl_zero(spaces_before) : 0;
    }
    // A word running into the next window must end there, before 64 bytes and before any
    // non-ASCII byte; its bits there are read from the next window's masks.
    uint64_t tail = 0, next_stops = ~uint64_t{0}, next_alnum = 0, next_non_ascii = 0;
    bool next_loaded = false;
    if (limit == Window::kSize && (~m.space & valid) >> 63) {
      const unsigned start = m.space ? 64 - std::countl_zero(m.space) : 0;
      if (more) {
        next->Load(text, readable, w->base + Window::kSize);
        next_loaded = true;
        next_non_ascii = next->masks.non_ascii & ~next->end;
        next_stops = next->masks.space | next_non_ascii | next->end;
        next_alnum = next->masks.alpha | next->masks.digit;
      }
      const unsigned stop = std::countr_zero(next_stops);
      if (stop >= start || (next_non_ascii >> stop & 1)) {
        limit = start;
      } else {
        tail = ~uint64_t{0} << start;
      }
    }
    const uint64_t in = limit == Window::kSize ? valid : valid & ((uint64_t{1} << limit) - 1);
    const uint64_t space = m.space & in, word = ~m.space & in;
    const uint64_t alnum = (m.alpha | m.digit) & in;
    const unsigned bytes = std::min<size_t>(limit, n - w->base);
    line.chars += bytes;
    line.nonspace += bytes - PopCount(space);
    if (const uint64_t digits = m.digit & in) line.digits += PopCount(digits);  // often none
    const uint64_t starts = word & ~(word << 1 | in_word);
    line.words += PopCount(starts);
    // A word's first letter or digit decides alpha and caps: from its start, skip punctuation.
    const uint64_t firsts = Skip(starts | seek_alnum, word & ~alnum, seek_alnum) & alnum;
    line.alpha_words += PopCount(firsts & m.alpha);
    line.caps_words += PopCount(firsts & m.upper);
    // A sentence mark, then closing marks only, then a space.
    const uint64_t marks = m.terminal & in;
    line.sentences += PopCount(Skip(marks << 1 | seek_space, m.closing & in, seek_space) & space);
    seek_space |= marks >> 63;
    // Stop words, from each word's first letter or digit if a letter (as every stop word's).
    const uint64_t stops = m.space | w->end;
    const uint64_t letters = firsts & m.alpha;
    for (uint64_t rest = letters & ~tail; rest; rest &= rest - 1) {
      const unsigned at = std::countr_zero(rest);
      line.stop_words += IsStopCore<kAvx2>(w->bytes + at, alnum >> at, stops >> at);
    }
    if (const uint64_t first = letters & tail) {
      const unsigned at = std::countr_zero(first);
      line.stop_words += IsStopCore<kAvx2>(w->bytes + at, BitsFrom(alnum, next_alnum, at),
                                           BitsFrom(stops, next_stops, at));
    }
    if (limit < Window::kSize || !more) {
      AddCounts(line, out);
      return limit < Window::kSize ? w->base + limit : n;
    }
    in_word = word >> 63;
    if (next_loaded) {
      std::swap(w, next);
    } else {
      w->Load(text, readable, w->base + Window::kSize);
    }
  }
}

}  // namespace

namespace word_scan_internal {

size_t CountBaseline(std::string_view text, size_t readable, size_t i, Line& line) {
  return Scan<false>(text, readable, i, line);
}

#if WINNOW_WORD_SCAN_V3
[[gnu::target("arch=x86-64-v3")]] size_t CountV3(std::string_view text, size_t readable, size_t i,
                                                 Line& line) {
  return Scan<WINNOW_ASCII_MASKS_AVX2 != 0>(text, readable, i, line);
}
#endif

CountFn V3() {
#if WINNOW_WORD_SCAN_V3
  __builtin_cpu_init();
  if (__builtin_cpu_supports("x86-64-v3")) return CountV3;
#endif
  return nullptr;
}

}  // namespace word_scan_internal

size_t CountAsciiWords(std::string_view text, size_t readable, size_t i, Line& line) {
  static const word_scan_internal::CountFn count = [] {
    const word_scan_internal::CountFn v3 = word_scan_internal::V3();
    return v3 ? v3 : word_scan_internal::CountBaseline;
  }();
  return count(text, readable, i, line);
}

}  // namespace winnow
