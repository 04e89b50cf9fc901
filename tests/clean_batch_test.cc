// `winnow clean IN -o OUT` end to end through the CLI: layout, kinds, threads, resume, bad
// files, and the output folder's safety rules. Everything happens in mkdtemp folders.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "sources/testing.h"
#include "test_util.h"

namespace winnow::testing {
namespace {

namespace fs = std::filesystem;
using batch::testing::ListTree;

// A long-enough paragraph of prose for the classifier to keep.
std::string Prose(int n) {
  return "The city council met on Tuesday evening to discuss the budget for the coming year, "
         "and several members said that they would not support the plan unless the mayor "
         "agreed to restore funding for libraries and parks in district " +
         std::to_string(n) + ".";
}

std::string HtmlPage(int n) {
  return "<!doctype html><html><head><title>Story " + std::to_string(n) +
         "</title></head><body><nav><a href=/>Home</a> <a href=/news>News</a></nav><article><p>" +
         Prose(n) + "</p><p>" + Prose(n + 1) + "</p></article></body></html>\n";
}

// in/: text dumps, HTML, gzip HTML, an unknown extension (sniffed), an image (skipped) and a
// corrupt .gz in the middle.
void MakeMixedFolder(const std::string& in) {
  CopySeedInputs(in + "/seeds");
  for (int i = 0; i < 6; ++i)
    WriteTestFile(in + "/site/p" + std::to_string(i) + ".html", HtmlPage(i));
  WriteTestFile(in + "/site/deep/z.html.gz", sources::testing::GzipMember(HtmlPage(7)));
  WriteTestFile(in + "/site/page.php", HtmlPage(8));
  WriteTestFile(in + "/site/logo.png", "\x89PNG");
  WriteTestFile(in + "/m/bad.txt.gz", "\x1f\x8b not really gzip");
}

// Every file below dir with its contents.
std::map<std::string, std::string> Snapshot(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const std::string& rel : ListTree(dir)) files[rel] = ReadTestFile(dir + "/" + rel);
  return files;
}

TEST(CleanBatch, MirrorsTheTreeForEveryKindAndGoesOnAfterABadFile) {
  TempDir dir;
  MakeMixedFolder(dir / "in");
  std::map<std::string, std::string> before = Snapshot(dir / "in");
  CliRun run = RunWinnow("clean " + Quote(dir / "in") + " -o " + Quote(dir / "out") +
                         " -j 2 --stats " + Quote(dir / "stats.json"));
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.err.find(dir / "in/m/bad.txt.gz: "), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("logo.png"), std::string::npos) << run.err;
  std::vector<std::string> want;
  for (const std::string& id : SeedIds()) want.push_back("seeds/" + id + ".txt");
  for (std::string rel : {"site/deep/z.txt", "site/page.php.txt", "site/p0.txt", "site/p1.txt",
                          "site/p2.txt", "site/p3.txt", "site/p4.txt", "site/p5.txt"}) {
    want.push_back(rel);
  }
  std::sort(want.begin(), want.end());
  EXPECT_EQ(ListTree(dir / "out"), want);
  EXPECT_NE(ReadTestFile(dir / "out/site/deep/z.txt").find("district 7."), std::string::npos);
  EXPECT_EQ(ReadTestFile(dir / "out/site/p3.txt").find("Home"), std::string::npos);
  EXPECT_EQ(Snapshot(dir / "in"), before);  // inputs untouched
  std::string stats = ReadTestFile(dir / "stats.json");
  EXPECT_NE(stats.find("\"failed\": 1, \"up_to_date\": 0, \"unsupported\": 1"), std::string::npos)
      << stats;
  EXPECT_NE(stats.find("\"body\": "), std::string::npos);
  // The text summary names the bad file's count and the rules that fired most.
  EXPECT_NE(run.err.find(" files cleaned, 1 failed"), std::string::npos) << run.err;
}

TEST(CleanBatch, OutputsAreByteIdenticalWhateverTheThreadCount) {
  TempDir dir;
  MakeMixedFolder(dir / "in");
  CliRun one = RunWinnow("clean " + Quote(dir / "in") + " -o " + Quote(dir / "j1") + " -j 1");
  CliRun two = RunWinnow("clean " + Quote(dir / "in") + " -o " + Quote(dir / "j2") + " -j 2");
  EXPECT_EQ(Snapshot(dir / "j1"), Snapshot(dir / "j2"));
  CliRun out1 = RunWinnow("clean " + Quote(dir / "in") + " -j 1");
  CliRun out2 = RunWinnow("clean " + Quote(dir / "in") + " -j 2 --format jsonl");
  CliRun out3 = RunWinnow("clean " + Quote(dir / "in") + " -j 2");
  EXPECT_EQ(out1.out, out3.out);
  EXPECT_FALSE(out1.out.empty());
  // --format jsonl: one fresh record per page, the relative path as id.
  EXPECT_NE(out2.out.find("{\"id\":\"site/p0.html\""), std::string::npos)
      << out2.out.substr(0, 300);
}

