// Whole-file writes: an output is either completely there or not at all, and every write
// error (full disk, read-only folder, closed pipe) comes back as a Status naming the path.
#ifndef WINNOW_SRC_BATCH_ATOMIC_FILE_H_
#define WINNOW_SRC_BATCH_ATOMIC_FILE_H_

#include <string>
#include <string_view>

#include "winnow/status.h"

namespace winnow::batch {

// Writes data to a temp file beside path (".NAME.tmp-<pid>-<n>") and renames it over path,
// creating missing parent folders. No fsync: a crash may lose the file, never half-write it.
// On failure the temp file is removed and path is untouched.
Status WriteFileAtomic(const std::string& path, std::string_view data);

// The same for output written piece by piece (a stream's output need not fit in memory):
// Open, Write..., Commit. Until Commit the output is a hidden temp file, removed by the
// destructor if Commit was not reached, so a killed run leaves no file named path.
class AtomicFile {
 public:
  AtomicFile() = default;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  Status Open(const std::string& path);
  Status Write(std::string_view data);
  // Closes the temp file and renames it over path.
  Status Commit();

 private:
  void Abort();

  std::string path_;
  std::string temp_;
  int fd_ = -1;
};

// Removes the temp files a killed run left in `dir` (".NAME.tmp-<pid>-<n>" whose process no
// longer exists; a live process's are its work in progress). Returns how many it removed.
size_t RemoveStaleTempFiles(const std::string& dir);

// Writes all of data to fd, retrying short writes and EINTR; name labels errors
// ("stdout: No space left on device"). EPIPE is reported only if SIGPIPE is ignored.
Status WriteAll(int fd, std::string_view data, std::string_view name);

}  // namespace winnow::batch

#endif  // WINNOW_SRC_BATCH_ATOMIC_FILE_H_
