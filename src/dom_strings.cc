#include "dom_strings.h"

#include <algorithm>
#include <cstring>

namespace winnow {
namespace {

constexpr size_t kBlockBytes = 8192;
constexpr size_t kMinSlots = 64;

uint64_t Load(const char* p, size_t n) {
  uint64_t w = 0;
  std::memcpy(&w, p, n);
  return w;
}

// The 128-bit product folded to 64 bits: mixes every input bit into every output bit.
uint64_t Mix(uint64_t a, uint64_t b) {
  const unsigned __int128 product = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(product) ^ static_cast<uint64_t>(product >> 64);
}

// Paths and class lists run to a few hundred bytes, hashed once per block: 16 bytes per
// multiply (the scheme of wyhash, simplified).
uint64_t Hash(std::string_view s) {
  constexpr uint64_t kP0 = 0xa0761d6478bd642full, kP1 = 0xe7037ed1a0b428dbull;
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = Mix(n ^ kP0, kP1);
  if (n == 0) return h;  // data() may be null
  for (; n > 16; n -= 16, p += 16) h = Mix(Load(p, 8) ^ kP1, Load(p + 8, 8) ^ h);
  const uint64_t a = Load(p, n < 8 ? n : 8);
  const uint64_t b = n > 8 ? Load(p + 8, n - 8) : 0;
  return Mix(a ^ kP1, b ^ h ^ kP0);
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
