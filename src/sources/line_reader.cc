#include "sources/line_reader.h"

#include <algorithm>
#include <cstring>

namespace winnow::sources {
namespace {

constexpr size_t kChunk = 64u << 10;

}  // namespace

LineReader::LineReader(ByteStream& in, size_t max_line_bytes)
    : in_(in), max_line_bytes_(max_line_bytes) {}

Status LineReader::Fail(Status status) {
  done_ = true;
  begin_ = end_ = 0;
  return status;
}

Result<size_t> LineReader::Fill() {
  if (done_) return size_t{0};
  if (begin_ > 0) {  // compact, so the buffer only grows for lines longer than a chunk
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    base_ += begin_;
    end_ -= begin_;
    begin_ = 0;
  }
  if (buf_.size() - end_ < kChunk) buf_.resize(end_ + kChunk);
  Result<size_t> got = in_.Read(buf_.data() + end_, buf_.size() - end_);
  if (!got.ok()) return Fail(got.status());
  if (*got == 0) done_ = true;
  end_ += *got;
  return got;
}

Result<bool> LineReader::Next(std::string_view* line) {
  line_offset_ = offset();
  size_t scan = begin_;
  while (true) {
    const char* nl = static_cast<const char*>(std::memchr(buf_.data() + scan, '\n', end_ - scan));
    if (nl == nullptr && end_ - begin_ <= max_line_bytes_) {
      scan = end_ - begin_;  // Fill() moves the unread bytes to the front
      Result<size_t> got = Fill();
      if (!got.ok()) {
        ++line_number_;  // the error belongs to the line being read
        return got.status();
      }
      if (*got > 0) continue;
      if (begin_ == end_) return false;
    }
    const char* base = buf_.data();
    size_t len = (nl ? nl - base : end_) - begin_;
    ++line_number_;
    if (len > max_line_bytes_) break;
    *line = std::string_view(base + begin_, len);
    if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
    begin_ += nl ? len + 1 : len;
    return true;
  }
  // Too long: discard through the next '\n' without buffering the line.
  while (true) {
    const char* nl =
        static_cast<const char*>(std::memchr(buf_.data() + begin_, '\n', end_ - begin_));
    if (nl != nullptr) {
      begin_ = nl - buf_.data() + 1;
      break;
    }
    begin_ = end_;
    Result<size_t> got = Fill();
    if (!got.ok()) return got.status();
    if (*got == 0) break;
  }
  return Status::LimitExceeded("line is longer than " + std::to_string(max_line_bytes_) + " bytes");
}

Result<uint64_t> LineReader::ReadBytes(uint64_t n, std::string* out) {
  uint64_t done = 0;
  while (done < n) {
    if (begin_ == end_) {
      Result<size_t> got = Fill();
      if (!got.ok()) return got.status();
      if (*got == 0) break;
    }
    size_t k = static_cast<size_t>(std::min<uint64_t>(n - done, end_ - begin_));
    if (out != nullptr) out->append(buf_.data() + begin_, k);
    begin_ += k;
    done += k;
  }
  return done;
}

}  // namespace winnow::sources
