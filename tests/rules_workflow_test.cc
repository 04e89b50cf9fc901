// The rule author's workflow through the CLI: check's lint, diff's listing and exit status,
// stats' figures, explain's text features. Every file lives in a fresh temp folder.
#include <simdjson.h>

#include <string>

#include "test_util.h"

namespace winnow {
namespace {

using testing::Quote;
using testing::RunWinnow;
using testing::TempDir;
using testing::WriteTestFile;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

const char kProse1[] =
    "The committee said on Tuesday that it would publish the full report next week, after a "
    "review of the evidence by all of its members.";
const char kProse2[] =
    "The members of the board said that they were not going to resign before the end of the "
    "year, whatever the outcome of the vote.";

class RulesWorkflowTest : public ::testing::Test {
 protected:
  // Two text pages: a.txt (menu, pager, prose, ad) and b.txt (menu, pager, prose).
  std::string Corpus() {
    std::string dir = tmp_ / "corpus";
    WriteTestFile(dir + "/a.txt",
                  std::string("Menu\nPage 1 of 3\n") + kProse1 + "\nAdvertisement\n");
    WriteTestFile(dir + "/b.txt", std::string("Menu\nPage 2 of 3\n") + kProse2 + "\n");
    return dir;
  }
  std::string Rules(const std::string& name, const std::string& text) {
    WriteTestFile(tmp_ / name, text);
    return Quote(tmp_ / name);
  }
  TempDir tmp_;
};

const char kMyRules[] =
    "nav drop /^Menu$/\n  + Menu\n"
    "ad drop /^Advertisement$/\n  + Advertisement\n"
    "share drop /^Share$/\n  + Share\n";

TEST_F(RulesWorkflowTest, CheckWarnsWithColumnsAndStrictFails) {
  std::string path = tmp_ / "lint.rules";
  std::string rules = Rules("lint.rules",
                            "nav drop /^Menu$/\n  + Menu\n"           // 1
                            "nav drop /^Menu$/\n  + Menu\n"           // 3: duplicate
                            "nav drop /^Menu$/ words<=1\n  + Menu\n"  // 5: shadowed by 1
                            "ad drop /x*/\n  + x\n"                   // 7: empty match, broad
                            "sidebar drop /e/\n  + e\n"               // 9: broad
                            "nav drop /^Home$/ site=localhost\n"      // 11: site, no example
                            "caption drop /^Photo/ in=figure\n"       // 12: no example (DOM)
                            "sidebar drop in=aside\n");               // 13: nothing to say
  auto run = RunWinnow("check --no-default-rules " + rules);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "8 rules compiled, no errors\n");
  const std::string want[] = {
      ":3:1: warning: duplicate of the rule at " + path + ":1",
      ":5:1: warning: never wins: the rule at " + path + ":1 fires on every line this one fires on",
      ":7:9: warning: pattern matches the empty string",
      ":7:9: warning: too broad: fires on 12 of 12 sentences of ordinary prose",
      ":9:14: warning: too broad: fires on 12 of 12",
      ":11:24: warning: site 'localhost' is not a host name",
      ":11:1: warning: rule has no inline example (+ a line it fires on, - one it must not)\n",
      ":12:1: warning: rule has no inline example (+ a line it fires on, - one it must not); an "
      "example exercises its pattern and text predicates, not its DOM/context ones",
  };
  for (const std::string& w : want)
    EXPECT_TRUE(Contains(run.err, path + w)) << w << "\n" << run.err;
  EXPECT_TRUE(run.err.ends_with("\n8 warnings\n")) << run.err;
  EXPECT_FALSE(Contains(run.err, ":13:")) << run.err;

  auto strict = RunWinnow("check --strict --no-default-rules " + rules);
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_TRUE(Contains(strict.err, "8 warnings (--strict: failing)")) << strict.err;

