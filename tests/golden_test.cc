// The seed pages in fixtures/seeds cleaned with the default rules, through the library and
// through the CLI, must give exactly expected/<id>.txt; seed 004's labels/<id>.tsv gives the label
// of every removed line.
#include <map>
#include <memory>
#include <string>

#include "test_util.h"
#include "winnow/winnow.h"

namespace winnow {
namespace {

using testing::FirstDifference;
using testing::Quote;
using testing::ReadTestFile;
using testing::RunWinnow;
using testing::SeedIds;
using testing::TempDir;

std::unique_ptr<Cleaner> DefaultCleaner(bool keep_decisions = false) {
  Options options;
  options.keep_decisions = keep_decisions;
  Result<std::unique_ptr<Cleaner>> cleaner = Cleaner::Create(options);
  EXPECT_TRUE(cleaner.ok()) << cleaner.status().message();
  return cleaner.ok() ? std::move(*cleaner) : nullptr;
}

TEST(GoldenTest, HasTheFiveSeeds) { EXPECT_EQ(SeedIds().size(), 5u); }

class SeedTest : public ::testing::TestWithParam<std::string> {
 protected:
  std::string InputText() const { return ReadTestFile(testing::SeedPage(GetParam())); }
  std::string Expected() const { return ReadTestFile(testing::SeedExpected(GetParam())); }
};

TEST_P(SeedTest, LibraryOutputIsExactlyExpected) {
  std::unique_ptr<Cleaner> cleaner = DefaultCleaner();
  ASSERT_NE(cleaner, nullptr);
  std::string bytes = InputText();
  ASSERT_FALSE(bytes.empty());
  Input input;
  input.bytes = bytes;
  Result<Cleaned> out = cleaner->Clean(input);
  ASSERT_TRUE(out.ok()) << out.status().message();
  std::string want = Expected();
  EXPECT_TRUE(out->text == want) << GetParam() << ": " << FirstDifference(want, out->text);
}

INSTANTIATE_TEST_SUITE_P(Seeds, SeedTest, ::testing::ValuesIn(SeedIds()),
                         [](const auto& info) { return "seed_" + info.param.substr(0, 3); });

// line number -> label name, from a labels.tsv (header "line\tlabel\ttext").
std::map<uint32_t, std::string> ReadLabels(const std::string& path) {
  std::map<uint32_t, std::string> labels;
  for (const std::string& row : testing::SplitLines(ReadTestFile(path))) {
    size_t tab1 = row.find('\t'), tab2 = row.find('\t', tab1 + 1);
    if (row.starts_with("line\t") || tab1 == std::string::npos) continue;
    labels[std::stoul(row.substr(0, tab1))] = row.substr(tab1 + 1, tab2 - tab1 - 1);
  }
  return labels;
}

TEST(GoldenTest, Seed004EveryLineHasItsLabel) {
  const std::string id = "004_1360b8dbb4362f71";
  std::map<uint32_t, std::string> want = ReadLabels(testing::SeedLabels(id));
  ASSERT_EQ(want.size(), 69u);
  std::unique_ptr<Cleaner> cleaner = DefaultCleaner(/*keep_decisions=*/true);
  ASSERT_NE(cleaner, nullptr);
  std::string bytes = ReadTestFile(testing::SeedPage(id));
  Input input;
  input.bytes = bytes;
  Result<Cleaned> out = cleaner->Clean(input);
  ASSERT_TRUE(out.ok()) << out.status().message();
  size_t listed_seen = 0;
  for (const Decision& d : out->decisions) {
    auto it = want.find(d.line_number);
    std::string expected = it == want.end() ? "body" : it->second;
    listed_seen += it != want.end();
    std::string text = out->source.substr(d.text.begin, d.text.end - d.text.begin);
    EXPECT_EQ(LabelName(d.label), expected)
        << "line " << d.line_number << " (" << ReasonName(d.reason) << ", rule "
        << (d.rule >= 0 ? cleaner->RuleOrigin(d.rule) : "none") << "): " << text.substr(0, 80);
  }
  EXPECT_EQ(listed_seen, want.size()) << "some labelled lines have no decision";
}

TEST(GoldenTest, CliCleanOfACopyOfTheSeedsGivesExpected) {
  TempDir tmp;
  const std::string in = tmp / "seeds-copy", out = tmp / "out";
  testing::CopySeedInputs(in);
  testing::CliRun run = RunWinnow("clean " + Quote(in) + " -o " + Quote(out) + " --progress never");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  for (const std::string& id : SeedIds()) {
    std::string want = ReadTestFile(testing::SeedExpected(id));
    std::string got = ReadTestFile(out + "/" + id + ".txt");
    EXPECT_TRUE(got == want) << id << ": " << FirstDifference(want, got);
  }
  EXPECT_EQ(batch::testing::ListTree(out).size(), SeedIds().size());
}

}  // namespace
}  // namespace winnow
