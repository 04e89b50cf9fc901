#include "classify/word_scan.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <span>
#include <utility>
#include <vector>

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

// The bits of `letters` (first letters of words that end in the window at `bytes`, before
// a bit of `stops`) that start a stop word. A word with a letter or digit 8 bytes after its
// first letter, no stop between, is too long for one (at most 8 bytes): about one word in
// seven, ruled out by masks before any lookup.
template <bool kAvx2>
[[gnu::always_inline]] inline uint64_t StopWords(const char* bytes, uint64_t letters,
                                                 uint64_t alnum, uint64_t stops) {
  const uint64_t two = ~stops & ~stops >> 1, four = two & two >> 2, eight = four & four >> 4;
  uint64_t found = 0;
  for (uint64_t rest = letters & ~(eight & alnum >> 8); rest; rest &= rest - 1) {
    const unsigned at = std::countr_zero(rest);
    found |= uint64_t{IsStopCore<kAvx2>(bytes + at, alnum >> at, stops >> at)} << at;
  }
  return found;
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

// Carried from the last byte of one window to the next: it was inside a word; it was inside
// a word with no letter or digit yet; it was a sentence mark or a closing mark after one.
struct Carries {
  uint64_t in_word = 0, seek_alnum = 0, seek_space = 0;
};

// The positions in a window where words start, where each word's first letter or digit is,
// and the spaces that end a sentence. `in` has the positions counted, `word` those of them
// inside words, `alnum` their letters and digits.
struct WordBits {
  uint64_t starts, firsts, sentences;
};

[[gnu::always_inline]] inline WordBits FindWordBits(const AsciiMasks& m, uint64_t in, uint64_t word,
                                                    uint64_t alnum, Carries& c) {
  WordBits bits;
  bits.starts = word & ~(word << 1 | c.in_word);
  // A word's first letter or digit decides alpha and caps: from its start, skip punctuation.
  bits.firsts = Skip(bits.starts | c.seek_alnum, word & ~alnum, c.seek_alnum) & alnum;
  // A sentence mark, then closing marks only, then a space.
  const uint64_t marks = m.terminal & in;
  bits.sentences = Skip(marks << 1 | c.seek_space, m.closing & in, c.seek_space) & m.space & in;
  c.seek_space |= marks >> 63;
  c.in_word = word >> 63;
  return bits;
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
  Carries carries;
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
    const WordBits bits = FindWordBits(m, in, word, alnum, carries);
    line.words += PopCount(bits.starts);
    line.alpha_words += PopCount(bits.firsts & m.alpha);
    line.caps_words += PopCount(bits.firsts & m.upper);
    line.sentences += PopCount(bits.sentences);
    // Stop words, from each word's first letter or digit if a letter (as every stop word's).
    const uint64_t stops = m.space | w->end;
    const uint64_t letters = bits.firsts & m.alpha;
    line.stop_words += PopCount(StopWords<kAvx2>(w->bytes, letters & ~tail, alnum, stops));
    if (const uint64_t first = letters & tail) {
      const unsigned at = std::countr_zero(first);
      line.stop_words += IsStopCore<kAvx2>(w->bytes + at, BitsFrom(alnum, next_alnum, at),
                                           BitsFrom(stops, next_stops, at));
    }
    if (limit < Window::kSize || !more) {
      AddCounts(line, out);
      return limit < Window::kSize ? w->base + limit : n;
    }
    if (next_loaded) {
      std::swap(w, next);
    } else {
      w->Load(text, readable, w->base + Window::kSize);
    }
  }
}

// Adds the counts of the bytes of block `b` that `part` selects.
[[gnu::always_inline]] inline void AddPart(const BlockBits& b, uint64_t part, Line& line) {
  const unsigned bytes = PopCount(part);
  line.chars += bytes;
  line.nonspace += bytes - PopCount(b.space & part);
  line.words += PopCount(b.starts & part);
  line.alpha_words += PopCount(b.alpha_firsts & part);
  line.caps_words += PopCount(b.caps_firsts & part);
  line.stop_words += PopCount(b.stop_words & part);
  line.digits += PopCount(b.digits & part);
  line.sentences += PopCount(b.sentences & part);
}

