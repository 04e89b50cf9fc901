#include "batch/progress.h"

#include <unistd.h>

#include <cstdio>

#include "batch/atomic_file.h"

namespace winnow::batch {

std::string FormatProgress(uint64_t done, uint64_t total, uint64_t bytes, double seconds) {
  double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  char buf[160];
  // A stream's total is unknown (0): "[120] ...", without an ETA.
  std::string count = std::to_string(done);
  if (total > 0) count += "/" + std::to_string(total);
  int n = std::snprintf(buf, sizeof(buf), "[%s] %.1f MB, %.1f pages/s", count.c_str(),
                        static_cast<double>(bytes) / 1e6, rate);
  if (rate > 0 && done < total) {
    auto eta = static_cast<unsigned long long>(static_cast<double>(total - done) / rate);
    std::snprintf(buf + n, sizeof(buf) - n, ", ETA %llu:%02llu", eta / 60, eta % 60);
  }
  return buf;
}

ProgressMeter::ProgressMeter(int fd, ProgressMode mode, uint64_t total)
    : fd_(fd),
      enabled_(mode == ProgressMode::kAlways || (mode == ProgressMode::kAuto && isatty(fd))),
      total_(total) {}

void ProgressMeter::Update(uint64_t done, uint64_t bytes) {
  Clock::time_point now = Clock::now();
  if (!enabled_ || now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  // "\r...\x1b[K": rewrite in place and erase what a longer previous line left.
  std::string line = "\r";
  line += FormatProgress(done, total_, bytes, seconds);
  line += "\x1b[K";
  (void)WriteAll(fd_, line, "progress");
  drawn_ = true;
}

void ProgressMeter::Clear() {
  if (!drawn_) return;
  (void)WriteAll(fd_, "\r\x1b[K", "progress");
  drawn_ = false;
}

}  // namespace winnow::batch
