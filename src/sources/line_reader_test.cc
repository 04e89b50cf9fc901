#include "sources/line_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sources/testing.h"

namespace winnow::sources {
namespace {

// Each line as read, or "!" + the error message, with its line number.
std::vector<std::string> ReadLines(std::string_view input, size_t max_line_bytes) {
  auto stream = ByteStream::FromMemory(input);
  LineReader reader(*stream, max_line_bytes);
  std::vector<std::string> lines;
  std::string_view line;
  while (true) {
    Result<bool> more = reader.Next(&line);
    std::string n = std::to_string(reader.line_number()) + ":";
    if (!more.ok()) {
      lines.push_back(n + "!" + more.status().message());
      continue;
    }
    if (!*more) break;
    lines.push_back(n + std::string(line));
  }
  return lines;
}

TEST(LineReaderTest, SplitsLinesAndStripsCr) {
  EXPECT_EQ(ReadLines("a\r\nbb\n\nccc", 10),
            (std::vector<std::string>{"1:a", "2:bb", "3:", "4:ccc"}));
  EXPECT_EQ(ReadLines("", 10), std::vector<std::string>{});
  EXPECT_EQ(ReadLines("x\n", 10), std::vector<std::string>{"1:x"});
}

TEST(LineReaderTest, LongLinesAreReportedAndSkipped) {
  std::string long_line(200000, 'x');  // longer than one buffer chunk
  std::string input = "short\n" + long_line + "\nafter\n0123456789\n01234567890\nend";
  EXPECT_EQ(ReadLines(input, 10),
            (std::vector<std::string>{"1:short", "2:!line is longer than 10 bytes", "3:after",
                                      "4:0123456789", "5:!line is longer than 10 bytes", "6:end"}));
  // A long last line without '\n' ends the stream after its error.
  EXPECT_EQ(ReadLines("ok\n" + long_line, 10),
            (std::vector<std::string>{"1:ok", "2:!line is longer than 10 bytes"}));
}

TEST(LineReaderTest, LinesLongerThanAChunkWithinTheCap) {
  std::string big(300000, 'y');
  EXPECT_EQ(ReadLines(big + "\nz", 1 << 20), (std::vector<std::string>{"1:" + big, "2:z"}));
}

TEST(LineReaderTest, GzipStreamErrorEndsTheStream) {
  std::string gz = testing::GzipMember("one\ntwo\nthree\n");
  std::vector<std::string> lines = ReadLines(gz.substr(0, gz.size() - 2), 100);
  EXPECT_EQ(lines,
            (std::vector<std::string>{"1:one", "2:two", "3:three", "4:!truncated gzip stream"}));
}

TEST(LineReaderTest, ReadBytesAfterLinesAndOffsets) {
  std::string input = "head\r\n0123456789tail\n";
  auto stream = ByteStream::FromMemory(input);
  LineReader reader(*stream, 100);
  std::string_view line;
  ASSERT_TRUE(*reader.Next(&line));
  EXPECT_EQ(line, "head");
  EXPECT_EQ(reader.offset(), 6u);
  std::string block;
  Result<uint64_t> got = reader.ReadBytes(10, &block);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, 10u);
  EXPECT_EQ(block, "0123456789");
  ASSERT_TRUE(*reader.Next(&line));
  EXPECT_EQ(line, "tail");
  EXPECT_EQ(reader.line_offset(), 16u);
  got = reader.ReadBytes(5, nullptr);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, 0u);
}

}  // namespace
}  // namespace winnow::sources
