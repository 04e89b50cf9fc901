#include "html/gumbo_arena.h"

#include <algorithm>

namespace winnow::html {
namespace {

constexpr size_t kBlockBytes = 1u << 20;

void* ArenaAllocate(void* userdata, size_t size) {
  return static_cast<GumboArena*>(userdata)->Allocate(size);
}

// Gumbo frees the old buffer whenever a vector or string grows; the bytes stay in the arena
// until Reset, which costs about 2x the tree's size and saves all bookkeeping.
void ArenaFree(void* userdata, void* ptr) {}

}  // namespace

void GumboArena::Fill(size_t block) {
  current_ = block;
  next_ = blocks_[block].data.get();
  limit_ = next_ + blocks_[block].size;
}

void* GumboArena::AllocateInNextBlock(size_t size) {
  // A retained block after the current one, else a new one (larger for a larger request).
  size_t block = next_ == nullptr ? 0 : current_ + 1;  // null: none filled since Reset
  while (block < blocks_.size() && blocks_[block].size < size) ++block;
  if (block >= blocks_.size()) {
    Block fresh;
    fresh.size = std::max(kBlockBytes, size);
    fresh.data.reset(new char[fresh.size]);
    blocks_.push_back(std::move(fresh));
    block = blocks_.size() - 1;
  }
  Fill(block);
  void* p = next_;
  next_ += size;
  return p;
}

void GumboArena::Reset(size_t retain_bytes) {
  size_t kept = 0;
  size_t keep_count = 0;
  while (keep_count < blocks_.size() && kept + blocks_[keep_count].size <= retain_bytes) {
    kept += blocks_[keep_count++].size;
  }
  blocks_.resize(keep_count);
  current_ = 0;
  next_ = limit_ = nullptr;
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
