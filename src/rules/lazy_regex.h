// LazyRegex: a rule's pattern whose own RE2 is compiled on first use.
//
// Many patterns never meet a line they could match in a run: the built-in ones are checked
// only on the lines the Hyperscan prefilter marks (prefilter.h), the others go through the
// RuleSet's RE2::Sets first. Compiling every pattern up front was a third of winnow's
// start-up, paid by every process.
#ifndef WINNOW_SRC_RULES_LAZY_REGEX_H_
#define WINNOW_SRC_RULES_LAZY_REGEX_H_

#include <memory>
#include <mutex>
#include <string>

#include "re2/re2.h"

namespace winnow {

class LazyRegex {
 public:
  // `pattern` must already have parsed (RuleParser or the build checked it), so only RE2's
  // program-size limit can make the compile fail; then get().ok() is false and the pattern
  // matches nothing.
  LazyRegex(std::string pattern, const RE2::Options& options)
      : pattern_(std::move(pattern)), options_(options) {}
  LazyRegex(const LazyRegex&) = delete;
  LazyRegex& operator=(const LazyRegex&) = delete;

  // The compiled pattern; the first call compiles it. Safe from several threads.
  const RE2& get() const {
    std::call_once(once_, [this] { re_ = std::make_unique<RE2>(pattern_, options_); });
    return *re_;
  }
  const std::string& pattern() const { return pattern_; }

 private:
  const std::string pattern_;
  const RE2::Options options_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
};

}  // namespace winnow

#endif  // WINNOW_SRC_RULES_LAZY_REGEX_H_
