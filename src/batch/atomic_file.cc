#include "batch/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace winnow::batch {
namespace {

std::atomic<uint64_t> temp_counter{0};

Status ErrnoStatus(std::string_view what, std::string_view path, int err) {
  return Status::IoError(std::string(what) + " " + std::string(path) + ": " + std::strerror(err));
}

}  // namespace

Status WriteAll(int fd, std::string_view data, std::string_view name) {
  while (!data.empty()) {
    ssize_t n = write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IoError(std::string(name) + ": " + std::strerror(errno));
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

Status WriteFileAtomic(const std::string& path, std::string_view data) {
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  std::string temp = dir + "." + path.substr(dir.size()) + ".tmp-" + std::to_string(getpid()) +
                     "-" + std::to_string(temp_counter.fetch_add(1));
  constexpr int kFlags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC;
  int fd = open(temp.c_str(), kFlags, 0666);
  if (fd < 0 && errno == ENOENT && !dir.empty()) {
    // Parent folders are made only when missing, to spare a mkdir walk per file.
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return Status::IoError("cannot create folder " + dir + ": " + ec.message());
    fd = open(temp.c_str(), kFlags, 0666);
  }
  if (fd < 0) return ErrnoStatus("cannot write", path, errno);
  Status status = WriteAll(fd, data, "cannot write " + path);
  if (close(fd) != 0 && status.ok()) status = ErrnoStatus("cannot write", path, errno);
  if (status.ok() && rename(temp.c_str(), path.c_str()) != 0) {
    status = ErrnoStatus("cannot rename temp file to", path, errno);
  }
  if (!status.ok()) unlink(temp.c_str());
  return status;
}

}  // namespace winnow::batch
