// OutputBlock: outputs for one stream (stdout, or a stream input's output file) gathered into
// blocks, so that a page or a record does not cost a write system call each; on a pipe, the
// reader then wakes once per block too. What the gathered outputs add to the run summary waits
// with them, and counts once their block is written.
#ifndef WINNOW_SRC_BATCH_OUTPUT_BLOCK_H_
#define WINNOW_SRC_BATCH_OUTPUT_BLOCK_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

#include "batch/summary.h"
#include "winnow/status.h"

namespace winnow::batch {

// Outputs go out in blocks of at least this size (except the last).
inline constexpr size_t kOutputBlockBytes = 64 << 10;

class OutputBlock {
 public:
  using Write = std::function<Status(std::string_view bytes)>;

  // block_bytes 0 writes each output at once (for a terminal).
  OutputBlock(Write write, size_t block_bytes) : write_(std::move(write)), limit_(block_bytes) {}

  // Gathers an output from `source` (kept for the first one, to name in a write error). The
  // caller adds its counts to pending(), then calls Full() to know whether to flush.
  void Add(std::string_view bytes, std::string_view source) {
    if (!gathered_) first_source_.assign(source);
    gathered_ = true;
    bytes_ += bytes;
  }
  BatchSummary& pending() { return pending_; }
  bool Full() const { return gathered_ && bytes_.size() >= limit_; }

  // Writes what is gathered; on success adds pending() to *summary. Either way the block is
  // emptied: a write error is the caller's to report (against first_source()).
  Status Flush(BatchSummary* summary);
  const std::string& first_source() const { return first_source_; }

 private:
  Write write_;
  size_t limit_;
  bool gathered_ = false;  // an output was added since the last flush (it may be empty)
  std::string bytes_;
  BatchSummary pending_;
  std::string first_source_;
};

}  // namespace winnow::batch

#endif  // WINNOW_SRC_BATCH_OUTPUT_BLOCK_H_
