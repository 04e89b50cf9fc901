// GumboArena: a bump allocator handed to Gumbo, so a parsed tree is released in one step
// (Gumbo's own gumbo_destroy_output recurses over the tree and would overflow on deep input)
// and parsing makes no per-node malloc calls.
#ifndef WINNOW_SRC_HTML_GUMBO_ARENA_H_
#define WINNOW_SRC_HTML_GUMBO_ARENA_H_

#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace winnow::html {

class GumboArena {
 public:
  GumboArena() = default;
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;

  // Inline: Gumbo calls it for every node, string and vector, millions of times a second.
  void* Allocate(size_t size) {
    size = ((size | 1) + kAlign - 1) & ~(kAlign - 1);  // 0 too gets a byte of its own
    allocated_ += size;
    if (size > static_cast<size_t>(limit_ - next_)) return AllocateInNextBlock(size);
    void* p = next_;
    next_ += size;
    return p;
  }
  // Forgets every allocation; keeps up to `retain_bytes` of blocks for the next parse.
  void Reset(size_t retain_bytes);
  size_t allocated_bytes() const { return allocated_; }

 private:
  static constexpr size_t kAlign = alignof(std::max_align_t);
  struct Block {
    std::unique_ptr<char[]> data;
    size_t size = 0;
  };
  void* AllocateInNextBlock(size_t size);
  void Fill(size_t block);  // makes blocks_[block] the one being filled

  std::vector<Block> blocks_;
  size_t current_ = 0;     // index of the block being filled
  char* next_ = nullptr;   // its first free byte
  char* limit_ = nullptr;  // its end
  size_t allocated_ = 0;
};

// Parses `html` (UTF-8) with all of Gumbo's memory in `arena`. The tree lives until
// arena->Reset(); never call gumbo_destroy_output on it. Returns nullptr if Gumbo fails.
GumboOutput* ParseWithArena(std::string_view html, int max_errors, GumboArena* arena);

}  // namespace winnow::html

#endif  // WINNOW_SRC_HTML_GUMBO_ARENA_H_
