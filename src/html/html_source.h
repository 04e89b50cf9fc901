// The HTML source: HTML bytes -> Page (lines, one DomFeatures per line, Metadata).
//
//   bytes -> DecodeHtml (encoding.h: BOM, declared charset, uchardet; always UTF-8 after)
//         -> Prepass (prepass.h: drops script/style/comments/SVG/... and unread attributes)
//         -> Gumbo, in a per-thread arena (gumbo_arena.h)
//         -> WalkDom (dom_walk.h: lines + DomFeatures), which hands every element to a
//            MetadataReader (metadata.h: title, date, author... with JSON-LD)
//
// Nothing recurses; every limit is an HtmlOptions field (html_options.h).
#ifndef WINNOW_SRC_HTML_HTML_SOURCE_H_
#define WINNOW_SRC_HTML_HTML_SOURCE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "html/html_options.h"
#include "page.h"
#include "winnow/status.h"

namespace winnow {

// True if the first bytes (after a BOM and whitespace) look like HTML: <!doctype html, <html,
// <head, <body, <meta, <div, <!--, <title, <p, <table, <script, <link, <style, or an XML
// declaration followed by <html.
bool LooksLikeHtml(std::string_view bytes);

// What happened while reading one page, for warnings and measurements.
struct HtmlStats {
  std::string encoding;           // what the bytes were read as: "utf-8", "windows-1252", ...
  size_t replaced_bytes = 0;      // undecodable input bytes written as U+FFFD (warn if > 0)
  size_t gumbo_bytes = 0;         // bytes left for Gumbo after the pre-pass
  size_t elements = 0;            // elements walked
  size_t flattened_elements = 0;  // elements beyond the depth limits (pre-pass or walk)
};

// Parses one HTML document. The Page's text is in page.storage, lines '\n'-separated, with
// page.dom[i] describing line i. Errors: kLimitExceeded past max_bytes or max_nodes,
// kInternal if Gumbo fails. `stats` may be null.
Result<Page> ParseHtml(std::string_view bytes, const HtmlOptions& options,
                       HtmlStats* stats = nullptr);

}  // namespace winnow

#endif  // WINNOW_SRC_HTML_HTML_SOURCE_H_
