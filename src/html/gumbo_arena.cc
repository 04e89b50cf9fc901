#include "html/gumbo_arena.h"

#include <algorithm>

namespace winnow::html {
namespace {

constexpr size_t kBlockBytes = 1u << 20;
constexpr size_t kAlign = alignof(std::max_align_t);

void* ArenaAllocate(void* userdata, size_t size) {
  return static_cast<GumboArena*>(userdata)->Allocate(size);
}

// Gumbo frees the old buffer whenever a vector or string grows; the bytes stay in the arena
// until Reset, which costs about 2x the tree's size and saves all bookkeeping.
void ArenaFree(void* userdata, void* ptr) {}

}  // namespace

void* GumboArena::Allocate(size_t size) {
  size = (size + kAlign - 1) & ~(kAlign - 1);
  allocated_ += size;
  while (current_ < blocks_.size()) {
    Block& block = blocks_[current_];
    if (block.size - used_ >= size) {
      void* p = block.data.get() + used_;
      used_ += size;
      return p;
    }
    ++current_;
    used_ = 0;
  }
  Block block;
  block.size = std::max(kBlockBytes, size);
  block.data.reset(new char[block.size]);
  blocks_.push_back(std::move(block));
  current_ = blocks_.size() - 1;
  used_ = size;
  return blocks_.back().data.get();
}

void GumboArena::Reset(size_t retain_bytes) {
  size_t kept = 0;
  size_t keep_count = 0;
  while (keep_count < blocks_.size() && kept + blocks_[keep_count].size <= retain_bytes) {
    kept += blocks_[keep_count++].size;
  }
  blocks_.resize(keep_count);
  current_ = 0;
  used_ = 0;
  allocated_ = 0;
}

GumboOutput* ParseWithArena(std::string_view html, int max_errors, GumboArena* arena) {
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = ArenaAllocate;
  options.deallocator = ArenaFree;
  options.userdata = arena;
  options.max_errors = max_errors;
  return gumbo_parse_with_options(&options, html.data(), html.size());
}

}  // namespace winnow::html
