#include "batch/read_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>

namespace winnow::batch {
namespace {

// Reads fd to its end into out, or fails once more than max_bytes arrived. For a regular
// file, `size` is what fstat said: size + 1 bytes are allocated first so that the file needs
// no regrowth, and a first read that asked for size + 1 bytes and got exactly size has met
// its end (a file still growing would have given more), so no read of 0 must confirm it.
Status ReadAll(int fd, size_t max_bytes, std::optional<size_t> size, std::string& out) {
  out.resize(size ? *size + 1 : 64 << 10);
  size_t used = 0;
  for (;;) {
    if (used == out.size()) out.resize(out.size() * 2);
    ssize_t n = read(fd, out.data() + used, out.size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IoError(std::string("read error: ") + std::strerror(errno));
    }
    if (n == 0) break;
    const bool whole = used == 0 && size && static_cast<size_t>(n) == *size;
    used += static_cast<size_t>(n);
    if (whole) break;
    if (used > max_bytes) {
      return Status::LimitExceeded("input too large (more than " + std::to_string(max_bytes) +
                                   " bytes)");
    }
  }
  out.resize(used);
  return Status::Ok();
}

}  // namespace

Result<std::string> ReadInput(const std::string& path, size_t max_bytes) {
  std::string bytes;
  if (path == "-") {
    Status status = ReadAll(STDIN_FILENO, max_bytes, std::nullopt, bytes);
    if (!status.ok()) return status;
    return bytes;
  }
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
    status = ReadAll(fd, max_bytes, static_cast<size_t>(st.st_size), bytes);
  }
  close(fd);
  if (!status.ok()) return status;
  return bytes;
}

}  // namespace winnow::batch
