// LineReader: buffered lines (and raw byte runs, for WARC blocks) from a ByteStream, with a
// cap on line length so one giant line cannot exhaust memory.
#ifndef WINNOW_SRC_SOURCES_LINE_READER_H_
#define WINNOW_SRC_SOURCES_LINE_READER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "sources/gzip.h"
#include "winnow/status.h"

namespace winnow::sources {

class LineReader {
 public:
  // Reads from in, which must outlive the reader.
  LineReader(ByteStream& in, size_t max_line_bytes);

  // Reads the next line into *line, without its '\n' and a '\r' before it; the view is valid
  // until the next call. Returns true, or false at the end of the input, or
  // - LimitExceeded for a line longer than max_line_bytes, which is skipped: the next call
  //   reads the line after it;
  // - the stream's error (counted as a line), after which the next call returns false.
  Result<bool> Next(std::string_view* line);

  // Appends up to n bytes following the last line to *out (or discards them if out is null);
  // returns how many, fewer than n only at the end of the input.
  Result<uint64_t> ReadBytes(uint64_t n, std::string* out);

  // 1-based number of the line last returned or skipped.
  uint64_t line_number() const { return line_number_; }
  // Stream offset where that line starts.
  uint64_t line_offset() const { return line_offset_; }
  // Stream offset of the next unread byte.
  uint64_t offset() const { return base_ + begin_; }

 private:
  // Reads one more chunk after the buffered bytes; returns how many (0 at the end).
  Result<size_t> Fill();
  Status Fail(Status status);

  ByteStream& in_;
  size_t max_line_bytes_;
  std::string buf_;
  size_t begin_ = 0;  // unread bytes are buf_[begin_, end_)
  size_t end_ = 0;
  uint64_t base_ = 0;  // stream offset of buf_[0]
  bool done_ = false;
  uint64_t line_number_ = 0;
  uint64_t line_offset_ = 0;
};

}  // namespace winnow::sources

#endif  // WINNOW_SRC_SOURCES_LINE_READER_H_
