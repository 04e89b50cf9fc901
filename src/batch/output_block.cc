#include "batch/output_block.h"

namespace winnow::batch {

Status OutputBlock::Flush(BatchSummary* summary) {
  if (!gathered_) return Status::Ok();
  Status status = write_(bytes_);
  if (status.ok()) AddSummary(pending_, summary);
  bytes_.clear();
  pending_ = BatchSummary();
  gathered_ = false;
  return status;
}

}  // namespace winnow::batch
