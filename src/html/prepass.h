// Pre-pass: removes, before Gumbo sees them, the bytes that can never be body text: script,
// style, comments, CDATA, SVG, MathML, noscript, template, iframe/textarea content, images,
// every attribute the DOM walk and metadata do not read (on the elements they read it from),
// the <meta> and <link> tags metadata does not read, and whitespace next to a block tag or
// <br> (where the DOM walk ends the line anyway). On real pages that is three quarters of the
// bytes and most text nodes, and Gumbo's cost is linear in what it is given. Kept: all other
// markup, <title>, <time datetime>; the text of JSON-LD scripts is handed over for metadata.
//
// Tag boundaries follow the HTML tokenizer (quoted attribute values, raw-text end tags, script
// escapes), so the pre-pass and Gumbo agree on what is markup. Constructs left open run to the
// end of the input, as in a browser.
#ifndef WINNOW_SRC_HTML_PREPASS_H_
#define WINNOW_SRC_HTML_PREPASS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "html/html_options.h"

namespace winnow::html {

struct PrepassResult {
  std::string html;                  // what Gumbo parses
  std::vector<std::string> json_ld;  // text of each <script type="application/ld+json">
  size_t flattened_tags = 0;         // tags dropped beyond options.max_prepass_depth
  size_t start_tags = 0;             // start tags kept: about the elements Gumbo will build
};

void Prepass(std::string_view in, const HtmlOptions& options, PrepassResult* out);

}  // namespace winnow::html

#endif  // WINNOW_SRC_HTML_PREPASS_H_