// The bits of bytes [from, to) of a block (from < to <= 64; 64 - to would shift by 64).
constexpr uint64_t Part(unsigned from, unsigned to) {
  return (~uint64_t{0} << from) & (~uint64_t{0} >> (64 - to));
}

// Whether an ASCII letter or digit comes before the first space (or the end) of `text`.
bool AlnumBeforeSpace(std::string_view text) {
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b == ' ' || (b >= '\t' && b <= '\r')) return false;
    if (static_cast<unsigned>((b | 0x20) - 'a') < 26u || static_cast<unsigned>(b - '0') < 10u) {
      return true;
    }
  }
  return false;
}

// The lines of a page in one pass of 64-byte blocks. Every block is kept: the bytes before a
// line and between lines are spaces, which carry nothing into a line.
template <bool kAvx2>
[[gnu::always_inline]] inline void ScanLines(std::string_view page, std::span<Line> lines,
                                             size_t max_line_bytes, PageBits& out,
                                             std::vector<uint32_t>& others) {
  using Window = Window<kAvx2>;
  constexpr size_t kSize = Window::kSize;
  const size_t n = page.size();
  // Grown, never shrunk: resize would zero the blocks again for every larger page.
  if (const size_t blocks = (n + kSize - 1) / kSize; out.blocks.size() < blocks) {
    out.blocks.resize(blocks);
  }
  if (lines.empty()) return;
  Window windows[2];
  Window* w = &windows[0];
  Window* next = &windows[1];
  w->Load(page, n, 0);
  Carries carries;
  Line counts;  // of lines[li] so far
  uint64_t non_ascii = 0;
  size_t li = 0;
  for (BlockBits* block = out.blocks.data();; ++block) {
    const AsciiMasks& m = w->masks;
    const size_t base = w->base, block_end = base + kSize;
    const bool more = n > block_end;
    if (more) next->Load(page, n, block_end);
    const uint64_t in = ~w->end;
    const uint64_t word = ~m.space & in;
    const uint64_t alnum = (m.alpha | m.digit) & in;
    const WordBits bits = FindWordBits(m, in, word, alnum, carries);
    // Stop words, marked at their first letter; a word may run into the next block.
    const uint64_t stops = m.space | w->end;
    const uint64_t next_stops = more ? next->masks.space | next->end : ~uint64_t{0};
    const uint64_t next_alnum = more ? next->masks.alpha | next->masks.digit : 0;
    // Only the word after the block's last space may run into the next block.
    const uint64_t tail =
        stops ? ~uint64_t{0} << 1 << (63 - std::countl_zero(stops)) : ~uint64_t{0};
    const uint64_t letters = bits.firsts & m.alpha;
    uint64_t stop_words = StopWords<kAvx2>(w->bytes, letters & ~tail, alnum, stops);
    for (uint64_t rest = letters & tail; rest; rest &= rest - 1) {
      const unsigned at = std::countr_zero(rest);
      const uint64_t word_stops = BitsFrom(stops, next_stops, at);
      bool stop = IsStopCore<kAvx2>(w->bytes + at, BitsFrom(alnum, next_alnum, at), word_stops);
      // No space in 64 bytes: a letter or digit further on, before one, rules it out too.
      if (stop && word_stops == 0) stop = !AlnumBeforeSpace(page.substr(base + at + kSize));
      stop_words |= uint64_t{stop} << at;
    }
    *block = {m.space & in, bits.starts,  bits.firsts & m.alpha, bits.firsts & m.upper,
              stop_words,   m.digit & in, bits.sentences,        m.non_ascii & in};
    // Each line's part of the block; a line that ends in it is done.
    for (; li < lines.size() && lines[li].begin < block_end; ++li) {
      Line& l = lines[li];
      const uint64_t part =
          Part(l.begin > base ? l.begin - base : 0, l.end < block_end ? l.end - base : kSize);
      AddPart(*block, part, counts);
      non_ascii |= block->non_ascii & part;
      if (l.end > block_end) break;
      if (non_ascii == 0 && l.end - l.begin <= max_line_bytes) {
        AddCounts(counts, l);
      } else {
        others.push_back(static_cast<uint32_t>(li));
      }
      counts = Line();
      non_ascii = 0;
    }
    if (!more) return;
    std::swap(w, next);
  }
}

