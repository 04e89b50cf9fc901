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

  void* Allocate(size_t size);
  // Forgets every allocation; keeps up to `retain_bytes` of blocks for the next parse.
  void Reset(size_t retain_bytes);
  size_t allocated_bytes() const { return allocated_; }

 private:
  struct Block {
    std::unique_ptr<char[]> data;
    size_t size = 0;
  };
  std::vector<Block> blocks_;
  size_t current_ = 0;  // index of the block being filled
  size_t used_ = 0;     // bytes used in blocks_[current_]
  size_t allocated_ = 0;
};

// Parses `html` (UTF-8) with all of Gumbo's memory in `arena`. The tree lives until
// arena->Reset(); never call gumbo_destroy_output on it. Returns nullptr if Gumbo fails.
GumboOutput* ParseWithArena(std::string_view html, int max_errors, GumboArena* arena);

}  // namespace winnow::html

#endif  // WINNOW_SRC_HTML_GUMBO_ARENA_H_