TEST(CleanBatch, ResumesAndIgnoresLeftoverTempFiles) {
  TempDir dir;
  MakeMixedFolder(dir / "in");
  std::string args = "clean " + Quote(dir / "in") + " -o " + Quote(dir / "out") + " --stats " +
                     Quote(dir / "stats.json");
  RunWinnow(args);
  std::string p2 = ReadTestFile(dir / "out/site/p2.txt");
  // A run killed while writing p2 leaves its temp file and no p2.txt.
  fs::remove(dir / "out/site/p2.txt");
  WriteTestFile(dir / "out/site/.p2.txt.tmp-99999-0", "half of a");
  CliRun again = RunWinnow(args);
  EXPECT_EQ(again.exit_code, 1) << again.err;  // the corrupt .gz, again
  EXPECT_EQ(ReadTestFile(dir / "out/site/p2.txt"), p2);
  std::string stats = ReadTestFile(dir / "stats.json");
  EXPECT_NE(stats.find("\"files\": {\"ok\": 1, \"failed\": 1"), std::string::npos) << stats;
  // An input newer than its output is redone; --force redoes everything.
  fs::last_write_time(dir / "in/site/p4.html",
                      fs::last_write_time(dir / "out/site/p4.txt") + std::chrono::seconds(5));
  RunWinnow(args);
  EXPECT_NE(ReadTestFile(dir / "stats.json").find("\"ok\": 1,"), std::string::npos);
  RunWinnow(args + " --force");
  EXPECT_NE(ReadTestFile(dir / "stats.json").find("\"up_to_date\": 0,"), std::string::npos);
}

TEST(CleanBatch, AKilledStreamLeavesNoOutputAndTheRerunFinishesIt) {
  TempDir dir;
  std::string jsonl;
  for (int i = 0; i < 4000; ++i) {
    jsonl += "{\"id\":\"" + std::to_string(i) + "\",\"html\":\"<p>" + Prose(i) + "</p><p>" +
             Prose(i + 1) + "</p>\"}\n";
  }
  WriteTestFile(dir / "in/big.jsonl", jsonl);
  std::string command = Quote(WINNOW_BINARY) + " clean " + Quote(dir / "in") + " -o " +
                        Quote(dir / "out") + " -j 1 2>/dev/null";
  pid_t pid = fork();
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", ("exec " + command).c_str(), nullptr);
    _exit(127);
  }
  // Kill it once the temp file exists, i.e. in the middle of the stream.
  for (int i = 0; i < 500 && !fs::exists(dir / "out"); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "finished before the kill; make the input larger";
  // Only the temp file is there, and it is not taken as the output.
  std::vector<std::string> left = ListTree(dir / "out");
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].rfind(".big.jsonl.tmp-", 0), 0u) << left[0];
  CliRun rerun = RunWinnow("clean " + Quote(dir / "in") + " -o " + Quote(dir / "out"));
  EXPECT_EQ(rerun.exit_code, 0) << rerun.err;
  std::vector<std::string> lines = SplitLines(ReadTestFile(dir / "out/big.jsonl"));
  ASSERT_EQ(lines.size(), 4000u);
  EXPECT_EQ(lines[3999].rfind("{\"id\":\"3999\"", 0), 0u);
  // The killed run's temp file is gone (its process is dead); a live process's would stay.
  WriteTestFile(dir / "out/.other.jsonl.tmp-" + std::to_string(getpid()) + "-0", "in progress");
  EXPECT_EQ(RunWinnow("clean " + Quote(dir / "in") + " -o " + Quote(dir / "out")).exit_code, 0);
  EXPECT_EQ(ListTree(dir / "out"),
            std::vector<std::string>(
                {".other.jsonl.tmp-" + std::to_string(getpid()) + "-0", "big.jsonl"}));
}

TEST(CleanBatch, RefusesAnOutputFolderInsideTheInputAndWritesNothingOutside) {
  TempDir dir;
  MakeMixedFolder(dir / "in");
  std::map<std::string, std::string> before = Snapshot(dir / "in");
  for (std::string out : {dir / "in", dir / "in/site/out"}) {
    CliRun run = RunWinnow("clean " + Quote(dir / "in") + " -o " + Quote(out));
    EXPECT_EQ(run.exit_code, 2) << out;
    EXPECT_FALSE(run.err.empty());
  }
  // Through a symbolic link to the input folder as well.
  fs::create_directory_symlink(dir / "in", dir / "link");
  EXPECT_EQ(RunWinnow("clean " + Quote(dir / "link") + " -o " + Quote(dir / "in/o")).exit_code, 2);
  EXPECT_EQ(Snapshot(dir / "in"), before);

  // A link inside OUT that leads elsewhere is never written through.
  fs::create_directories(dir / "out");
  fs::create_directories(dir / "elsewhere");
  fs::create_directory_symlink(dir / "elsewhere", dir / "out/site");
  CliRun run = RunWinnow("clean " + Quote(dir / "in") + " -o " + Quote(dir / "out"));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(ListTree(dir / "elsewhere").empty());
  EXPECT_TRUE(fs::exists(dir / "out/seeds"));
}

}  // namespace
}  // namespace winnow::testing
