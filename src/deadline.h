// Deadline: a per-document time budget (Options::max_seconds_per_doc), checked cooperatively
// between stages: a stage is not interrupted, but no further stage starts once it has passed.
#ifndef WINNOW_SRC_DEADLINE_H_
#define WINNOW_SRC_DEADLINE_H_

#include <chrono>
#include <sstream>
#include <string_view>

#include "winnow/status.h"

namespace winnow {

class Deadline {
 public:
  // Starts now; seconds <= 0 never expires.
  explicit Deadline(double seconds) : seconds_(seconds), start_(Clock::now()) {}

  // LimitExceeded naming the flag and the stage just finished once the budget is spent.
  Status Check(std::string_view stage) const {
    if (seconds_ <= 0 || std::chrono::duration<double>(Clock::now() - start_).count() <= seconds_) {
      return Status::Ok();
    }
    std::ostringstream message;
    message << "took longer than --max-seconds-per-doc=" << seconds_ << " (after " << stage << ")";
    return Status::LimitExceeded(message.str());
  }

 private:
  using Clock = std::chrono::steady_clock;
  double seconds_;
  Clock::time_point start_;
};

}  // namespace winnow

#endif  // WINNOW_SRC_DEADLINE_H_
