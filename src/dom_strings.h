// DomStrings: the distinct tag, path and attrs strings of one HTML page, each stored once with
// a dense id (0, 1, ... in order of first use), so the lines of a block share one copy and
// per-string answers (PatternMemo) can be kept by id.
#ifndef WINNOW_SRC_DOM_STRINGS_H_
#define WINNOW_SRC_DOM_STRINGS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
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

  // Bytes live in fixed heap blocks, never reallocated, so the views stay valid.
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_used_ = 0, block_size_ = 0;
  std::vector<std::string_view> strings_;               // by id
  std::unordered_map<std::string_view, uint32_t> ids_;  // keys view the stored copies
};

}  // namespace winnow

#endif  // WINNOW_SRC_DOM_STRINGS_H_
