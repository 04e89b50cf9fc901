// Prefilter: one Hyperscan scan of a page's text finds the lines that match each built-in
// rule pattern, so RE2 checks only those lines, and for most patterns none.
//
// RE2::Set::Match costs about 120 ns per line per set even when nothing matches, plus the
// lazy construction of its DFA states in every process; on text dumps that was nearly half
// of winnow's time. Hyperscan scans the whole page at once. A line it does not mark cannot
// match. For most patterns its answer is exact, and a marked line matches without RE2 (whose
// compile of a \p{Lu} class alone costs a quarter of a millisecond); for the others it is a
// superset, and RE2 decides.
//
// Compiling the default patterns with Hyperscan takes about half a second, so it happens at
// build time (prefilter_gen.cc), and the database is linked into the binary already laid out
// as Hyperscan scans it: start-up does not copy its 0.9 MB (a page written for the first time
// costs 7-13 us on a virtual machine), and processes running winnow side by side share it.
// Rules added with --rules are not in it and are matched by RE2 on every line, as before.
#ifndef WINNOW_SRC_RULES_PREFILTER_H_
#define WINNOW_SRC_RULES_PREFILTER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "classify/line.h"

struct hs_database;

namespace winnow {

// A pattern of a PrefilterDatabase.
struct PrefilterPattern {
  std::string_view pattern;  // the rule's pattern, exactly as in Rule::pattern
  bool exact = false;        // Hyperscan's answer on a line is RE2's (hs_expression.h)
  bool digit_led = false;    // in digit_image, not image (LeadsWithDigit, hs_expression.h)
};

// Hyperscan databases and the RE2 pattern behind each of their ids. Each image is the
// database as Hyperscan lays it out in memory (hs_compile_multi's output, or
// hs_deserialize_database_at's), never moved since, or moved only between addresses that
// agree modulo 64 (its bytecode is aligned against its own address). Images outlive the
// Prefilter loaded from them, and no other database takes an image's address later in the
// process: a thread's scratch remembers the databases it fits by address.
struct PrefilterDatabase {
  std::string_view image;  // the patterns that may match on any line; empty: none
  // The digit-led patterns, scanned over only the lines that start with a digit. Apart, they
  // spare the scan of every page: with them, short "\n0".."\n9" literals made Hyperscan's
  // literal matcher a fifth slower. Empty: none.
  std::string_view digit_image;
  std::vector<PrefilterPattern> patterns;  // by id, in either image
};

// The database built from the default rules (generated at build time).
const PrefilterDatabase& DefaultPrefilterDatabase();
// The default rules' class~ patterns that can be matched token by token (TokenLocal) and
// that Hyperscan matches exactly, for scans of a page's class, id and role tokens, one per
// line (classify/class_tokens.h). No digit image.
const PrefilterDatabase& DefaultClassTokenDatabase();

// Literals whose lines every pattern must be checked on: characters where Hyperscan's
// matching is narrower than RE2's (RE2's \S matches a vertical tab, Hyperscan's does not).
// Scan finds them with memchr, not in the database: a one-byte literal there made
// Hyperscan's literal matcher a sixth slower on every page.
const std::vector<std::string_view>& PrefilterGuards();

// Prefilter::Scan's answer: the database ids that matched within each line of a page.
struct LineCandidates {
  static constexpr uint32_t kEverything = UINT32_MAX;  // check the line against every pattern
  std::vector<uint32_t> first;  // line i's ids are ids[first[i], first[i + 1])
  std::vector<uint32_t> ids;    // ascending per line; {kEverything} for a line Hyperscan
                                // cannot vouch for (a guard hit, a long line)

  std::span<const uint32_t> Of(size_t line) const {
    return {ids.data() + first[line], ids.data() + first[line + 1]};
  }
  // Every line of an n-line page gets {kEverything}.
  void Everything(size_t n);
};

class Prefilter {
 public:
  // Loads the databases, without copying them; null when both images are empty, either is
  // not a Hyperscan database of this version, or this CPU cannot run them.
  static std::unique_ptr<Prefilter> Load(const PrefilterDatabase& db);

  // The id of `pattern` in the database, or -1.
  int Find(std::string_view pattern) const;
  // Whether a line the scan marks with `id` matches its pattern without asking RE2.
  bool exact(int id) const { return exact_[id]; }
  int pattern_count() const { return static_cast<int>(ids_.size()); }

  // Finds the pattern ids that match within each line of `text`. A line with a guard, or
  // longer than `max_line_bytes` (RE2 sees only its head, where `$` matches early), gets
  // kEverything; so does every line if the scan fails.
  void Scan(std::string_view text, const std::vector<Line>& lines, size_t max_line_bytes,
            LineCandidates& out) const;

  // Every match in `text`, as (end offset, id) pairs in ascending order of end: one scan, no
  // lines to map them to. For a database whose patterns no guard character affects (the class
  // token one). False if the scan fails.
  bool Matches(std::string_view text, std::vector<std::pair<uint32_t, uint32_t>>& out) const;

 private:
  Prefilter(const hs_database* db, const hs_database* digit_db) : db_(db), digit_db_(digit_db) {}
  const hs_database* db_;        // PrefilterDatabase::image, or null
  const hs_database* digit_db_;  // PrefilterDatabase::digit_image, or null
  std::unordered_map<std::string_view, int> ids_;
  std::vector<bool> exact_;  // by id
};

}  // namespace winnow

#endif  // WINNOW_SRC_RULES_PREFILTER_H_
