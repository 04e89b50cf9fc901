#include "classify/predicates.h"

namespace winnow {
namespace {

bool Compare(Op op, double lhs, double rhs) {
  switch (op) {
    case Op::kLt:
      return lhs < rhs;
    case Op::kLe:
      return lhs <= rhs;
    case Op::kGt:
      return lhs > rhs;
    case Op::kGe:
      return lhs >= rhs;
    case Op::kEq:
      return lhs == rhs;
    case Op::kNe:
      return lhs != rhs;
    default:
      return lhs != 0;
  }
}

bool MatchPattern(const Predicate& p, std::string_view subject, uint32_t id, PatternMemo* memo) {
  const int8_t* answer = memo == nullptr ? nullptr : memo->Find(p, id, subject);
  return answer != nullptr ? *answer != 0 : RE2::PartialMatch(subject, p.re->get());
}

bool EvaluateRaw(const Predicate& p, const LineContext& c) {
  const Line& l = c.line;
  const DomFeatures* d = c.dom;
  switch (p.feature) {
    case Feature::kWords:
      return Compare(p.op, l.words, p.number);
    case Feature::kChars:
      return Compare(p.op, l.chars, p.number);
    case Feature::kPunct:
      return l.terminal;
    case Feature::kCaps:
      return Compare(p.op, l.CapsShare(), p.number);
    case Feature::kDigits:
      return Compare(p.op, l.DigitShare(), p.number);
    case Feature::kStop:
      return Compare(p.op, l.StopShare(), p.number);
    case Feature::kLine:
      return Compare(p.op, l.index + 1, p.number);
    case Feature::kFromEnd:
      return Compare(p.op, c.line_count - l.index, p.number);
    case Feature::kBlankBefore:
      return l.blank_before;
    case Feature::kBlankAfter:
      return l.blank_after;
    case Feature::kSameAsFirst:
      return l.same_as_first;
    case Feature::kAfterProse:
      return l.after_prose;
    case Feature::kTrailer:
      return l.trails_prose;
    case Feature::kProseBefore:
      return Compare(p.op, l.prose_before, p.number);
    case Feature::kLinks:
      return Compare(p.op, d ? d->link_density : 0, p.number);
    case Feature::kBlockLinks:
      return Compare(p.op, d ? d->block_link_density : 0, p.number);
    case Feature::kHeading:
      return Compare(p.op, d ? d->heading : 0, p.number);
    case Feature::kDepth:
      return Compare(p.op, d ? d->depth : 0, p.number);
    case Feature::kHidden:
      return d && d->hidden;
    case Feature::kTag:
      return d && ((d->tag == p.text) == (p.op == Op::kEq));
    case Feature::kIn:
      return d && (((d->containers & p.containers) != 0) == (p.op == Op::kEq));
    case Feature::kClass:
      if (d != nullptr && c.memo != nullptr && c.memo->by_tokens()) {
        return c.memo->ClassByTokens(p, d->attrs_element);
      }
      return d && MatchPattern(p, d->attrs, d->attrs_id, c.memo);
    case Feature::kPath:
      return d && MatchPattern(p, d->path, d->path_id, c.memo);
  }
  return false;
}

}  // namespace

const int8_t* PatternMemo::Find(const Predicate& p, uint32_t id, std::string_view subject) {
  if (sets_ == nullptr || p.slot >= sets_->slots) return nullptr;
  const size_t row = size_t(id) * sets_->slots;
  if (row + p.slot >= answers_.size()) return nullptr;
  int8_t* answers = &answers_[row];
  if (answers[p.slot] == kUnknown) {
    const PredicateSets::Kind& kind =
        p.feature == Feature::kClass ? sets_->class_patterns : sets_->path_patterns;
    thread_local std::vector<int> hits;
    hits.clear();
    if (kind.set) kind.set->Match(subject, &hits);
    for (uint32_t slot : kind.slots) answers[slot] = 0;
    for (int h : hits) answers[kind.slots[h]] = 1;
  }
  return answers[p.slot] == kUnknown ? nullptr : &answers[p.slot];
}

bool Evaluate(const Predicate& p, const LineContext& ctx) {
  return EvaluateRaw(p, ctx) != p.negate;
}

bool IsContextFeature(Feature f) {
  switch (f) {
    case Feature::kWords:
    case Feature::kChars:
    case Feature::kPunct:
    case Feature::kCaps:
    case Feature::kDigits:
    case Feature::kStop:
      return false;
    default:
      return true;
  }
}

bool EvaluateAll(const Rule& rule, const LineContext& ctx, bool skip_context) {
  for (const Predicate& p : rule.predicates) {
    if (skip_context && IsContextFeature(p.feature)) continue;
    if (!Evaluate(p, ctx)) return false;
  }
  return true;
}

}  // namespace winnow
