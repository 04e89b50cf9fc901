#include "eval/metric.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace winnow::eval {
namespace {

std::vector<std::string> Toks(std::string_view text) {
  Tokens t = Tokenize(text);
  std::vector<std::string> out;
  for (size_t i = 0; i < t.size(); ++i) out.emplace_back(t[i]);
  return out;
}

using V = std::vector<std::string>;

// Expected values below were taken from Python 3.11: re.findall(r'\w+', s.lower()).
TEST(TokenizeTest, AsciiWordsDigitsUnderscore) {
  EXPECT_EQ(Toks("Hello, World! snake_case 42x _ a-b"),
            (V{"hello", "world", "snake_case", "42x", "_", "a", "b"}));
  EXPECT_EQ(Toks(""), V{});
  EXPECT_EQ(Toks(" \n\t.,;"), V{});
}

TEST(TokenizeTest, ApostrophesSplitWords) {
  EXPECT_EQ(Toks("don't it\u2019s"), (V{"don", "t", "it", "s"}));
}

TEST(TokenizeTest, CombiningMarksAreNotWordCharacters) {
  EXPECT_EQ(Toks("caf\u00e9"), V{"caf\u00e9"});  // precomposed é
  EXPECT_EQ(Toks("cafe\u0301"), V{"cafe"});      // the combining acute is not \w
  EXPECT_EQ(Toks("e\u0301t\u00e9"), (V{"e", "t\u00e9"}));
}

TEST(TokenizeTest, FullLowercasing) {
  EXPECT_EQ(Toks("STRASSE Stra\u00dfe"), (V{"strasse", "stra\u00dfe"}));  // ß stays ß
  // İ lowercases to i + U+0307 (not \w), which splits the word.
  EXPECT_EQ(Toks("\u0130stanbul"), (V{"i", "stanbul"}));
  EXPECT_EQ(Toks("\u00c9T\u00c9"), V{"\u00e9t\u00e9"});
}

TEST(TokenizeTest, GreekFinalSigma) {
  EXPECT_EQ(Toks("\u039f\u0394\u039f\u03a3"), V{"\u03bf\u03b4\u03bf\u03c2"});  // ΟΔΟΣ → οδος
  EXPECT_EQ(Toks("\u03a3\u039f"), V{"\u03c3\u03bf"});                          // initial: σ
  EXPECT_EQ(Toks("\u03a3"), V{"\u03c3"});                                      // alone: σ
  // A case-ignorable apostrophe is skipped when looking for the next cased letter.
  EXPECT_EQ(Toks("\u0391\u03a3'\u0391"), (V{"\u03b1\u03c3", "\u03b1"}));
  EXPECT_EQ(Toks("\u0391\u03a3."), V{"\u03b1\u03c2"});
}

TEST(TokenizeTest, NumbersLettersAndSymbols) {
  EXPECT_EQ(Toks("x\u00b2 \u2167 \u00bd"), (V{"x\u00b2", "\u2177", "\u00bd"}));  // ², Ⅷ→ⅷ, ½
  EXPECT_EQ(Toks("\u4e2d\u6587\u3002\u65e5\u672c"), (V{"\u4e2d\u6587", "\u65e5\u672c"}));
  EXPECT_EQ(Toks("\u0627\u0644\u0639\u0631\u0628\u064a\u0629"),
            V{"\u0627\u0644\u0639\u0631\u0628\u064a\u0629"});
  EXPECT_EQ(Toks("ok\U0001F600ok \u00a9"), (V{"ok", "ok"}));  // emoji and © are not \w
}

TEST(TokenizeTest, CodePointsNewerThanPython311AreNotWords) {
  // U+11F04 KAWI LETTER A is a letter since Unicode 15.0; Python 3.11 knows Unicode 14.0.
  EXPECT_EQ(Toks("a\U00011F04b"), (V{"a", "b"}));
}

TEST(TokenizeTest, InvalidUtf8IsReplacedWithoutEatingValidBytes) {
  EXPECT_EQ(Toks("ab\xff"
                 "cd"),
            (V{"ab", "cd"}));
  // A truncated 3-byte sequence ends before 'x', which survives.
  EXPECT_EQ(Toks("a\xe2\x82x"), (V{"a", "x"}));
  EXPECT_EQ(Toks("a\xed\xa0\x80z"), (V{"a", "z"}));  // encoded surrogate
  EXPECT_EQ(Toks("a\xc0\xafz"), (V{"a", "z"}));      // overlong '/'
  EXPECT_EQ(Toks("\xc3"), V{});
}

TEST(ScoreTest, HandComputedFigures) {
  PageScore s = Score("a a b", "a b c");  // overlap 2 of 3 predicted, 2 of 3 gold
  EXPECT_DOUBLE_EQ(s.precision, 2.0 / 3);
  EXPECT_DOUBLE_EQ(s.recall, 2.0 / 3);
  EXPECT_DOUBLE_EQ(s.f1, 2.0 / 3);

  s = Score("The cat", "the cat sat on the mat");  // overlap 2: P=1, R=1/3, F1=1/2
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, 1.0 / 3);
  EXPECT_DOUBLE_EQ(s.f1, 0.5);

