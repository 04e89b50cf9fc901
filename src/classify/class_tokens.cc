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
  const std::string_view text = t.text;
  const size_t elements = t.elements.size();
  // Every token a line of its own, so one scan in place answers each; first_[e] is element
  // e's first.
  thread_local std::vector<Line> lines;
  lines.clear();
  first_.resize(elements + 1);
  for (size_t e = 0; e < elements; ++e) {
    first_[e] = static_cast<uint32_t>(lines.size());
    const AttrTokens::Element& el = t.elements[e];
    for (size_t p = el.begin; p < el.end;) {
      const size_t end = text.find('\n', p);  // there is one after every token
      Line& l = lines.emplace_back();
      l.begin = static_cast<uint32_t>(p);
      l.end = static_cast<uint32_t>(end);
      p = end + 1;
    }
  }
  first_[elements] = static_cast<uint32_t>(lines.size());

  const PredicateSets::ClassTokens& ct = sets_->class_tokens;
  thread_local LineCandidates found;
  ct.prefilter->Scan(text, lines, t.max_attrs_bytes, found);
  token_bits_.assign(lines.size(), 0);
  token_length_.resize(lines.size());
  thread_local std::vector<int> hits;
  for (size_t i = 0; i < lines.size(); ++i) {
    token_length_[i] = lines[i].end - lines[i].begin;
    for (uint32_t id : found.Of(i)) {
      if (id != LineCandidates::kEverything) {
        token_bits_[i] |= ct.bits_of_id[id];
        continue;
      }
      // A token Hyperscan cannot vouch for (a failed scan, a guard character): RE2 decides.
      hits.clear();
      sets_->class_patterns.set->Match(lines[i].Text(text), &hits);
      for (int h : hits) token_bits_[i] |= uint64_t{1} << h;
    }
  }
  hits.clear();
  sets_->class_patterns.set->Match(std::string_view(), &hits);
  empty_ = 0;
  for (int h : hits) empty_ |= uint64_t{1} << h;

  // Each element's window: its tokens, then its ancestors', up to the first that would take
  // their string past max_attrs_bytes. Parents come first, so most windows are the
  // element's tokens and its parent's whole window.
  const size_t cap = t.max_attrs_bytes;
  own_bits_.resize(elements);
  windows_.resize(elements);
  for (size_t e = 0; e < elements; ++e) {
    const AttrTokens::Element& el = t.elements[e];
    Window w{0, el.end - el.begin, !el.cut};
    for (uint32_t k = first_[e]; k < first_[e + 1]; ++k) w.bits |= token_bits_[k];
    own_bits_[e] = w.bits;
    if (w.whole && el.parent != 0) {
      const Window& up = windows_[el.parent - 1];
      if (up.whole && w.length + 1 + up.length <= cap) {
        w.length += 1 + up.length;
        w.bits |= up.bits;
      } else {
        w.whole = false;
        AddAncestors(el.parent, w);
      }
    }
    if (w.length == 0) w.bits = empty_;
    windows_[e] = w;
  }
}

void ClassTokenAnswers::AddAncestors(uint32_t element, Window& w) const {
  const AttrTokens& t = *tokens_;
  const size_t cap = t.max_attrs_bytes;
  for (uint32_t a = element; a != 0; a = t.elements[a - 1].parent) {
    const AttrTokens::Element& above = t.elements[a - 1];
    const size_t n = above.end - above.begin;
    if (n > 0 && w.length + 1 + n <= cap) {
      w.length += 1 + n;
      w.bits |= own_bits_[a - 1];
    } else if (n > 0) {
      for (uint32_t k = first_[a - 1]; k < first_[a] && w.length + 1 + token_length_[k] <= cap;
           ++k) {
        w.length += 1 + token_length_[k];
        w.bits |= token_bits_[k];
      }
      return;
    }
    if (above.cut) return;
  }
}

}  // namespace winnow
