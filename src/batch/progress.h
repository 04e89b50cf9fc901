// ProgressMeter: one self-redrawing status line on a terminal (files, MB, pages/s, ETA).
#ifndef WINNOW_SRC_BATCH_PROGRESS_H_
#define WINNOW_SRC_BATCH_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>

namespace winnow::batch {

enum class ProgressMode : uint8_t {
  kAuto,    // draw when the log is a terminal
  kAlways,  // draw even into a file or pipe
  kNever,
};

// "[120/5000] 3.4 MB, 250.0 pages/s, ETA 0:19" (no ETA before the first file is done);
// "[120] 3.4 MB, 250.0 pages/s" when total is 0 (unknown, a stream).
std::string FormatProgress(uint64_t done, uint64_t total, uint64_t bytes, double seconds);

class ProgressMeter {
 public:
  ProgressMeter(int fd, ProgressMode mode, uint64_t total);

  // Redraws the line, at most every 200 ms.
  void Update(uint64_t done, uint64_t bytes);
  // Erases the line, so that a log line or the summary can be written in its place.
  void Clear();

 private:
  using Clock = std::chrono::steady_clock;
  int fd_;
  bool enabled_;
  uint64_t total_;
  bool drawn_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_draw_{};
};

}  // namespace winnow::batch

#endif  // WINNOW_SRC_BATCH_PROGRESS_H_
