// `winnow eval` against the team's reference scorer, shared/tools/score.py: the printed lines
// must be identical. The Python checks skip when python3 or score.py is not there; the
// hand-computed ones always run.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "batch/test_util.h"
#include "eval/metric.h"

namespace winnow::eval {
namespace {

namespace fs = std::filesystem;

struct Output {
  int exit_code = -1;
  std::string out;
};

Output Capture(const std::string& command) {
  Output run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) run.out.append(buf, n);
  int status = pclose(pipe);
  if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  return run;
}

std::string Quote(const fs::path& path) { return "'" + path.string() + "'"; }

fs::path ScorePy() { return fs::path(WINNOW_SOURCE_DIR) / ".." / "shared" / "tools" / "score.py"; }

// The reason to skip the Python comparison, or empty when it can run.
std::string PythonMissing() {
  if (!fs::exists(ScorePy())) return ScorePy().string() + " not found";
  if (std::system("python3 -c pass >/dev/null 2>&1") != 0) return "python3 not found";
  return "";
}

class EvalReferenceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(pred_dir());
    fs::create_directories(gold_dir());
  }

  fs::path pred_dir() const { return root_ / "pred"; }
  fs::path gold_dir() const { return root_ / "gold"; }
  void Write(const fs::path& path, std::string_view bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
  }
  void Page(const std::string& id, std::string_view pred, std::string_view gold) {
    Write(pred_dir() / (id + ".txt"), pred);
    Write(gold_dir() / (id + ".gold.txt"), gold);
  }
  Output Winnow(const std::string& flags) {
    return Capture(std::string(WINNOW_BINARY) + " eval " + Quote(pred_dir()) + " " +
                   Quote(gold_dir()) + " " + flags + " 2>&1");
  }
  Output Python(const std::string& flags) {
    return Capture("python3 " + Quote(ScorePy()) + " " + Quote(pred_dir()) + " " +
                   Quote(gold_dir()) + " " + flags + " 2>&1");
  }

  // A fresh folder per test (mkdtemp), so concurrent runs of the suite never share one.
  batch::testing::TempDir tmp_;
  const fs::path root_ = tmp_.path();
};

TEST_F(EvalReferenceTest, MatchesScorePyOnTrickyPages) {
  if (std::string why = PythonMissing(); !why.empty()) GTEST_SKIP() << why;
  Page("unicode",
       "istanbul \u03bf\u03b4\u03bf\u03c3 CAF\u00c9 cafe STRASSE x2 \u2177 \u4e2d\u6587 it's",
       "\u0130stanbul \u039f\u0394\u039f\u03a3 caf\u00e9 cafe\u0301 Stra\u00dfe x\u00b2 \u2167 "
       "\u4e2d\u6587\u3002 \u0627\u0644\u0639\u0631\u0628\u064a\u0629 ok\U0001F600ok snake_case "
       "it\u2019s \U00011F04");
  Page("sigma", "\u03b1\u03c3 \u03b1\u03c2 \u03a3\u039f\u03a3 '\u03a3' \u0391\u03a3'\u0391",
       "\u0391\u03a3 \u0391\u03a3. \u03c3\u03bf\u03c2 \u0391\u03a3\u0391");
  Page("invalid-utf8", "val\xffid te\xe2\x82xt here\r\nmore\xed\xa0\x80text \xc3",
       "valid text here\nmore text");
  Page("bom-crlf", "hello world\r\nagain", "\xef\xbb\xbfHello world\ragain");
  Page("both-empty", "", "");
  Page("gold-empty", "something", " ... ");
  Page("pred-empty", "", "words");
  Page("a-b", "one two three", "one two");
  Page("a", "one", "one two three four five six seven");
  Write(gold_dir() / "missing.gold.txt", "no prediction for this page");
  Write(gold_dir() / "notes.txt", "not a gold file");

  for (const char* flags : {"", "--per-doc"}) {
    Output reference = Python(flags);
    ASSERT_EQ(reference.exit_code, 0) << reference.out;
    Output ours = Winnow(flags);
    EXPECT_EQ(ours.exit_code, 0);
    EXPECT_EQ(ours.out, reference.out) << "flags: " << flags;
  }
}

