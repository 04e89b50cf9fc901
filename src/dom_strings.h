// DomStrings: the distinct tag, path and attrs strings of one HTML page, each stored once with
// a dense id (0, 1, ... in order of first use), so the lines of a block share one copy and
// per-string answers (PatternMemo) can be kept by id.
#ifndef WINNOW_SRC_DOM_STRINGS_H_
#define WINNOW_SRC_DOM_STRINGS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace winnow {

class DomStrings {
 public:
  struct Entry {
    std::string_view text;  // the stored copy: valid while the DomStrings lives, moves included
    uint32_t id = 0;
  };

  // The entry of `s`, stored on first use. Looking up a string already stored allocates
  // nothing, so callers can build candidates in a scratch buffer.
  Entry Intern(std::string_view s);
  // The id of `s`, if it was interned.
  std::optional<uint32_t> Find(std::string_view s) const;
  size_t size() const { return strings_.size(); }

 private:
  std::string_view Store(std::string_view s);
  // The slot of `s` in slots_: the one holding its id, else the empty one it would take.
  size_t Slot(std::string_view s, size_t hash) const;
  void Grow();

  // Bytes live in fixed heap blocks, never reallocated, so the views stay valid.
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_used_ = 0, block_size_ = 0;
  std::vector<std::string_view> strings_;  // by id
  std::vector<size_t> hashes_;             // by id
  // Open addressing, linear probing, a power of two long, at most half full: id + 1 per
  // slot, 0 if empty. A page has a few hundred strings, and a node-based map spent more
  // on allocating nodes than on finding them.
  std::vector<uint32_t> slots_;
};

}  // namespace winnow

#endif  // WINNOW_SRC_DOM_STRINGS_H_
