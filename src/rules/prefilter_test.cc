#include "rules/prefilter.h"

#include <gtest/gtest.h>
#include <hs/hs.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "classify/line.h"
#include "rules/default_rules.h"
#include "rules/hs_expression.h"
#include "rules/prefilter_test_util.h"
#include "rules/rule_set.h"
#include "winnow/winnow.h"

namespace winnow {
namespace {

namespace fs = std::filesystem;
constexpr int64_t kMaxMem = 64 << 20;

// A database of `patterns` as winnow_prefilter_gen compiles them, with ids from `first_id`;
// every pattern must translate exactly.
class Database {
 public:
  Database(const std::vector<std::string>& patterns, unsigned first_id) {
    std::vector<std::string> expressions;
    std::vector<unsigned> flags, ids;
    for (const std::string& p : patterns) {
      std::string e;
      unsigned f = 0;
      bool exact = false;
      EXPECT_TRUE(ToHyperscan(p, &e, &f, &exact) && exact) << p;
      expressions.push_back(e);
      flags.push_back(f);
      ids.push_back(first_id + static_cast<unsigned>(ids.size()));
    }
    std::vector<const char*> c_expressions;
    for (const std::string& e : expressions) c_expressions.push_back(e.c_str());
    hs_compile_error_t* error = nullptr;
    if (hs_compile_multi(c_expressions.data(), flags.data(), ids.data(),
                         static_cast<unsigned>(ids.size()), HS_MODE_BLOCK, nullptr, &db_,
                         &error) != HS_SUCCESS) {
      ADD_FAILURE() << error->message;
      hs_free_compile_error(error);
    }
  }
  // Freed only at exit, so that no later database takes its address (prefilter.h).
  ~Database() {
    static struct Kept {
      std::vector<hs_database_t*> dbs;
      ~Kept() {
        for (hs_database_t* db : dbs) hs_free_database(db);
      }
    } kept;
    kept.dbs.push_back(db_);
  }
  std::string_view image() const {
    size_t size = 0;
    hs_database_size(db_, &size);
    return {reinterpret_cast<const char*>(db_), db_ ? size : 0};
  }

