#include "rules/prefilter.h"

#include <hs/hs.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <climits>

#include "utf8.h"

namespace winnow {
namespace {

// One scratch space per thread. hs_alloc_scratch checksums the whole database on every call,
// so it runs only when the thread meets a database it has not scanned last.
struct Scratch {
  hs_scratch_t* s = nullptr;
  const hs_database_t* fits = nullptr;
  ~Scratch() { hs_free_scratch(s); }
  bool For(const hs_database_t* db) {
    if (db == fits) return true;
    fits = hs_alloc_scratch(db, &s) == HS_SUCCESS ? db : nullptr;
    return fits != nullptr;
  }
};

// Where the lines are in the scanned buffer, and the (line, id) pairs found so far.
struct ScanState {
  const std::vector<uint32_t>* begins;
  const std::vector<uint32_t>* ends;
  std::vector<std::pair<uint32_t, uint32_t>>* found;
};

int OnMatch(unsigned id, unsigned long long /*from*/, unsigned long long to, unsigned /*flags*/,
            void* context) {
  const ScanState& st = *static_cast<const ScanState*>(context);
  // The line whose span [begin, end] holds the match's end: an empty match at a line's start
  // ends at its begin, a match up to `$` ends at its end (the '\n' after it).
  auto it = std::upper_bound(st.begins->begin(), st.begins->end(), to);
  if (it == st.begins->begin()) return 0;
  uint32_t line = static_cast<uint32_t>(it - st.begins->begin()) - 1;
  if (to > (*st.ends)[line]) return 0;
  // A pattern reports every end offset of a match (a* would report every byte): keep one.
  std::pair<uint32_t, uint32_t> hit{line, id};
  if (st.found->empty() || st.found->back() != hit) st.found->push_back(hit);
  return 0;
}

// `pattern` rewritten for a scan of lines joined by '\n', with one more '\n' before the first
// line (Prefilter::Scan's buffer). RE2's answer on any one line is unchanged:
// - every negated class gets '\n', which no line holds; otherwise Hyperscan runs a [^x]*
//   from one line into the next ones (one breadcrumb pattern was seven times slower);
// - a '^' that starts the pattern or one of its top-level alternatives becomes '\n', which
//   precedes every line: Hyperscan finds a literal "\nshare" far faster than a multiline '^'
//   before "share" (a quarter of the scan's time). Other '^'s stay multiline anchors.
std::string ForLines(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size() + 8);
  bool in_class = false;
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
    out += c;
    if (c == '\\' && i + 1 < pattern.size()) {
      out += pattern[++i];  // an escaped character is literal
    } else if (in_class) {
      if (c == '[' && i + 1 < pattern.size() && pattern[i + 1] == ':') {
        size_t close = pattern.find(":]", i + 2);  // [:alpha:]
        if (close != std::string_view::npos) {
          out.append(pattern.substr(i + 1, close + 1 - i));
          i = close + 1;
        }
      } else {
        in_class = c != ']';
      }
    } else if (c == '[') {
      in_class = true;
      bool negated = i + 1 < pattern.size() && pattern[i + 1] == '^';
      if (negated) out += pattern[++i];
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') out += pattern[++i];  // literal ']'
      if (negated) out += "\\n";
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|') {
      at_alternative = depth == 0;
    }
  }
  return out;
}

}  // namespace

bool ToHyperscan(std::string_view pattern, std::string* expression, unsigned* flags) {
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
  *expression = ForLines(pattern);
  return true;
}

const std::vector<std::string_view>& PrefilterGuards() {
  static const std::vector<std::string_view> guards = {
      "\x0B",  // vertical tab: in RE2's \S, in Hyperscan's \s
  };
  return guards;
}

std::unique_ptr<Prefilter> Prefilter::Load(const PrefilterDatabase& db) {
  if (db.bytes.empty() || hs_valid_platform() != HS_SUCCESS) return nullptr;
  hs_database_t* loaded = nullptr;
  if (hs_deserialize_database(db.bytes.data(), db.bytes.size(), &loaded) != HS_SUCCESS) {
    return nullptr;
  }
  std::unique_ptr<Prefilter> p(new Prefilter(loaded));
  for (size_t i = 0; i < db.patterns.size(); ++i) p->ids_.emplace(db.patterns[i], i);
  return p;
}

Prefilter::~Prefilter() { hs_free_database(db_); }

int Prefilter::Find(std::string_view pattern) const {
  auto it = ids_.find(pattern);
  return it == ids_.end() ? -1 : it->second;
}

void LineCandidates::Everything(size_t n) {
  ids.assign(n, kEverything);
  first.resize(n + 1);
  for (size_t i = 0; i <= n; ++i) first[i] = static_cast<uint32_t>(i);
}

void Prefilter::Scan(std::string_view text, const std::vector<Line>& lines, size_t max_line_bytes,
                     LineCandidates& out) const {
  // The patterns expect a '\n' before every line (ForLines), and Hyperscan's $ holds only
  // before one: the buffer is '\n' and the page when each line fills its text line (no
  // indent, no '\r'), else '\n' and the trimmed lines, each followed by '\n'.
  thread_local std::vector<uint32_t> begins, ends;
  thread_local std::string buffer;
  bool flush = true;
  for (const Line& l : lines) {
    if ((l.begin > 0 && text[l.begin - 1] != '\n') ||
        (l.end < text.size() && text[l.end] != '\n')) {
      flush = false;
      break;
    }
  }
  begins.clear();
  ends.clear();
  buffer.assign(1, '\n');
  if (flush) {
    buffer.append(text);
    for (const Line& l : lines) begins.push_back(l.begin + 1), ends.push_back(l.end + 1);
  } else {
    for (const Line& l : lines) {
      begins.push_back(static_cast<uint32_t>(buffer.size()));
      buffer.append(l.Text(text));
      ends.push_back(static_cast<uint32_t>(buffer.size()));
      buffer.push_back('\n');
    }
  }

  thread_local Scratch scratch;
  thread_local std::vector<std::pair<uint32_t, uint32_t>> found;
  found.clear();
  ScanState state{&begins, &ends, &found};
  if (buffer.size() > UINT_MAX || !scratch.For(db_) ||
      hs_scan(db_, buffer.data(), static_cast<unsigned>(buffer.size()), 0, scratch.s, OnMatch,
              &state) != HS_SUCCESS) {
    out.Everything(lines.size());  // unsure: let RE2 see every line
    return;
  }
  const uint32_t guards = static_cast<uint32_t>(pattern_count());
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].end - lines[i].begin > max_line_bytes) {
      found.emplace_back(static_cast<uint32_t>(i), LineCandidates::kEverything);
    }
  }
  // Matches arrive by end offset, so nearly in line order already.
  std::sort(found.begin(), found.end());
  out.ids.clear();
  out.first.assign(lines.size() + 1, 0);
  for (size_t k = 0; k < found.size();) {
    uint32_t line = found[k].first;
    size_t start = out.ids.size();
    bool everything = false;
    for (; k < found.size() && found[k].first == line; ++k) {
      uint32_t id = found[k].second;
      everything = everything || id >= guards;
      if (out.ids.size() == start || out.ids.back() != id) out.ids.push_back(id);
    }
    if (everything) {
      out.ids.resize(start);
      out.ids.push_back(LineCandidates::kEverything);
    }
    out.first[line + 1] = static_cast<uint32_t>(out.ids.size() - start);
  }
  for (size_t i = 0; i < lines.size(); ++i) out.first[i + 1] += out.first[i];
}

}  // namespace winnow
