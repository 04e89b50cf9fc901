// Hostile page inputs (issue #6), each cleaned through the CLI in one folder with good files:
// the exit status, the one error line naming the file, and every good output unchanged.
// Environment hazards (links, FIFOs, unwritable outputs, rule files) are in
// hostile_env_test.cc.
#include <zlib.h>

#include <random>
#include <string>

#include "hostile_util.h"

namespace winnow {
namespace {

using testing::Contains;
using testing::HostileTest;
using testing::kArticle;
using testing::ReadTestFile;
using testing::ShellRun;
using testing::ValidUtf8;

std::string RandomBytes(size_t n, unsigned seed) {
  std::mt19937 gen(seed);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(gen());
  return s;
}

std::string Gzip(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string Html(const std::string& body) { return "<html><body>" + body + "</body></html>"; }

TEST_F(HostileTest, EmptyAndWhitespaceOnlyFilesGiveEmptyOutputs) {
  Add("empty.txt", "");
  Add("blank.txt", " \n\t\r\n  \n");
  Add("empty-page.html", "");
  ShellRun run = Clean();
  EXPECT_EQ(run.exit_code, 0) << run.err;
  for (const char* rel : {"empty.txt", "blank.txt", "empty-page.txt"}) {
    EXPECT_TRUE(std::filesystem::exists(out() + "/" + rel)) << rel;
    EXPECT_EQ(ReadTestFile(out() + "/" + rel), "") << rel;
  }
}

TEST_F(HostileTest, RandomBytesAreBinaryDataNotPages) {
  Add("random.txt", RandomBytes(200000, 1));
  Add("random.bin", RandomBytes(200000, 2));  // no page extension: sniffed
  ShellRun run = Clean();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(Contains(run.err, "/random.txt: binary data (NUL bytes), not a text dump\n"))
      << run.err;
  EXPECT_TRUE(Contains(run.err, "/random.bin: binary data (NUL bytes), not a text dump\n"))
      << run.err;
  EXPECT_FALSE(std::filesystem::exists(out() + "/random.txt"));
}

TEST_F(HostileTest, InvalidUtf8WithoutNulBytesComesOutAsValidUtf8) {
  std::string bytes = RandomBytes(200000, 1);
  for (char& c : bytes) c = c == '\0' ? ' ' : c;
  Add("noisy.txt", bytes);
  ShellRun run = Clean();
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(ValidUtf8(ReadTestFile(out() + "/noisy.txt")));
}

TEST_F(HostileTest, PngNamedHtmlIsRejectedAsBinary) {
  Add("image.html", std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16) + RandomBytes(50000, 3));
  ShellRun run = Clean();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(Contains(run.err, "/image.html: binary data (NUL bytes), not HTML\n")) << run.err;
  EXPECT_FALSE(std::filesystem::exists(out() + "/image.txt"));
}

// A dump's invalid bytes become U+FFFD; an HTML page's make it a legacy charset (detected).
TEST_F(HostileTest, InvalidUtf8ComesOutAsValidUtf8) {
  std::string line = std::string(kArticle) + " \xff\xfe and \xc3\x28 and \xe2\x82 end.\n";
  Add("bad-utf8.txt", line + line);
  Add("bad-utf8-page.html", Html("<p>" + line + "</p>"));
  ShellRun run = Clean();
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::string text = ReadTestFile(out() + "/bad-utf8.txt");
  EXPECT_TRUE(Contains(text, " \xEF\xBF\xBD\xEF\xBF\xBD and \xEF\xBF\xBD( and ")) << text;
  std::string page = ReadTestFile(out() + "/bad-utf8-page.txt");
  EXPECT_TRUE(ValidUtf8(page)) << page;
  EXPECT_TRUE(Contains(page, kArticle)) << page;
}

std::string Utf16Le(const std::string& ascii_with_e_acute) {
  std::string out = "\xFF\xFE";
  for (char c : ascii_with_e_acute) {
    out += c == '@' ? '\xE9' : c;  // '@' stands for é (U+00E9)
    out += '\0';
  }
  return out;
}

TEST_F(HostileTest, Utf16WithBomIsDecoded) {
  std::string sentence = "Caf@ au lait is a coffee drink with hot milk, served in France daily.";
  Add("utf16-page.html", Utf16Le("<html><body><p>" + sentence + "</p></body></html>"));
  Add("utf16-dump.txt", Utf16Le(sentence + "\n"));
  ShellRun run = Clean();
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(Contains(ReadTestFile(out() + "/utf16-page.txt"), "Caf\xC3\xA9 au lait"));
  EXPECT_EQ(ReadTestFile(out() + "/utf16-dump.txt"), "Caf\xC3\xA9" + sentence.substr(4) + "\n");
}

TEST_F(HostileTest, UndeclaredLatin1HtmlIsDetected) {
  Add("latin1.html", Html("<p>Le caf\xE9 est une boisson tr\xE8s populaire en France, servie "
                          "chaque matin avec du pain et du beurre.</p>"));
  ShellRun run = Clean();
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(
      Contains(ReadTestFile(out() + "/latin1.txt"), "Le caf\xC3\xA9 est une boisson tr\xC3\xA8s"));
}

// --max-line-bytes bounds what rules and features read of a line; the line itself is kept.
// Nothing may be quadratic in the line: 50 MB takes about a second in a Release build.
TEST_F(HostileTest, FiftyMegabyteSingleLineIsLinear) {
  std::string line;
  while (line.size() < (50u << 20)) line += "The mayor said that the plan would go ahead. ";
  Add("long-line.txt", line);
  ShellRun run = Clean();
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_LT(run.seconds, 120) << "quadratic in the line length?";
  line.back() = '\n';  // the trailing space is trimmed
  EXPECT_TRUE(ReadTestFile(out() + "/long-line.txt") == line);
}

TEST_F(HostileTest, HundredThousandNestedDivsAreFlattened) {
  std::string deep = std::string(kArticle);
  std::string open, close;
  for (int i = 0; i < 100000; ++i) open += "<div>", close += "</div>";
  Add("nested.html", Html(open + "<p>" + deep + "</p>" + close));
  Add("nested-open.html", Html(open + "<p>" + deep));
  ShellRun run = Clean();
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(ReadTestFile(out() + "/nested.txt"), deep + "\n");
  EXPECT_EQ(ReadTestFile(out() + "/nested-open.txt"), deep + "\n");
}

TEST_F(HostileTest, TwentyThousandAttributesOnOneTag) {
  std::string tag = "<p";
  for (int i = 0; i < 20000; ++i) tag += " data-a" + std::to_string(i) + "=\"v\"";
  Add("attrs.html", Html(tag + ">" + kArticle + "</p>"));
  ShellRun run = Clean();
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(ReadTestFile(out() + "/attrs.txt"), std::string(kArticle) + "\n");
}

TEST_F(HostileTest, UnterminatedTagCommentAndScript) {
  std::string p = std::string("<p>") + kArticle + "</p>";
  Add("open-tag.html", Html(p) + "<p class=\"x\" title=\"never closed");
  Add("open-comment.html", "<html><body>" + p + "<!-- <p>Hidden comment text here.</p>");
  Add("open-script.html", "<html><body>" + p + "<script>var s = \"<p>Script text.</p>\";");
  ShellRun run = Clean();
  EXPECT_EQ(run.exit_code, 0) << run.err;
  for (const char* rel : {"open-tag.txt", "open-comment.txt", "open-script.txt"}) {
    EXPECT_EQ(ReadTestFile(out() + "/" + rel), std::string(kArticle) + "\n") << rel;
  }
}

TEST_F(HostileTest, TruncatedGzipIsAnError) {
  std::string gz = Gzip(std::string(kArticle) + "\n" + kArticle + "\n");
  Add("cut.txt.gz", gz.substr(0, gz.size() / 2));
  Add("whole.txt.gz", gz);
  ShellRun run = Clean();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(Contains(run.err, "/cut.txt.gz: truncated gzip stream\n")) << run.err;
  EXPECT_FALSE(std::filesystem::exists(out() + "/cut.txt"));
  EXPECT_TRUE(Contains(ReadTestFile(out() + "/whole.txt"), kArticle));
}

constexpr char kHtmlUtf8[] = "text/html; charset=utf-8";

TEST_F(HostileTest, TruncatedWarcRecordKeepsTheRecordsBeforeIt) {
  std::string page = Html(std::string("<p>") + kArticle + "</p>");
  std::string second = testing::WarcResponse("2", "http://b.example/2", kHtmlUtf8, page);
  Add("crawl.warc", testing::WarcResponse("1", "http://a.example/1", kHtmlUtf8, page) +
                        second.substr(0, second.size() - 40));
  ShellRun run = Clean();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(Contains(run.err, "/crawl.warc: record 2 at offset ")) << run.err;
  EXPECT_TRUE(Contains(run.err, ": truncated record: end of input after ")) << run.err;
  std::string records = ReadTestFile(out() + "/crawl.jsonl");
  EXPECT_TRUE(Contains(records, "\"url\":\"http://a.example/1\"")) << records;
  EXPECT_FALSE(Contains(records, "b.example")) << records;
}

TEST_F(HostileTest, JsonlBrokenLinesAreReportedAndSkipped) {
  Add("mixed.jsonl", std::string("{\"id\":\"a\",\"text\":\"") + kArticle +
                         "\"}\n{\"id\":\"b\",\"text\":\"never closed\nnot json\n{\"id\":\"c\"}\n"
                         "{\"id\":\"d\",\"text\":5}\n\xff\xfe{\n{\"id\":\"e\",\"text\":\"" +
                         kArticle + "\"}\n{\"id\":\"f\",\"text\":");
  ShellRun run = Clean();
  EXPECT_EQ(run.exit_code, 1);
  for (const char* message :
       {"/mixed.jsonl: line 2: invalid JSON: ", "/mixed.jsonl: line 3: invalid JSON: ",
        "/mixed.jsonl: line 4: missing field 'text'\n",
        "/mixed.jsonl: line 5: field 'text' is not a string\n",
        "/mixed.jsonl: line 6: invalid JSON: ", "/mixed.jsonl: line 8: invalid JSON: "}) {
    EXPECT_TRUE(Contains(run.err, message)) << message << "\n" << run.err;
  }
  std::vector<std::string> lines = testing::SplitLines(ReadTestFile(out() + "/mixed.jsonl"));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[0].starts_with("{\"id\":\"a\",")) << lines[0];
  EXPECT_TRUE(lines[1].starts_with("{\"id\":\"e\",")) << lines[1];
}

TEST_F(HostileTest, DomNodeLimitFailsOnlyThatPage) {
  std::string many;
  for (int i = 0; i < 5000; ++i) many += "<b>x</b>";
  Add("many.html", Html(many));
  ShellRun run = Clean("--max-dom-nodes 1000");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(Contains(run.err, "/many.html: HTML has more than 1000 elements\n")) << run.err;
  EXPECT_FALSE(std::filesystem::exists(out() + "/many.txt"));
}

TEST_F(HostileTest, LineLimitFailsOnlyThatDocument) {
  std::string many;
  for (int i = 0; i < 3000; ++i) many += "a\n\n";
  Add("many.txt", many);
  Add("fits.txt", many.substr(0, 1000 * 3));  // 1,000 non-blank lines: at the limit
  ShellRun run = Clean("--max-lines 1000");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(Contains(run.err, "/many.txt: document has more than 1000 non-blank lines"))
      << run.err;
  EXPECT_FALSE(std::filesystem::exists(out() + "/many.txt"));
  EXPECT_TRUE(std::filesystem::exists(out() + "/fits.txt"));
}

TEST_F(HostileTest, TimeLimitPerDocumentIsAnErrorForThatDocument) {
  std::string p = std::string("<p>") + kArticle + "</p>";
  std::string page;
  while (page.size() < (32u << 20)) page += p;
  Add("slow.html", Html(page));
  // The good files take milliseconds each (tens under ASan, more on a loaded machine: the
  // budget leaves them room); parsing the big page takes seconds.
  ShellRun run = Clean("--max-seconds-per-doc 1");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(Contains(run.err, "/slow.html: took longer than --max-seconds-per-doc=1")) << run.err;
  EXPECT_FALSE(std::filesystem::exists(out() + "/slow.txt"));
}

}  // namespace
}  // namespace winnow
