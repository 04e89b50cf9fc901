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
  // Starts now, with `spent` seconds of the budget already used (by an earlier stage of the
  // same document, timed apart); seconds <= 0 never expires.
  explicit Deadline(double seconds, double spent = 0)
      : seconds_(seconds),
        start_(Clock::now() -
               std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(spent))) {}

  // Seconds since the start, `spent` included.
  double Elapsed() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

  // LimitExceeded naming the flag and the stage just finished once the budget is spent.
  Status Check(std::string_view stage) const {
    if (seconds_ <= 0 || Elapsed() <= seconds_) {
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
