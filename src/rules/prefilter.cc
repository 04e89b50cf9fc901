#include "rules/prefilter.h"

#include <hs/hs.h>

#include <algorithm>
#include <climits>
#include <span>

namespace winnow {
namespace {

// One scratch space per thread, fit for every database the thread has scanned (a rule set's
// prefilter and its class~ token database). hs_alloc_scratch checksums the whole database on
// every call, so it runs only for a database the scratch does not fit yet.
struct Scratch {
  hs_scratch_t* s = nullptr;
  std::vector<const hs_database_t*> fits;
  ~Scratch() { hs_free_scratch(s); }
  bool For(const hs_database_t* db) {
    if (db == nullptr || std::find(fits.begin(), fits.end(), db) != fits.end()) return true;
    if (hs_alloc_scratch(db, &s) != HS_SUCCESS) return false;
    fits.push_back(db);
    return true;
  }
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

// Lines copied into one buffer, each after a '\n' (the patterns expect one before every
// line), with their spans there and the page's line behind each.
struct CopiedLines {
  std::string buffer;
  std::vector<uint32_t> begins, ends, page_lines;

  void Clear() {
    buffer.assign(1, '\n');
    begins.clear();
    ends.clear();
    page_lines.clear();
  }
  void Add(std::string_view line, size_t page_line) {
    begins.push_back(static_cast<uint32_t>(buffer.size()));
    buffer.append(line);
    ends.push_back(static_cast<uint32_t>(buffer.size()));
    buffer.push_back('\n');
    page_lines.push_back(static_cast<uint32_t>(page_line));
  }
};

// Where the lines are in a scanned buffer, and the (line, id) pairs found so far: a page
// scanned where it lies has its own lines' spans, else `copied` holds them.
struct ScanState {
  std::span<const Line> lines;
  const CopiedLines* copied = nullptr;
  std::vector<std::pair<uint32_t, uint32_t>>* found = nullptr;
};

// The page's line whose span [begin, end] holds offset `to` of the scanned buffer, or -1: an
// empty match at a line's start ends at its begin, a match up to `$` ends at its end (the
// '\n' after it).
int64_t LineAt(const ScanState& st, uint64_t to) {
  if (st.copied == nullptr) {
    auto it = std::upper_bound(st.lines.begin(), st.lines.end(), to,
                               [](uint64_t offset, const Line& l) { return offset < l.begin; });
    if (it == st.lines.begin() || to > it[-1].end) return -1;
    return it - st.lines.begin() - 1;
  }
  const std::vector<uint32_t>& begins = st.copied->begins;
  auto it = std::upper_bound(begins.begin(), begins.end(), to);
  if (it == begins.begin()) return -1;
  const size_t k = static_cast<size_t>(it - begins.begin()) - 1;
  if (to > st.copied->ends[k]) return -1;
  return st.copied->page_lines[k];
}

int OnMatch(unsigned id, unsigned long long /*from*/, unsigned long long to, unsigned /*flags*/,
            void* context) {
  const ScanState& st = *static_cast<const ScanState*>(context);
  const int64_t line = LineAt(st, to);
  if (line < 0) return 0;
  // A pattern reports every end offset of a match (a* would report every byte): keep one.
  const std::pair<uint32_t, uint32_t> hit{static_cast<uint32_t>(line), id};
  if (st.found->empty() || st.found->back() != hit) st.found->push_back(hit);
  return 0;
}

}  // namespace

const std::vector<std::string_view>& PrefilterGuards() {
  static const std::vector<std::string_view> guards = {
      "\x0B",  // vertical tab: in RE2's \S, in Hyperscan's \s
  };
  return guards;
}

std::unique_ptr<Prefilter> Prefilter::Load(const PrefilterDatabase& db) {
  if (db.image.empty() && db.digit_image.empty()) return nullptr;
  if (hs_valid_platform() != HS_SUCCESS) return nullptr;
  // hs_database_size checks the magic number and version in the header it reads; an image
  // is then used where it lies.
  bool ok = true;
  auto database = [&ok](std::string_view image) -> const hs_database_t* {
    if (image.empty()) return nullptr;
    const auto* d = reinterpret_cast<const hs_database_t*>(image.data());
    constexpr size_t kMinImageBytes = 256;  // more than Hyperscan's header
    size_t size = 0;
    ok = ok && image.size() >= kMinImageBytes && hs_database_size(d, &size) == HS_SUCCESS &&
         size == image.size();
    return d;
  };
  const hs_database_t* main = database(db.image);
  const hs_database_t* digit = database(db.digit_image);
  if (!ok) return nullptr;
  std::unique_ptr<Prefilter> p(new Prefilter(main, digit));
  for (size_t i = 0; i < db.patterns.size(); ++i) {
    p->ids_.emplace(db.patterns[i].pattern, i);
    p->exact_.push_back(db.patterns[i].exact);
  }
  return p;
}

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
  thread_local std::vector<std::pair<uint32_t, uint32_t>> found;
  thread_local CopiedLines copied, digit_lines, first_line;
  found.clear();
  // One pass over the lines: whether each fills its text line (no indent, no '\r'); the lines
  // that start with a digit, copied for the digit-led patterns; and the lines longer than RE2
  // sees (only their head, where `$` matches early): every pattern.
  bool flush = true;
  digit_lines.Clear();
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    flush = flush && (l.begin == 0 || text[l.begin - 1] == '\n') &&
            (l.end == text.size() || text[l.end] == '\n');
    if (l.end - l.begin > max_line_bytes) {
      found.emplace_back(static_cast<uint32_t>(i), LineCandidates::kEverything);
    }
    const std::string_view line = l.Text(text);
    if (digit_db_ != nullptr && !line.empty() && static_cast<unsigned char>(line[0] - '0') < 10) {
      digit_lines.Add(line, i);
    }
  }
  // Hyperscan's $ holds only before a '\n'. A page whose lines fill their text lines is
  // scanned where it lies, and a first line at its very start once more after a '\n'
  // (copying the page to put one in front cost more than the second scan); else the trimmed
  // lines are copied.
  std::string_view scanned = text;
  ScanState page{lines, nullptr, &found};
  if (!flush) {
    copied.Clear();
    for (size_t i = 0; i < lines.size(); ++i) copied.Add(lines[i].Text(text), i);
    scanned = copied.buffer;
    page.copied = &copied;
  }

