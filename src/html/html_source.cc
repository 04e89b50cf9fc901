#include "html/html_source.h"

#include <algorithm>
#include <string>

#include "html/dom_walk.h"
#include "html/encoding.h"
#include "html/gumbo_arena.h"
#include "html/metadata.h"
#include "html/prepass.h"
#include "html/tag_scan.h"

namespace winnow {
namespace {

using html::AsciiLower;
using html::IsHtmlSpace;

constexpr size_t kSniffBytes = 1024;

// NUL bytes this early mean binary data (PNG, JPEG, PDF, ZIP all have them in their headers):
// no page, and decoding it would turn it into pages of replacement characters.
bool LooksBinary(std::string_view bytes, const html::DecodedHtml& decoded) {
  return decoded.encoding.rfind("utf-16", 0) != 0 &&
         bytes.substr(0, kSniffBytes).find('\0') != std::string_view::npos;
}

Status TooManyElements(size_t max_nodes) {
  return Status::LimitExceeded("HTML has more than " + std::to_string(max_nodes) + " elements");
}

}  // namespace

bool LooksLikeHtml(std::string_view bytes) {
  // Lowercased ASCII view of the first bytes; NULs dropped so UTF-16 reads like ASCII.
  std::string head;
  size_t p = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") p = 3;
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") p = 2;
  for (; p < bytes.size() && head.size() < kSniffBytes; ++p) {
    if (bytes[p] == '\0' || (head.empty() && IsHtmlSpace(bytes[p]))) continue;
    head.push_back(AsciiLower(bytes[p]));
  }
  static constexpr std::string_view kTags[] = {"html", "head",  "body",   "meta", "div",  "title",
                                               "p",    "table", "script", "link", "style"};
  if (head.starts_with("<!doctype html") || head.starts_with("<!--")) return true;
  if (head.starts_with("<?xml")) return head.find("<html") != std::string::npos;
  for (std::string_view tag : kTags) {
    if (head.size() > tag.size() + 1 && head[0] == '<' && head.compare(1, tag.size(), tag) == 0) {
      const char next = head[tag.size() + 1];
      if (IsHtmlSpace(next) || next == '>' || next == '/') return true;
    }
  }
  return false;
}

Result<Page> ParseHtml(std::string_view bytes, const HtmlOptions& options, HtmlStats* stats) {
  if (bytes.size() > options.max_bytes) {
    return Status::LimitExceeded("HTML document of " + std::to_string(bytes.size()) +
                                 " bytes is over the limit of " +
                                 std::to_string(options.max_bytes));
  }
  html::DecodedHtml decoded;
  html::DecodeHtml(bytes, options.charset_scan_bytes, &decoded);
  if (LooksBinary(bytes, decoded)) return Status::InvalidInput("binary data (NUL bytes), not HTML");
  html::PrepassResult prepass;
  html::Prepass(decoded.text, options, &prepass);
  if (prepass.start_tags > options.max_nodes) return TooManyElements(options.max_nodes);

  thread_local html::GumboArena arena;
  struct ResetArena {
    const HtmlOptions& options;
    ~ResetArena() { arena.Reset(options.arena_retain_bytes); }
  } reset_arena{options};
  const GumboOutput* output = html::ParseWithArena(prepass.html, options.gumbo_max_errors, &arena);
  if (output == nullptr) return Status::Internal("Gumbo failed to parse the document");

  Page page;
  page.html = true;
  // Heap storage from the start: page.text points into it, and a string short enough for
  // the small-string buffer would move its bytes (and leave text dangling) when the Page moves.
  page.storage.reserve(std::max<size_t>(64, prepass.html.size() / 4));
  // Room for what the walk appends, from the page's size: grown from empty, these vectors were
  // copied over and over, about 5% of the walk. On the dev pages a line comes per 0.29 start
  // tags (at most 1.5), an element with tokens per 0.24, and the tokens take 0.12 of the bytes
  // Gumbo parses (at most 0.50); what is reserved and never written is never touched.
  page.dom.reserve(prepass.start_tags / 2);
  if (options.collect_tokens) {
    page.attr_tokens.text.reserve(prepass.html.size() / 4);
    page.attr_tokens.elements.reserve(prepass.start_tags / 2);
  }
  html::DomWalkStats walk;
  html::MetadataReader meta(options);
  const Status status = html::WalkDom(output->document, options, &page, &walk, &meta);
  if (!status.ok()) return status;
  page.text = page.storage;
  meta.Finish(prepass.json_ld, &page.meta);
  if (stats != nullptr) {
    stats->encoding = decoded.encoding;
    stats->replaced_bytes = decoded.replaced_bytes;
    stats->gumbo_bytes = prepass.html.size();
    stats->elements = walk.elements;
    stats->flattened_elements = walk.flattened_elements + prepass.flattened_tags;
  }
  return page;
}

}  // namespace winnow
