// Rule patterns (RE2 syntax) as Hyperscan expressions for the prefilter (prefilter.h), which
// scans a page's lines joined by '\n' at once. Used at build time (prefilter_gen.cc), where the
// default rules' databases are compiled.
#ifndef WINNOW_SRC_RULES_HS_EXPRESSION_H_
#define WINNOW_SRC_RULES_HS_EXPRESSION_H_

#include <string>
#include <string_view>

namespace winnow {

// The Hyperscan expression and flags that match at least wherever RE2 matches `pattern`
// within one line of a '\n'-separated text. False when no sound translation exists (\A, \z,
// caseless non-ASCII letters); such a pattern stays with RE2 alone. *exact says whether the
// expression matches a line exactly where RE2 does (lines with a guard character aside:
// PrefilterGuards in prefilter.h), so that a line Hyperscan marks needs no RE2 check; it is
// false when something in the pattern could match the '\n' between lines or is not known to
// agree ((?s), \n, \Q...).
bool ToHyperscan(std::string_view pattern, std::string* expression, unsigned* flags, bool* exact);

// Whether every match of `pattern` starts a line with an ASCII digit: it starts with ^ and
// then \d or [0-9], not optional, and has no top-level alternative.
bool LeadsWithDigit(std::string_view pattern);

}  // namespace winnow

#endif  // WINNOW_SRC_RULES_HS_EXPRESSION_H_
