#include "sinks/body.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "utf8.h"

namespace winnow {
namespace {

bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// The first i' >= i where s[i'] is below 0x21 (a space or a control character) and is not a
// ' ' before a byte above 0x20, or s.size(): the places where collapsing may change the
// text. Most lines have none, so sixteen bytes are checked per step.
size_t NextIrregular(std::string_view s, size_t i) {
#ifdef __SSE2__
  // Unsigned x <= 0x20: min(x, 0x20) == x.
  const auto low = [](__m128i x) {
    const __m128i limit = _mm_set1_epi8(0x20);
    return _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(x, limit), x));
  };
  for (; i + 17 <= s.size(); i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i + 1));
    const int space = _mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')));
    const int odd = (low(x) & ~space) | (space & low(next));
    if (odd != 0) return i + std::countr_zero(static_cast<unsigned>(odd));
  }
#endif
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) > 0x20) continue;
    if (s[i] != ' ' || i + 1 == s.size() || static_cast<unsigned char>(s[i + 1]) <= 0x20) break;
    ++i;  // a single ' ' before a word
  }
  return i;
}

// Appends `s` with runs of ASCII whitespace collapsed to one space; `pending` carries a
// space owed from the previous piece so pieces join with exactly one.
void AppendCollapsed(std::string_view s, bool& pending, std::string& out, size_t line_start) {
  size_t i = 0;
  while (i < s.size()) {
    if (IsSpace(s[i])) {
      pending = true;
      ++i;
      continue;
    }
    // Text whose only whitespace is single ' ' between words needs no collapsing: one append.
    size_t run = i;
    for (;;) {
      i = NextIrregular(s, i);
      if (i == s.size()) break;
      if (!IsSpace(s[i])) {
        ++i;  // a control character that is not whitespace stays
      } else if (s[i] == ' ' && i + 1 < s.size() && !IsSpace(s[i + 1])) {
        i += 2;
      } else {
        break;
      }
    }
    if (pending && out.size() > line_start) out.push_back(' ');
    pending = false;
    out.append(s.data() + run, i - run);
  }
}

}  // namespace

void AppendLineText(std::string_view page_text, const Decision& d,
                    const std::vector<DroppedSpan>& spans, std::string& out) {
  thread_local std::vector<Span> cuts;
  cuts.clear();
  for (uint32_t k = 0; k < d.span_count; ++k) cuts.push_back(spans[d.first_span + k].span);
  std::sort(cuts.begin(), cuts.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  size_t start = out.size();
  bool pending = false;
  uint32_t pos = d.text.begin;
  for (const Span& s : cuts) {
    if (s.begin > pos) AppendCollapsed(page_text.substr(pos, s.begin - pos), pending, out, start);
    pending = true;  // a removed span separates the text around it
    pos = std::max(pos, s.end);
  }
  if (d.text.end > pos)
    AppendCollapsed(page_text.substr(pos, d.text.end - pos), pending, out, start);
}

void AppendBody(const Page& page, const Classification& c, std::string& out) {
  for (const Decision& d : c.decisions) {
    if (!IsKept(d.label)) continue;
    size_t start = out.size();
    AppendLineText(page.text, d, c.spans, out);
    if (out.size() > start) out.push_back('\n');
  }
}

}  // namespace winnow
