#include <cstdio>
#include <mutex>
#include <span>
#include <string>

#include "classify/classifier.h"
#include "classify/line.h"
#include "deadline.h"
#include "html/html_source.h"
#include "rules/rule_set.h"
#include "sinks/body.h"
#include "sources/gzip.h"
#include "text/text_source.h"
#include "winnow/winnow.h"

namespace winnow {

// Copies are compiled only when more calls run at once than there are idle copies, so a
// single-threaded run compiles its rules once.
struct Cleaner::MatcherPool {
  std::vector<RuleSource> sources;
  int64_t max_mem = 0;
  bool use_prefilter = true;
  std::mutex mu;
  std::vector<std::unique_ptr<RuleSet>> all;  // owns every copy; all[0] is Cleaner::rules()
  std::vector<const RuleSet*> idle;

  // An idle copy, or a new one. The first compile succeeded, so the same sources compile; if
  // one ever did not, the call shares the first copy (RE2 is thread-safe, only slower).
  const RuleSet* Take() {
    {
      std::lock_guard lock(mu);
      if (!idle.empty()) {
        const RuleSet* r = idle.back();
        idle.pop_back();
        return r;
      }
    }
    Result<std::unique_ptr<RuleSet>> copy = RuleSet::Compile(sources, max_mem, use_prefilter);
    std::lock_guard lock(mu);
    if (!copy.ok()) return nullptr;
    all.push_back(std::move(*copy));
    return all.back().get();
  }
  void Give(const RuleSet* r) {
    if (r == nullptr) return;
    std::lock_guard lock(mu);
    idle.push_back(r);
  }
};

Cleaner::Cleaner(Options options, std::unique_ptr<MatcherPool> pool)
    : options_(std::move(options)), rules_(pool->all.front().get()), pool_(std::move(pool)) {}
Cleaner::~Cleaner() = default;

Result<std::unique_ptr<Cleaner>> Cleaner::Create(const Options& options) {
  Result<std::vector<RuleSource>> sources = RuleSet::Sources(options);
  if (!sources.ok()) return sources.status();
  Result<std::unique_ptr<RuleSet>> rules =
      RuleSet::Compile(*sources, options.re2_max_mem, options.use_prefilter);
  if (!rules.ok()) return rules.status();
  auto pool = std::make_unique<MatcherPool>();
  pool->sources = std::move(*sources);
  pool->max_mem = options.re2_max_mem;
  pool->use_prefilter = options.use_prefilter;
  pool->idle.push_back(rules->get());
  pool->all.push_back(std::move(*rules));
  return std::unique_ptr<Cleaner>(new Cleaner(options, std::move(pool)));
}

std::string_view Version() { return WINNOW_VERSION; }

std::string Cleaner::RuleOrigin(int index) const { return rules_->Origin(index); }

std::string Cleaner::RulesFingerprint() const {
  // FNV-1a (64-bit) of each file's length and text, in load order.
  uint64_t hash = 0xcbf29ce484222325ull;
  auto add = [&hash](std::string_view bytes) {
    for (unsigned char c : bytes) hash = (hash ^ c) * 0x100000001b3ull;
  };
  for (const RuleSource& source : pool_->sources) {
    add(std::to_string(source.text.size()) + ':');
    add(source.text);
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

int Cleaner::rule_count() const { return static_cast<int>(rules_->rules().size()); }

namespace {

// A document between its parse and its classification, with the time it has had so far.
struct Parsed {
  Page page;
  double seconds = 0;
};

// Decompresses, sniffs and reduces the input to a Page (HTML: decode, pre-pass, Gumbo, DOM
// walk, metadata).
Result<Parsed> Parse(const Options& options, const RuleSet& rules, const Input& input) {
  const Deadline deadline(options.max_seconds_per_doc);
  if (input.bytes.size() > options.max_document_bytes) {
    return Status::LimitExceeded(
        "document too large (" + std::to_string(input.bytes.size()) +
        " bytes > --max-bytes=" + std::to_string(options.max_document_bytes) + ")");
  }
  Parsed parsed;
  Page& page = parsed.page;
  std::string_view bytes = input.bytes;
  if (sources::IsGzip(bytes)) {
    Result<std::string> raw = sources::Gunzip(bytes, options.max_document_bytes);
    if (!raw.ok()) return raw.status();
    page.storage = std::move(*raw);
    bytes = page.storage;
    if (Status s = deadline.Check("decompressing"); !s.ok()) return s;
  }
  bool html =
      input.format == Format::kHtml || (input.format == Format::kAuto && LooksLikeHtml(bytes));
  if (html) {
    HtmlOptions html_options;
    html_options.max_bytes = options.max_document_bytes;
    html_options.max_dom_depth = options.max_dom_depth;
    html_options.max_nodes = options.max_dom_nodes;
    const PredicateSets& sets = rules.predicate_sets();
    html_options.describe_paths = options.keep_decisions || sets.path_patterns.set != nullptr;
    html_options.collect_tokens = sets.class_tokens.prefilter != nullptr;
    html_options.describe_attrs = options.keep_decisions || (sets.class_patterns.set != nullptr &&
                                                             !html_options.collect_tokens);
    Result<Page> html_page = ParseHtml(bytes, html_options);
    if (!html_page.ok()) return html_page.status();
    page = std::move(*html_page);
  } else {
    if (LooksBinary(bytes)) return Status::InvalidInput("binary data (NUL bytes), not a text dump");
    size_t replaced = 0;
    Page text = PageFromText(bytes, &replaced);
    if (!text.storage.empty()) {
      page.storage = std::move(text.storage);
    } else if (page.storage.empty()) {
      page.text = text.text;  // views the input
    } else {
      page.storage.erase(0, text.text.data() - page.storage.data());  // the inflated text's BOM
    }
  }
  if (!page.storage.empty()) page.text = page.storage;  // as Page says, text is all of storage
  page.url = input.url.empty() ? page.meta.url : input.url;
  if (Status s = deadline.Check("parsing"); !s.ok()) return s;
  parsed.seconds = deadline.Elapsed();
  return parsed;
}

// Lines, classifier and sink: the rest of Clean() for a parsed page.
Result<Cleaned> Finish(const Options& options, const RuleSet& rules, Parsed& parsed) {
  const Deadline deadline(options.max_seconds_per_doc, parsed.seconds);
  Page& page = parsed.page;
  if (!page.storage.empty()) page.text = page.storage;  // a move relocates a short string
  thread_local std::vector<Line> lines;
  thread_local Classification c;
  if (!ComputeLines(page.text, options.max_line_bytes, lines, options.max_document_lines)) {
    return Status::LimitExceeded("document has more than " +
                                 std::to_string(options.max_document_lines) +
                                 " non-blank lines (--max-lines)");
  }
  if (Status s = deadline.Check("line features"); !s.ok()) return s;
  Classify(rules, page, lines, options.max_line_bytes, c);
  if (Status s = deadline.Check("classifying"); !s.ok()) return s;

  Cleaned out;
  out.text.reserve(page.text.size() / 2);
  AppendBody(page, c, out.text);
  // Structured metadata (meta tags, JSON-LD) first, then what meta rules found in the text.
  out.meta = std::move(page.meta);
  for (auto [field, found] :
       {std::pair{&out.meta.title, &c.meta.title}, std::pair{&out.meta.date, &c.meta.date},
        std::pair{&out.meta.author, &c.meta.author}}) {
    if (field->empty()) *field = std::move(*found);
  }
  if (out.meta.url.empty()) out.meta.url = page.url;
  out.rule_hits.assign(rules.rules().size(), 0);
  for (const Decision& d : c.decisions) {
    ++out.label_counts[static_cast<int>(d.label)];
    if (d.rule >= 0) ++out.rule_hits[d.rule];
  }
  for (const DroppedSpan& s : c.spans) {
    if (s.rule >= 0) ++out.rule_hits[s.rule];
  }
  if (options.keep_decisions) {
    out.source = std::string(page.text);
    out.decisions = c.decisions;
    out.spans = c.spans;
    for (const DomFeatures& d : page.dom) out.dom.push_back(DescribeDom(d));
  }
  return out;
}

}  // namespace

Result<Cleaned> Cleaner::Clean(const Input& input) const {
  return std::move(CleanBatch(std::span(&input, 1)).front());
}

std::vector<Result<Cleaned>> Cleaner::CleanBatch(std::span<const Input> inputs) const {
  std::vector<Result<Parsed>> parsed;
  parsed.reserve(inputs.size());
  for (const Input& input : inputs) parsed.push_back(Parse(options_, *rules_, input));
  std::vector<Result<Cleaned>> out;
  out.reserve(inputs.size());
  const RuleSet* leased = pool_->Take();  // no other call uses this copy meanwhile
  for (Result<Parsed>& p : parsed) {
    out.push_back(p.ok() ? Finish(options_, leased ? *leased : *rules_, *p) : p.status());
  }
  pool_->Give(leased);
  return out;
}

}  // namespace winnow
