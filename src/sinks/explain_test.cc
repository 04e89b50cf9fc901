#include "sinks/explain.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "batch/test_util.h"

namespace winnow {
namespace {

using batch::testing::TempDir;
using batch::testing::WriteTestFile;

const char kRules[] =
    "nav drop /^Menu$/\n"
    "ad span /\\[ad\\]/\n"
    "caption drop /^FILE - /\n";

const char kPage[] =
    "Menu\n"
    "\n"
    "The committee said on Monday that the new rules would apply to every member of the group "
    "from next year, and that it would review them [ad] again after the first six months if there "
    "were any problems with the way they worked.\n"
    "FILE - A \"quoted\" caption with a \\ and a\ttab\n"
    "Home News Sport Business Technology Science Health Entertainment Arts Travel Weather\n";

class ExplainTest : public ::testing::Test {
 protected:
  void SetUp() override { Clean(tmp_ / "t.rules"); }

  void Clean(const std::string& rules_path) {
    rules_path_ = rules_path;
    WriteTestFile(rules_path, kRules);
    Options options;
    options.use_default_rules = false;
    options.rule_paths = {rules_path};
    options.keep_decisions = true;
    Result<std::unique_ptr<Cleaner>> cleaner = Cleaner::Create(options);
    ASSERT_TRUE(cleaner.ok()) << cleaner.status().message();
    cleaner_ = std::move(*cleaner);
    Input input;
    input.bytes = kPage;
    Result<Cleaned> cleaned = cleaner_->Clean(input);
    ASSERT_TRUE(cleaned.ok()) << cleaned.status().message();
    cleaned_ = std::move(*cleaned);
    ASSERT_EQ(cleaned_.decisions.size(), 4u);
  }

  std::string Text(const ExplainOptions& o = ExplainOptions()) {
    std::ostringstream os;
    WriteExplain(*cleaner_, cleaned_, o, os);
    return os.str();
  }
  std::string Json(const ExplainOptions& o = ExplainOptions()) {
    std::ostringstream os;
    WriteExplainJson(*cleaner_, cleaned_, o, os);
    return os.str();
  }
  static std::vector<std::string> Rows(const std::string& s) {
    std::vector<std::string> rows;
    std::istringstream in(s);
    for (std::string r; std::getline(in, r);) rows.push_back(r);
    return rows;
  }

  TempDir tmp_;
  std::string rules_path_;
  std::unique_ptr<Cleaner> cleaner_;
  Cleaned cleaned_;
};

TEST_F(ExplainTest, OneRowPerLineWithLabelAndDecider) {
  std::vector<std::string> rows = Rows(Text());
  ASSERT_EQ(rows.size(), 5u);  // four lines, one dropped span
  const std::string r = rules_path_;
  auto head = [](int line, const char* label, const std::string& by) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "%5d  %-11s %-28s | ", line, label, by.c_str());
    return std::string(buf);
  };
  EXPECT_EQ(rows[0], head(1, "nav", r + ":1") + "Menu");
  EXPECT_TRUE(rows[1].starts_with(head(3, "body", "fallback:long") + "The committee said"))
      << rows[1];
  EXPECT_EQ(rows[2], "       - span ad (" + r + ":2): \"[ad]\"");
  EXPECT_TRUE(rows[3].starts_with(head(4, "caption", r + ":3") + "FILE - A \"quoted\"")) << rows[3];
  EXPECT_EQ(rows[4], head(5, "boilerplate", "fallback:bad") +
                         "Home News Sport Business Technology Science Health Entertainment Arts "
                         "Travel Weather");
}

TEST_F(ExplainTest, Filters) {
  ExplainOptions o;
  o.only_dropped = true;
  std::vector<std::string> rows = Rows(Text(o));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_TRUE(rows[0].starts_with("    1  nav")) << rows[0];
  EXPECT_TRUE(rows[1].starts_with("    4  caption")) << rows[1];
  EXPECT_TRUE(rows[2].starts_with("    5  boilerplate")) << rows[2];

  o = ExplainOptions();
  o.only_kept = true;
  rows = Rows(Text(o));
  ASSERT_EQ(rows.size(), 2u);  // the body line and its span
  EXPECT_TRUE(rows[0].starts_with("    3  body")) << rows[0];

  o = ExplainOptions();
  o.label = Label::kCaption;
  rows = Rows(Text(o));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_TRUE(rows[0].starts_with("    4  caption")) << rows[0];

  o.label = Label::kSponsored;
  EXPECT_EQ(Text(o), "");
  EXPECT_EQ(Json(o), "");
}