  s = Score("x y", "a b");
  EXPECT_EQ(s.f1, 0.0);
}

TEST(ScoreTest, EmptyEdgeCases) {
  EXPECT_EQ(Score("", "").f1, 1.0);
  EXPECT_EQ(Score("...", " - ").precision, 1.0);  // no tokens on either side
  EXPECT_EQ(Score("word", "").f1, 0.0);
  EXPECT_EQ(Score("", "word").recall, 0.0);
}

class ScoreDirsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ =
        std::filesystem::temp_directory_path() /
        ("winnow_metric_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_ / "pred");
    std::filesystem::create_directories(root_ / "gold");
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  void Write(const std::string& rel, const std::string& text) {
    std::ofstream(root_ / rel, std::ios::binary) << text;
  }
  std::filesystem::path root_;
};

TEST_F(ScoreDirsTest, MeansMedianOrderAndMissingPredictions) {
  Write("gold/b.gold.txt", "a b c");
  Write("pred/b.txt", "a a b");  // F1 2/3
  Write("gold/a-x.gold.txt", "one two");
  Write("pred/a-x.txt", "one two");  // F1 1
  Write("gold/a.gold.txt", "lost");  // no prediction: F1 0
  Write("gold/notes.txt", "not a gold file");
  Result<SetScore> set = ScoreDirs(root_ / "pred", root_ / "gold");
  ASSERT_TRUE(set.ok()) << set.status().message();
  ASSERT_EQ(set->pages.size(), 3u);
  // Sorted by file name with the suffix, as score.py does: '-' sorts before '.'.
  EXPECT_EQ(set->pages[0].id, "a-x");
  EXPECT_EQ(set->pages[1].id, "a");
  EXPECT_EQ(set->pages[2].id, "b");
  EXPECT_DOUBLE_EQ(set->f1, (1.0 + 0.0 + 2.0 / 3) / 3);
  EXPECT_DOUBLE_EQ(set->median_f1, 2.0 / 3);
  EXPECT_EQ(FormatSummary(*set), "docs=3 P=0.556 R=0.556 F1=0.556 medianF1=0.667");
  EXPECT_EQ(FormatPageRow(set->pages[2]), "b\t0.667\t0.667\t0.667");
}

TEST_F(ScoreDirsTest, EvenCountMedianIsTheMeanOfTheMiddleTwo) {
  Write("gold/a.gold.txt", "x");
  Write("pred/a.txt", "x");
  Write("gold/b.gold.txt", "x");
  Result<SetScore> set = ScoreDirs(root_ / "pred", root_ / "gold");
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set->median_f1, 0.5);
}

TEST_F(ScoreDirsTest, Errors) {
  EXPECT_FALSE(ScoreDirs(root_ / "pred", root_ / "gold").ok());  // no gold files
  Write("gold/a.gold.txt", "x");
  Result<SetScore> missing = ScoreDirs(root_ / "nope", root_ / "gold");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("nope"), std::string::npos);
  EXPECT_FALSE(ScoreDirs(root_ / "pred", root_ / "nope").ok());
}

}  // namespace
}  // namespace winnow::eval
