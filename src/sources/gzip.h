// Gzip decoding, whole-buffer and streaming. Both handle multi-member streams (concatenated
// members, as .warc.gz and .jsonl.gz files are) and report truncation and corruption as
// Status values.
#ifndef WINNOW_SRC_SOURCES_GZIP_H_
#define WINNOW_SRC_SOURCES_GZIP_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/status.h"

namespace winnow::sources {

// True if first_bytes starts with the gzip magic 1f 8b.
bool IsGzip(std::string_view first_bytes);

// Decompresses every member of bytes. More than max_output decoded bytes is LimitExceeded
// (memory stays bounded by max_output, so a gzip bomb is harmless).
Result<std::string> Gunzip(std::string_view bytes, size_t max_output);

// Reads a file descriptor or a buffer incrementally, decoding gzip when the input starts with
// the gzip magic, so a 10 GB .jsonl.gz on stdin never needs to fit in memory.
class ByteStream {
 public:
  // Reads fd, which stays open and owned by the caller (e.g. 0 for stdin).
  static std::unique_ptr<ByteStream> FromFd(int fd);
  // Opens path for reading ("-" is stdin); the stream closes it.
  static Result<std::unique_ptr<ByteStream>> Open(const std::string& path);
  // Reads bytes, which must outlive the stream.
  static std::unique_ptr<ByteStream> FromMemory(std::string_view bytes);

  ByteStream(const ByteStream&) = delete;
  ByteStream& operator=(const ByteStream&) = delete;
  ~ByteStream();

  // Reads up to n decoded bytes into buf; 0 only at the end of the input. An error (I/O,
  // corrupt or truncated gzip) is returned again by every later call.
  Result<size_t> Read(char* buf, size_t n);

  // Whether the input is gzip; known after the first Read.
  bool gzip() const { return gzip_; }
  // Decoded bytes returned so far.
  uint64_t position() const { return position_; }

 private:
  struct Inflater;

  ByteStream(int fd, bool owns_fd, std::string_view memory);
  Status Start();
  Status Fill();
  Result<size_t> ReadPlain(char* buf, size_t n);
  Result<size_t> ReadGzip(char* buf, size_t n);

  int fd_;        // -1 when reading memory_
  bool owns_fd_;  // close fd_ on destruction
  std::string_view memory_;
  std::vector<char> buffer_;  // raw bytes read from fd_
  const char* in_ = nullptr;  // unconsumed raw bytes, in buffer_ or memory_
  size_t in_size_ = 0;
  bool raw_eof_ = false;
  bool started_ = false;
  bool gzip_ = false;
  bool member_done_ = false;  // the last gzip member ended; another may follow
  std::unique_ptr<Inflater> inflater_;
  uint64_t position_ = 0;
  Status status_;
};

}  // namespace winnow::sources

#endif  // WINNOW_SRC_SOURCES_GZIP_H_
