#include "cli/load_cleaner.h"

#include <iostream>

namespace winnow::cli {

std::unique_ptr<Cleaner> LoadCleaner(const Options& options) {
  Result<std::unique_ptr<Cleaner>> cleaner = Cleaner::Create(options);
  if (!cleaner.ok()) {
    std::cerr << cleaner.status().message() << "\n";
    return nullptr;
  }
  return std::move(*cleaner);
}

}  // namespace winnow::cli