 private:
  hs_database_t* db_ = nullptr;
};

// `count` random lines of up to five characters of `alphabet`.
std::string RandomLines(const std::vector<std::string>& alphabet, int count) {
  std::string text;
  uint32_t seed = 7;
  for (int n = 0; n < count; ++n) {
    seed = seed * 1103515245 + 12345;
    int len = static_cast<int>((seed >> 16) % 6);
    for (int k = 0; k < len; ++k) {
      seed = seed * 1103515245 + 12345;
      text += alphabet[(seed >> 16) % alphabet.size()];
    }
    text += '\n';
  }
  return text;
}

// Scans `text` with the prefilter and expects it to mark with pattern i exactly the lines
// where RE2 matches patterns[i]; returns how many (line, pattern) pairs match.
size_t ExpectMarksAsRe2(const Prefilter& prefilter, const std::vector<std::string>& patterns,
                        std::string_view text) {
  std::vector<Line> lines;
  ComputeLines(text, 1 << 20, lines);
  LineCandidates candidates;
  prefilter.Scan(text, lines, 1 << 20, candidates);
  size_t matched = 0;
  for (size_t id = 0; id < patterns.size(); ++id) {
    RE2 re(patterns[id]);
    EXPECT_TRUE(re.ok()) << patterns[id];
    for (size_t i = 0; i < lines.size(); ++i) {
      std::span<const uint32_t> marked = candidates.Of(i);
      bool hs = std::find(marked.begin(), marked.end(), id) != marked.end();
      bool re2 = RE2::PartialMatch(lines[i].Text(text), re);
      EXPECT_EQ(hs, re2) << "/" << patterns[id] << "/ on line " << i << " \"" << lines[i].Text(text)
                         << "\"";
      matched += re2;
    }
  }
  return matched;
}

// Exactness, tried: tricky patterns compiled here as winnow_prefilter_gen would, scanned over
// every short line from an alphabet of spaces, letters with and without case, digits and
// marks; where ToHyperscan says exact, every marked line must match in RE2 and the reverse.
TEST(ToHyperscanTest, ExactPatternsMarkTheLinesRe2Matches) {
  const std::vector<std::string> patterns = {
      "a\\sb",   "^\\s*$", "a[\\s,]+b",   "^[^a]+$",     "\\D+1",          "\\W+a",
      "a\\b$",   "\\bé",   "\\Ba",        "^\\S+$",      "\\p{Lu}\\p{Ll}", "^[\\p{Lu}][^\\s\\d,]+$",
      "(?i)k$",  "(?i)^s", "(^| )x( |$)", "[[:punct:]]", "\\x{e9}$",       "^a.b$",
      "[^\\D]$", "é\\w",   "a$|^b",       "^$",          "[\\s\\S]{3}",    "(?i:A)\\s"};
  const std::string text =
      RandomLines({"a", "b", "x", "1", " ", "\t", "\f", "\r", ",", "-", "_", "\xC3\xA9", "\xC3\x89",
                   "K", "\xE2\x84\xAA", "\xC5\xBF", "s", "A"},
                  4000);
  std::vector<PrefilterPattern> entries;
  for (const std::string& p : patterns) entries.push_back({p, true});
  Database db(patterns, 0);
  std::unique_ptr<Prefilter> prefilter = Prefilter::Load({db.image(), {}, entries});
  ASSERT_NE(prefilter, nullptr);
  EXPECT_GT(ExpectMarksAsRe2(*prefilter, patterns, text), 1000u);  // not vacuous
}

// The digit-led patterns, in their own database, mark the lines RE2 matches, whatever comes
// before and after those lines on the page; the others still see every line.
TEST(LeadsWithDigitTest, DigitLedPatternsMarkTheLinesRe2Matches) {
  const std::vector<std::string> main = {"^a", "b$", "^1"};
  const std::vector<std::string> digit_led = {"^\\d+ a$", "^\\d{1,2}:\\d\\d\\b( |$)",
                                              "(?i)^[0-9]+x"};
  std::vector<std::string> patterns = main;
  std::vector<PrefilterPattern> entries;
  for (const std::string& p : main) entries.push_back({p, true, false});
  for (const std::string& p : digit_led) {
    ASSERT_TRUE(LeadsWithDigit(p)) << p;
    patterns.push_back(p);
    entries.push_back({p, true, true});
  }
  Database db(main, 0), digit_db(digit_led, static_cast<unsigned>(main.size()));
  std::unique_ptr<Prefilter> prefilter = Prefilter::Load({db.image(), digit_db.image(), entries});
  ASSERT_NE(prefilter, nullptr);
  const std::string text =
      RandomLines({"1", "9", ":", "0", " ", "a", "X", "x", "b", "\t", "-"}, 6000);
  EXPECT_GT(ExpectMarksAsRe2(*prefilter, patterns, text), 1000u);
  // A page of digit lines only, and one whose first line starts at byte 0.
  EXPECT_GT(ExpectMarksAsRe2(*prefilter, patterns, "12:30\n3 a\n7x\n"), 2u);
}

class PrefilterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<RuleSource> sources;
    for (const auto& f : DefaultRuleFiles()) sources.push_back({f.path, f.text});
    Result<std::unique_ptr<RuleSet>> set = RuleSet::Compile(sources, kMaxMem);
    ASSERT_TRUE(set.ok()) << set.status().message();
    rules_ = std::move(*set);
  }

  // The rules whose patterns match line i of `text`, with the prefilter and without it.
  struct Both {
    std::vector<int> prefiltered, everything;
  };
  std::vector<Both> MatchLines(std::string_view text, size_t max_line_bytes = 1 << 20) {
    std::vector<Line> lines;
    ComputeLines(text, max_line_bytes, lines);
    LineCandidates candidates;
    rules_->PrefilterLines(text, lines, max_line_bytes, candidates);
    std::vector<Both> out(lines.size());
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string_view line = lines[i].Text(text).substr(0, max_line_bytes);
      rules_->Match(line, out[i].prefiltered, 0, candidates.Of(i));
      rules_->Match(line, out[i].everything, 0);
    }
    return out;
  }

  // Every inline example and every line of the bundled text pages.
  std::string ExamplesAndFixtures() const {
    std::string text;
    for (const Rule& r : rules_->rules()) {
      for (const Example& e : r.examples) text += e.input + "\n";
    }
    for (const auto& entry : fs::recursive_directory_iterator(WINNOW_SOURCE_DIR "/fixtures")) {
      if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream s;
      s << in.rdbuf();
      text += s.str() + "\n";
    }
    return text;
  }

  std::unique_ptr<RuleSet> rules_;
};

