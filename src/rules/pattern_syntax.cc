#include "rules/pattern_syntax.h"

namespace winnow {
namespace {

// The length of the POSIX class ("[:alpha:]", "[:^space:]") at p[i], or 0 if there is none:
// RE2 reads "[:" as one only before a name it knows and ":]".
size_t PosixClassLength(std::string_view p, size_t i) {
  static constexpr std::string_view kNames[] = {"alnum", "alpha", "ascii", "blank", "cntrl",
                                                "digit", "graph", "lower", "print", "punct",
                                                "space", "upper", "word",  "xdigit"};
  std::string_view rest = p.substr(i);
  if (!rest.starts_with("[:")) return 0;
  const size_t name_at = rest.starts_with("[:^") ? 3 : 2;
  for (std::string_view name : kNames) {
    if (rest.substr(name_at).starts_with(name) &&
        rest.substr(name_at + name.size()).starts_with(":]")) {
      return name_at + name.size() + 2;
    }
  }
  return 0;
}

// Where the class that opens at p[i] ('[') ends: the index of its closing ']', or p.size().
size_t ClassEnd(std::string_view p, size_t i) {
  ++i;
  if (i < p.size() && p[i] == '^') ++i;
  if (i < p.size() && p[i] == ']') ++i;  // a leading ']' is a member
  while (i < p.size() && p[i] != ']') {
    if (p[i] == '\\') {
      i += 2;
    } else if (const size_t posix = PosixClassLength(p, i)) {
      i += posix;
    } else {
      ++i;
    }
  }
  return i < p.size() ? i : p.size();
}

}  // namespace

bool AnchoredAtStart(std::string_view p) {
  if (p.starts_with("(?i)")) p.remove_prefix(4);
  if (!p.starts_with("^")) return false;
  int depth = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\' && i + 1 < p.size() && p[i + 1] == 'Q') {  // quoted up to \E, or the end
      const size_t end = p.find("\\E", i + 2);
      if (end == std::string_view::npos) return true;
      i = end + 1;
    } else if (c == '\\') {
      ++i;  // the escaped character is literal
    } else if (c == '[') {
      i = ClassEnd(p, i);
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      return false;
    }
  }
  return true;
}

}  // namespace winnow
