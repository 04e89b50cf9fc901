// For tests of what happens when a Hyperscan scan fails: a database Prefilter::Load accepts
// (it reads only the header) but that no scan can use.
#ifndef WINNOW_SRC_RULES_PREFILTER_TEST_UTIL_H_
#define WINNOW_SRC_RULES_PREFILTER_TEST_UTIL_H_

#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "rules/prefilter.h"

namespace winnow::testing {

// `db` with a copy of each image whose bytecode no longer matches its checksum, which
// hs_alloc_scratch verifies: the thread's scratch never fits it, so every scan fails. A copy
// keeps its image's address modulo 64 (prefilter.h) and lives until exit, so no database
// allocated later takes its address (the scratch remembers the databases it fits by address).
inline PrefilterDatabase CorruptedCopy(const PrefilterDatabase& db) {
  static std::vector<std::unique_ptr<char[]>> copies;
  auto corrupt = [](std::string_view image) -> std::string_view {
    if (image.empty()) return image;
    constexpr uintptr_t kAlign = 64;
    copies.emplace_back(new char[image.size() + 2 * kAlign]);
    char* base = copies.back().get();
    const uintptr_t at = reinterpret_cast<uintptr_t>(base);
    char* copy = base + (kAlign - at % kAlign) + reinterpret_cast<uintptr_t>(image.data()) % kAlign;
    std::memcpy(copy, image.data(), image.size());
    copy[image.size() / 2] ^= 0x5A;  // well past the header
    return {copy, image.size()};
  };
  PrefilterDatabase out = db;
  out.image = corrupt(db.image);
  out.digit_image = corrupt(db.digit_image);
  return out;
}

}  // namespace winnow::testing

#endif  // WINNOW_SRC_RULES_PREFILTER_TEST_UTIL_H_
