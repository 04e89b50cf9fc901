// Tags: how the HTML source treats each element kind (shared by the pre-pass and the DOM walk).
#ifndef WINNOW_SRC_HTML_TAGS_H_
#define WINNOW_SRC_HTML_TAGS_H_

#include <gumbo.h>

#include <array>
#include <cstddef>
#include <cstdint>

namespace winnow::html {

// What the HTML source needs to know about one kind of element, in one table read per
// element (the DOM walk asks most of these of every element it opens).
struct TagTraits {
  bool void_tag = false;  // no content, no end tag (<br>, <img>, <meta>, ...)
  // Starts and ends a line (p, div, li, h1, tr, ...). td/th are not: cells of a row join on
  // one line (see the DOM walk).
  bool block = false;
  bool skipped = false;  // content never body text (script, style, select, video fallback...)
  // Where the DOM walk ends a line (within max_dom_depth): <br>, and the block elements it
  // does not skip. The pre-pass drops whitespace next to them, so the two must agree.
  bool breaks = false;
  bool block_container = false;  // groups lines: DomFeatures::block_id names the nearest one
  uint8_t heading = 0;           // 1..6 for h1..h6
  uint32_t containers = 0;       // container bits (src/page.h) the element contributes
};

inline constexpr size_t kTagCount = GUMBO_TAG_LAST + 1;
namespace tags_internal {
extern const std::array<TagTraits, kTagCount> kTraits;  // by GumboTag
}  // namespace tags_internal

inline const TagTraits& TraitsOf(GumboTag tag) { return tags_internal::kTraits[tag]; }
inline bool IsVoidTag(GumboTag tag) { return TraitsOf(tag).void_tag; }
inline bool IsBlockTag(GumboTag tag) { return TraitsOf(tag).block; }
inline bool IsSkippedTag(GumboTag tag) { return TraitsOf(tag).skipped; }
inline bool BreaksLine(GumboTag tag) { return TraitsOf(tag).breaks; }
inline bool IsBlockContainerTag(GumboTag tag) { return TraitsOf(tag).block_container; }
inline uint32_t ContainerBitsOfTag(GumboTag tag) { return TraitsOf(tag).containers; }
inline int HeadingLevel(GumboTag tag) { return TraitsOf(tag).heading; }

// Elements a start tag of `tag` implicitly closes when open on top of it (<p> closes <p>, ...).
// An approximation of the tree builder, good enough to track nesting depth.
bool ImpliesEndOf(GumboTag tag, GumboTag open);

}  // namespace winnow::html

#endif  // WINNOW_SRC_HTML_TAGS_H_
