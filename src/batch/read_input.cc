#include "batch/read_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace winnow::batch {

void ReadBuffer::Reserve(size_t n) {
  if (n <= capacity_) return;
  const size_t capacity = std::max(n, 2 * capacity_);
  std::unique_ptr<char[]> grown(new char[capacity]);  // not zero-filled: reads fill it
  if (size_ > 0) std::memcpy(grown.get(), data_.get(), size_);  // data_ may be null
  data_ = std::move(grown);
  capacity_ = capacity;
}

void ReadBuffer::Trim(size_t keep_bytes) {
  if (capacity_ <= keep_bytes) return;
  data_.reset();
  capacity_ = size_ = 0;
}

// For a regular file, size + 1 bytes are reserved first so that the file needs no regrowth,
// and a first read that asked for size + 1 bytes and got exactly size has met its end (a file
// still growing would have given more), so no read of 0 must confirm it.
Status ReadBuffer::ReadAll(int fd, size_t max_bytes, std::optional<size_t> size) {
  size_ = 0;
  Reserve(size ? *size + 1 : 64 << 10);
  for (;;) {
    if (size_ == capacity_) Reserve(capacity_ + 1);
    ssize_t n = read(fd, data_.get() + size_, capacity_ - size_);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IoError(std::string("read error: ") + std::strerror(errno));
    }
    if (n == 0) break;
    const bool whole = size_ == 0 && size && static_cast<size_t>(n) == *size;
    size_ += static_cast<size_t>(n);
    if (whole) break;
    if (size_ > max_bytes) {
      return Status::LimitExceeded("input too large (more than " + std::to_string(max_bytes) +
                                   " bytes)");
    }
  }
  return Status::Ok();
}

Status ReadInput(const std::string& path, size_t max_bytes, ReadBuffer* out) {
  if (path == "-") return out->ReadAll(STDIN_FILENO, max_bytes, std::nullopt);
  // O_NONBLOCK: opening a FIFO must not wait for a writer; regular files ignore the flag.
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return Status::IoError(std::string("cannot open: ") + std::strerror(errno));
  struct stat st;
  Status status;
  if (fstat(fd, &st) != 0) {
    status = Status::IoError(std::string("cannot stat: ") + std::strerror(errno));
  } else if (!S_ISREG(st.st_mode)) {
    status = Status::InvalidInput("not a regular file");
  } else if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    status = Status::LimitExceeded("file too large (" + std::to_string(st.st_size) + " bytes > " +
                                   std::to_string(max_bytes) + ")");
  } else {
    status = out->ReadAll(fd, max_bytes, static_cast<size_t>(st.st_size));
  }
  close(fd);
  return status;
}

Result<std::string> ReadInput(const std::string& path, size_t max_bytes) {
  ReadBuffer buffer;
  if (Status s = ReadInput(path, max_bytes, &buffer); !s.ok()) return s;
  return std::string(buffer.bytes());
}

}  // namespace winnow::batch