// CountAsciiRun, from the bits ScanLines kept.
template <bool kAvx2>
[[gnu::always_inline]] inline size_t SumRun(const PageBits& bits, size_t i, size_t end, Line& out) {
  constexpr size_t kSize = 64;
  const BlockBits* blocks = bits.blocks.data();
  auto part = [&](size_t k, size_t from, size_t to) -> uint64_t {  // block k's, in [from, to)
    const size_t base = k * kSize;
    const size_t lo = from > base ? from - base : 0, hi = to < base + kSize ? to - base : kSize;
    return lo < hi ? Part(lo, hi) : 0;
  };
  // The first non-ASCII byte, then the last space before it: the run stops after that.
  size_t stop = end;
  for (size_t k = i / kSize; k * kSize < end; ++k) {
    if (const uint64_t found = blocks[k].non_ascii & part(k, i, end)) {
      const size_t at = k * kSize + std::countr_zero(found);
      stop = i;
      for (size_t j = at / kSize + 1; j-- > i / kSize;) {
        if (const uint64_t space = blocks[j].space & part(j, i, at)) {
          stop = j * kSize + 64 - std::countl_zero(space);
          break;
        }
      }
      break;
    }
  }
  Line line;  // counts locally, as Scan does
  for (size_t k = i / kSize; k * kSize < stop; ++k) AddPart(blocks[k], part(k, i, stop), line);
  AddCounts(line, out);
  return stop;
}

}  // namespace

namespace word_scan_internal {

const Build kBaseline = {
    [](std::string_view text, size_t readable, size_t i, Line& line) {
      return Scan<false>(text, readable, i, line);
    },
    [](std::string_view page, std::span<Line> lines, size_t max_line_bytes, PageBits& bits,
       std::vector<uint32_t>& others) {
      ScanLines<false>(page, lines, max_line_bytes, bits, others);
    },
    [](const PageBits& bits, size_t i, size_t end, Line& line) {
      return SumRun<false>(bits, i, end, line);
    },
};

#if WINNOW_WORD_SCAN_V3
namespace {
constexpr bool kV3Avx2 = WINNOW_ASCII_MASKS_AVX2 != 0;

[[gnu::target("arch=x86-64-v3")]] size_t CountV3(std::string_view text, size_t readable, size_t i,
                                                 Line& line) {
  return Scan<kV3Avx2>(text, readable, i, line);
}

[[gnu::target("arch=x86-64-v3")]] void CountLinesV3(std::string_view page, std::span<Line> lines,
                                                    size_t max_line_bytes, PageBits& bits,
                                                    std::vector<uint32_t>& others) {
  ScanLines<kV3Avx2>(page, lines, max_line_bytes, bits, others);
}

[[gnu::target("arch=x86-64-v3")]] size_t SumRunV3(const PageBits& bits, size_t i, size_t end,
                                                  Line& line) {
  return SumRun<kV3Avx2>(bits, i, end, line);
}

const Build kV3 = {CountV3, CountLinesV3, SumRunV3};
}  // namespace
#endif

const Build* V3() {
#if WINNOW_WORD_SCAN_V3
  __builtin_cpu_init();
  if (__builtin_cpu_supports("x86-64-v3")) return &kV3;
#endif
  return nullptr;
}

}  // namespace word_scan_internal

namespace {
// The build this CPU runs.
const word_scan_internal::Build& Running() {
  static const word_scan_internal::Build& build =
      word_scan_internal::V3() ? *word_scan_internal::V3() : word_scan_internal::kBaseline;
  return build;
}
}  // namespace

size_t CountAsciiWords(std::string_view text, size_t readable, size_t i, Line& line) {
  return Running().count(text, readable, i, line);
}

void CountAsciiLines(std::string_view page, std::span<Line> lines, size_t max_line_bytes,
                     PageBits& bits, std::vector<uint32_t>& others) {
  Running().count_lines(page, lines, max_line_bytes, bits, others);
}

size_t CountAsciiRun(const PageBits& bits, size_t i, size_t end, Line& line) {
  return Running().sum_run(bits, i, end, line);
}

}  // namespace winnow
