// The team's extraction metric (shared/eval/README.md), computed exactly as the reference
// shared/tools/score.py computes it: bag-of-words over Python's
// `re.findall(r'\w+', text.lower())`, multiset overlap, per-page P/R/F1, macro means and the
// median F1. Every printed figure matches score.py's to the last digit.
#ifndef WINNOW_SRC_EVAL_METRIC_H_
#define WINNOW_SRC_EVAL_METRIC_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/status.h"

namespace winnow::eval {

// The tokens of a text, lowercased UTF-8, stored back to back in one buffer.
class Tokens {
 public:
  size_t size() const { return ends_.size(); }
  std::string_view operator[](size_t i) const {
    uint32_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(chars_).substr(begin, ends_[i] - begin);
  }

 private:
  friend Tokens Tokenize(std::string_view utf8);
  std::string chars_;
  std::vector<uint32_t> ends_;  // token i is chars_[ends_[i - 1], ends_[i])
};

// Python's `re.findall(r'\w+', text.lower())` over `utf8` decoded like
// `open(..., encoding="utf-8", errors="replace")`: full lowercasing (İ becomes i + U+0307, a
// word-final Σ becomes ς), \w = str.isalnum() or '_', both by Python 3.11's Unicode 14.0 tables.
Tokens Tokenize(std::string_view utf8);

struct PageScore {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

// One page: P = overlap/|pred|, R = overlap/|gold|; both empty scores 1, exactly one empty 0.
PageScore Score(std::string_view pred, std::string_view gold);

struct PageRow {
  std::string id;  // the gold file's name less ".gold.txt"
  PageScore score;
};

struct SetScore {
  std::vector<PageRow> pages;  // in score.py's order: ids sorted by code point
  double precision = 0;        // macro means over pages
  double recall = 0;
  double f1 = 0;
  double median_f1 = 0;
};

// Scores every GOLD_DIR/<id>.gold.txt against PRED_DIR/<id>.txt (a missing prediction is
// empty). Fails on an unreadable directory or file, or when there is no gold file.
Result<SetScore> ScoreDirs(const std::filesystem::path& pred_dir,
                           const std::filesystem::path& gold_dir);

// score.py's output lines, without the newline: "id\tP\tR\tF1" and
// "docs=N P=0.xxx R=0.xxx F1=0.xxx medianF1=0.xxx".
std::string FormatPageRow(const PageRow& row);
std::string FormatSummary(const SetScore& set);

}  // namespace winnow::eval

#endif  // WINNOW_SRC_EVAL_METRIC_H_
