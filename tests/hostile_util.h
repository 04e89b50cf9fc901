// Helpers for the hostile-input tests: one folder of good files, hostile files added next to
// them, and a check that every good file comes out exactly as it does when run alone.
#ifndef WINNOW_TESTS_HOSTILE_UTIL_H_
#define WINNOW_TESTS_HOSTILE_UTIL_H_

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "test_util.h"

namespace winnow::testing {

struct ShellRun {
  int exit_code = -1;  // 124: killed by the timeout
  std::string out;
  std::string err;
  double seconds = 0;
};

// Runs a shell command line under `timeout`, so that a hang fails the test instead of
// stalling the suite; its stdout and stderr (unless it redirects them) are captured through
// files in tmp.
inline ShellRun Shell(const TempDir& tmp, const std::string& command, int timeout_seconds = 240) {
  std::string out = tmp / ".stdout", err = tmp / ".stderr";
  std::string line = "timeout -k 5 " + std::to_string(timeout_seconds) + " sh -c " +
                     Quote(command) + " >" + Quote(out) + " 2>" + Quote(err) + " </dev/null";
  auto start = std::chrono::steady_clock::now();
  int status = std::system(line.c_str());
  ShellRun run;
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  run.out = ReadTestFile(out);
  run.err = ReadTestFile(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return run;
}

inline std::string Winnow() { return Quote(WINNOW_BINARY); }

const char kArticle[] =
    "The committee said on Tuesday that the new rules would take effect next year, after a "
    "long public consultation in which thousands of residents took part.";

// Good files of every page kind: two seed dumps, an HTML page and a JSONL file.
inline void WriteGoodFiles(const std::string& dir) {
  for (const char* id : {"000_bd5e421971f846df", "001_e635edd9e77e6f27"}) {
    std::filesystem::create_directories(dir);
    std::filesystem::copy_file(SeedPage(id), dir + "/" + id + ".txt");
  }
  WriteTestFile(dir + "/good.html",
                std::string("<html><head><title>Rules</title></head><body>") + "<article><p>" +
                    kArticle + "</p><p>" + kArticle +
                    " Officials expect few changes.</p></article></body></html>");
  WriteTestFile(dir + "/good-records.jsonl", std::string("{\"id\":\"g1\",\"text\":\"") + kArticle +
                                                 "\"}\n{\"id\":\"g2\",\"text\":\"" + kArticle +
                                                 " Again.\"}\n");
}

// A folder of good files to which a test adds hostile ones, cleaned with `-o`.
class HostileTest : public ::testing::Test {
 protected:
  void SetUp() override { WriteGoodFiles(in()); }

  std::string in() const { return tmp_ / "in"; }
  std::string out() const { return tmp_ / "out"; }
  void Add(const std::string& rel, const std::string& bytes) {
    WriteTestFile(in() + "/" + rel, bytes);
  }

  // `winnow clean IN -o OUT --progress never FLAGS`; then checks that each good file's output
  // is byte-identical to the one of a separate run over the good files alone, same flags.
  ShellRun Clean(const std::string& flags = "") {
    ShellRun run = Shell(tmp_, Winnow() + " clean " + Quote(in()) + " -o " + Quote(out()) +
                                   " --progress never " + flags);
    EXPECT_NE(run.exit_code, 124) << "timed out";
    std::string good = tmp_ / "good", ref = tmp_ / "ref";
    std::filesystem::remove_all(good);
    std::filesystem::remove_all(ref);
    WriteGoodFiles(good);
    ShellRun alone = Shell(tmp_, Winnow() + " clean " + Quote(good) + " -o " + Quote(ref) +
                                     " --progress never " + flags);
    EXPECT_EQ(alone.exit_code, 0) << alone.err;
    std::vector<std::string> outputs = batch::testing::ListTree(ref);
    EXPECT_EQ(outputs.size(), 4u);
    for (const std::string& rel : outputs) {
      EXPECT_TRUE(std::filesystem::exists(out() + "/" + rel)) << rel;
      EXPECT_EQ(ReadTestFile(out() + "/" + rel), ReadTestFile(ref + "/" + rel)) << rel;
    }
    return run;
  }

  TempDir tmp_;
};

inline bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Every byte sequence of s is valid UTF-8.
inline bool ValidUtf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    }
    i += n;
  }
  return true;
}

}  // namespace winnow::testing

#endif  // WINNOW_TESTS_HOSTILE_UTIL_H_
