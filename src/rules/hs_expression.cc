#include "rules/hs_expression.h"

#include <hs/hs.h>
#include <unicode/uchar.h>

#include <cctype>
#include <charconv>

#include "rules/pattern_syntax.h"
#include "utf8.h"

namespace winnow {
namespace {

// Whether a \p{NAME} or \pN class may hold '\n': the control characters (C, Cc) and Any do.
bool PropertyHoldsNewline(std::string_view name) {
  return name.empty() || name[0] == 'C' || name[0] == '^' || name == "Any";
}

// Whether a POSIX class ("[:name:]") may hold '\n'.
bool PosixClassHoldsNewline(std::string_view cls) {
  return cls.starts_with("[:^") || cls == "[:space:]" || cls == "[:cntrl:]" || cls == "[:ascii:]";
}

// The argument of the escape \x or \p whose letter is at pattern[i]: "{...}" or the characters
// after it. Advances i to the escape's last character.
std::string_view EscapeArgument(std::string_view pattern, size_t& i) {
  const size_t end = EscapeEnd(pattern, i - 1);
  std::string_view arg = pattern.substr(i + 1, end - i - 1);
  if (arg.starts_with('{')) arg.remove_prefix(1);
  if (arg.ends_with('}')) arg.remove_suffix(1);
  i = end - 1;
  return arg;
}

// Copies the escape that starts at pattern[i] ('\\') to `out`, advancing i to its last
// character, and says whether Hyperscan then matches it exactly as RE2 does inside a line:
// what could match the '\n' between two lines is taken out of it, or the escape is inexact.
// A negated class never holds '\n' (ForLines adds it), so anything goes in one.
bool CopyEscape(std::string_view pattern, size_t& i, bool in_class, bool negated,
                std::string& out) {
  const size_t at = i + 1;
  const char e = pattern[at];
  // An escape at either end of a class range (a-z) could span '\n': leave those to RE2.
  const bool in_range =
      in_class && !negated &&
      ((at + 2 < pattern.size() && pattern[at + 1] == '-' && pattern[at + 2] != ']') ||
       (i >= 2 && pattern[i - 1] == '-' && pattern[i - 2] != '['));
  i = at;
  switch (e) {
    case 's':  // RE2's \s is [\t\n\f\r ]: in a line, [\t\f\r ]
      out += !in_class ? "[\\t\\f\\r ]" : negated ? "\\s" : "\\t\\f\\r ";
      return true;
    case 'D':  // hold '\n'
    case 'W':
      if (!in_class) {
        out += e == 'D' ? "[^\\n\\d]" : "[^\\n\\w]";
        return true;
      }
      out += {'\\', e};
      return negated;
    case 'p':
    case 'P': {
      std::string_view name = EscapeArgument(pattern, i);
      out.append(pattern.substr(at - 1, i + 2 - at));
      return negated || (e == 'p' && !PropertyHoldsNewline(name));
    }
    case 'x': {
      std::string_view hex = EscapeArgument(pattern, i);
      out.append(pattern.substr(at - 1, i + 2 - at));
      unsigned value = 0;
      std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
      return negated || (value != '\n' && !in_range);
    }
    default:
      out += {'\\', e};
      if (!std::isalnum(static_cast<unsigned char>(e))) return !in_range;  // a literal
      if (std::string_view("dwStfrv").find(e) != std::string_view::npos) return !in_range;
      if (e == 'b' || e == 'B') return !in_class;  // word boundaries
      return negated && e == 'n';                  // \n, octal, \Q, \C...: leave them to RE2
  }
}

// `pattern` rewritten for a scan of lines joined by '\n', with one more '\n' before the first
// line (Prefilter::Scan's buffer). RE2's answer on any one line is unchanged:
// - every negated class gets '\n', which no line holds; otherwise Hyperscan runs a [^x]*
//   from one line into the next ones (one breadcrumb pattern was seven times slower);
// - \s, \D and \W leave out the '\n' too (CopyEscape);
// - a '^' that starts the pattern or one of its top-level alternatives becomes '\n', which
//   precedes every line: Hyperscan finds a literal "\nshare" far faster than a multiline '^'
//   before "share" (a quarter of the scan's time). Other '^'s stay multiline anchors.
// *exact is false when some part could still match across lines or differ from RE2 (a
// positive class with '\n', a (?s) flag...): then Hyperscan's answer only narrows RE2's work.
std::string ForLines(std::string_view pattern, bool* exact) {
  std::string out;
  out.reserve(pattern.size() + 8);
  *exact = true;
  bool in_class = false;
  bool negated = false;
  bool at_alternative = true;  // at the start of the pattern or of a top-level alternative
  int depth = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    const bool was_at_alternative = at_alternative;
    at_alternative = false;
    if (c == '^' && was_at_alternative) {
      out += "\\n";
      continue;
    }
    if (c == '\\' && i + 1 < pattern.size()) {
      *exact = CopyEscape(pattern, i, in_class, negated, out) && *exact;
      continue;
    }
    out += c;
    if (in_class) {
      if (c == '[' && i + 1 < pattern.size() && pattern[i + 1] == ':') {
        size_t close = pattern.find(":]", i + 2);  // [:alpha:]
        if (close != std::string_view::npos) {
          std::string_view cls = pattern.substr(i, close + 2 - i);
          *exact = *exact && (negated || !PosixClassHoldsNewline(cls));
          out.append(cls.substr(1));
          i = close + 1;
        }
      } else {
        in_class = c != ']';
      }
    } else if (c == '[') {
      in_class = true;
      negated = i + 1 < pattern.size() && pattern[i + 1] == '^';
      if (negated) out += pattern[++i];
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') out += pattern[++i];  // literal ']'
      if (negated) out += "\\n";
    } else if (c == '(') {
      ++depth;
      // (?: and named groups are plain; of the flags only i is known to agree (ToHyperscan).
      if (i + 1 < pattern.size() && pattern[i + 1] == '?') {
        size_t k = i + 2;
        while (k < pattern.size() && pattern[k] == 'i') ++k;
        const char next = k < pattern.size() ? pattern[k] : '\0';
        *exact = *exact && (next == ':' || next == ')' || next == 'P' || next == '<');
      }
    } else if (c == ')') {
      --depth;
    } else if (c == '|') {
      at_alternative = depth == 0;
    }
  }
  return out;
}

}  // namespace

