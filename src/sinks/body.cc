#include "sinks/body.h"

#include <algorithm>
#include <cstdint>

#include "utf8.h"
#include "word_run.h"

namespace winnow {
namespace {

bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

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
      i = WordRunEnd<false>(s, i, nullptr);
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
