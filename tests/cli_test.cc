// The CLI's exit codes (0 ok, 1 some input failed, 2 usage or rule errors), messages and
// outputs, run as a process over copies of the seeds in temp folders.
#include <simdjson.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "sources/testing.h"
#include "test_util.h"
#include "winnow/label.h"
#include "winnow/winnow.h"

namespace winnow {
namespace {

namespace fs = std::filesystem;
using testing::CliRun;
using testing::Quote;
using testing::ReadTestFile;
using testing::RunWinnow;
using testing::SeedIds;
using testing::SplitLines;
using testing::TempDir;
using testing::WriteTestFile;

const char kSeed004[] = "004_1360b8dbb4362f71";
const char kBadActionMessage[] =
    ":1:9: expected an action after the label: drop, span, cut-to-end, cut-from-start, keep or "
    "meta\n";

using testing::SeedExpected;
using testing::SeedLabels;
using testing::SeedPage;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class CliTest : public ::testing::Test {
 protected:
  // A copy of the seed inputs in a temp folder.
  std::string SeedsCopy() {
    std::string in = tmp_ / "seeds-copy";
    if (!fs::exists(in)) testing::CopySeedInputs(in);
    return in;
  }
  TempDir tmp_;
};

TEST_F(CliTest, CleanFolderExitsZeroAndWritesEveryPage) {
  std::string out = tmp_ / "out";
  CliRun run = RunWinnow("clean " + Quote(SeedsCopy()) + " -o " + Quote(out) + " --progress never");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "");
  for (const std::string& id : SeedIds()) {
    EXPECT_EQ(ReadTestFile(out + "/" + id + ".txt"), ReadTestFile(SeedExpected(id))) << id;
  }
}

TEST_F(CliTest, OneFailingInputExitsOneAndTheOthersAreWritten) {
  std::string in = SeedsCopy(), out = tmp_ / "out";
  WriteTestFile(in + "/big.txt", std::string(20000, 'x'));
  fs::create_symlink(tmp_ / "nowhere.txt", in + "/dangling.txt");
  CliRun run =
      RunWinnow("clean " + Quote(in) + " -o " + Quote(out) + " --max-bytes 15000 --progress never");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_TRUE(Contains(run.err, "big.txt: file too large (20000 bytes > 15000)")) << run.err;
  EXPECT_TRUE(Contains(run.err, "dangling.txt: dangling symbolic link")) << run.err;
  for (const std::string& id : SeedIds()) {
    EXPECT_EQ(ReadTestFile(out + "/" + id + ".txt"), ReadTestFile(SeedExpected(id))) << id;
  }
  EXPECT_FALSE(fs::exists(out + "/big.txt"));
  EXPECT_FALSE(fs::exists(tmp_ / "nowhere.txt")) << "nothing is written through the link";
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  struct Case {
    std::string args;
    std::string message;
  };
  const Case cases[] = {
      {"clean --bogus", "winnow: unrecognised option '--bogus'"},
      {"clean --progress maybe", "winnow clean: --progress takes auto, always or never"},
      {"clean -j -1", "winnow clean: -j takes a number of threads >= 0"},
      {"explain --only some " + Quote(SeedPage(kSeed004)),
       "winnow explain: --only takes dropped or kept"},
      {"explain --label nonsense " + Quote(SeedPage(kSeed004)),
       "winnow explain: unknown label 'nonsense'"},
      {"explain --format xml " + Quote(SeedPage(kSeed004)),
       "winnow explain: --format takes text or json"},
      {"explain", "usage: winnow explain FILE"},
      {"check --bogus", "winnow: unrecognised option '--bogus'"},
  };
  for (const Case& c : cases) {
    CliRun run = RunWinnow(c.args);
    EXPECT_EQ(run.exit_code, 2) << c.args;
    EXPECT_TRUE(Contains(run.err, c.message)) << c.args << "\n" << run.err;
    EXPECT_EQ(run.out, "") << c.args;
  }
}

TEST_F(CliTest, RuleErrorsExitTwoWithFileLineCol) {
  std::string bad = tmp_ / "bad.rules";
  WriteTestFile(bad, "caption remove /x/\n");
  for (const std::string command : {"clean", "explain", "check", "test"}) {
    std::string args = command + " --rules " + Quote(bad) + " " + Quote(SeedPage(kSeed004));
    if (command == "check" || command == "test") args = command + " --rules " + Quote(bad);
    CliRun run = RunWinnow(args);
    EXPECT_EQ(run.exit_code, 2) << command;
    EXPECT_EQ(run.err, bad + kBadActionMessage) << command;
    EXPECT_EQ(run.out, "") << command;
  }
}

TEST_F(CliTest, MissingRulesPathExitsTwo) {
  CliRun run = RunWinnow("check --rules " + Quote(tmp_ / "nope.rules"));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, tmp_ / "nope.rules" + ": no such rules file or folder\n");
}

