// `winnow clean` over streams of records end to end through the CLI: JSONL files and stdin
// with field options and bad lines, WARC files (plain and per-record .gz), input order with
// threads, and bounded memory on a 200 MB stdin stream.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <thread>
#include <vector>

#include "sources/testing.h"
#include "test_util.h"

namespace winnow::testing {
namespace {

std::string Prose(int n) {
  return "The city council met on Tuesday evening to discuss the budget for the coming year, "
         "and several members said that they would not support the plan unless the mayor "
         "agreed to restore funding for libraries and parks in district " +
         std::to_string(n) + ".";
}

TEST(CleanStream, JsonlFieldOptionsKeepEveryFieldAndSkipBadLines) {
  TempDir dir;
  std::string in = "{\"doc_id\":\"a\",\"body\":\"" + Prose(1) +
                   "\\nShare this\",\"link\":\"https://x.example/1\","
                   "\"metadata\":{\"lang\":\"en\"},\"score\":0.5}\n"
                   "{\"doc_id\":\"b\",\"body\":\"" +
                   Prose(2) +
                   "\"\n"                              // invalid JSON
                   "{\"doc_id\":\"c\",\"other\":1}\n"  // no body
                   "\n"
                   "{\"doc_id\":7,\"body\":\"" +
                   Prose(4) + "\",\"extra\":[1,2]}\n";
  WriteTestFile(dir / "in/part.jsonl.gz", sources::testing::GzipMember(in));
  std::string fields = " --text-field body --id-field doc_id --url-field link";
  CliRun run = RunWinnow("clean " + Quote(dir / "in") + " -o " + Quote(dir / "out") + fields +
                         " --stats " + Quote(dir / "stats.json"));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find(dir / "in/part.jsonl.gz: line 2: invalid JSON"), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find(dir / "in/part.jsonl.gz: line 3: missing field 'body'"), std::string::npos)
      << run.err;
  std::vector<std::string> lines = SplitLines(ReadTestFile(dir / "out/part.jsonl"));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].rfind("{\"doc_id\":\"a\",\"body\":\"The city council", 0), 0u) << lines[0];
  EXPECT_EQ(lines[0].find("Share this"), std::string::npos) << lines[0];
  // The text is the body without a trailing newline, as corpus tools expect.
  EXPECT_NE(lines[0].find("district 1.\",\"link\""), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("\"link\":\"https://x.example/1\""), std::string::npos);
  EXPECT_NE(lines[0].find("\"lang\":\"en\""), std::string::npos);
  EXPECT_NE(lines[0].find("\"winnow_counts\":{\"body\":1,"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("\"score\":0.5"), std::string::npos);
  EXPECT_NE(lines[1].find("\"extra\":[1,2]"), std::string::npos);
  std::string stats = ReadTestFile(dir / "stats.json");
  EXPECT_NE(stats.find("\"records\": {\"ok\": 2, \"failed\": 2"), std::string::npos) << stats;

  // The same from stdin, to stdout; --format text writes each record's text and a blank line.
  WriteTestFile(dir / "plain.jsonl", in);
  CliRun piped =
      RunWinnow("clean --input-format jsonl --format jsonl" + fields + " -", dir / "plain.jsonl");
  EXPECT_EQ(piped.exit_code, 1);
  EXPECT_EQ(piped.out, ReadTestFile(dir / "out/part.jsonl"));
  EXPECT_NE(piped.err.find("<stdin>: line 2: invalid JSON"), std::string::npos) << piped.err;
  CliRun text = RunWinnow("clean --input-format jsonl --format text" + fields, dir / "plain.jsonl");
  EXPECT_EQ(text.out, Prose(1) + "\n\n" + Prose(4) + "\n\n");
}

// warcinfo, request, a UTF-8 page, a windows-1252 page whose <meta> wrongly says UTF-8 (the
// HTTP header wins), an image.
std::vector<std::string> WarcRecords() {
  std::string page = "<html><head><title>T</title></head><body><nav>Home | News</nav><p>" +
                     Prose(1) + "</p></body></html>";
  std::string latin = "<html><head><meta charset=\"utf-8\"></head><body><p>Caf\xE9 owners said " +
                      Prose(2) + "</p></body></html>";
  return {
      testing::WarcRecord("warcinfo", "1", "Content-Type: application/warc-fields\r\n",
                          "software: t\r\n"),
      testing::WarcRecord("request", "2", "WARC-Target-URI: https://a.example/\r\n",
                          "GET / HTTP/1.1\r\n\r\n"),
      testing::WarcResponse("3", "https://a.example/story", "text/html; charset=UTF-8", page),
      testing::WarcResponse("4", "https://b.example/caf", "text/html; charset=windows-1252", latin),
      testing::WarcResponse("5", "https://a.example/logo.png", "image/png", "\x89PNG")};
}

