// Hostile surroundings (issue #6): links, FIFOs, outputs that cannot be written or would
// escape the output folder, a full stdout, huge and unbuildable rule files.
#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "hostile_util.h"

namespace winnow {
namespace {

namespace fs = std::filesystem;
using testing::Contains;
using testing::HostileTest;
using testing::kArticle;
using testing::Quote;
using testing::ReadTestFile;
using testing::Shell;
using testing::ShellRun;
using testing::Winnow;

TEST_F(HostileTest, DanglingSymbolicLinkIsAnErrorAndNothingIsWrittenThroughIt) {
  fs::create_symlink(tmp_ / "nowhere.txt", in() + "/dangling.txt");
  ShellRun run = Clean();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(Contains(run.err, "/dangling.txt: dangling symbolic link\n")) << run.err;
  EXPECT_FALSE(fs::exists(tmp_ / "nowhere.txt"));
  EXPECT_FALSE(fs::exists(out() + "/dangling.txt"));
}

TEST_F(HostileTest, FifoDoesNotBlock) {
  ASSERT_EQ(mkfifo((in() + "/pipe.txt").c_str(), 0600), 0);
  ASSERT_EQ(mkfifo((in() + "/pipe.jsonl").c_str(), 0600), 0);
  ShellRun run = Clean();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_LT(run.seconds, 60);
  EXPECT_TRUE(Contains(run.err, "/pipe.txt: not a regular file\n")) << run.err;
  EXPECT_TRUE(Contains(run.err, "/pipe.jsonl: not a regular file\n")) << run.err;
}

// Root ignores permission bits, so the unwritable output is a path through a regular file.
TEST_F(HostileTest, OutputThatCannotBeWrittenFailsOnlyThatFile) {
  Add("sub/page.txt", std::string(kArticle) + "\n");
  testing::WriteTestFile(out() + "/sub", "a regular file where a folder should be");
  ShellRun run = Clean();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(Contains(run.err, "/sub/page.txt: ")) << run.err;
  EXPECT_EQ(ReadTestFile(out() + "/sub"), "a regular file where a folder should be");
}

TEST_F(HostileTest, OutputFolderUnderARegularFileIsAUsageError) {
  testing::WriteTestFile(tmp_ / "file", "x");
  ShellRun run =
      Shell(tmp_, Winnow() + " clean " + Quote(in()) + " -o " + Quote(tmp_ / "file/out"));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(run.err.starts_with("winnow clean: ")) << run.err;
  EXPECT_TRUE(Contains(run.err, "/file/out")) << run.err;
}

// A link planted inside the output folder must not carry an output outside it.
TEST_F(HostileTest, OutputsNeverEscapeTheOutputFolder) {
  Add("sub/page.txt", std::string(kArticle) + "\n");
  fs::create_directories(out());
  fs::create_directories(tmp_ / "outside");
  fs::create_directory_symlink(tmp_ / "outside", out() + "/sub");
  ShellRun run = Clean();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(Contains(run.err, "/sub/page.txt: ")) << run.err;
  EXPECT_TRUE(fs::is_empty(tmp_ / "outside"));
}

TEST_F(HostileTest, StdoutToDevFullIsAWriteError) {
  std::string seed = Quote(testing::SeedPage("000_bd5e421971f846df"));
  for (const std::string& inputs : {seed, Quote(in())}) {
    ShellRun run = Shell(tmp_, Winnow() + " clean --progress never " + inputs + " >/dev/full");
    EXPECT_EQ(run.exit_code, 1) << inputs;
    EXPECT_TRUE(Contains(run.err, "No space left on device")) << run.err;
  }
}

TEST_F(HostileTest, TenThousandRulesCompileAndChangeNothingTheyDoNotMatch) {
  std::string rules;
  for (int i = 0; i < 10000; ++i) {
    rules += "ad drop /^hostile marker " + std::to_string(i) + " [a-z]+ (end|stop)$/ words<=9\n";
  }
  testing::WriteTestFile(tmp_ / "many.rules", rules);
  ShellRun run = Clean("--rules " + Quote(tmp_ / "many.rules"));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_LT(run.seconds, 60);
  // Same outputs as without the extra rules, which match none of the lines.
  fs::rename(out(), tmp_ / "with-rules");
  Clean();
  for (const std::string& rel : batch::testing::ListTree(out())) {
    EXPECT_EQ(ReadTestFile(tmp_ / "with-rules/" + rel), ReadTestFile(out() + "/" + rel)) << rel;
  }
}

// RE2 refuses these; the rule set is never half-applied, so nothing at all is written.
TEST_F(HostileTest, PatternsRe2RejectsAreRuleErrors) {
  struct Case {
    std::string pattern;
    std::string flags;
    std::string message;
  };
  const Case cases[] = {
      {"((a{1,100}){1,100}){1,100}", "", "bad.rules:1:10: bad pattern: invalid repetition size"},
      {"(\\pL{1,100}){1,10}", "--re2-max-mem 1000000",
       "bad.rules:1:10: bad pattern: pattern too large"},
      // Each pattern fits, the set of all does not: no one rule is to blame.
      {"(a{1,30}b{1,30}c{1,30}){1,30}", "--re2-max-mem 100000",
       "rule set: the patterns need more than --re2-max-mem=100000 bytes"},
  };
  for (const Case& c : cases) {
    testing::WriteTestFile(tmp_ / "bad.rules", "ad drop /" + c.pattern + "/\n");
    ShellRun run =
        Shell(tmp_, Winnow() + " clean --no-default-rules --rules " + Quote(tmp_ / "bad.rules") +
                        " " + c.flags + " " + Quote(in()) + " -o " + Quote(out()));
    EXPECT_EQ(run.exit_code, 2) << c.pattern;
    EXPECT_TRUE(Contains(run.err, c.message)) << run.err;
    EXPECT_LT(run.seconds, 30) << c.pattern;
    EXPECT_FALSE(fs::exists(out())) << c.pattern;
  }
}

}  // namespace
}  // namespace winnow