TEST_F(CliTest, OutputInsideTheInputFolderIsRefused) {
  std::string in = SeedsCopy();
  for (const std::string& out : {in + "/out", in}) {
    CliRun run = RunWinnow("clean " + Quote(in) + " -o " + Quote(out) + " --progress never");
    EXPECT_EQ(run.exit_code, 2) << out;
    EXPECT_TRUE(Contains(run.err, "winnow clean: output folder")) << run.err;
  }
  EXPECT_FALSE(fs::exists(in + "/out"));
  EXPECT_EQ(batch::testing::ListTree(in).size(), SeedIds().size()) << "nothing written";
}

TEST_F(CliTest, StdinToStdout) {
  const std::string id = SeedIds().front();
  const std::string want = ReadTestFile(SeedExpected(id));
  CliRun dash = RunWinnow("clean -", SeedPage(id));
  EXPECT_EQ(dash.exit_code, 0) << dash.err;
  EXPECT_EQ(dash.out, want);
  CliRun bare = RunWinnow("clean", SeedPage(id));
  EXPECT_EQ(bare.exit_code, 0) << bare.err;
  EXPECT_EQ(bare.out, want);
  EXPECT_EQ(bare.err, "") << "one input: no summary";
}

TEST_F(CliTest, FilesToStdoutInInputOrder) {
  std::string in = SeedsCopy();
  CliRun run = RunWinnow("clean " + Quote(in) + " --progress never");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::string want;
  for (const std::string& id : SeedIds()) want += ReadTestFile(SeedExpected(id));
  EXPECT_TRUE(run.out == want) << testing::FirstDifference(want, run.out);
}

TEST_F(CliTest, NoDefaultRules) {
  CliRun check = RunWinnow("check --no-default-rules");
  EXPECT_EQ(check.exit_code, 0);
  EXPECT_EQ(check.out, "0 rules compiled, no errors\n");

  std::string mine = tmp_ / "mine.rules";
  WriteTestFile(mine, "nav drop /^WASHINGTON/\n");
  CliRun run = RunWinnow("explain --format json --no-default-rules --rules " + Quote(mine) + " " +
                         Quote(SeedPage(kSeed004)));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_FALSE(Contains(run.out, "rules/")) << "no built-in rule decided anything";
  EXPECT_TRUE(Contains(run.out, "{\"line\":10,\"label\":\"nav\",\"rule\":\"" + mine + ":1\""));

  CliRun with = RunWinnow("clean -", SeedPage(kSeed004));
  CliRun without = RunWinnow("clean --no-default-rules -", SeedPage(kSeed004));
  EXPECT_EQ(without.exit_code, 0);
  EXPECT_NE(with.out, without.out);
  EXPECT_TRUE(Contains(with.out, "WASHINGTON (AP)"));
}