TEST(CleanStream, WarcResponsesBecomeJsonlRecords) {
  TempDir dir;
  std::string plain, gz;
  for (const std::string& r : WarcRecords()) {
    plain += r;
    gz += sources::testing::GzipMember(r);
  }
  WriteTestFile(dir / "in/a.warc", plain);
  WriteTestFile(dir / "in/b.warc.gz", gz);
  CliRun run = RunWinnow("clean " + Quote(dir / "in") + " -o " + Quote(dir / "out") + " -j 2" +
                         " --stats " + Quote(dir / "stats.json"));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::string a = ReadTestFile(dir / "out/a.jsonl");
  EXPECT_EQ(a, ReadTestFile(dir / "out/b.jsonl"));
  std::vector<std::string> lines = SplitLines(a);
  ASSERT_EQ(lines.size(), 2u) << a;
  EXPECT_EQ(lines[0].rfind("{\"id\":\"urn:uuid:3\",\"url\":\"https://a.example/story\"", 0), 0u)
      << lines[0];
  EXPECT_EQ(lines[0].find("Home | News"), std::string::npos);
  EXPECT_NE(lines[1].find("\"text\":\"Caf\xC3\xA9 owners said"), std::string::npos) << lines[1];
  std::string stats = ReadTestFile(dir / "stats.json");
  EXPECT_NE(stats.find("\"records\": {\"ok\": 4, \"failed\": 0, \"skipped\": {\"request\": 2, "
                       "\"response:non-html\": 2, \"warcinfo\": 2}}"),
            std::string::npos)
      << stats;
  EXPECT_NE(run.err.find("4 records cleaned, 0 bad, 6 skipped"), std::string::npos) << run.err;

  // stdin, and auto-detection of a WARC file without its extension.
  WriteTestFile(dir / "in2/capture", plain);
  CliRun piped = RunWinnow("clean --input-format warc -", dir / "in/a.warc");
  EXPECT_EQ(piped.out, a);
  EXPECT_EQ(RunWinnow("clean " + Quote(dir / "in2/capture")).out, a);
}

std::string NumberedRecord(int i, size_t pad) {
  return "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"" + Prose(i) + "\\n" +
         std::string(pad, 'x') + "\"}\n";
}

TEST(CleanStream, StdinKeepsInputOrderWithThreads) {
  TempDir dir;
  std::string in;
  for (int i = 0; i < 3000; ++i) in += NumberedRecord(i, static_cast<size_t>(i * 37 % 900));
  WriteTestFile(dir / "in.jsonl", in);
  CliRun one = RunWinnow("clean --input-format jsonl -j 1 -", dir / "in.jsonl");
  CliRun two = RunWinnow("clean --input-format jsonl -j 2 -", dir / "in.jsonl");
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out, two.out);
  std::vector<std::string> lines = SplitLines(two.out);
  ASSERT_EQ(lines.size(), 3000u);
  for (int i = 0; i < 3000; ++i) {
    ASSERT_EQ(lines[i].rfind("{\"id\":\"r" + std::to_string(i) + "\"", 0), 0u) << i;
  }
}

// Streams total_bytes of generated JSONL into `winnow clean` on stdin while draining its
// stdout; returns the child's peak RSS in kB and the number of output lines.
std::pair<long, size_t> StreamThrough(size_t total_bytes, const std::string& args) {
  int in_pipe[2], out_pipe[2];
  if (pipe(in_pipe) != 0 || pipe(out_pipe) != 0) return {-1, 0};
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in_pipe[0], 0);
    dup2(out_pipe[1], 1);
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1]}) close(fd);
    execl(WINNOW_BINARY, WINNOW_BINARY, "clean", "--input-format", "jsonl", "-j", "2", args.c_str(),
          "-", nullptr);
    _exit(127);
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  std::thread writer([&] {
    size_t written = 0;
    for (int i = 0; written < total_bytes; ++i) {
      std::string record = NumberedRecord(i, 20000);
      if (write(in_pipe[1], record.data(), record.size()) != static_cast<ssize_t>(record.size())) {
        break;
      }
      written += record.size();
    }
    close(in_pipe[1]);
  });
  size_t lines = 0;
  char buf[65536];
  for (ssize_t n; (n = read(out_pipe[0], buf, sizeof buf)) > 0;) {
    lines += std::count(buf, buf + n, '\n');
  }
  close(out_pipe[0]);
  writer.join();
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  return {usage.ru_maxrss, lines};
}

TEST(CleanStream, MemoryStaysBoundedOnA200MbStdinStream) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "ASan's shadow memory and quarantine inflate RSS; the Release build checks it";
#endif
  auto [rss_kb, lines] = StreamThrough(200u << 20, "--progress=never");
  EXPECT_GT(lines, 10000u);
  EXPECT_GT(rss_kb, 0);
  EXPECT_LT(rss_kb, 100 * 1024) << "peak RSS " << rss_kb << " kB";
  RecordProperty("peak_rss_kb", std::to_string(rss_kb));
}

}  // namespace
}  // namespace winnow::testing
