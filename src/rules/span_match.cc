#include "rules/span_match.h"

namespace winnow {

void MatchSpans(const RE2& re, std::string_view text, uint32_t base, std::vector<Span>& out) {
  int group = re.NumberOfCapturingGroups() > 0 ? 1 : 0;
  re2::StringPiece m[2];  // RE2 2022 (Debian 12) predates its std::string_view API
  size_t pos = 0;
  while (pos <= text.size() && re.Match(re2::StringPiece(text.data(), text.size()), pos,
                                        text.size(), RE2::UNANCHORED, m, group + 1)) {
    std::string_view s(m[group].data(), m[group].size());
    if (!s.empty()) {
      uint32_t b = base + static_cast<uint32_t>(s.data() - text.data());
      out.push_back({b, b + static_cast<uint32_t>(s.size())});
    }
    size_t next = static_cast<size_t>(m[0].data() - text.data()) + m[0].size();
    pos = next > pos ? next : pos + 1;  // an empty match must still move on
  }
}

}  // namespace winnow