// The label of every line of seed 004: labels.tsv, body for the lines it does not list.
std::map<int, std::string> Seed004Labels() {
  std::map<int, std::string> labels;
  std::vector<std::string> page = SplitLines(ReadTestFile(SeedPage(kSeed004)));
  for (size_t i = 0; i < page.size(); ++i) {
    if (page[i].find_first_not_of(" \t\r") != std::string::npos) labels[i + 1] = "body";
  }
  for (const std::string& row : SplitLines(ReadTestFile(SeedLabels(kSeed004)))) {
    if (row.starts_with("line\t")) continue;
    size_t t1 = row.find('\t'), t2 = row.find('\t', t1 + 1);
    labels[std::stoi(row.substr(0, t1))] = row.substr(t1 + 1, t2 - t1 - 1);
  }
  return labels;
}

TEST_F(CliTest, ExplainPrintsEveryLineWithItsLabel) {
  CliRun run = RunWinnow("explain --color never " + Quote(SeedPage(kSeed004)));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::map<int, std::string> want = Seed004Labels();
  std::map<int, std::string> got;
  for (const std::string& row : SplitLines(run.out)) {
    if (row.starts_with("       - span")) continue;
    int line = std::stoi(row.substr(0, 5));
    std::string label = row.substr(7, row.find(' ', 7) - 7);
    got[line] = label;
    EXPECT_TRUE(Contains(row, " | ")) << row;
    EXPECT_TRUE(Contains(row, "rules/") || Contains(row, "fallback:")) << row;
  }
  EXPECT_EQ(got, want);
  EXPECT_FALSE(Contains(run.out, "\x1b[")) << "--color never";
  EXPECT_TRUE(Contains(run.out, "   59  byline      rules/bylines.rules:3"));
}

TEST_F(CliTest, ExplainJsonLinesParse) {
  CliRun run = RunWinnow("explain --format json " + Quote(SeedPage(kSeed004)));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::map<int, std::string> want = Seed004Labels();
  simdjson::dom::parser parser;
  size_t rows = 0;
  for (const std::string& row : SplitLines(run.out)) {
    ++rows;
    simdjson::dom::element e;
    ASSERT_EQ(parser.parse(row).get(e), simdjson::SUCCESS) << row;
    int64_t line = e["line"].get_int64().value();
    std::string_view label = e["label"].get_string().value();
    EXPECT_EQ(label, want[static_cast<int>(line)]) << row;
    EXPECT_TRUE(e["rule"].is_null() || e["rule"].is_string()) << row;
    EXPECT_EQ(e["reason"].is_string(), true) << row;
    EXPECT_TRUE(e["text"].is_string()) << row;
    EXPECT_TRUE(e["spans"].is_array()) << row;
    if (e["rule"].is_null()) {
      EXPECT_NE(e["reason"].get_string().value(), "rule") << row;
    }
  }
  EXPECT_EQ(rows, want.size());
}

TEST_F(CliTest, ExplainOnlyDroppedAndLabel) {
  std::map<int, std::string> want = Seed004Labels();
  size_t dropped = 0, sidebar = 0;
  for (const auto& [line, label] : want) dropped += label != "body", sidebar += label == "sidebar";
  CliRun only = RunWinnow("explain --format json --only dropped " + Quote(SeedPage(kSeed004)));
  ASSERT_EQ(only.exit_code, 0) << only.err;
  EXPECT_EQ(SplitLines(only.out).size(), dropped);
  EXPECT_FALSE(Contains(only.out, "\"label\":\"body\""));
  CliRun kept = RunWinnow("explain --format json --only kept " + Quote(SeedPage(kSeed004)));
  EXPECT_EQ(SplitLines(kept.out).size(), want.size() - dropped);
  CliRun label = RunWinnow("explain --format json --label sidebar " + Quote(SeedPage(kSeed004)));
  EXPECT_EQ(SplitLines(label.out).size(), sidebar);
}

TEST_F(CliTest, ExplainMissingFileExitsOne) {
  CliRun run = RunWinnow("explain " + Quote(tmp_ / "missing.txt"));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.err, tmp_ / "missing.txt" + ": No such file or directory\n");
  CliRun folder = RunWinnow("explain " + Quote(tmp_ / "."));
  EXPECT_EQ(folder.exit_code, 2);
  EXPECT_TRUE(Contains(folder.err, ": one file, not a folder")) << folder.err;
}