TEST(PrefilterLoadTest, RefusesBytesThatAreNotADatabase) {
  const std::string garbage(4096, 'x');
  EXPECT_EQ(Prefilter::Load({garbage, {}}), nullptr);
  EXPECT_EQ(Prefilter::Load({std::string_view("short"), {}}), nullptr);
  EXPECT_EQ(Prefilter::Load({}), nullptr);
  // The default image with a byte of its header changed.
  std::string tampered(DefaultPrefilterDatabase().image);
  ASSERT_FALSE(tampered.empty());
  tampered[0] ^= 0x55;
  EXPECT_EQ(Prefilter::Load({tampered, {}}), nullptr);
}

TEST_F(PrefilterTest, TheDefaultDatabaseLoadsAndHoldsTheDefaultPatterns) {
  std::unique_ptr<Prefilter> p = Prefilter::Load(DefaultPrefilterDatabase());
  ASSERT_NE(p, nullptr);
  int found = 0;
  for (const Rule& r : rules_->rules()) found += !r.pattern.empty() && p->Find(r.pattern) >= 0;
  EXPECT_GT(found, 30);
  EXPECT_EQ(p->Find("^not a default pattern$"), -1);
}

TEST_F(PrefilterTest, MissesNoMatchOnAnyExampleOrFixtureLine) {
  // The prefilter is only sound if every line RE2 matches is a candidate: check it on every
  // inline example and every line of the bundled pages.
  std::vector<Both> lines = MatchLines(ExamplesAndFixtures());
  size_t matched = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i].prefiltered, lines[i].everything) << "line " << i;
    matched += !lines[i].everything.empty();
  }
  EXPECT_GT(matched, 100u);  // the check above is not vacuous
}

TEST_F(PrefilterTest, AFailedScanLeavesEveryLineToRe2) {
  // A database Hyperscan cannot scan (its bytecode fails the checksum) still loads; the scan
  // then vouches for no line, and RE2 finds on each what it finds without the prefilter.
  std::unique_ptr<Prefilter> broken =
      Prefilter::Load(testing::CorruptedCopy(DefaultPrefilterDatabase()));
  ASSERT_NE(broken, nullptr);
  const std::string text = ExamplesAndFixtures();
  std::vector<Line> lines;
  ComputeLines(text, 1 << 20, lines);
  LineCandidates candidates;
  broken->Scan(text, lines, 1 << 20, candidates);
  size_t matched = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    ASSERT_EQ(candidates.Of(i).size(), 1u) << "line " << i;
    EXPECT_EQ(candidates.Of(i)[0], LineCandidates::kEverything) << "line " << i;
    std::vector<int> prefiltered, everything;
    rules_->Match(lines[i].Text(text), prefiltered, 0, candidates.Of(i));
    rules_->Match(lines[i].Text(text), everything, 0);
    EXPECT_EQ(prefiltered, everything) << "line " << i;
    matched += !everything.empty();
  }
  EXPECT_GT(matched, 100u);
  // The class token database's scan says it failed (the intact one's does not).
  std::vector<std::pair<uint32_t, uint32_t>> matches;
  std::unique_ptr<Prefilter> tokens = Prefilter::Load(DefaultClassTokenDatabase());
  ASSERT_NE(tokens, nullptr);
  EXPECT_TRUE(tokens->Matches("sidebar\ncomments\n", matches));
  tokens = Prefilter::Load(testing::CorruptedCopy(DefaultClassTokenDatabase()));
  ASSERT_NE(tokens, nullptr);
  EXPECT_FALSE(tokens->Matches("sidebar\ncomments\n", matches));
}

TEST_F(PrefilterTest, ThePagesFirstLineIsALineStartToo) {
  // The scan puts a '\n' before the page for the patterns' leading '^' (ForLines).
  for (std::string_view text : {"Advertisement\nBody text here.", " Advertisement\r\nBody."}) {
    std::vector<Both> lines = MatchLines(text);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_FALSE(lines[0].everything.empty()) << text;
    EXPECT_EQ(lines[0].prefiltered, lines[0].everything) << text;
  }
}

