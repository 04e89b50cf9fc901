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
  // The slot of `s` (hash `hash`) in slots_: its own, or the empty one where it would go.
  size_t Probe(std::string_view s, uint64_t hash) const;
  std::string_view Store(std::string_view s);
  void Grow();

  // Bytes live in fixed heap blocks, never reallocated, so the views stay valid.
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_used_ = 0, block_size_ = 0;
  std::vector<std::string_view> strings_;  // by id
  std::vector<uint64_t> hashes_;           // by id, for Grow
  std::vector<uint32_t> slots_;            // open addressing: id + 1, 0 when empty
};

}  // namespace winnow

#endif  // WINNOW_SRC_DOM_STRINGS_H_
