// ClassTokenAnswers: a page's class~ answers, found token by token.
//
// A line's class~ subject joins the class, id and role tokens of its element and of its
// ancestors, nearest first, while they fit in max_attrs_bytes: about 150 bytes per block,
// which the DOM walk built and interned and RE2::Set then read whole: RE2 alone took about a
// ninth of the time after parsing on the shared dev pages. When a pattern is TokenLocal
// (rules/pattern_syntax.h), it matches such a string exactly when it matches one of its
// tokens. Then the walk only collects each element's tokens once (Page::attr_tokens), one
// Hyperscan scan of them finds where each pattern matches, and a line's answer is the union
// of its tokens' answers. The default rules' class~ patterns are in a database built
// at build time (rules/prefilter.h); rules that add other class~ patterns are matched on the
// strings as before (PredicateSets::class_tokens stays empty).
#ifndef WINNOW_SRC_CLASSIFY_CLASS_TOKENS_H_
#define WINNOW_SRC_CLASSIFY_CLASS_TOKENS_H_

#include <cstdint>
#include <utility>
#include <vector>

#include "page.h"
#include "rules/rule_set.h"

namespace winnow {

class ClassTokenAnswers {
 public:
  // Forgets the last page's answers; `tokens` and `sets` must outlive the next calls.
  void Reset(const AttrTokens& tokens, const PredicateSets& sets);
  // The class_patterns indices, as bits, whose patterns match the attrs of `element`
  // (DomFeatures::attrs_element). The page's tokens are scanned on the first call.
  uint64_t Bits(uint32_t element) {
    if (!scanned_) Scan();
    return element == 0 || none_ ? empty_ : windows_[element - 1].bits;
  }

 private:
  // The tokens of an element's attrs string: their answers and the string's length.
  struct Window {
    uint64_t bits = 0;
    size_t length = 0;
  };
  void Scan();
  // Adds to `w` the tokens of `element` (+ 1; 0: none) and its ancestors that fit, in order.
  void AddAncestors(uint32_t element, Window& w) const;
  // The patterns that match one of the tokens in text[from, to], `to` the '\n' after the
  // last.
  uint64_t RangeBits(uint32_t from, uint32_t to) const;

  const AttrTokens* tokens_ = nullptr;
  const PredicateSets* sets_ = nullptr;
  bool scanned_ = false;
  bool scan_ok_ = false;
  // No token matched and no pattern matches an empty string: every answer is no, and the
  // windows are not computed (a third of the dev pages).
  bool none_ = false;
  uint64_t empty_ = 0;  // the patterns that match a string of no tokens
  std::vector<std::pair<uint32_t, uint32_t>> matches_;  // (end offset, database id)
  std::vector<uint64_t> own_bits_;  // by element: the patterns that match its tokens
  std::vector<Window> windows_;     // by element
};

}  // namespace winnow

#endif  // WINNOW_SRC_CLASSIFY_CLASS_TOKENS_H_
