// Helpers for the end-to-end tests: the seed fixtures, running the CLI, diff-like messages.
// Temp folders and file shorthands come from src/batch/test_util.h.
#ifndef WINNOW_TESTS_TEST_UTIL_H_
#define WINNOW_TESTS_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "batch/test_util.h"

namespace winnow::testing {

using batch::testing::ReadTestFile;
using batch::testing::TempDir;
using batch::testing::WriteTestFile;

// fixtures/seeds/: pages/<id>.txt (inputs), expected/<id>.txt (their clean bodies) and
// labels/<id>.tsv (the label of every removed line, seed 004).
inline std::string SeedDir() { return std::string(WINNOW_SOURCE_DIR) + "/fixtures/seeds"; }
inline std::string SeedPage(const std::string& id) { return SeedDir() + "/pages/" + id + ".txt"; }
inline std::string SeedExpected(const std::string& id) {
  return SeedDir() + "/expected/" + id + ".txt";
}
inline std::string SeedLabels(const std::string& id) {
  return SeedDir() + "/labels/" + id + ".tsv";
}

// The ids of the seed pages ("000_bd5e421971f846df", ...), sorted.
inline std::vector<std::string> SeedIds() {
  std::vector<std::string> ids;
  for (const auto& e : std::filesystem::directory_iterator(SeedDir() + "/pages")) {
    std::string name = e.path().filename().string();
    if (name.ends_with(".txt")) {
      ids.push_back(name.substr(0, name.size() - 4));
    }
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

// Copies every seed input (not the expected outputs) into dir.
inline void CopySeedInputs(const std::string& dir) {
  std::filesystem::create_directories(dir);
  for (const std::string& id : SeedIds()) {
    std::filesystem::copy_file(SeedPage(id), dir + "/" + id + ".txt");
  }
}

inline std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Empty when equal; else the first differing line of each side, with its number.
inline std::string FirstDifference(const std::string& want, const std::string& got) {
  if (want == got) return "";
  std::vector<std::string> w = SplitLines(want), g = SplitLines(got);
  std::ostringstream os;
  for (size_t i = 0; i < std::max(w.size(), g.size()); ++i) {
    const std::string* a = i < w.size() ? &w[i] : nullptr;
    const std::string* b = i < g.size() ? &g[i] : nullptr;
    if (a && b && *a == *b) continue;
    os << "first difference at line " << i + 1 << ":\n- want: " << (a ? *a : "<end>")
       << "\n+ got:  " << (b ? *b : "<end>") << "\n";
    return os.str();
  }
  os << "lines equal; want " << want.size() << " bytes, got " << got.size()
     << " bytes (trailing newline?)";
  return os.str();
}

inline std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `WINNOW_BINARY args` through the shell (args are spliced as written: quote paths),
// capturing stdout, and stderr through a temp file.
inline CliRun RunWinnow(const std::string& args, const std::string& stdin_file = "") {
  TempDir tmp;
  std::string err_file = tmp / "stderr";
  std::string command = Quote(WINNOW_BINARY) + " " + args + " 2>" + Quote(err_file);
  command += " <" + (stdin_file.empty() ? std::string("/dev/null") : Quote(stdin_file));
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) run.out.append(buf, n);
  int status = pclose(pipe);
  if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  run.err = ReadTestFile(err_file);
  return run;
}

// One WARC record of the given type, id and extra header lines ("Name: value\r\n" each).
inline std::string WarcRecord(std::string_view type, std::string_view id, std::string_view headers,
                              std::string_view block) {
  return "WARC/1.1\r\nWARC-Type: " + std::string(type) +
         "\r\nWARC-Record-ID: <urn:uuid:" + std::string(id) + ">\r\n" + std::string(headers) +
         "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + std::string(block) +
         "\r\n\r\n";
}

// A WARC response record: an HTTP 200 response for url with the given Content-Type.
inline std::string WarcResponse(std::string_view id, std::string_view url,
                                std::string_view content_type, std::string_view body) {
  return WarcRecord("response", id,
                    "WARC-Target-URI: " + std::string(url) +
                        "\r\nContent-Type: application/http; msgtype=response\r\n",
                    "HTTP/1.1 200 OK\r\nContent-Type: " + std::string(content_type) + "\r\n\r\n" +
                        std::string(body));
}

}  // namespace winnow::testing

#endif  // WINNOW_TESTS_TEST_UTIL_H_
