// Page: a document reduced to lines, the common currency between every Source (text dump,
// HTML, JSONL record, WARC record) and the Classifier.
#ifndef WINNOW_SRC_PAGE_H_
#define WINNOW_SRC_PAGE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dom_strings.h"
#include "winnow/winnow.h"

namespace winnow {

// Semantic containers a line can sit in (bit flags, nearest-first does not matter).
enum Container : uint32_t {
  kInArticle = 1u << 0,
  kInMain = 1u << 1,
  kInNav = 1u << 2,
  kInHeader = 1u << 3,
  kInFooter = 1u << 4,
  kInAside = 1u << 5,
  kInFigure = 1u << 6,  // figure or figcaption
  kInForm = 1u << 7,
  kInMenu = 1u << 8,  // menu, menubar, role=menu / navigation
  kInButton = 1u << 9,
  kInList = 1u << 10,  // li
  kInTable = 1u << 11,
  kInLinkList = 1u << 12,  // a list (ul/ol) whose items are mostly links
  kInBlockquote = 1u << 13,
  kInHeading = 1u << 14,  // h1..h6
  kInPre = 1u << 15,
  kInAddress = 1u << 16,
  kInTime = 1u << 17,
};

// What the DOM knows about one line of an HTML page. The strings are views into
// Page::dom_strings, shared by the lines of one block.
struct DomFeatures {
  std::string_view tag;          // the block element that produced the line ("p", "h2", "li", ...)
  std::string_view path;         // tag path from <body>, e.g. "body>div>article>p"
  std::string_view attrs;        // ancestors' class and id tokens and role values, lowercased,
                                 // space-separated, nearest first (for `class~/re/` predicates)
  uint32_t path_id = 0;          // ids of path and attrs in Page::dom_strings (equal strings,
  uint32_t attrs_id = 0;         // equal ids), so a pattern is decided once per string
  uint32_t attrs_element = 0;    // the same tokens in Page::attr_tokens: its element, + 1
                                 // (0: no element on the way up has any)
  uint32_t containers = 0;       // Container bits
  uint32_t block_id = 0;         // id of the nearest enclosing block container (groups lines)
  uint16_t depth = 0;            // element depth of the line's block
  uint8_t heading = 0;           // 1..6 for h1..h6, else 0
  bool hidden = false;           // hidden, aria-hidden=true, or inline display:none on the way up
  float link_density = 0;        // characters inside <a> over all characters of the line
  float block_link_density = 0;  // the same over the whole block container
};

// "tag h2 links=0.15 block-links=0.40 in=article,li hidden class=... path=..." for explain.
std::string DescribeDom(const DomFeatures& dom);

// The class, id and role tokens of the elements that lines sit in, when the cleaner asks
// for them (HtmlOptions::collect_tokens): a line's attrs are the tokens of its element
// (DomFeatures::attrs_element), then of its parent, and so on up, while they fit in
// max_attrs_bytes. class~ patterns that allow it are matched on each token once
// (classify/class_tokens.h) instead of on every line's string of them.
struct AttrTokens {
  struct Element {
    uint32_t begin = 0, end = 0;  // its tokens: text[begin, end), each but the last followed
                                  // by '\n' (its string's length: tokens parted by spaces)
    uint32_t parent = 0;          // the nearest ancestor that has tokens, + 1 (0: none)
    bool cut = false;             // some of its tokens did not fit in max_attrs_bytes
  };
  std::string text;               // '\n', then every token, lowercased, followed by '\n'
  std::vector<Element> elements;  // parents before their children
  size_t max_attrs_bytes = 0;     // HtmlOptions::max_attrs_bytes
  bool collected = false;         // the walk filled these (HtmlOptions::collect_tokens)
};

struct Page {
  std::string storage;           // owns the text when the source built it (HTML, decoded input)
  std::string_view text;         // the lines, '\n'-separated: all of storage when storage is
                                 // used, else the input
  std::vector<DomFeatures> dom;  // HTML: one per line of text, in order; empty for text dumps
  // HTML: every distinct tag, path and attrs string of `dom`, stored once, with its id (dense
  // from 0). The views in `dom` survive its growth and the Page's moves.
  DomStrings dom_strings;
  Metadata meta;    // what the source already found (HTML meta tags, JSON-LD)
  std::string url;  // for site-scoped rules
  bool html = false;
  // HTML: per block_id, the id of the enclosing block container (0: none). Ids follow document
  // order, so the ids of a container's subtree are one run after its own.
  std::vector<uint32_t> block_parent;
  AttrTokens attr_tokens;  // HTML with HtmlOptions::collect_tokens
};

}  // namespace winnow

#endif  // WINNOW_SRC_PAGE_H_
