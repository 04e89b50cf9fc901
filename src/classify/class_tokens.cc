#include "classify/class_tokens.h"

#include <algorithm>
#include <string_view>

#include "rules/prefilter.h"

namespace winnow {

void ClassTokenAnswers::Reset(const AttrTokens& tokens, const PredicateSets& sets) {
  tokens_ = &tokens;
  sets_ = &sets;
  scanned_ = false;
}

uint64_t ClassTokenAnswers::RangeBits(uint32_t from, uint32_t to) const {
  uint64_t bits = 0;
  if (scan_ok_) {
    // A match ends inside its token, or at the '\n' after it (`$`).
    const std::pair<uint32_t, uint32_t> first{from, 0};
    for (auto m = std::lower_bound(matches_.begin(), matches_.end(), first);
         m != matches_.end() && m->first <= to; ++m) {
      bits |= sets_->class_tokens.bits_of_id[m->second];
    }
    return bits;
  }
  // The scan failed: RE2 decides, token by token.
  const std::string_view text = tokens_->text;
  thread_local std::vector<int> hits;
  for (uint32_t p = from; p < to;) {
    const auto end = static_cast<uint32_t>(text.find('\n', p));
    hits.clear();
    sets_->class_patterns.set->Match(text.substr(p, end - p), &hits);
    for (int h : hits) bits |= uint64_t{1} << h;
    p = end + 1;
  }
  return bits;
}

void ClassTokenAnswers::Scan() {
  scanned_ = true;
  const AttrTokens& t = *tokens_;
  scan_ok_ = sets_->class_tokens.prefilter->Matches(t.text, matches_);
  thread_local std::vector<int> hits;
  hits.clear();
  sets_->class_patterns.set->Match(std::string_view(), &hits);
  empty_ = 0;
  for (int h : hits) empty_ |= uint64_t{1} << h;
  none_ = scan_ok_ && matches_.empty() && empty_ == 0;
  if (none_) return;

  // Each element's window: its tokens, then its ancestors', up to the first that would take
  // their string past max_attrs_bytes.
  const size_t elements = t.elements.size();
  own_bits_.resize(elements);
  windows_.resize(elements);
  // The elements' tokens follow one another in the text, and the matches come by end offset:
  // one pass over both gives each element its own answers (RangeBits searches).
  size_t m = 0;
  const auto own = [&](const AttrTokens::Element& el) {
    if (!scan_ok_) return RangeBits(el.begin, el.end);
    uint64_t bits = 0;
    while (m < matches_.size() && matches_[m].first < el.begin) ++m;
    for (; m < matches_.size() && matches_[m].first <= el.end; ++m) {
      bits |= sets_->class_tokens.bits_of_id[matches_[m].second];
    }
    return bits;
  };
  for (size_t e = 0; e < elements; ++e) {
    const AttrTokens::Element& el = t.elements[e];
    Window w{own(el), el.end - el.begin};
    own_bits_[e] = w.bits;
    if (!el.cut) AddAncestors(el.parent, w);
    if (w.length == 0) w.bits = empty_;
    windows_[e] = w;
  }
}

void ClassTokenAnswers::AddAncestors(uint32_t element, Window& w) const {
  const AttrTokens& t = *tokens_;
  const std::string_view text = t.text;
  const size_t cap = t.max_attrs_bytes;
  for (uint32_t a = element; a != 0; a = t.elements[a - 1].parent) {
    // Parents come first, so their windows are known. Most fit whole: where the one above
    // stops, this one stops too (the next token did not fit in more room).
    const Window& up = windows_[a - 1];
    if (up.length == 0) return;  // an element none of whose tokens fit
    if (w.length + 1 + up.length <= cap) {
      w.length += 1 + up.length;
      w.bits |= up.bits;
      return;
    }
    const AttrTokens::Element& above = t.elements[a - 1];
    const size_t n = above.end - above.begin;
    if (w.length + 1 + n > cap) {
      // Its tokens that fit, one by one.
      for (uint32_t p = above.begin; p < above.end;) {
        const auto end = static_cast<uint32_t>(text.find('\n', p));
        if (w.length + 1 + (end - p) > cap) break;
        w.length += 1 + (end - p);
        w.bits |= RangeBits(p, end);
        p = end + 1;
      }
      return;
    }
    // Its window is longer than its own tokens, so it is not cut: on to its parent.
    w.length += 1 + n;
    w.bits |= own_bits_[a - 1];
  }
}

}  // namespace winnow
