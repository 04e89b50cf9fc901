// Tags: how the HTML source treats each element kind (shared by the pre-pass and the DOM walk).
#ifndef WINNOW_SRC_HTML_TAGS_H_
#define WINNOW_SRC_HTML_TAGS_H_

#include <gumbo.h>

#include <cstdint>

namespace winnow::html {

// Elements without content or end tag (<br>, <img>, <meta>, ...).
bool IsVoidTag(GumboTag tag);
// Elements that start and end a line (p, div, li, h1, tr, ...). td/th are not: cells of a row
// join on one line (see the DOM walk).
bool IsBlockTag(GumboTag tag);
// Elements whose content is never body text (script, style, select, video fallback, ...).
bool IsSkippedTag(GumboTag tag);
// Where the DOM walk ends a line (within max_dom_depth): <br>, and the block elements it does
// not skip. The pre-pass drops whitespace next to them, so the two must agree.
bool BreaksLine(GumboTag tag);
// Block elements that group lines: DomFeatures::block_id names the nearest one.
bool IsBlockContainerTag(GumboTag tag);
// Elements a start tag of `tag` implicitly closes when open on top of it (<p> closes <p>, ...).
// An approximation of the tree builder, good enough to track nesting depth.
bool ImpliesEndOf(GumboTag tag, GumboTag open);
// Container bits (src/page.h) the element itself contributes.
uint32_t ContainerBitsOfTag(GumboTag tag);
// 1..6 for h1..h6, else 0.
int HeadingLevel(GumboTag tag);

}  // namespace winnow::html

#endif  // WINNOW_SRC_HTML_TAGS_H_
