// Labels: what a line of a page is. Every removed line carries one.
#ifndef WINNOW_LABEL_H_
#define WINNOW_LABEL_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace winnow {

enum class Label : uint8_t {
  kBody = 0,     // article text: the only label that reaches the output
  kKeep,         // a rule protected the line from other rules; written as body
  kTitle,        // the page headline
  kTimestamp,    // publication / update times
  kCaption,      // photo and video captions
  kCredit,       // photo credits: "(AP Photo/...)"
  kByline,       // author lines, "X reported from Y"
  kCopyright,    // copyright and rights notices
  kSidebar,      // related / more headlines, teasers, "N hours ago"
  kSponsored,    // sponsored / promoted blurbs
  kNav,          // navigation, breadcrumbs, menus
  kShare,        // share / follow prompts
  kNewsletter,   // newsletter and subscription prompts
  kAd,           // advertisement markers
  kMeta,         // other page metadata (tags, categories, reading time)
  kUi,           // widgets, buttons, cookie notices, comment forms
  kBoilerplate,  // removed by the statistical fallback without a more specific label
};

inline constexpr int kLabelCount = static_cast<int>(Label::kBoilerplate) + 1;

// The lowercase name used in rule files, explain output and JSON ("body", "caption", ...).
std::string_view LabelName(Label label);
// The label with that name, or nullopt.
std::optional<Label> ParseLabel(std::string_view name);
// True for labels whose lines are written to the output.
inline bool IsKept(Label label) { return label == Label::kBody || label == Label::kKeep; }

}  // namespace winnow

#endif  // WINNOW_LABEL_H_
