// DOM walk: turns a Gumbo tree into lines and one DomFeatures per line.
//
// Block elements (tags.h) start and end lines, inline elements join, whitespace collapses to
// one space, <br> breaks, <pre> keeps its line breaks. Cells of a row of short inline cells join
// with " | " (data and menu rows); in other rows (layout tables) each cell is a block. Only text
// nodes are text: alt/title attributes never are. Hidden elements (the `hidden` attribute,
// aria-hidden=true, inline display:none / visibility:hidden): hidden blocks are emitted with
// DomFeatures::hidden set, so the classifier can drop them and explain why; hidden inline
// elements are skipped, since as lines of their own they would split visible sentences.
// The walk is iterative (an explicit stack); elements nested deeper than
// HtmlOptions::max_dom_depth are flattened into their ancestor's line.
#ifndef WINNOW_SRC_HTML_DOM_WALK_H_
#define WINNOW_SRC_HTML_DOM_WALK_H_

#include <gumbo.h>

#include <cstddef>

#include "html/html_options.h"
#include "html/metadata.h"
#include "page.h"
#include "winnow/status.h"

namespace winnow::html {

struct DomWalkStats {
  size_t elements = 0;            // elements walked
  size_t flattened_elements = 0;  // elements beyond max_dom_depth
};

// Appends the lines of `document` (a GUMBO_NODE_DOCUMENT) to page->storage, '\n'-separated,
// and their features to page->dom, and offers `meta` every element in document order. Fails
// only when the page has more than max_nodes elements.
Status WalkDom(const GumboNode* document, const HtmlOptions& options, Page* page,
               DomWalkStats* stats, MetadataReader* meta);

}  // namespace winnow::html

#endif  // WINNOW_SRC_HTML_DOM_WALK_H_
