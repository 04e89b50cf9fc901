// Metadata: title, date, author, site name, canonical URL and language of an HTML page, from
// its meta tags, <link rel=canonical>, <html lang>, <time datetime>, <title>, the first <h1>,
// and JSON-LD. Each field takes the best source present, in this order:
//   title     og:title, twitter:title, JSON-LD headline, <title> minus its " | Site" suffix, h1
//   date      article:published_time, JSON-LD datePublished, <time pubdate> or
//             itemprop=datePublished, meta date/pubdate/dc.date/..., the first <time datetime>
//   author    meta author, article:author (unless a URL), JSON-LD author names, meta byl/...
//   site_name og:site_name, JSON-LD publisher.name, application-name
//   url       <link rel=canonical>, og:url
//   language  <html lang>, http-equiv content-language
#ifndef WINNOW_SRC_HTML_METADATA_H_
#define WINNOW_SRC_HTML_METADATA_H_

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

#include "html/html_options.h"
#include "winnow/winnow.h"

namespace winnow::html {

// `document` is a GUMBO_NODE_DOCUMENT; `json_ld` the blocks the pre-pass kept.
void ExtractMetadata(const GumboNode* document, const std::vector<std::string>& json_ld,
                     const HtmlOptions& options, Metadata* meta);

// Whether ExtractMetadata reads a <meta> with these attributes ("" when absent): the pre-pass
// drops the others (viewport, og:image, ...), whose bytes Gumbo would only parse.
bool IsReadMeta(std::string_view property, std::string_view name, std::string_view itemprop,
                std::string_view http_equiv);

// "Headline | Site" -> "Headline": drops a trailing " | X", " - X", " – X", " — X" segment
// when X is `site_name` or is short next to the rest.
std::string TrimTitleSuffix(std::string_view title, std::string_view site_name);

}  // namespace winnow::html

#endif  // WINNOW_SRC_HTML_METADATA_H_
