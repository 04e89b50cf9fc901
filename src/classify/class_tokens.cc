#include "classify/class_tokens.h"

#include <string_view>

#include "classify/line.h"
#include "rules/prefilter.h"

namespace winnow {

void ClassTokenAnswers::Reset(const AttrTokens& tokens, const PredicateSets& sets) {
  tokens_ = &tokens;
  sets_ = &sets;
  scanned_ = false;
}

void ClassTokenAnswers::Scan() {
  scanned_ = true;
  const AttrTokens& t = *tokens_;
  const size_t n = t.begins.size() - 1;
  thread_local std::vector<Line> lines;
  lines.resize(n);
  for (size_t i = 0; i < n; ++i) {
    lines[i].begin = t.begins[i];
    lines[i].end = t.begins[i + 1] - 1;
  }
  thread_local LineCandidates found;
  const PredicateSets::ClassTokens& ct = sets_->class_tokens;
  ct.prefilter->Scan(t.text, lines, t.max_attrs_bytes, found);
  thread_local std::vector<uint64_t> token_bits;
  token_bits.assign(n, 0);
  thread_local std::vector<int> hits;
  for (size_t i = 0; i < n; ++i) {
    for (uint32_t id : found.Of(i)) {
      if (id != LineCandidates::kEverything) {
        token_bits[i] |= ct.bits_of_id[id];
        continue;
      }
      // A token Hyperscan cannot vouch for (a guard character): RE2 decides.
      hits.clear();
      sets_->class_patterns.set->Match(t.Token(static_cast<uint32_t>(i)), &hits);
      for (int h : hits) token_bits[i] |= uint64_t{1} << h;
    }
  }
  hits.clear();
  sets_->class_patterns.set->Match(std::string_view(), &hits);
  uint64_t empty = 0;  // the patterns that match a string of no tokens
  for (int h : hits) empty |= uint64_t{1} << h;
  empty_ = empty;

  // Each element's window: its tokens, then its ancestors', up to the first that would take
  // their string past max_attrs_bytes. Parents come first, so most windows are the
  // element's tokens and its parent's whole window.
  const size_t cap = t.max_attrs_bytes;
  const auto length = [&t](uint32_t k) { return t.begins[k + 1] - 1 - t.begins[k]; };
  windows_.resize(t.elements.size());
  for (size_t e = 0; e < t.elements.size(); ++e) {
    const AttrTokens::Element& el = t.elements[e];
    Window w;
    for (uint32_t k = el.first; k < el.end; ++k) {
      w.length += (w.length == 0 ? 0 : 1) + length(k);
      w.bits |= token_bits[k];
    }
    w.whole = !el.cut;
    if (w.whole && el.parent != 0) {
      const Window& up = windows_[el.parent - 1];
      if (up.whole && w.length + 1 + up.length <= cap) {
        w.length += 1 + up.length;
        w.bits |= up.bits;
      } else {
        w.whole = false;
        for (uint32_t a = el.parent; a != 0; a = t.elements[a - 1].parent) {
          const AttrTokens::Element& above = t.elements[a - 1];
          uint32_t k = above.first;
          for (; k < above.end && w.length + 1 + length(k) <= cap; ++k) {
            w.length += 1 + length(k);
            w.bits |= token_bits[k];
          }
          if (k < above.end) break;
        }
      }
    }
    if (w.length == 0) w.bits = empty;
    windows_[e] = w;
  }
}

}  // namespace winnow
