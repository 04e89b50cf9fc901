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

#include <climits>
#include <string>
#include <string_view>
#include <vector>

#include "html/html_options.h"
#include "winnow/winnow.h"

namespace winnow::html {

// Reads the metadata of one page from its elements in document order. The DOM walk offers
// it each element it opens and each subtree it skips, so the tree is traversed once.
class MetadataReader {
 public:
  explicit MetadataReader(const HtmlOptions& options) : options_(options) {}

  // Reads `element`; false when nothing below it can be metadata (<meta>, <title>, <h1>,
  // <script>...), so the caller need not offer its descendants. Inline: the DOM walk offers
  // it every element, and most are of a tag it passes over.
  bool Visit(const GumboNode* element) {
    return !ReadsTag(element->v.element.tag) || VisitRead(element);
  }
  // Reads `node` (an element or the document) and the elements below it, as Visit allows.
  void VisitSubtree(const GumboNode* node);
  // The fields, after every element: the best source of each, with the JSON-LD blocks the
  // pre-pass kept.
  void Finish(const std::vector<std::string>& json_ld, Metadata* meta);

 private:
  // The best value offered so far for one field (lower priority wins; ties keep the first).
  struct Slot {
    std::string value;
    int priority = INT_MAX;
  };
  // The tags VisitRead reads or refuses; for any other, Visit is true.
  static constexpr bool ReadsTag(GumboTag tag) {
    switch (tag) {
      case GUMBO_TAG_HTML:
      case GUMBO_TAG_META:
      case GUMBO_TAG_LINK:
      case GUMBO_TAG_TITLE:
      case GUMBO_TAG_TIME:
      case GUMBO_TAG_H1:
      case GUMBO_TAG_SCRIPT:
      case GUMBO_TAG_STYLE:
      case GUMBO_TAG_SVG:
        return true;
      default:
        return false;
    }
  }
  bool VisitRead(const GumboNode* element);
  void Offer(Slot* slot, int priority, std::string_view value);
  void VisitMeta(const GumboNode* node);

  const HtmlOptions& options_;
  Slot title_, date_, author_, site_, url_, language_;
  std::string html_title_;
  std::string h1_;
  std::vector<const GumboNode*> stack_;  // VisitSubtree's, kept for its capacity
};

// Whether MetadataReader reads a <meta> with these attributes ("" when absent): the pre-pass
// drops the others (viewport, og:image, ...), whose bytes Gumbo would only parse.
bool IsReadMeta(std::string_view property, std::string_view name, std::string_view itemprop,
                std::string_view http_equiv);

// "Headline | Site" -> "Headline": drops a trailing " | X", " - X", " – X", " — X" segment
// when X is `site_name` or is short next to the rest.
std::string TrimTitleSuffix(std::string_view title, std::string_view site_name);

}  // namespace winnow::html

#endif  // WINNOW_SRC_HTML_METADATA_H_
