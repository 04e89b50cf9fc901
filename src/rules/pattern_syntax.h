// What the rule engine needs to know of an RE2 pattern's structure without parsing it whole.
#ifndef WINNOW_SRC_RULES_PATTERN_SYNTAX_H_
#define WINNOW_SRC_RULES_PATTERN_SYNTAX_H_

#include <cstddef>
#include <string_view>

namespace winnow {

// True if every match of `pattern` must start where the subject starts: it opens with '^'
// (after an optional "(?i)") and has no '|' outside parentheses, classes and \Q...\E (in
// "^a|b" only the first branch is anchored). Classes are read as RE2 reads them, POSIX
// classes ([:alpha:]) included, so a '|' or '(' inside one is never taken for structure.
bool AnchoredAtStart(std::string_view pattern);

// Where the escape at pattern[i] ('\\') ends: after \pN, \p{...}, \x{...}, \xHH, or the one
// character escaped (octal escapes, which run on, are the caller's).
size_t EscapeEnd(std::string_view pattern, size_t i);

// The shortest prefix of `pattern` that a subject contains a match of exactly when it contains
// a match of the whole: what may follow a match (a last atom that is optional, as in X?, X*,
// X{0,n}, and so on back) changes only the match's end, never whether there is one. A final
// \b or \B is dropped too, before those, and then the prefix's matches are a superset
// (*exact false). The whole pattern when it has a '|' outside parentheses and classes, ends
// with '$', holds \Q...\E or an octal escape, or is nothing but optional atoms. For scanners that
// only need to know which lines match, and find "^\d{1,2}:\d{2}" cheaper than what follows it.
std::string_view DecidingPrefix(std::string_view pattern, bool* exact);

// True if `pattern` matches a string of class, id and role tokens parted by single spaces
// exactly when it matches one of those tokens on its own: nothing in it can match a space
// or a '\n', and it anchors only through a leading "(^| )" and a trailing "( |$)" (or
// "(?:...)", "\s" for the space). Then the page's tokens can be matched one by one, once
// each, instead of every line's string of them (classify/class_tokens.h). Conservative: a
// '.', '\s', '\W', '\D', a negated class or any other escape than \w, \d, \S and
// escaped punctuation makes it false. A string of no tokens is the caller's to decide.
bool TokenLocal(std::string_view pattern);

}  // namespace winnow

#endif  // WINNOW_SRC_RULES_PATTERN_SYNTAX_H_