TEST_F(CliTest, ExplainRecordFilesRecordByRecordAndGzip) {
  std::string jsonl = tmp_ / "c.jsonl";
  WriteTestFile(jsonl,
                "{\"id\": \"r1\", \"text\": \"Share this article\"}\n{\"text\": \"Menu\"}\n");
  CliRun text = RunWinnow("explain --color never " + Quote(jsonl));
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(text.out.starts_with("== " + jsonl + "#r1\n    1  share ")) << text.out;
  EXPECT_TRUE(Contains(text.out, "\n== " + jsonl + "#line 2\n    1  ")) << text.out;
  CliRun json = RunWinnow("explain --format json " + Quote(jsonl));
  std::vector<std::string> lines = SplitLines(json.out);
  ASSERT_EQ(lines.size(), 4u) << json.out;
  EXPECT_EQ(lines[0], "{\"page\":\"" + jsonl + "#r1\"}");
  EXPECT_TRUE(lines[1].starts_with("{\"line\":1,\"label\":\"share\"")) << lines[1];

  std::string gz = tmp_ / "page.txt.gz";
  WriteTestFile(gz, sources::testing::GzipMember("Share this article\n"));
  CliRun page = RunWinnow("explain --color never " + Quote(gz));
  EXPECT_EQ(page.exit_code, 0) << page.err;
  EXPECT_TRUE(page.out.starts_with("    1  share ")) << "a page: no header\n" << page.out;
}

TEST_F(CliTest, CheckAndTest) {
  CliRun check = RunWinnow("check");
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_TRUE(check.out.ends_with(" rules compiled, no errors\n")) << check.out;
  CliRun strict = RunWinnow("check --strict");  // the default rules lint clean
  EXPECT_EQ(strict.exit_code, 0) << strict.out << strict.err;
  CliRun test = RunWinnow("test");
  EXPECT_EQ(test.exit_code, 0) << test.err;
  EXPECT_TRUE(Contains(test.out, " passed, 0 failed\n")) << test.out;
  EXPECT_EQ(test.err, "");

  std::string bad = tmp_ / "bad.rules";
  WriteTestFile(bad, "caption remove /x/\n");
  CliRun check_bad = RunWinnow("check " + Quote(bad));  // a positional path is a rules path
  EXPECT_EQ(check_bad.exit_code, 2);
  EXPECT_EQ(check_bad.err, bad + kBadActionMessage);
}

TEST_F(CliTest, TestExitsOneWhenAnExampleFails) {
  std::string rules = tmp_ / "ex.rules";
  WriteTestFile(rules,
                "caption drop /^FILE - /\n"
                "  + FILE - a photo\n"
                "  + File sharing\n"
                "  - FILE - x\n"
                "timestamp span /^(date \\S+ )/\n"
                "  + date 2022 The text. => The text\n");
  CliRun run = RunWinnow("test --no-default-rules --rules " + Quote(rules));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "rule examples: 1 passed, 3 failed\n");
  EXPECT_EQ(run.err, rules + ":3: rule does not fire on: File sharing\n" + rules +
                         ":4: rule fires on: FILE - x\n" + rules +
                         ":6: expected \"The text\", got \"The text.\"\n");
}

TEST_F(CliTest, HelpOnEveryCommandExitsZero) {
  for (const std::string command : {"clean", "explain", "check", "test", "eval"}) {
    CliRun run = RunWinnow(command + " --help");
    EXPECT_EQ(run.exit_code, 0) << command;
    EXPECT_TRUE(run.out.starts_with("usage: winnow " + command)) << command << ": " << run.out;
    CliRun h = RunWinnow(command + " -h");
    EXPECT_EQ(h.exit_code, 0) << command;
  }
  for (const std::string top : {"--help", "-h", "help"}) {
    CliRun run = RunWinnow(top);
    EXPECT_EQ(run.exit_code, 0) << top;
    EXPECT_TRUE(run.out.starts_with("usage: winnow COMMAND")) << top;
  }
}