  Scratch& scratch = ThreadScratch();
  auto scan = [&](const hs_database_t* db, std::string_view bytes, ScanState state) {
    return db == nullptr || (bytes.size() <= UINT_MAX &&
                             hs_scan(db, bytes.data(), static_cast<unsigned>(bytes.size()), 0,
                                     scratch.s, OnMatch, &state) == HS_SUCCESS);
  };
  bool ok = scratch.For(db_) && scratch.For(digit_db_) && scan(db_, scanned, page);
  if (ok && flush && !lines.empty() && lines[0].begin == 0) {
    first_line.Clear();
    first_line.Add(lines[0].Text(text), 0);
    ok = scan(db_, first_line.buffer, {{}, &first_line, &found});
  }
  if (ok && !digit_lines.page_lines.empty()) {
    ok = scan(digit_db_, digit_lines.buffer, {{}, &digit_lines, &found});
  }
  if (!ok) {
    out.Everything(lines.size());  // unsure: let RE2 see every line
    return;
  }
  // A guard's line, as the scan's buffer holds it, gets every pattern.
  for (std::string_view guard : PrefilterGuards()) {
    for (size_t at = scanned.find(guard); at != std::string_view::npos;
         at = scanned.find(guard, at + 1)) {
      if (const int64_t line = LineAt(page, at + guard.size()); line >= 0) {
        found.emplace_back(static_cast<uint32_t>(line), LineCandidates::kEverything);
      }
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
      everything = everything || id == LineCandidates::kEverything;
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

bool Prefilter::Matches(std::string_view text,
                        std::vector<std::pair<uint32_t, uint32_t>>& out) const {
  out.clear();
  Scratch& scratch = ThreadScratch();
  if (db_ == nullptr) return true;
  if (!scratch.For(db_) || text.size() > UINT_MAX) return false;
  const auto on_match = [](unsigned id, unsigned long long /*from*/, unsigned long long to,
                           unsigned /*flags*/, void* context) {
    auto& found = *static_cast<std::vector<std::pair<uint32_t, uint32_t>>*>(context);
    const std::pair<uint32_t, uint32_t> hit{static_cast<uint32_t>(to), id};
    if (found.empty() || found.back() != hit) found.push_back(hit);
    return 0;
  };
  return hs_scan(db_, text.data(), static_cast<unsigned>(text.size()), 0, scratch.s, on_match,
                 &out) == HS_SUCCESS;
}

}  // namespace winnow
