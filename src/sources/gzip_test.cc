#include "sources/gzip.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <thread>

#include "sources/testing.h"

namespace winnow::sources {
namespace {

using testing::GzipMember;

// Everything the stream yields, read in small pieces to cross buffer boundaries.
Result<std::string> ReadAll(ByteStream& stream, size_t piece = 7) {
  std::string out;
  char buf[64];
  while (true) {
    Result<size_t> got = stream.Read(buf, std::min(piece, sizeof(buf)));
    if (!got.ok()) return got.status();
    if (*got == 0) return out;
    out.append(buf, *got);
  }
}

TEST(GzipTest, IsGzip) {
  EXPECT_TRUE(IsGzip("\x1f\x8b\x08"));
  EXPECT_FALSE(IsGzip("\x1f"));
  EXPECT_FALSE(IsGzip("{\"text\""));
}

TEST(GzipTest, GunzipMultiMember) {
  std::string bytes = GzipMember("first member\n") + GzipMember("") + GzipMember("second\n");
  Result<std::string> out = Gunzip(bytes, 1 << 20);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(*out, "first member\nsecond\n");
}

TEST(GzipTest, GunzipBombHitsCap) {
  std::string bomb = GzipMember(std::string(50u << 20, 'a'));
  ASSERT_LT(bomb.size(), 100u << 10);
  Result<std::string> out = Gunzip(bomb, 1 << 20);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), Status::Code::kLimitExceeded);
  // Exactly at the cap is fine.
  Result<std::string> exact = Gunzip(GzipMember(std::string(1000, 'b')), 1000);
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->size(), 1000u);
}

TEST(GzipTest, GunzipTruncated) {
  std::string whole = GzipMember("some text that is long enough to be cut in the middle");
  for (size_t cut : {size_t{5}, whole.size() / 2, whole.size() - 1}) {
    Result<std::string> out = Gunzip(std::string_view(whole).substr(0, cut), 1 << 20);
    ASSERT_FALSE(out.ok()) << cut;
    EXPECT_EQ(out.status().message(), "truncated gzip stream") << cut;
  }
  // A second member cut short is truncated too.
  std::string two = GzipMember("a") + GzipMember("b");
  EXPECT_FALSE(Gunzip(std::string_view(two).substr(0, two.size() - 3), 1 << 20).ok());
}

TEST(GzipTest, GunzipRejectsCorruptAndGarbage) {
  std::string corrupt = GzipMember(std::string(1000, 'x'));
  corrupt[12] ^= 0x55;
  EXPECT_FALSE(Gunzip(corrupt, 1 << 20).ok());
  Result<std::string> garbage = Gunzip(GzipMember("ok") + "junk", 1 << 20);
  ASSERT_FALSE(garbage.ok());
  EXPECT_EQ(garbage.status().message(), "trailing garbage after gzip member");
  EXPECT_FALSE(Gunzip("plain", 1 << 20).ok());
}

TEST(GzipTest, StreamPlainAndGzipFromMemory) {
  std::string plain = "not compressed\n";
  auto a = ByteStream::FromMemory(plain);
  Result<std::string> out = ReadAll(*a);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, plain);
  EXPECT_FALSE(a->gzip());
  EXPECT_EQ(a->position(), plain.size());

  std::string gz = GzipMember("one\n") + GzipMember("two\n");
  auto b = ByteStream::FromMemory(gz);
  out = ReadAll(*b);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "one\ntwo\n");
  EXPECT_TRUE(b->gzip());

  auto empty = ByteStream::FromMemory("");
  out = ReadAll(*empty);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "");
}

TEST(GzipTest, StreamFromPipeDeliveringOneByteAtATime) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  std::string gz = GzipMember(std::string(300000, 'z') + "end") + GzipMember("tail");
  std::thread writer([&] {
    for (char c : gz.substr(0, 10)) (void)!write(fds[1], &c, 1);  // the magic arrives split
    (void)!write(fds[1], gz.data() + 10, gz.size() - 10);
    close(fds[1]);
  });
  auto stream = ByteStream::FromFd(fds[0]);
  Result<std::string> out = ReadAll(*stream, 64);
  writer.join();
  close(fds[0]);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(out->size(), 300007u);
  EXPECT_EQ(out->substr(out->size() - 7), "endtail");
}

TEST(GzipTest, StreamErrorIsSticky) {
  std::string gz = GzipMember("abcdefghijklmnopqrstuvwxyz");
  std::string cut = gz.substr(0, gz.size() - 4);
  auto stream = ByteStream::FromMemory(cut);
  Result<std::string> out = ReadAll(*stream);
  ASSERT_FALSE(out.ok());
  char c;
  Result<size_t> again = stream->Read(&c, 1);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().message(), "truncated gzip stream");
}

TEST(GzipTest, OpenMissingFile) {
  auto stream = ByteStream::Open("/nonexistent/winnow-test.jsonl");
  ASSERT_FALSE(stream.ok());
  EXPECT_EQ(stream.status().code(), Status::Code::kIoError);
}

}  // namespace
}  // namespace winnow::sources
