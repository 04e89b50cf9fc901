#include "winnow/label.h"

#include <array>

#include "winnow/winnow.h"

namespace winnow {
namespace {

constexpr std::array<std::string_view, kLabelCount> kLabelNames = {
    "body",       "keep",      "title",   "timestamp", "caption",    "credit",
    "byline",     "copyright", "sidebar", "sponsored", "nav",        "share",
    "newsletter", "ad",        "meta",    "ui",        "boilerplate"};

constexpr std::array<std::string_view, 9> kReasonNames = {
    "rule", "cut-region", "long", "good", "short", "bad", "context", "edge", "main-block"};

}  // namespace

std::string_view LabelName(Label label) { return kLabelNames[static_cast<int>(label)]; }

std::optional<Label> ParseLabel(std::string_view name) {
  for (int i = 0; i < kLabelCount; ++i) {
    if (kLabelNames[i] == name) return static_cast<Label>(i);
  }
  return std::nullopt;
}

std::string_view ReasonName(Reason reason) { return kReasonNames[static_cast<int>(reason)]; }

}  // namespace winnow