TEST_F(PrefilterTest, IndentedAndCrLfLinesAreMatchedLikeTheirTrimmedText) {
  // Hyperscan's ^ and $ hold only next to '\n': the '\r' and the indent must not hide them.
  for (std::string_view text : {"Body text here.\r\nAdvertisement\r\nSkip to content\r\n",
                                "Body text here.\n   Advertisement\n\tSkip to content \n"}) {
    std::vector<Both> lines = MatchLines(text);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_TRUE(lines[0].everything.empty());
    for (size_t i : {1, 2}) {
      EXPECT_FALSE(lines[i].everything.empty()) << text;
      EXPECT_EQ(lines[i].prefiltered, lines[i].everything) << text;
    }
  }
}

TEST_F(PrefilterTest, CaseFoldingAndVerticalTabsAsRe2Sees) {
  // RE2's (?i)s matches U+017F (ſ) and (?i)k U+212A (K), and its \S a vertical tab, which
  // Hyperscan's \S does not (the guard's case).
  std::vector<Both> lines = MatchLines(
      "Adverti\xC5\xBF"
      "ement\n"
      "S\xE2\x84\xAA"
      "ip to content\n"
      "a\vb 5 min read\n");
  ASSERT_EQ(lines.size(), 3u);
  for (const Both& b : lines) {
    EXPECT_FALSE(b.everything.empty());
    EXPECT_EQ(b.prefiltered, b.everything);
  }
}

TEST_F(PrefilterTest, ALineLongerThanRe2SeesIsCheckedWhole) {
  // RE2 sees the first 11 bytes, where `^\d+ comments$` matches; Hyperscan sees the line.
  std::vector<Both> lines = MatchLines("12 comments and a great deal more text\n", 11);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_FALSE(lines[0].everything.empty());
  EXPECT_EQ(lines[0].prefiltered, lines[0].everything);
}

TEST_F(PrefilterTest, UserRulesAreMatchedOnEveryLine) {
  std::vector<RuleSource> sources;
  for (const auto& f : DefaultRuleFiles()) sources.push_back({f.path, f.text});
  sources.push_back({"mine.rules", "sidebar drop /^Zebra facts$/\n"});
  Result<std::unique_ptr<RuleSet>> set = RuleSet::Compile(sources, kMaxMem);
  ASSERT_TRUE(set.ok()) << set.status().message();
  rules_ = std::move(*set);
  std::vector<Both> lines = MatchLines("Zebra facts\nAdvertisement\n");
  ASSERT_EQ(lines.size(), 2u);
  ASSERT_EQ(lines[0].prefiltered.size(), 1u);
  EXPECT_EQ(rules_->rules()[lines[0].prefiltered[0]].file, "mine.rules");
  EXPECT_EQ(lines[1].prefiltered, lines[1].everything);
  EXPECT_FALSE(lines[1].everything.empty());
}

TEST(PrefilterCleanTest, EveryFixtureCleansTheSameWithoutThePrefilter) {
  // The whole pipeline, text and HTML pages: the prefilter may change speed, never output.
  Options with;
  Options without;
  without.use_prefilter = false;
  without.keep_decisions = with.keep_decisions = true;
  Result<std::unique_ptr<Cleaner>> a = Cleaner::Create(with);
  Result<std::unique_ptr<Cleaner>> b = Cleaner::Create(without);
  ASSERT_TRUE(a.ok() && b.ok());
  int pages = 0;
  for (const auto& entry : fs::recursive_directory_iterator(WINNOW_SOURCE_DIR "/fixtures")) {
    const std::string ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".txt" && ext != ".html")) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    const std::string bytes = s.str();
    Input input;
    input.bytes = bytes;
    Result<Cleaned> x = (*a)->Clean(input);
    Result<Cleaned> y = (*b)->Clean(input);
    ASSERT_TRUE(x.ok() && y.ok()) << entry.path();
    EXPECT_EQ(x->text, y->text) << entry.path();
    ASSERT_EQ(x->decisions.size(), y->decisions.size()) << entry.path();
    for (size_t i = 0; i < x->decisions.size(); ++i) {
      EXPECT_EQ(x->decisions[i].rule, y->decisions[i].rule) << entry.path() << " line " << i;
    }
    ++pages;
  }
  EXPECT_GT(pages, 20);
}

TEST_F(PrefilterTest, EmptyAndBlankPages) {
  EXPECT_TRUE(MatchLines("").empty());
  EXPECT_TRUE(MatchLines("\n \n\t\n").empty());
}

}  // namespace
}  // namespace winnow
