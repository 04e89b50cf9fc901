#include "dom_strings.h"

#include <algorithm>
#include <cstring>

namespace winnow {
namespace {

constexpr size_t kBlockBytes = 8192;
constexpr size_t kMinSlots = 64;

// Tag paths and class lists are short: eight bytes per multiply, then a final mix so the low
// bits (the slot) depend on every byte.
uint64_t Hash(std::string_view s) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = s.size() * kMul;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  if (i < s.size()) {
    uint64_t w = 0;
    std::memcpy(&w, s.data() + i, s.size() - i);
    h = (h ^ w) * kMul;
  }
  h ^= h >> 32;
  h *= kMul;
  return h ^ (h >> 29);
}

}  // namespace

size_t DomStrings::Probe(std::string_view s, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const uint32_t entry = slots_[slot];
    if (entry == 0 || (hashes_[entry - 1] == hash && strings_[entry - 1] == s)) return slot;
  }
}

DomStrings::Entry DomStrings::Intern(std::string_view s) {
  if ((strings_.size() + 1) * 2 > slots_.size()) Grow();
  const uint64_t hash = Hash(s);
  const size_t slot = Probe(s, hash);
  if (slots_[slot] != 0) return {strings_[slots_[slot] - 1], slots_[slot] - 1};
  const uint32_t id = static_cast<uint32_t>(strings_.size());
  strings_.push_back(Store(s));
  hashes_.push_back(hash);
  slots_[slot] = id + 1;
  return {strings_.back(), id};
}

std::optional<uint32_t> DomStrings::Find(std::string_view s) const {
  if (slots_.empty()) return std::nullopt;
  const uint32_t entry = slots_[Probe(s, Hash(s))];
  if (entry == 0) return std::nullopt;
  return entry - 1;
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

void DomStrings::Grow() {
  slots_.assign(std::max(kMinSlots, slots_.size() * 2), 0);
  const size_t mask = slots_.size() - 1;
  for (uint32_t id = 0; id < strings_.size(); ++id) {
    size_t slot = hashes_[id] & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = id + 1;
  }
}

}  // namespace winnow
