// Reading one batch input whole, with a size cap, without ever blocking on a FIFO.
#ifndef WINNOW_SRC_BATCH_READ_INPUT_H_
#define WINNOW_SRC_BATCH_READ_INPUT_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "winnow/status.h"

namespace winnow::batch {

// Storage for ReadInput, kept at its largest size from one input to the next: a batch then
// allocates, and touches for the first time (a page fault per 4 KB, about 13 us on a virtual
// machine), only what its largest input needs, and nothing is zero-filled before a read.
class ReadBuffer {
 public:
  std::string_view bytes() const { return {data_.get(), size_}; }
  // Frees the storage if it is larger than keep_bytes, so that one huge input does not hold
  // its memory for the rest of a run.
  void Trim(size_t keep_bytes);

 private:
  friend Status ReadInput(const std::string& path, size_t max_bytes, ReadBuffer* out);
  // Reads fd to its end, or fails once more than max_bytes arrived; `size` is a regular
  // file's size from fstat.
  Status ReadAll(int fd, size_t max_bytes, std::optional<size_t> size);
  // Room for at least n bytes, the first size_ kept.
  void Reserve(size_t n);

  std::unique_ptr<char[]> data_;
  size_t capacity_ = 0;
  size_t size_ = 0;
};

// Reads the regular file at path, or stdin for "-", into *out. Larger than max_bytes is an
// error ("file too large (N bytes > MAX)"), never a truncation. Anything but a regular file
// (checked on the opened descriptor, so a swap after the walk is caught too) is an error.
Status ReadInput(const std::string& path, size_t max_bytes, ReadBuffer* out);

// The same, into a string of its own (for callers that keep the bytes).
Result<std::string> ReadInput(const std::string& path, size_t max_bytes);

}  // namespace winnow::batch

#endif  // WINNOW_SRC_BATCH_READ_INPUT_H_