TEST_F(ExplainTest, TextWidthClipsWholeCodePoints) {
  Input input;
  const std::string page = "Zoë’s café\n";
  input.bytes = page;
  Result<Cleaned> cleaned = cleaner_->Clean(input);
  ASSERT_TRUE(cleaned.ok());
  cleaned_ = std::move(*cleaned);
  ExplainOptions o;
  const std::pair<size_t, const char*> cases[] = {{3, "Zo"},  {4, "Zoë"},  {5, "Zoë"},
                                                  {6, "Zoë"}, {7, "Zoë’"}, {0, "Zoë’s café"}};
  for (const auto& [width, want] : cases) {
    o.text_width = width;
    std::string row = Text(o);
    EXPECT_TRUE(row.ends_with(std::string("| ") + want + "\n")) << width << ": " << row;
  }
}

TEST_F(ExplainTest, ColorsOnlyWhenAsked) {
  EXPECT_EQ(Text().find('\x1b'), std::string::npos);
  ExplainOptions o;
  o.color = true;
  std::vector<std::string> rows = Rows(Text(o));
  EXPECT_TRUE(rows[0].starts_with("\x1b[2;31m")) << "dropped lines dim red";
  EXPECT_TRUE(rows[1].starts_with("\x1b[32m")) << "kept lines green";
  EXPECT_TRUE(rows[1].ends_with("\x1b[0m"));
}

TEST_F(ExplainTest, JsonLinesParseAndCarryEverything) {
  std::vector<std::string> rows = Rows(Json());
  ASSERT_EQ(rows.size(), 4u);
  simdjson::dom::parser parser;
  std::vector<std::string> labels, rules, reasons, texts;
  for (const std::string& row : rows) {
    simdjson::dom::element e;
    ASSERT_EQ(parser.parse(row).get(e), simdjson::SUCCESS) << row;
    labels.emplace_back(e["label"].get_string().value());
    rules.emplace_back(e["rule"].is_null() ? "null" : e["rule"].get_string().value());
    reasons.emplace_back(e["reason"].get_string().value());
    texts.emplace_back(e["text"].get_string().value());
    EXPECT_TRUE(e["spans"].is_array());
  }
  const std::string r = rules_path_;
  EXPECT_EQ(labels, (std::vector<std::string>{"nav", "body", "caption", "boilerplate"}));
  EXPECT_EQ(rules, (std::vector<std::string>{r + ":1", "null", r + ":3", "null"}));
  EXPECT_EQ(reasons, (std::vector<std::string>{"rule", "long", "rule", "bad"}));
  EXPECT_EQ(texts[2], "FILE - A \"quoted\" caption with a \\ and a\ttab") << "escapes round-trip";

  simdjson::dom::element body;
  ASSERT_EQ(parser.parse(rows[1]).get(body), simdjson::SUCCESS);
  EXPECT_EQ(body["line"].get_int64().value(), 3);
  simdjson::dom::array spans = body["spans"].get_array().value();
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans.at(0)["label"].get_string().value(), "ad");
  EXPECT_EQ(spans.at(0)["rule"].get_string().value(), r + ":2");
  EXPECT_EQ(spans.at(0)["text"].get_string().value(), "[ad]");
  EXPECT_TRUE(rows[0].starts_with("{\"line\":1,\"label\":\"nav\",\"rule\":\"")) << rows[0];
}

TEST_F(ExplainTest, JsonEscapesControlCharacters) {
  Input input;
  const std::string page = std::string("bell\x07 and \x1f unit\n");
  input.bytes = page;
  Result<Cleaned> cleaned = cleaner_->Clean(input);
  ASSERT_TRUE(cleaned.ok());
  cleaned_ = std::move(*cleaned);
  std::string json = Json();
  EXPECT_NE(json.find("bell\\u0007 and \\u001f unit"), std::string::npos) << json;
  simdjson::dom::parser parser;
  simdjson::dom::element e;
  ASSERT_EQ(parser.parse(json).get(e), simdjson::SUCCESS);
  EXPECT_EQ(e["text"].get_string().value(), "bell\x07 and \x1f unit");
}

// The row head is formatted into a 96-byte buffer: a rule file path longer than about 70
// characters truncates the head, and the " | " and the line's text are lost.
TEST_F(ExplainTest, LongRuleOriginsKeepTheRow) {
  std::string dir = tmp_ / "a_rather_long_folder_name_for_rules/and_another_long_folder_name";
  Clean(dir + "/site.rules");
  std::vector<std::string> rows = Rows(Text());
  ASSERT_FALSE(rows.empty());
  EXPECT_TRUE(rows[0].ends_with(dir + "/site.rules:1 | Menu")) << rows[0];
}

}  // namespace
}  // namespace winnow