// Every code point in every context that matters: as part of a word (\w and lowercasing), and
// before and after Σ (cased / case-ignorable decide ς or σ). Planes 4-13 are unassigned and
// 15-16 private use in every Unicode version, so they are left out.
TEST_F(EvalReferenceTest, TokenizerMatchesPythonOnEveryCodePoint) {
  if (std::string why = PythonMissing(); !why.empty()) GTEST_SKIP() << why;
  fs::path script = root_ / "gen.py";
  Write(script,
        "import re, sys\n"
        "cps = [c for c in range(0x40000) if not 0xD800 <= c <= 0xDFFF]\n"
        "cps += range(0xE0000, 0xF0000)\n"
        "t = ''.join('a%sb %s \\u0391%s\\u03a3 \\u0391\\u03a3%s\\u0391 %s\\u03a3 ' %\n"
        "            ((chr(c),) * 5) for c in cps)\n"
        "open(sys.argv[1], 'w', encoding='utf-8', newline='').write(t)\n"
        "open(sys.argv[2], 'w', encoding='utf-8', newline='').write(\n"
        "    ''.join(w + '\\n' for w in re.findall(r'\\w+', t.lower())))\n");
  fs::path text_path = root_ / "text.txt", tokens_path = root_ / "tokens.txt";
  Output gen = Capture("python3 " + Quote(script) + " " + Quote(text_path) + " " +
                       Quote(tokens_path) + " 2>&1");
  ASSERT_EQ(gen.exit_code, 0) << gen.out;

  std::ifstream text_in(text_path, std::ios::binary), tokens_in(tokens_path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(text_in)), {});
  Tokens tokens = Tokenize(text);
  std::string expected;
  size_t i = 0, mismatches = 0;
  for (; std::getline(tokens_in, expected); ++i) {
    if (i < tokens.size() && tokens[i] != expected && ++mismatches <= 5) {
      ADD_FAILURE() << "token " << i << ": ours '" << tokens[i] << "', Python '" << expected << "'";
    }
  }
  EXPECT_EQ(mismatches, 0u);
  EXPECT_EQ(tokens.size(), i) << "token counts differ";
}

TEST_F(EvalReferenceTest, HandComputedFigures) {
  Page("p1", "a a b", "a b c");                     // overlap 2: P = R = F1 = 2/3
  Page("p2", "the cat", "The cat sat on the mat");  // overlap 2: P = 1, R = 1/3, F1 = 1/2
  Write(gold_dir() / "p3.gold.txt", "");            // empty gold, missing prediction: 1
  // P = (2/3 + 1 + 1)/3, R = (2/3 + 1/3 + 1)/3, F1 = (2/3 + 1/2 + 1)/3, median 2/3.
  Output run = Winnow("--per-doc");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out,
            "p1\t0.667\t0.667\t0.667\n"
            "p2\t1.000\t0.333\t0.500\n"
            "p3\t1.000\t1.000\t1.000\n"
            "docs=3 P=0.889 R=0.667 F1=0.722 medianF1=0.667\n");

  run = Winnow("--format json");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("{\"docs\":3,"), std::string::npos) << run.out;
}

TEST_F(EvalReferenceTest, UsageAndUnreadableDirectories) {
  Page("p1", "a", "a");
  Output run = Capture(std::string(WINNOW_BINARY) + " eval " + Quote(root_ / "nope") + " " +
                       Quote(gold_dir()) + " 2>&1 >/dev/null");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find((root_ / "nope").string()), std::string::npos) << run.out;

  EXPECT_EQ(Capture(std::string(WINNOW_BINARY) + " eval 2>/dev/null").exit_code, 2);
  EXPECT_EQ(Winnow("--format xml").exit_code, 2);
  EXPECT_EQ(Capture(std::string(WINNOW_BINARY) + " eval --help").exit_code, 0);
}

}  // namespace
}  // namespace winnow::eval
