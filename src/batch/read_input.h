// Reading one batch input whole, with a size cap, without ever blocking on a FIFO.
#ifndef WINNOW_SRC_BATCH_READ_INPUT_H_
#define WINNOW_SRC_BATCH_READ_INPUT_H_

#include <cstddef>
#include <string>

#include "winnow/status.h"

namespace winnow::batch {

// The bytes of the regular file at path, or of stdin for "-". Larger than max_bytes is an
// error ("file too large (N bytes > MAX)"), never a truncation. Anything but a regular file
// (checked on the opened descriptor, so a swap after the walk is caught too) is an error.
Result<std::string> ReadInput(const std::string& path, size_t max_bytes);

}  // namespace winnow::batch

#endif  // WINNOW_SRC_BATCH_READ_INPUT_H_
