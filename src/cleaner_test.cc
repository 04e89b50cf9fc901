#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "batch/test_util.h"
#include "sources/testing.h"
#include "winnow/winnow.h"

namespace winnow {
namespace {

std::string Fingerprint(const Options& options) {
  Result<std::unique_ptr<Cleaner>> cleaner = Cleaner::Create(options);
  EXPECT_TRUE(cleaner.ok()) << cleaner.status().message();
  return cleaner.ok() ? (*cleaner)->RulesFingerprint() : "";
}

TEST(CleanerTest, VersionIsMajorMinorPatch) {
  const std::string v(Version());
  ASSERT_FALSE(v.empty());
  int dots = 0;
  for (char c : v) {
    EXPECT_TRUE((c >= '0' && c <= '9') || c == '.') << v;
    dots += c == '.';
  }
  EXPECT_EQ(dots, 2) << v;
}

// `html` cleaned by a Cleaner made with `options`.
Result<Cleaned> CleanHtml(const Options& options, const std::string& html) {
  Result<std::unique_ptr<Cleaner>> cleaner = Cleaner::Create(options);
  if (!cleaner.ok()) return cleaner.status();
  Input input;
  input.bytes = html;
  input.format = Format::kHtml;
  return (*cleaner)->Clean(input);
}

// The walk builds tag paths only for path~ rules and explain: both still see them.
TEST(CleanerTest, PathRulesSeePathsWithOrWithoutExplain) {
  batch::testing::TempDir dir;
  batch::testing::WriteTestFile(dir / "p.rules", "sidebar drop path~/>aside>p$/\n");
  const std::string html =
      "<html><body><article><p>The council approved the new budget on Monday night.</p>"
      "<aside><p>Zebra crossings are painted white.</p></aside></article></body></html>";
  for (bool explain : {false, true}) {
    Options options;
    options.use_default_rules = false;
    options.rule_paths = {dir / "p.rules"};
    options.keep_decisions = explain;
    Result<Cleaned> out = CleanHtml(options, html);
    ASSERT_TRUE(out.ok()) << out.status().message();
    EXPECT_NE(out->text.find("council"), std::string::npos) << explain;
    EXPECT_EQ(out->text.find("Zebra"), std::string::npos) << explain;
    if (explain) {
      ASSERT_EQ(out->dom.size(), 2u);
      EXPECT_NE(out->dom[1].find("path=body>article>aside>p"), std::string::npos) << out->dom[1];
    }
  }
}

// class~ rules are matched on each page's tokens when all of them are built-in patterns that
// allow it (classify/class_tokens.h), else on every line's string of tokens: either way,
// with or without explain, they drop the same lines.
TEST(CleanerTest, ClassRulesSeeTheTokensWhicheverWayTheyAreMatched) {
  batch::testing::TempDir dir;
  batch::testing::WriteTestFile(dir / "c.rules", "sidebar drop class~/^zebra/\n");
  const std::string html =
      "<html><body><article class='story'>"
      "<p>The council approved the new budget on Monday night after a long debate.</p>"
      "<div class='Related-Posts'><p>Zebra crossings are painted white in most cities.</p></div>"
      "<div class='zebra box'><p>Giraffes, the tallest animals, eat leaves from trees.</p></div>"
      "<p>The mayor said the plan would be reviewed again in the spring by the board.</p>"
      "</article></body></html>";
  for (bool user : {false, true}) {
    for (bool explain : {false, true}) {
      Options options;
      if (user) options.rule_paths = {dir / "c.rules"};
      options.keep_decisions = explain;
      Result<Cleaned> out = CleanHtml(options, html);
      ASSERT_TRUE(out.ok()) << out.status().message();
      EXPECT_NE(out->text.find("council"), std::string::npos) << user << explain;
      EXPECT_NE(out->text.find("mayor"), std::string::npos) << user << explain;
      EXPECT_EQ(out->text.find("Zebra"), std::string::npos) << user << explain;
      EXPECT_EQ(out->text.find("Giraffes") == std::string::npos, user) << explain;
      if (explain) {
        ASSERT_EQ(out->dom.size(), 4u);
        EXPECT_NE(out->dom[1].find("class=\"related-posts story\""), std::string::npos)
            << out->dom[1];
      }
    }
  }
}

// The fingerprint follows the rules' text and order, not where the files are.
TEST(CleanerTest, RulesFingerprintFollowsTheRuleTexts) {
  batch::testing::TempDir dir;
  const std::string a = "nav drop /^Menu$/\n", b = "ui drop /^Login$/\n";
  batch::testing::WriteTestFile(dir / "a.rules", a);
  batch::testing::WriteTestFile(dir / "b.rules", b);
  batch::testing::WriteTestFile(dir / "copy-of-a.rules", a);

  Options defaults;
  const std::string built_in = Fingerprint(defaults);
  EXPECT_EQ(built_in.size(), 16u);
  EXPECT_EQ(built_in.find_first_not_of("0123456789abcdef"), std::string::npos) << built_in;
  EXPECT_EQ(Fingerprint(defaults), built_in) << "stable";

  Options with_a = defaults;
  with_a.rule_paths = {dir / "a.rules"};
  Options with_copy = defaults;
  with_copy.rule_paths = {dir / "copy-of-a.rules"};
  Options with_b = defaults;
  with_b.rule_paths = {dir / "b.rules"};
  EXPECT_NE(Fingerprint(with_a), built_in);
  EXPECT_EQ(Fingerprint(with_a), Fingerprint(with_copy)) << "the file's name does not count";
  EXPECT_NE(Fingerprint(with_a), Fingerprint(with_b));

  Options a_then_b = defaults, b_then_a = defaults;
  a_then_b.rule_paths = {dir / "a.rules", dir / "b.rules"};
  b_then_a.rule_paths = {dir / "b.rules", dir / "a.rules"};
  EXPECT_NE(Fingerprint(a_then_b), Fingerprint(b_then_a)) << "order decides precedence";
}

// CleanBatch parses every input before it classifies any, and gives what Clean gives each:
// errors stay with their input, and a page's text survives being held between the halves
// (a short inflated text, the BOM cut off, moves into a buffer of its own).
TEST(CleanerTest, CleanBatchGivesWhatCleanGivesEach) {
  Options options;
  options.keep_decisions = true;
  Result<std::unique_ptr<Cleaner>> cleaner = Cleaner::Create(options);
  ASSERT_TRUE(cleaner.ok()) << cleaner.status().message();
  const std::string html =
      "<html><body><article><p>The council approved the new budget on Monday night, after a "
      "long debate about the cost of the bridge.</p></article></body></html>";
  const std::string text =
      "The council approved the new budget on Monday night, after a long debate.\n";
  const std::string binary("\0\1\2", 3);
  const std::string tiny = sources::testing::GzipMember("\xEF\xBB\xBFShort.\n");
  std::vector<Input> inputs(4);
  inputs[0].bytes = html;
  inputs[1].bytes = binary;
  inputs[2].bytes = tiny;
  inputs[3].bytes = text;
  std::vector<Result<Cleaned>> batch = (*cleaner)->CleanBatch(inputs);
  ASSERT_EQ(batch.size(), inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    Result<Cleaned> one = (*cleaner)->Clean(inputs[i]);
    ASSERT_EQ(batch[i].ok(), one.ok()) << i;
    if (!one.ok()) {
      EXPECT_EQ(batch[i].status().message(), one.status().message()) << i;
      continue;
    }
    EXPECT_EQ(batch[i]->text, one->text) << i;
    EXPECT_EQ(batch[i]->source, one->source) << i;
    EXPECT_EQ(batch[i]->dom, one->dom) << i;
  }
  EXPECT_FALSE(batch[1].ok());
  EXPECT_EQ(batch[2]->source, "Short.\n");
  EXPECT_EQ(batch[3]->text, text);
  EXPECT_NE(batch[0]->text.find("approved the new budget"), std::string::npos);
}

}  // namespace
}  // namespace winnow
