// Classifier: gives every line of a page a Decision.
//
//   1. Rules: one RE2::Set match per line, then the predicates of the rules that hit (and of
//      the rules without a pattern). Span rules drop their matches; of the other rules that
//      fire, the winner is the first by this precedence: site-scoped over global, keep over
//      removal, then the order of the rules (files in load order, lines in file order).
//   2. Cut regions: after a line won by a cut-to-end rule every line is cut with the rule's
//      rest= label, and before the last line won by a cut-from-start rule likewise; a line in
//      a region that a removal rule of its own decided keeps that rule's label.
//   3. The segmenter removes glued headlines from long lines that are not removed.
//   4. The fallback and context pass (fallback.h) decide the remaining lines.
#ifndef WINNOW_SRC_CLASSIFY_CLASSIFIER_H_
#define WINNOW_SRC_CLASSIFY_CLASSIFIER_H_

#include <vector>

#include "classify/line.h"
#include "page.h"
#include "rules/rule_set.h"
#include "winnow/winnow.h"

namespace winnow {

struct Classification {
  std::vector<Decision> decisions;  // one per line
  std::vector<DroppedSpan> spans;   // per decision: [first_span, first_span + span_count)
  Metadata meta;                    // from meta rules
};

// Sets each line's after_prose flag, then classifies.
void Classify(const RuleSet& rules, const Page& page, std::vector<Line>& lines,
              size_t max_line_bytes, Classification& out);

// The host of a URL as written ("https://www.apnews.com:443/x" -> "www.apnews.com");
// HostInSite compares without regard to case.
std::string_view UrlHost(std::string_view url);

// True if host is `site` or a subdomain of it.
bool HostInSite(std::string_view host, std::string_view site);

}  // namespace winnow

#endif  // WINNOW_SRC_CLASSIFY_CLASSIFIER_H_
