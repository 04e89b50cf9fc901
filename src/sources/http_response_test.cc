#include "sources/http_response.h"

#include <gtest/gtest.h>

#include <string>

#include "sources/testing.h"

namespace winnow::sources {
namespace {

TEST(WarcHttpTest, MediaTypes) {
  MediaType m = ParseMediaType(" Text/HTML ; Charset=\"ISO-8859-1\"; q=1");
  EXPECT_EQ(m.type, "text/html");
  EXPECT_EQ(m.charset, "iso-8859-1");
  m = ParseMediaType("application/http;msgtype=response");
  EXPECT_EQ(m.type, "application/http");
  EXPECT_EQ(m.msgtype, "response");
  EXPECT_EQ(ParseMediaType("").type, "");
}

TEST(WarcHttpTest, HeadersAndFolding) {
  Headers headers;
  EXPECT_TRUE(AddHeaderLine("Content-Type: text/html", &headers));
  EXPECT_TRUE(AddHeaderLine("X-Long: a", &headers));
  EXPECT_TRUE(AddHeaderLine("\t b", &headers));
  EXPECT_FALSE(AddHeaderLine("no colon here", &headers));
  EXPECT_FALSE(AddHeaderLine(": empty name", &headers));
  ASSERT_NE(FindHeader(headers, "x-long"), nullptr);
  EXPECT_EQ(*FindHeader(headers, "x-long"), "a b");
  EXPECT_EQ(FindHeader(headers, "content-length"), nullptr);
}

Result<std::string> Decode(std::string_view http, size_t max = 1 << 20) {
  Result<HttpResponse> response = ParseHttpResponse(http, 1024);
  if (!response.ok()) return response.status();
  return DecodeBody(*response, max);
}

TEST(WarcHttpTest, DecodesChunkedAndGzipDefensively) {
  std::string head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n";
  EXPECT_EQ(*Decode(head + "\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\nTrailer: t\r\n\r\n"), "abcde");
  // Already de-chunked (the header kept): taken as is.
  EXPECT_EQ(*Decode(head + "\r\n<html>x</html>"), "<html>x</html>");
  // The final chunk lost: what arrived is kept.
  EXPECT_EQ(*Decode(head + "\r\n3\r\nabc\r\n"), "abc");
  std::string gz = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n";
  EXPECT_EQ(*Decode(gz + testing::GzipMember("<p>zipped</p>")), "<p>zipped</p>");
  EXPECT_EQ(*Decode(gz + "<p>stored decoded</p>"), "<p>stored decoded</p>");
  Result<std::string> bomb = Decode(gz + testing::GzipMember(std::string(1 << 20, 'a')), 1000);
  EXPECT_EQ(bomb.status().code(), Status::Code::kLimitExceeded);
  Result<std::string> cut = Decode(gz + testing::GzipMember("<p>zipped</p>").substr(0, 15));
  EXPECT_EQ(cut.status().message(), "truncated gzip stream");
}

TEST(WarcHttpTest, MalformedResponses) {
  EXPECT_EQ(Decode("GET / HTTP/1.1\r\n\r\n").status().message(), "malformed HTTP status line");
  EXPECT_EQ(Decode("HTTP/1.1 2x0 OK\r\n\r\n").status().message(), "malformed HTTP status line");
  EXPECT_EQ(Decode("HTTP/1.1 200 OK\r\nA: b\r\n").status().message(), "HTTP headers never end");
  EXPECT_EQ(Decode("HTTP/1.1 200 OK\r\nbad header\r\n\r\n").status().message(),
            "malformed HTTP header line");
  EXPECT_EQ(Decode("HTTP/1.1 200 OK\r\nX: " + std::string(2000, 'x') + "\r\n\r\n").status().code(),
            Status::Code::kLimitExceeded);
  Result<HttpResponse> ok = ParseHttpResponse("HTTP/1.1 301 Moved\nLocation: /x\n\nbody", 1024);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->status, 301);
  EXPECT_EQ(ok->body, "body");
}

}  // namespace
}  // namespace winnow::sources