TEST_F(CliTest, UnknownOrMissingCommandExitsTwo) {
  CliRun run = RunWinnow("frob");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(run.err.starts_with("winnow: unknown command 'frob'\nusage: winnow COMMAND"))
      << run.err;
  CliRun none = RunWinnow("");
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_TRUE(none.err.starts_with("usage: winnow COMMAND")) << none.err;
}

TEST_F(CliTest, OutputsDoNotDependOnThreads) {
  std::string in = SeedsCopy();
  // A few more pages so the workers really interleave.
  for (const std::string& id : SeedIds()) {
    fs::copy_file(SeedPage(id), in + "/copy_" + id + ".txt");
  }
  CliRun one =
      RunWinnow("clean " + Quote(in) + " -o " + Quote(tmp_ / "j1") + " -j 1 --progress never");
  CliRun two =
      RunWinnow("clean " + Quote(in) + " -o " + Quote(tmp_ / "j2") + " -j 2 --progress never");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  ASSERT_EQ(two.exit_code, 0) << two.err;
  std::vector<std::string> files = batch::testing::ListTree(tmp_ / "j1");
  EXPECT_EQ(files.size(), 2 * SeedIds().size());
  EXPECT_EQ(files, batch::testing::ListTree(tmp_ / "j2"));
  for (const std::string& f : files) {
    EXPECT_TRUE(ReadTestFile(tmp_ / "j1/" + f) == ReadTestFile(tmp_ / "j2/" + f)) << f;
  }
  CliRun s1 = RunWinnow("clean " + Quote(in) + " -j 1 --progress never");
  CliRun s2 = RunWinnow("clean " + Quote(in) + " -j 2 --progress never");
  EXPECT_TRUE(s1.out == s2.out) << "stdout in input order";
  EXPECT_FALSE(s1.out.empty());
}

TEST_F(CliTest, StatsFileHasPerLabelCounts) {
  std::string in = tmp_ / "in", stats = tmp_ / "stats.json";
  fs::create_directories(in);
  fs::copy_file(SeedPage(kSeed004), in + "/page.txt");
  CliRun run = RunWinnow("clean " + Quote(in) + " -o " + Quote(tmp_ / "out") + " --stats " +
                         Quote(stats) + " --progress never");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::map<std::string, uint64_t> want;
  for (const auto& [line, label] : Seed004Labels()) ++want[label];

  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(ReadTestFile(stats)).get(doc), simdjson::SUCCESS) << ReadTestFile(stats);
  EXPECT_EQ(doc["files"]["ok"].get_uint64().value(), 1u);
  EXPECT_EQ(doc["files"]["failed"].get_uint64().value(), 0u);
  EXPECT_EQ(doc["bytes_in"].get_uint64().value(), fs::file_size(SeedPage(kSeed004)));
  simdjson::dom::object labels = doc["counters"]["labels"].get_object().value();
  size_t keys = 0;
  for (auto [key, value] : labels) {
    ++keys;
    EXPECT_EQ(value.get_uint64().value(), want[std::string(key)]) << key;
  }
  EXPECT_EQ(keys, static_cast<size_t>(kLabelCount)) << "every label, zeros included";
  simdjson::dom::object rules = doc["counters"]["rules"].get_object().value();
  EXPECT_EQ(rules["rules/bylines.rules:3"].get_uint64().value(), 1u);
  EXPECT_EQ(doc["winnow"]["version"].get_string().value(), Version());
  EXPECT_EQ(doc["winnow"]["rules"].get_string().value().size(), 16u);
}

TEST_F(CliTest, VersionIsPrinted) {
  CliRun run = RunWinnow("--version");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "winnow " + std::string(Version()) + "\n");
  EXPECT_TRUE(Contains(RunWinnow("--help").out, "winnow --version"));
}

}  // namespace
}  // namespace winnow
