#include "sources/gzip.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>

namespace winnow::sources {
namespace {

constexpr size_t kBufferSize = 256u << 10;

}  // namespace

struct ByteStream::Inflater {
  z_stream z{};
  bool initialized = false;
  ~Inflater() {
    if (initialized) inflateEnd(&z);
  }
};

bool IsGzip(std::string_view first_bytes) {
  return first_bytes.size() >= 2 && static_cast<unsigned char>(first_bytes[0]) == 0x1f &&
         static_cast<unsigned char>(first_bytes[1]) == 0x8b;
}

Result<std::string> Gunzip(std::string_view bytes, size_t max_output) {
  if (!IsGzip(bytes)) return Status::InvalidInput("not a gzip stream");
  auto stream = ByteStream::FromMemory(bytes);
  std::string out;
  while (true) {
    // Never grow past max_output + 1: one byte more is enough to know the cap is exceeded.
    size_t want = std::min(kBufferSize, max_output + 1 - out.size());
    size_t old_size = out.size();
    out.resize(old_size + want);
    Result<size_t> got = stream->Read(out.data() + old_size, want);
    if (!got.ok()) return got.status();
    out.resize(old_size + *got);
    if (out.size() > max_output) {
      return Status::LimitExceeded("gzip output exceeds " + std::to_string(max_output) + " bytes");
    }
    if (*got == 0) return out;
  }
}

ByteStream::ByteStream(int fd, bool owns_fd, std::string_view memory)
    : fd_(fd), owns_fd_(owns_fd), memory_(memory) {}

ByteStream::~ByteStream() {
  if (owns_fd_) close(fd_);
}

std::unique_ptr<ByteStream> ByteStream::FromFd(int fd) {
  return std::unique_ptr<ByteStream>(new ByteStream(fd, false, {}));
}

Result<std::unique_ptr<ByteStream>> ByteStream::Open(const std::string& path) {
  if (path == "-") return FromFd(0);
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError(path + ": " + std::strerror(errno));
  return std::unique_ptr<ByteStream>(new ByteStream(fd, true, {}));
}

std::unique_ptr<ByteStream> ByteStream::FromMemory(std::string_view bytes) {
  return std::unique_ptr<ByteStream>(new ByteStream(-1, false, bytes));
}

// Appends raw input after the unconsumed bytes; sets raw_eof_ when there is no more.
Status ByteStream::Fill() {
  if (fd_ < 0) {  // memory arrives all at once
    in_ = memory_.data();
    in_size_ = memory_.size();
    raw_eof_ = true;
    return Status::Ok();
  }
  if (buffer_.empty()) buffer_.resize(kBufferSize);
  if (in_size_ > 0 && in_ != buffer_.data()) std::memmove(buffer_.data(), in_, in_size_);
  in_ = buffer_.data();
  while (true) {
    ssize_t n = read(fd_, buffer_.data() + in_size_, buffer_.size() - in_size_);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::IoError(std::string("read failed: ") + std::strerror(errno));
    if (n == 0) raw_eof_ = true;
    in_size_ += static_cast<size_t>(n);
    return Status::Ok();
  }
}

// Sniffs the gzip magic, which needs two bytes even when a pipe delivers one at a time.
Status ByteStream::Start() {
  started_ = true;
  while (in_size_ < 2 && !raw_eof_) {
    if (Status s = Fill(); !s.ok()) return s;
  }
  gzip_ = IsGzip(std::string_view(in_, in_size_));
  if (!gzip_) return Status::Ok();
  inflater_ = std::make_unique<Inflater>();
  if (inflateInit2(&inflater_->z, 16 + MAX_WBITS) != Z_OK) {
    return Status::Internal("inflateInit2 failed");
  }
  inflater_->initialized = true;
  return Status::Ok();
}

Result<size_t> ByteStream::Read(char* buf, size_t n) {
  if (!status_.ok()) return status_;
  if (!started_) status_ = Start();
  Result<size_t> got = !status_.ok() ? Result<size_t>(status_)
                       : gzip_       ? ReadGzip(buf, n)
                                     : ReadPlain(buf, n);
  if (!got.ok()) {
    status_ = got.status();
    return status_;
  }
  position_ += *got;
  return got;
}

Result<size_t> ByteStream::ReadPlain(char* buf, size_t n) {
  if (in_size_ == 0 && !raw_eof_) {
    if (Status s = Fill(); !s.ok()) return s;
  }
  size_t k = std::min(n, in_size_);
  if (k > 0) std::memcpy(buf, in_, k);
  in_ += k;
  in_size_ -= k;
  return k;
}

Result<size_t> ByteStream::ReadGzip(char* buf, size_t n) {
  z_stream& z = inflater_->z;
  size_t produced = 0;
  while (produced == 0 && n > 0) {
    // A member boundary: either the end, or the magic of the next member.
    bool need_more = member_done_ ? in_size_ < 2 : in_size_ == 0;
    if (need_more && !raw_eof_) {
      if (Status s = Fill(); !s.ok()) return s;
      continue;
    }
    if (member_done_) {
      if (in_size_ == 0) return size_t{0};
      if (!IsGzip(std::string_view(in_, in_size_))) {
        return Status::InvalidInput("trailing garbage after gzip member");
      }
      inflateReset(&z);
      member_done_ = false;
    }
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in_));
    z.avail_in = static_cast<uInt>(std::min<size_t>(in_size_, UINT32_MAX));
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = static_cast<uInt>(std::min<size_t>(n, UINT32_MAX));
    uInt avail_in = z.avail_in;
    uInt avail_out = z.avail_out;
    int rc = inflate(&z, Z_NO_FLUSH);
    in_ += avail_in - z.avail_in;
    in_size_ -= avail_in - z.avail_in;
    produced = avail_out - z.avail_out;
    if (rc == Z_STREAM_END) {
      member_done_ = true;
    } else if (rc == Z_OK || rc == Z_BUF_ERROR) {
      if (produced == 0 && in_size_ == 0 && raw_eof_) {
        return Status::InvalidInput("truncated gzip stream");
      }
    } else {
      return Status::InvalidInput(std::string("corrupt gzip stream: ") +
                                  (z.msg ? z.msg : "inflate error " + std::to_string(rc)));
    }
  }
  return produced;
}

}  // namespace winnow::sources
