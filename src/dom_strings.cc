#include "dom_strings.h"

#include <algorithm>
#include <cstring>

namespace winnow {
namespace {

constexpr size_t kBlockBytes = 8192;

}  // namespace

DomStrings::Entry DomStrings::Intern(std::string_view s) {
  if (auto it = ids_.find(s); it != ids_.end()) return {it->first, it->second};
  const uint32_t id = static_cast<uint32_t>(strings_.size());
  strings_.push_back(Store(s));
  ids_.emplace(strings_.back(), id);
  return {strings_.back(), id};
}

std::optional<uint32_t> DomStrings::Find(std::string_view s) const {
  auto it = ids_.find(s);
  if (it == ids_.end()) return std::nullopt;
  return it->second;
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
