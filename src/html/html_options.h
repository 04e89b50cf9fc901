// HtmlOptions: every limit of the HTML source, each with its default and why it exists.
#ifndef WINNOW_SRC_HTML_HTML_OPTIONS_H_
#define WINNOW_SRC_HTML_HTML_OPTIONS_H_

#include <cstddef>

namespace winnow {

struct HtmlOptions {
  // Documents larger than this are rejected (kLimitExceeded), never truncated.
  size_t max_bytes = 64u << 20;
  // Bytes searched for <meta charset> / http-equiv / the XML declaration.
  size_t charset_scan_bytes = 16u << 10;
  // Deepest element nesting (from <html>) that still structures lines; deeper elements are
  // flattened into their ancestor's line (text kept, no breaks, no features of their own).
  int max_dom_depth = 400;
  // Open elements tracked by the pre-pass. Tags nested deeper are dropped before Gumbo (their
  // text kept) because Gumbo's tree building is quadratic in nesting depth (10,000 nested
  // <div>s cost it 2 s). Well above max_dom_depth so it never fires on real pages.
  int max_prepass_depth = 1000;
  // Elements; a page with more is rejected (kLimitExceeded). Start tags are counted after
  // the pre-pass, before Gumbo builds a tree (about 400 bytes per element with its text, so
  // this caps a worker near 200 MB), and elements walked again. Real pages have thousands.
  size_t max_nodes = 500'000;
  // Parse errors Gumbo records. 0: none (they are unused, and recording them costs time).
  int gumbo_max_errors = 0;
  // JSON-LD blocks kept for metadata, and the largest one parsed.
  size_t max_json_ld_blocks = 16;
  size_t max_json_ld_bytes = 1u << 20;
  // DomFeatures::path for each line. The cleaner turns it off when nothing reads it (no
  // path~ rule, no explain): building and interning a path per block then costs nothing.
  bool describe_paths = true;
  // DomFeatures::attrs for each line, for class~ patterns matched on it and for explain. The
  // cleaner turns it off when the rules' class~ patterns are matched token by token and
  // nothing else reads it.
  bool describe_attrs = true;
  // Page::attr_tokens and DomFeatures::attrs_element, for class~ patterns matched token by
  // token (classify/class_tokens.h). The cleaner turns it on when the rules allow that.
  bool collect_tokens = false;
  // DomFeatures::path: nearest elements named; DomFeatures::attrs (and the tokens a line's
  // class~ patterns see): bytes of tokens, nearest element first.
  int max_path_elements = 8;
  size_t max_attrs_bytes = 200;
  // Longest metadata value kept (titles, names, dates).
  size_t max_meta_value_bytes = 1024;
  // The per-thread Gumbo arena keeps this much memory between pages; the rest is freed.
  size_t arena_retain_bytes = 32u << 20;
};

}  // namespace winnow

#endif  // WINNOW_SRC_HTML_HTML_OPTIONS_H_