bool ToHyperscan(std::string_view pattern, std::string* expression, unsigned* flags, bool* exact) {
  *flags = HS_FLAG_MULTILINE | HS_FLAG_UTF8 | HS_FLAG_ALLOWEMPTY;
  if (pattern.starts_with("(?i)")) {
    pattern.remove_prefix(4);
    *flags |= HS_FLAG_CASELESS;
  }
  // \A and \z would mean the page's ends, not the line's.
  for (std::string_view text_anchor : {"\\A", "\\z", "\\Z"}) {
    if (pattern.find(text_anchor) != std::string_view::npos) return false;
  }
  // Hyperscan folds case with tables of its own (it does fold U+212A with k and U+017F with
  // s, as RE2 does); rather than trust them to agree with RE2's everywhere, a caseless
  // pattern may hold no non-ASCII character that has case (symbols such as © or … are
  // fine), nor escapes that could name one.
  bool caseless = (*flags & HS_FLAG_CASELESS) || pattern.find("(?i") != std::string_view::npos;
  if (caseless) {
    for (size_t i = 0; i < pattern.size();) {
      if (pattern[i] == '\\' && i + 1 < pattern.size() &&
          std::string_view("xpP01234567").find(pattern[i + 1]) != std::string_view::npos) {
        return false;
      }
      if (pattern[i] == '\\' && ++i == pattern.size()) break;  // \c is the character c
      char32_t c = utf8::Next(pattern, i);
      if (c >= 0x80 &&
          u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_CHANGES_WHEN_CASEMAPPED)) {
        return false;
      }
    }
  }
  // Which lines match is decided before any optional tail: Hyperscan need not read it.
  bool whole = true;
  pattern = DecidingPrefix(pattern, &whole);
  *expression = ForLines(pattern, exact);
  *exact = *exact && whole;
  return true;
}

bool LeadsWithDigit(std::string_view pattern) {
  if (!AnchoredAtStart(pattern)) return false;
  if (pattern.starts_with("(?i)")) pattern.remove_prefix(4);  // digits have no case
  for (std::string_view digit : {"^\\d", "^[0-9]"}) {
    if (!pattern.starts_with(digit)) continue;
    const std::string_view rest = pattern.substr(digit.size());
    return !rest.starts_with('?') && !rest.starts_with('*') && !rest.starts_with("{0");
  }
  return false;
}

}  // namespace winnow
