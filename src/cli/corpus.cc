#include "cli/corpus.h"

#include <algorithm>
#include <atomic>
#include <iostream>
#include <mutex>
#include <thread>

#include "batch/read_input.h"
#include "sources/gzip.h"

namespace winnow::cli {
namespace {

// The page's bytes, decompressed; an error for inputs that are not pages.
Result<std::string> ReadPage(const batch::InputFile& file, size_t max_bytes) {
  using batch::InputKind;
  if (file.kind == InputKind::kError) return Status::IoError(file.note);
  if (file.kind == InputKind::kJsonl || file.kind == InputKind::kWarc) {
    return Status::InvalidInput("record files are not read here; clean them first");
  }
  Result<std::string> bytes = batch::ReadInput(file.path, max_bytes);
  if (!bytes.ok() || !(file.gzip || sources::IsGzip(*bytes))) return bytes;
  return sources::Gunzip(*bytes, max_bytes);
}

}  // namespace

int ForEachPage(const std::vector<batch::InputFile>& files, size_t max_bytes, int threads,
                const PageVisitor& visit) {
  std::atomic<size_t> next{0};
  std::atomic<int> failed{0};
  std::mutex log;
  auto work = [&] {
    for (size_t i; (i = next++) < files.size();) {
      const batch::InputFile& file = files[i];
      if (file.kind == batch::InputKind::kSkipped) continue;
      Result<std::string> bytes = ReadPage(file, max_bytes);
      Status status = bytes.status();
      if (bytes.ok()) {
        Input input;
        input.bytes = *bytes;
        input.format = file.kind == batch::InputKind::kText   ? Format::kText
                       : file.kind == batch::InputKind::kHtml ? Format::kHtml
                                                              : Format::kAuto;
        status = visit(i, input);
      }
      if (!status.ok()) {
        ++failed;
        std::lock_guard<std::mutex> lock(log);
        std::cerr << file.path << ": " << status.message() << "\n";
      }
    }
  };
  size_t n = threads > 0 ? size_t(threads) : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (size_t t = 1; t < std::min(n, files.size()); ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return failed;
}

}  // namespace winnow::cli
