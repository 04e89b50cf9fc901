#include "rules/pattern_syntax.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <vector>

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

// Where the group that opens at p[i] ('(') ends: after its closing ')', or p.size().
size_t GroupEnd(std::string_view p, size_t i) {
  int depth = 0;
  for (; i < p.size(); ++i) {
    if (p[i] == '\\') {
      i = EscapeEnd(p, i) - 1;
    } else if (p[i] == '[') {
      i = ClassEnd(p, i);
    } else if (p[i] == '(') {
      ++depth;
    } else if (p[i] == ')' && --depth == 0) {
      return i + 1;
    }
  }
  return p.size();
}

// Where the quantifier at p[i] ends (i itself if there is none), and whether it allows zero.
size_t QuantifierEnd(std::string_view p, size_t i, bool* optional) {
  *optional = false;
  if (i >= p.size()) return i;
  size_t end = i;
  if (p[i] == '?' || p[i] == '*') {
    *optional = true;
    end = i + 1;
  } else if (p[i] == '+') {
    end = i + 1;
  } else if (p[i] == '{') {
    const size_t close = p.find('}', i);
    const std::string_view body =
        close == std::string_view::npos ? std::string_view() : p.substr(i + 1, close - i - 1);
    if (body.empty() || body.find_first_not_of("0123456789,") != std::string_view::npos ||
        body[0] == ',') {
      return i;  // a literal '{'
    }
    *optional = body == "0" || body.starts_with("0,");
    end = close + 1;
  } else {
    return i;
  }
  return end < p.size() && p[end] == '?' ? end + 1 : end;  // lazy
}

}  // namespace

size_t EscapeEnd(std::string_view p, size_t i) {
  if (i + 1 >= p.size()) return p.size();
  const char e = p[i + 1];
  if ((e == 'p' || e == 'P' || e == 'x') && i + 2 < p.size() && p[i + 2] == '{') {
    const size_t close = p.find('}', i + 3);
    return close == std::string_view::npos ? p.size() : close + 1;
  }
  if (e == 'x') return std::min(p.size(), i + 4);
  if (e == 'p' || e == 'P') return std::min(p.size(), i + 3);
  return i + 2;
}

std::string_view DecidingPrefix(std::string_view p, bool* exact) {
  *exact = true;
  if (p.ends_with('$') || p.find("\\Q") != std::string_view::npos) return p;
  // An octal escape (\123) runs over several characters: cut inside, it would change.
  for (size_t i = p.find('\\'); i != std::string_view::npos; i = p.find('\\', i + 2)) {
    if (i + 1 < p.size() && p[i + 1] >= '0' && p[i + 1] <= '9') return p;
  }
  // The top-level atoms: where each starts, and whether it is optional or a \b, \B.
  struct Atom {
    size_t begin;
    bool optional, boundary;
  };
  std::vector<Atom> atoms;
  for (size_t i = 0; i < p.size();) {
    const size_t begin = i;
    bool boundary = false;
    if (p[i] == '|') return p;
    if (p[i] == '\\') {
      boundary = i + 1 < p.size() && (p[i + 1] == 'b' || p[i + 1] == 'B');
      i = EscapeEnd(p, i);
    } else if (p[i] == '[') {
      i = std::min(p.size(), ClassEnd(p, i) + 1);
    } else if (p[i] == '(') {
      i = GroupEnd(p, i);
    } else {
      ++i;
      while (i < p.size() && (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80) ++i;  // UTF-8
    }
    bool optional = false;
    i = QuantifierEnd(p, i, &optional);
    atoms.push_back({begin, optional, boundary});
  }
  size_t keep = atoms.size();
  if (keep > 0 && atoms[keep - 1].boundary) {
    --keep;
    *exact = false;
  }
  while (keep > 0 && atoms[keep - 1].optional) --keep;
  if (keep == 0) {
    *exact = true;
    return p;
  }
  return keep == atoms.size() ? p : p.substr(0, atoms[keep].begin);
}

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

namespace {

// Whether the escape at p[i] ('\\') matches only characters that are neither a space nor a
// '\n': \w, \d, \S, or a punctuation character taken literally.
bool TokenLocalEscape(std::string_view p, size_t i) {
  if (i + 1 >= p.size()) return false;
  const char e = p[i + 1];
  if (e == 'w' || e == 'd' || e == 'S') return true;
  return static_cast<unsigned char>(e) < 0x80 && std::ispunct(static_cast<unsigned char>(e));
}

}  // namespace

bool TokenLocal(std::string_view p) {
  if (p.starts_with("(?i)")) p.remove_prefix(4);
  for (std::string_view open : {"(^| )", "(?:^| )", "(^|\\s)", "(?:^|\\s)"}) {
    if (!p.starts_with(open)) continue;
    p.remove_prefix(open.size());
    // A repeated boundary ("(^| ){2}") may need a space on either side of a token.
    if (p.starts_with('*') || p.starts_with('+') || p.starts_with('?') || p.starts_with('{')) {
      return false;
    }
  }
  for (std::string_view close : {"( |$)", "(?: |$)", "(\\s|$)", "(?:\\s|$)"}) {
    if (p.ends_with(close)) p.remove_suffix(close.size());
  }
  static constexpr std::string_view kPosix[] = {"[:alnum:]",  "[:alpha:]", "[:digit:]",
                                                "[:lower:]",  "[:upper:]", "[:word:]",
                                                "[:xdigit:]", "[:punct:]", "[:graph:]"};
  for (size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') {
      if (!TokenLocalEscape(p, i)) return false;
      ++i;
    } else if (c == '[') {
      const size_t end = ClassEnd(p, i);
      if (end >= p.size() || (i + 1 < p.size() && p[i + 1] == '^')) return false;
      for (size_t k = i + 1; k < end; ++k) {
        if (p[k] == '\\') {
          if (!TokenLocalEscape(p, k)) return false;
          ++k;
        } else if (const size_t posix = PosixClassLength(p, k)) {
          const std::string_view name = p.substr(k, posix);
          if (std::find(std::begin(kPosix), std::end(kPosix), name) == std::end(kPosix)) {
            return false;
          }
          k += posix - 1;
        } else if (static_cast<unsigned char>(p[k]) <= ' ') {
          return false;  // a space, or the start of a range that holds one
        }
      }
      i = end;
    } else if (c == '(' && i + 1 < p.size() && p[i + 1] == '?') {
      // Groups and case only: (?s), (?m) and the like change what '.' and '^' mean.
      const std::string_view rest = p.substr(i + 2);
      if (!rest.starts_with(':') && !rest.starts_with("i:") && !rest.starts_with("i)") &&
          !rest.starts_with("P<")) {
        return false;
      }
    } else if (c == '^' || c == '$' || c == '.' || static_cast<unsigned char>(c) <= ' ') {
      return false;
    }
  }
  return true;
}

}  // namespace winnow
