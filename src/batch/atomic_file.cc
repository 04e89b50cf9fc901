#include "batch/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace winnow::batch {
namespace {

std::atomic<uint64_t> temp_counter{0};

// glibc no longer caches getpid(); winnow never forks, so once is enough.
pid_t Pid() {
  static const pid_t pid = getpid();
  return pid;
}

Status ErrnoStatus(std::string_view what, std::string_view path, int err) {
  return Status::IoError(std::string(what) + " " + std::string(path) + ": " + std::strerror(err));
}

// The pid in a temp file name ".NAME.tmp-<pid>-<n>", or 0 if the name is not one.
pid_t TempFilePid(std::string_view name) {
  size_t tmp = name.rfind(".tmp-");
  if (!name.starts_with('.') || tmp == std::string_view::npos || tmp == 0) return 0;
  std::string_view rest = name.substr(tmp + 5);
  size_t dash = rest.find('-');
  if (dash == 0 || dash == std::string_view::npos || dash + 1 == rest.size()) return 0;
  pid_t pid = 0;
  for (char c : rest.substr(0, dash)) {
    if (c < '0' || c > '9' || pid > 4'000'000) return 0;
    pid = pid * 10 + (c - '0');
  }
  for (char c : rest.substr(dash + 1)) {
    if (c < '0' || c > '9') return 0;
  }
  return pid;
}

}  // namespace

size_t RemoveStaleTempFiles(const std::string& dir) {
  size_t removed = 0;
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator(dir, ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    pid_t pid = TempFilePid(it->path().filename().native());
    if (pid <= 0 || pid == Pid()) continue;
    if (kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to judge
    std::error_code rm;
    if (it->is_regular_file(rm) && std::filesystem::remove(it->path(), rm)) ++removed;
  }
  return removed;
}

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

AtomicFile::~AtomicFile() { Abort(); }

void AtomicFile::Abort() {
  if (fd_ >= 0) close(fd_);
  if (!temp_.empty()) unlink(temp_.c_str());
  fd_ = -1;
  temp_.clear();
}

Status AtomicFile::Open(const std::string& path) {
  Abort();
  path_ = path;
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  std::string temp = dir + "." + path.substr(dir.size()) + ".tmp-" + std::to_string(Pid()) + "-" +
                     std::to_string(temp_counter.fetch_add(1));
  constexpr int kFlags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC;
  fd_ = open(temp.c_str(), kFlags, 0666);
  if (fd_ < 0 && errno == ENOENT && !dir.empty()) {
    // Parent folders are made only when missing, to spare a mkdir walk per file.
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return Status::IoError("cannot create folder " + dir + ": " + ec.message());
    fd_ = open(temp.c_str(), kFlags, 0666);
  }
  if (fd_ < 0) return ErrnoStatus("cannot write", path, errno);
  temp_ = std::move(temp);
  return Status::Ok();
}

Status AtomicFile::Write(std::string_view data) {
  if (fd_ < 0) return Status::Internal("write to " + path_ + " before Open");
  return WriteAll(fd_, data, "cannot write " + path_);
}

Status AtomicFile::Commit() {
  if (fd_ < 0) return Status::Internal("commit of " + path_ + " before Open");
  int rc = close(fd_);
  fd_ = -1;
  if (rc != 0) return ErrnoStatus("cannot write", path_, errno);
  if (rename(temp_.c_str(), path_.c_str()) != 0) {
    return ErrnoStatus("cannot rename temp file to", path_, errno);
  }
  temp_.clear();
  return Status::Ok();
}

Status WriteFileAtomic(const std::string& path, std::string_view data) {
  AtomicFile file;
  if (Status s = file.Open(path); !s.ok()) return s;
  if (Status s = file.Write(data); !s.ok()) return s;
  return file.Commit();
}

}  // namespace winnow::batch
