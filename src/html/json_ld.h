// JSON-LD: the facts metadata reads from <script type="application/ld+json"> blocks.
#ifndef WINNOW_SRC_HTML_JSON_LD_H_
#define WINNOW_SRC_HTML_JSON_LD_H_

#include <string>
#include <vector>

namespace winnow::html {

struct JsonLdFacts {
  std::string headline;
  std::string date_published;
  std::string author;     // names joined with ", "
  std::string publisher;  // publisher.name
};

// Fills the still-empty fields of `facts` from JSON-LD blocks, each an object, an array of
// objects, or either with "@graph". Article-typed objects (Article, NewsArticle, BlogPosting,
// ...) win over others wherever they are. Blocks that are not valid JSON, even without the HTML
// comment or CDATA wrappers and raw line breaks that sites put in them, are ignored.
void ReadJsonLd(const std::vector<std::string>& blocks, JsonLdFacts* facts);

}  // namespace winnow::html

#endif  // WINNOW_SRC_HTML_JSON_LD_H_
