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

// Writes all of data to fd, retrying short writes and EINTR; name labels errors
// ("stdout: No space left on device"). EPIPE is reported only if SIGPIPE is ignored.
Status WriteAll(int fd, std::string_view data, std::string_view name);

}  // namespace winnow::batch

#endif  // WINNOW_SRC_BATCH_ATOMIC_FILE_H_
