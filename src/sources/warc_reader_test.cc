#include "sources/warc_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sources/testing.h"

namespace winnow::sources {
namespace {

std::string Warc(std::string_view type, std::string_view id, std::string_view headers,
                 std::string_view block, std::string_view version = "WARC/1.1") {
  return std::string(version) + "\r\nWARC-Type: " + std::string(type) +
         "\r\nWARC-Record-ID: <urn:uuid:" + std::string(id) + ">\r\n" + std::string(headers) +
         "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + std::string(block) +
         "\r\n\r\n";
}

std::string Response(std::string_view id, std::string_view url, std::string_view http) {
  return Warc("response", id,
              "WARC-Target-URI: " + std::string(url) +
                  "\r\nContent-Type: application/http; msgtype=response\r\n",
              http);
}

const std::string kUtf8Page = "<html><body><p>Caf\xC3\xA9 news</p></body></html>";
const std::string kLatin1Page = "<html><body><p>Caf\xE9 chunked</p></body></html>";

// warcinfo, request, an HTML response in UTF-8, a chunked one in windows-1252, a JPEG, a
// metadata record and a gzip-encoded HTML response, as separate records.
std::vector<std::string> SampleRecords() {
  return {
      Warc("warcinfo", "1", "Content-Type: application/warc-fields\r\n",
           "software: winnow-test\r\nformat: WARC File Format 1.1\r\n"),
      Warc("request", "2",
           "WARC-Target-URI: https://a.example/\r\n"
           "Content-Type: application/http; msgtype=request\r\n",
           "GET / HTTP/1.1\r\nHost: a.example\r\n\r\n"),
      Response("3", "https://a.example/",
               "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Length: " +
                   std::to_string(kUtf8Page.size()) + "\r\n\r\n" + kUtf8Page),
      Response("4", "https://b.example/latin",
               "HTTP/1.1 200 OK\r\nContent-Type: text/html;charset=\"Windows-1252\"\r\n"
               "Transfer-Encoding: chunked\r\n\r\n" +
                   std::string("a\r\n") + kLatin1Page.substr(0, 10) + "\r\n" + "1e; ext=1\r\n" +
                   kLatin1Page.substr(10, 30) + "\r\n" + std::to_string(kLatin1Page.size() - 40) +
                   "\r\n" + kLatin1Page.substr(40) + "\r\n0\r\n\r\n"),
      Response("5", "https://a.example/logo.jpg",
               "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n\xFF\xD8\xFF\xE0 jpeg"),
      Warc("metadata", "6", "Content-Type: application/warc-fields\r\n", "fetchTimeMs: 12\r\n"),
      Response("7", "https://c.example/gz",
               "HTTP/1.1 404 Not Found\r\nContent-Type: application/xhtml+xml\r\n"
               "Content-Encoding: gzip\r\n\r\n" +
                   testing::GzipMember("<html>gone</html>")),
  };
}

std::string Join(const std::vector<std::string>& parts, bool gzip_each = false) {
  std::string out;
  for (const std::string& p : parts) out += gzip_each ? testing::GzipMember(p) : p;
  return out;
}

struct Read {
  std::vector<ReadItem> items;
  std::map<std::string, uint64_t> skipped;
};

Read ReadAll(std::string_view input, WarcOptions options = {}) {
  auto stream = ByteStream::FromMemory(input);
  WarcReader reader(*stream, options);
  Read read;
  while (true) {
    ReadItem item = reader.Next();
    if (std::holds_alternative<EndOfStream>(item)) break;
    read.items.push_back(std::move(item));
  }
  EXPECT_TRUE(std::holds_alternative<EndOfStream>(reader.Next()));
  read.skipped = reader.skipped();
  return read;
}

// "id url charset status payload", or "!position: message" for a bad item.
std::string Describe(const ReadItem& item) {
  if (const BadItem* bad = std::get_if<BadItem>(&item)) {
    return "!" + bad->position.ToString() + ": " + bad->message;
  }
  const Record& r = std::get<Record>(item);
  EXPECT_TRUE(r.payload_is_html);
  return r.id + " " + r.url + " " + r.charset + " " + std::to_string(r.http_status) + " " +
         r.payload;
}

std::vector<std::string> DescribeAll(const Read& read) {
  std::vector<std::string> out;
  for (const ReadItem& item : read.items) out.push_back(Describe(item));
  return out;
}

const std::vector<std::string> kExpected = {
    "urn:uuid:3 https://a.example/ utf-8 200 " + kUtf8Page,
    "urn:uuid:4 https://b.example/latin windows-1252 200 " + kLatin1Page,
    "urn:uuid:7 https://c.example/gz  404 <html>gone</html>",
};

const std::map<std::string, uint64_t> kExpectedSkipped = {
    {"metadata", 1}, {"request", 1}, {"response:non-html", 1}, {"warcinfo", 1}};

TEST(WarcReaderTest, PlainWarc) {
  std::vector<std::string> records = SampleRecords();
  Read read = ReadAll(Join(records));
  EXPECT_EQ(DescribeAll(read), kExpected);
  EXPECT_EQ(read.skipped, kExpectedSkipped);
  // Positions count every record and point at its `WARC/` line.
  const Record& second = std::get<Record>(read.items[1]);
  EXPECT_EQ(second.position.record, 4u);
  EXPECT_EQ(second.position.offset, Join({records[0], records[1], records[2]}).size());
}

TEST(WarcReaderTest, GzipMemberPerRecord) {
  Read read = ReadAll(Join(SampleRecords(), /*gzip_each=*/true));
  EXPECT_EQ(DescribeAll(read), kExpected);
  EXPECT_EQ(read.skipped, kExpectedSkipped);
}

TEST(WarcReaderTest, TruncatedLastRecord) {
  std::vector<std::string> records = SampleRecords();
  std::string whole = Join({records[0], records[2], records[3]});
  size_t last = Join({records[0], records[2]}).size();
  Read read = ReadAll(whole.substr(0, whole.size() - 40));
  ASSERT_EQ(read.items.size(), 2u);
  EXPECT_EQ(Describe(read.items[0]), kExpected[0]);
  std::string message = Describe(read.items[1]);
  EXPECT_EQ(message.rfind("!record 3 at offset " + std::to_string(last) +
                              ": truncated record: end of input after ",
                          0),
            0u)
      << message;

  // The same through gzip: the member is cut, which ends the stream with the gzip error.
  std::string gz = Join({records[0], records[2], records[3]}, true);
  read = ReadAll(gz.substr(0, gz.size() - 20));
  ASSERT_EQ(read.items.size(), 2u);
  EXPECT_NE(Describe(read.items[1]).find("record 3"), std::string::npos);
  EXPECT_NE(Describe(read.items[1]).find("truncated"), std::string::npos);
}

TEST(WarcReaderTest, GarbageBetweenRecordsAndMalformedHeaders) {
  std::vector<std::string> records = SampleRecords();
  std::string malformed =
      "WARC/1.0\r\nWARC-Type: response\r\nthis line is not a header\r\n\r\nblock\r\n\r\n";
  std::string no_length = "WARC/1.0\r\nWARC-Type: response\r\n\r\n";
  std::string input = records[2] + "garbage from a broken writer\r\n\x01\x02\r\n" + records[3] +
                      malformed + records[6] + no_length + records[2];
  Read read = ReadAll(input);
  std::vector<std::string> got = DescribeAll(read);
  ASSERT_EQ(got.size(), 7u);
  EXPECT_EQ(got[0], kExpected[0]);
  EXPECT_EQ(got[1], "!record 2 at offset " + std::to_string(records[2].size()) +
                        ": skipped 34 bytes that are not a WARC record");
  EXPECT_EQ(got[2], kExpected[1]);
  EXPECT_EQ(got[3].rfind("!record 3 at offset ", 0), 0u);
  EXPECT_NE(got[3].find("malformed WARC header line; skipped 11 bytes to the next record"),
            std::string::npos)
      << got[3];
  EXPECT_EQ(got[4], kExpected[2]);
  EXPECT_NE(got[5].find("record 5 at offset"), std::string::npos);
  EXPECT_NE(got[5].find("missing or invalid Content-Length"), std::string::npos);
  EXPECT_EQ(got[6], kExpected[0]);
}

TEST(WarcReaderTest, CapsAndWarc10) {
  std::vector<std::string> records = SampleRecords();
  std::string big =
      Response("8", "https://big.example/",
               "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + std::string(5000, 'x'));
  std::string old = Warc("response", "9",
                         "WARC-Target-URI: <http://old.example/>\r\n"
                         "Content-Type: application/http;msgtype=response\r\n",
                         "HTTP/1.0 200 OK\nContent-Type: TEXT/HTML\n\nold page", "WARC/1.0");
  WarcOptions options;
  options.max_record_bytes = 4096;
  Read read = ReadAll(big + old, options);
  std::vector<std::string> got = DescribeAll(read);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_NE(got[0].find("exceeds 4096; skipped"), std::string::npos) << got[0];
  EXPECT_EQ(got[1], "urn:uuid:9 http://old.example/  200 old page");

  // A header block beyond the cap is malformed: reported, then the reader resyncs.
  options = {};
  options.max_header_bytes = 256;
  std::string long_headers = Warc("response", "10", "X-Pad: " + std::string(300, 'p') + "\r\n", "");
  read = ReadAll(long_headers + records[2], options);
  got = DescribeAll(read);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_NE(got[0].find("record 1 at offset 0: WARC header"), std::string::npos) << got[0];
  EXPECT_EQ(got[1], kExpected[0]);
}

TEST(WarcReaderTest, BadHttpInsideAGoodRecord) {
  Read read = ReadAll(Response("11", "https://x/", "not http at all") +
                      Response("12", "https://y/",
                               "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                               "Content-Encoding: br\r\n\r\n\x1b\x2f\x00binary") +
                      SampleRecords()[2]);
  std::vector<std::string> got = DescribeAll(read);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], "!record 1 at offset 0: HTTP response: malformed HTTP status line");
  EXPECT_NE(got[1].find("HTTP payload: unsupported Content-Encoding 'br'"), std::string::npos);
  EXPECT_EQ(got[2], kExpected[0]);
}

}  // namespace
}  // namespace winnow::sources
