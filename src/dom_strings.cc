#include "dom_strings.h"

#include <algorithm>
#include <cstring>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace winnow {
namespace {

constexpr size_t kBlockBytes = 8192;
constexpr size_t kMinSlots = 256;

// Paths and attrs strings run to a few hundred bytes; XXH3 hashes them in a third of the
// instructions std::hash takes.
size_t Hash(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

}  // namespace

DomStrings::Entry DomStrings::Intern(std::string_view s) {
  if (2 * (strings_.size() + 1) > slots_.size()) Grow();
  const size_t hash = Hash(s);
  const size_t slot = Slot(s, hash);
  if (slots_[slot] != 0) return {strings_[slots_[slot] - 1], slots_[slot] - 1};
  const uint32_t id = static_cast<uint32_t>(strings_.size());
  strings_.push_back(Store(s));
  hashes_.push_back(hash);
  slots_[slot] = id + 1;
  return {strings_.back(), id};
}

std::optional<uint32_t> DomStrings::Find(std::string_view s) const {
  if (slots_.empty()) return std::nullopt;
  const uint32_t entry = slots_[Slot(s, Hash(s))];
  if (entry == 0) return std::nullopt;
  return entry - 1;
}

size_t DomStrings::Slot(std::string_view s, size_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const uint32_t entry = slots_[i];
    if (entry == 0 || (hashes_[entry - 1] == hash && strings_[entry - 1] == s)) return i;
  }
}

void DomStrings::Grow() {
  slots_.assign(std::max<size_t>(kMinSlots, 2 * slots_.size()), 0);
  const size_t mask = slots_.size() - 1;
  for (uint32_t id = 0; id < strings_.size(); ++id) {
    size_t i = hashes_[id] & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = id + 1;
  }
}

std::string_view DomStrings::Store(std::string_view s) {
  if (s.empty()) return {};
  if (block_size_ - block_used_ < s.size()) {
    block_size_ = std::max(kBlockBytes, s.size());
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(block_size_));
    block_used_ = 0;
  }
  char* at = blocks_.back().get() + block_used_;
  std::memcpy(at, s.data(), s.size());
  block_used_ += s.size();
  return {at, s.size()};
}

}  // namespace winnow