  auto clean = RunWinnow("check --strict " + Rules("ok.rules", kMyRules));
  EXPECT_EQ(clean.exit_code, 0) << clean.err;
  EXPECT_EQ(clean.err, "") << "the built-in rules are compared against, not linted";
}

TEST_F(RulesWorkflowTest, DiffListsChangedLinesByRuleAndExitsOne) {
  std::string corpus = Corpus();
  std::string rules = Rules("new.rules", "nav drop /^Page \\d+ of \\d+$/\n  + Page 1 of 3\n");
  auto run = RunWinnow("diff --no-default-rules --rules " + rules + " " + Quote(corpus));
  EXPECT_EQ(run.exit_code, 1) << run.err;
  std::string origin = tmp_ / "new.rules:1";
  EXPECT_EQ(run.out, origin + "  nav drop /^Page \\d+ of \\d+$/\n" + "  " + corpus +
                         "/a.txt:2  boilerplate (fallback:short) -> nav (" + origin +
                         ")  | Page 1 of 3\n" + "  " + corpus +
                         "/b.txt:2  boilerplate (fallback:short) -> nav (" + origin +
                         ")  | Page 2 of 3\n" + "  2 lines\n\n" +
                         "2 lines changed in 2 of 2 pages: 0 newly dropped, 0 newly kept, 2 "
                         "relabelled\n");
}

TEST_F(RulesWorkflowTest, DiffOldAgainstNewAndNothingChanged) {
  std::string corpus = Corpus();
  std::string old_rules = Rules("old.rules", kMyRules);
  // The new version no longer drops the ad: it becomes the fallback's again.
  std::string new_rules = Rules("new.rules", "nav drop /^Menu$/\n  + Menu\n");
  auto run = RunWinnow("diff --no-default-rules --base-rules " + old_rules + " --rules " +
                       new_rules + " " + Quote(corpus) + " --width 4");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_TRUE(run.out.starts_with(tmp_ / "old.rules:3  ad drop /^Advertisement$/\n  " + corpus +
                                  "/a.txt:4  ad (" + tmp_ / "old.rules:3" +
                                  ") -> boilerplate (fallback:short)  | Adve\n  1 line\n\n"))
      << "--width clips the text\n"
      << run.out;
  EXPECT_TRUE(run.out.ends_with(
      "1 line changed in 1 of 2 pages: 0 newly dropped, 0 newly kept, 1 relabelled\n"))
      << "the ad is still removed, by the fallback\n"
      << run.out;

  auto same = RunWinnow("diff --rules " + old_rules + " --base-rules " + old_rules + " " +
                        Quote(corpus) + " -j 3");
  EXPECT_EQ(same.exit_code, 0) << same.err;
  EXPECT_EQ(same.out,
            "0 lines changed in 0 of 2 pages: 0 newly dropped, 0 newly kept, 0 "
            "relabelled\n");
}

TEST_F(RulesWorkflowTest, DiffNewlyKeptAndDropped) {
  std::string corpus = Corpus();
  std::string rules = Rules(
      "new.rules", "keep /^Page \\d/\n  + Page 1\nnav drop /^The members/\n  + The members\n");
  auto run = RunWinnow("diff --rules " + rules + " " + Quote(corpus));
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_TRUE(
      run.out.ends_with("3 lines changed in 2 of 2 pages: 1 newly dropped, 2 newly kept, "
                        "0 relabelled\n"))
      << run.out;
}

TEST_F(RulesWorkflowTest, DiffUsageAndRuleErrorsExitTwo) {
  std::string corpus = Corpus();
  EXPECT_EQ(RunWinnow("diff " + Quote(corpus)).exit_code, 2) << "--rules is required";
  std::string rules = Rules("new.rules", kMyRules);
  EXPECT_EQ(RunWinnow("diff --rules " + rules).exit_code, 2) << "a corpus is required";
  auto bad =
      RunWinnow("diff --rules " + Rules("bad.rules", "caption remove /x/\n") + " " + Quote(corpus));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(Contains(bad.err, "bad.rules:1:9: expected an action")) << bad.err;
  auto missing =
      RunWinnow("diff --rules " + rules + " " + Quote(corpus) + " " + Quote(tmp_ / "missing.txt"));
  EXPECT_EQ(missing.exit_code, 2) << "a corpus not compared whole cannot pass the gate";
  EXPECT_TRUE(Contains(missing.err, "missing.txt: ")) << missing.err;
}

// Records are pages too: JSONL lines and WARC responses, named path#id (else path#line N),
// and --url scopes site rules for page files.
TEST_F(RulesWorkflowTest, DiffAndStatsReadRecordsAndTakeAUrl) {
  std::string dir = tmp_ / "records";
  WriteTestFile(dir + "/c.jsonl", "{\"id\": \"r1\", \"text\": \"Menu\\nPage 1 of 3\\n" +
                                      std::string(kProse1) + "\"}\n{\"text\": \"Page 2 of 3\\n" +
                                      kProse2 + "\"}\n{broken\n");
  WriteTestFile(dir + "/crawl.warc",
                testing::WarcResponse("w1", "https://news.example/a", "text/html",
                                      std::string("<p>Page 3 of 3</p><p>") + kProse1 + "</p>"));
  std::string rules = Rules("new.rules", "nav drop /^Page \\d+ of \\d+$/\n  + Page 1 of 3\n");
  auto run = RunWinnow("diff --no-default-rules --rules " + rules + " " + Quote(dir));
  EXPECT_EQ(run.exit_code, 2) << "the broken record: not compared whole\n" << run.err;
  EXPECT_TRUE(Contains(run.err, dir + "/c.jsonl: line 3: invalid JSON")) << run.err;
  EXPECT_TRUE(Contains(run.out, "  " + dir + "/c.jsonl#r1:2  boilerplate (fallback:short) -> nav"))
      << run.out;
  EXPECT_TRUE(Contains(run.out, "  " + dir + "/c.jsonl#line 2:1  boilerplate")) << run.out;
  EXPECT_TRUE(
      Contains(run.out, "  " + dir + "/crawl.warc#urn:uuid:w1:1  body (fallback:main-block)"))
      << run.out;
  EXPECT_TRUE(
      run.out.ends_with("3 lines changed in 3 of 3 pages: 1 newly dropped, 0 newly "
                        "kept, 2 relabelled\n"))
      << run.out;

  auto stats = RunWinnow("stats --format json --no-default-rules --rules " + rules + " " +
                         Quote(dir + "/crawl.warc") + " " + Quote(dir + "/c.jsonl"));
  EXPECT_EQ(stats.exit_code, 1) << stats.err;
  simdjson::dom::parser parser;
  simdjson::dom::element e;
  ASSERT_EQ(parser.parse(stats.out).get(e), simdjson::SUCCESS) << stats.out;
  EXPECT_EQ(e["pages"].get_int64().value(), 3);
  EXPECT_EQ(e["rules"].at(0)["pages"].get_int64().value(), 3);
  EXPECT_EQ(e["rules"].at(0)["examples"].at(0)["path"].get_string().value(),
            dir + "/crawl.warc#urn:uuid:w1")
      << "in the order of the paths";

  std::string site = Rules("site.rules",
                           "nav drop /^Page \\d+ of \\d+$/ site=example.org\n"
                           "  + Page 1 of 3\n");
  std::string corpus = Corpus();
  auto unscoped = RunWinnow("diff --rules " + site + " " + Quote(corpus));
  EXPECT_EQ(unscoped.exit_code, 0) << "no URL, no site: the rule is never active\n" << unscoped.out;
  auto scoped =
      RunWinnow("diff --rules " + site + " --url https://www.example.org/story " + Quote(corpus));
  EXPECT_EQ(scoped.exit_code, 1) << scoped.err;
  EXPECT_TRUE(Contains(scoped.out, corpus + "/a.txt:2  boilerplate (fallback:short) -> nav"))
      << scoped.out;
}

TEST_F(RulesWorkflowTest, StatsFigures) {
  std::string corpus = Corpus();
  std::string rules = Rules("my.rules", kMyRules);
  auto run =
      RunWinnow("stats --format json --no-default-rules --rules " + rules + " " + Quote(corpus));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  simdjson::dom::parser parser;
  simdjson::dom::element e;
  ASSERT_EQ(parser.parse(run.out).get(e), simdjson::SUCCESS) << run.out;
  EXPECT_EQ(e["pages"].get_int64().value(), 2);
  EXPECT_EQ(e["lines"].get_int64().value(), 7);
  EXPECT_EQ(e["labels"]["body"].get_int64().value(), 2);
  EXPECT_EQ(e["labels"]["nav"].get_int64().value(), 2);
  EXPECT_EQ(e["labels"]["ad"].get_int64().value(), 1);
  EXPECT_EQ(e["labels"]["boilerplate"].get_int64().value(), 2);

  simdjson::dom::array fired = e["rules"].get_array().value();
  ASSERT_EQ(fired.size(), 2u);
  EXPECT_EQ(fired.at(0)["rule"].get_string().value(), tmp_ / "my.rules:1");
  EXPECT_EQ(fired.at(0)["lines"].get_int64().value(), 2);
  EXPECT_EQ(fired.at(0)["pages"].get_int64().value(), 2);
  EXPECT_EQ(fired.at(0)["examples"].get_array().value().size(), 2u);
  EXPECT_EQ(fired.at(0)["examples"].at(1)["path"].get_string().value(), corpus + "/b.txt");
  EXPECT_EQ(fired.at(1)["source"].get_string().value(), "ad drop /^Advertisement$/");
  EXPECT_EQ(fired.at(1)["lines"].get_int64().value(), 1);
  EXPECT_EQ(fired.at(1)["pages"].get_int64().value(), 1);

  simdjson::dom::array never = e["never_fired"].get_array().value();
  ASSERT_EQ(never.size(), 1u);
  EXPECT_EQ(never.at(0)["rule"].get_string().value(), tmp_ / "my.rules:5");

  simdjson::dom::array fallback = e["fallback_removed"].get_array().value();
  ASSERT_EQ(fallback.size(), 1u);
  EXPECT_EQ(fallback.at(0)["text"].get_string().value(), "page 0 of 0") << "digits as 0, lowercase";
  EXPECT_EQ(fallback.at(0)["lines"].get_int64().value(), 2);
  EXPECT_EQ(fallback.at(0)["pages"].get_int64().value(), 2);

  auto text =
      RunWinnow("stats --examples 1 --no-default-rules --rules " + rules + " " + Quote(corpus));
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(text.out.starts_with("2 pages, 7 lines\n\nlabels:\n  body               2   28.6%\n"))
      << text.out;
  EXPECT_TRUE(Contains(text.out, "     2     2  " + tmp_ / "my.rules:1" + "  nav drop /^Menu$/\n" +
                                     "               " + corpus + "/a.txt:1  | Menu\n     1"))
      << text.out;
  EXPECT_TRUE(Contains(text.out, "rules that never fired (1):\n  " + tmp_ / "my.rules:5"))
      << text.out;
  EXPECT_TRUE(text.out.ends_with("candidates for rules):\n     2     2  page 0 of 0\n"))
      << text.out;
}

TEST_F(RulesWorkflowTest, ExplainShowsLineFeatures) {
  std::string corpus = Corpus();
  auto text =
      RunWinnow("explain --color never --features --no-default-rules " + Quote(corpus + "/a.txt"));
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(Contains(text.out,
                       "| Page 1 of 3\n       feat: words=4 caps=0.50 stop=0.25 !punct "
                       "!after-prose trailer prose-before=0\n"))
      << text.out;
  EXPECT_TRUE(Contains(text.out,
                       "members.\n       feat: words=25 caps=0.08 stop=0.60 punct "
                       "!after-prose trailer prose-before=0\n"))
      << text.out;
  // The page-context features, as the classifier saw them: two paragraphs of 50 words (the
  // first long enough to be prose on its own), then a line after them.
  const std::string paragraph = std::string(kProse1) + " " + kProse1;
  WriteTestFile(tmp_ / "context.txt", "Menu\n" + paragraph + "\n" + paragraph + "\nComments\n");
  auto context = RunWinnow("explain --color never --features --no-default-rules " +
                           Quote(tmp_ / "context.txt"));
  ASSERT_EQ(context.exit_code, 0) << context.err;
  EXPECT_TRUE(Contains(context.out,
                       "| Comments\n       feat: words=1 caps=1.00 stop=0.00 !punct "
                       "after-prose trailer prose-before=100\n"))
      << context.out;
  auto plain = RunWinnow("explain --color never --no-default-rules " + Quote(corpus + "/a.txt"));
  EXPECT_FALSE(Contains(plain.out, "feat:")) << "text rows stay one per line without --features";

  auto json = RunWinnow("explain --format json --no-default-rules " + Quote(corpus + "/a.txt"));
  ASSERT_EQ(json.exit_code, 0) << json.err;
  simdjson::dom::parser parser;
  simdjson::dom::element e;
  ASSERT_EQ(parser.parse(testing::SplitLines(json.out)[1]).get(e), simdjson::SUCCESS);
  EXPECT_EQ(e["feat"]["words"].get_int64().value(), 4);
  EXPECT_DOUBLE_EQ(e["feat"]["caps"].get_double().value(), 0.5);
  EXPECT_DOUBLE_EQ(e["feat"]["stop"].get_double().value(), 0.25);
  EXPECT_FALSE(e["feat"]["punct"].get_bool().value());
  EXPECT_FALSE(e["feat"]["after-prose"].get_bool().value());
  EXPECT_TRUE(e["feat"]["trailer"].get_bool().value());
  EXPECT_EQ(e["feat"]["prose-before"].get_int64().value(), 0);
}

}  // namespace
}  // namespace winnow
