#include "html/metadata.h"

#include "html/json_ld.h"
#include "html/tag_scan.h"

namespace winnow::html {
namespace {

// Whitespace collapsed, trimmed, cut to `cap` bytes on a UTF-8 boundary.
std::string Clean(std::string_view s, size_t cap) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (IsHtmlSpace(c) || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  if (out.size() > cap) {
    size_t cut = cap;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

std::string_view Attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

bool HasToken(std::string_view list, std::string_view lower_token) {
  size_t p = 0;
  while ((p = FindIgnoreCase(list, p, lower_token)) != std::string_view::npos) {
    const size_t e = p + lower_token.size();
    if ((p == 0 || IsHtmlSpace(list[p - 1])) && (e == list.size() || IsHtmlSpace(list[e]))) {
      return true;
    }
    p = e;
  }
  return false;
}

// Text of `node`'s subtree, iteratively, up to `cap` bytes.
std::string TextOf(const GumboNode* node, size_t cap) {
  std::string text;
  std::vector<std::pair<const GumboNode*, unsigned>> stack = {{node, 0}};
  while (!stack.empty() && text.size() < cap) {
    auto& [n, next] = stack.back();
    const GumboVector& children = n->v.element.children;
    if (next >= children.length) {
      stack.pop_back();
      continue;
    }
    const GumboNode* child = static_cast<const GumboNode*>(children.data[next++]);
    if (child->type == GUMBO_NODE_ELEMENT) {
      stack.emplace_back(child, 0);
    } else if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) {
      text += child->v.text.text;
    }
  }
  return text;
}

enum Field { kTitle, kDate, kAuthor, kSite, kUrl, kLanguage };

// The <meta> tags read: by property, name or itemprop (whichever comes first), or, for a
// key of "", by http-equiv. Lower priority wins among sources of a field.
struct MetaKey {
  std::string_view key;
  Field field;
  int priority;
  bool names_only = false;  // a URL in content (the author's page on the site) is not read
};
constexpr MetaKey kMetaKeys[] = {
    {"og:title", kTitle, 1},
    {"twitter:title", kTitle, 2},
    {"article:published_time", kDate, 1},
    {"datepublished", kDate, 3},
    {"date", kDate, 4},
    {"pubdate", kDate, 4},
    {"publishdate", kDate, 4},
    {"publish-date", kDate, 4},
    {"publish_date", kDate, 4},
    {"dc.date", kDate, 4},
    {"dc.date.issued", kDate, 4},
    {"dcterms.date", kDate, 4},
    {"dcterms.created", kDate, 4},
    {"sailthru.date", kDate, 4},
    {"parsely-pub-date", kDate, 4},
    {"og:published_time", kDate, 4},
    {"article.published", kDate, 4},
    {"original-publish-date", kDate, 4},
    {"author", kAuthor, 1},
    {"article:author", kAuthor, 2, true},
    {"byl", kAuthor, 4},
    {"parsely-author", kAuthor, 4},
    {"sailthru.author", kAuthor, 4},
    {"dc.creator", kAuthor, 4},
    {"og:site_name", kSite, 1},
    {"application-name", kSite, 3},
    {"og:url", kUrl, 2},
};
constexpr MetaKey kContentLanguage = {"content-language", kLanguage, 2};

std::string_view MetaKeyOf(std::string_view property, std::string_view name,
                           std::string_view itemprop) {
  return !property.empty() ? property : !name.empty() ? name : itemprop;
}

const MetaKey* FindMetaKey(std::string_view key, std::string_view http_equiv) {
  if (key.empty()) {
    return EqualsIgnoreCase(http_equiv, kContentLanguage.key) ? &kContentLanguage : nullptr;
  }
  for (const MetaKey& k : kMetaKeys) {
    if (EqualsIgnoreCase(key, k.key)) return &k;
  }
  return nullptr;
}

}  // namespace

void MetadataReader::VisitSubtree(const GumboNode* node) {
  stack_.assign(1, node);
  while (!stack_.empty()) {
    node = stack_.back();
    stack_.pop_back();
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    if (node->type == GUMBO_NODE_ELEMENT && !Visit(node)) continue;
    for (unsigned i = children.length; i-- > 0;) {
      const GumboNode* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type == GUMBO_NODE_ELEMENT) stack_.push_back(child);
    }
  }
}

void MetadataReader::Finish(const std::vector<std::string>& json_ld, Metadata* meta) {
  JsonLdFacts facts;
  ReadJsonLd(json_ld, &facts);
  Offer(&title_, 3, facts.headline);
  Offer(&date_, 2, facts.date_published);
  Offer(&author_, 3, facts.author);
  Offer(&site_, 2, facts.publisher);
  Offer(&title_, 4,
        TrimTitleSuffix(Clean(html_title_, options_.max_meta_value_bytes), site_.value));
  Offer(&title_, 5, h1_);
  meta->title = title_.value;
  meta->date = date_.value;
  meta->author = author_.value;
  meta->site_name = site_.value;
  meta->url = url_.value;
  meta->language = language_.value;
}

void MetadataReader::Offer(Slot* slot, int priority, std::string_view value) {
  if (priority >= slot->priority) return;
  std::string clean = Clean(value, options_.max_meta_value_bytes);
  if (clean.empty()) return;
  slot->value = std::move(clean);
  slot->priority = priority;
}

bool MetadataReader::VisitRead(const GumboNode* node) {
  switch (node->v.element.tag) {
    case GUMBO_TAG_HTML:
      Offer(&language_, 1, Attribute(node, "lang"));
      return true;
    case GUMBO_TAG_META:
      VisitMeta(node);
      return false;
    case GUMBO_TAG_LINK:
      if (HasToken(Attribute(node, "rel"), "canonical")) Offer(&url_, 1, Attribute(node, "href"));
      return false;
    case GUMBO_TAG_TITLE:
      if (html_title_.empty()) html_title_ = TextOf(node, options_.max_meta_value_bytes);
      return false;
    case GUMBO_TAG_TIME: {
      const bool published = gumbo_get_attribute(&node->v.element.attributes, "pubdate") ||
                             EqualsIgnoreCase(Attribute(node, "itemprop"), "datepublished");
      Offer(&date_, published ? 3 : 5, Attribute(node, "datetime"));
      return true;
    }
    case GUMBO_TAG_H1:
      if (h1_.empty()) h1_ = TextOf(node, options_.max_meta_value_bytes);
      return false;
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_SVG:
      return false;
    default:
      return true;
  }
}

void MetadataReader::VisitMeta(const GumboNode* node) {
  const std::string_view content = Attribute(node, "content");
  if (content.empty()) return;
  const MetaKey* read = FindMetaKey(
      MetaKeyOf(Attribute(node, "property"), Attribute(node, "name"), Attribute(node, "itemprop")),
      Attribute(node, "http-equiv"));
  if (read == nullptr || (read->names_only && StartsWithIgnoreCase(content, 0, "http"))) return;
  Slot* const slots[] = {&title_, &date_, &author_, &site_, &url_, &language_};
  Offer(slots[read->field], read->priority, content);
}

std::string TrimTitleSuffix(std::string_view title, std::string_view site_name) {
  static constexpr std::string_view kSeparators[] = {" | ",  " - ",      " \u2013 ", " \u2014 ",
                                                     " :: ", " \u00b7 ", " \u00bb "};
  size_t at = std::string_view::npos;
  size_t length = 0;
  for (std::string_view sep : kSeparators) {
    const size_t p = title.rfind(sep);
    if (p != std::string_view::npos && (at == std::string_view::npos || p > at)) {
      at = p;
      length = sep.size();
    }
  }
  if (at == std::string_view::npos || at == 0) return std::string(title);
  const std::string_view head = title.substr(0, at);
  const std::string_view tail = title.substr(at + length);
  size_t tail_words = 1;
  for (char c : tail) tail_words += c == ' ';
  bool is_site = !site_name.empty() && tail.size() == site_name.size();
  for (size_t i = 0; is_site && i < tail.size(); ++i) {
    is_site = AsciiLower(tail[i]) == AsciiLower(site_name[i]);
  }
  if (is_site || (tail.size() < head.size() && tail_words <= 4)) return std::string(head);
  return std::string(title);
}

bool IsReadMeta(std::string_view property, std::string_view name, std::string_view itemprop,
                std::string_view http_equiv) {
  return FindMetaKey(MetaKeyOf(property, name, itemprop), http_equiv) != nullptr;
}

}  // namespace winnow::html
