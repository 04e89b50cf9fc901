#include "rules/rule_parser.h"

#include <charconv>
#include <cstdlib>
#include <utility>

#include "page.h"
#include "re2/set.h"

namespace winnow {
namespace {

struct ActionName {
  const char* name;
  Action action;
};
constexpr ActionName kActions[] = {
    {"drop", Action::kDrop},           {"span", Action::kSpan},
    {"cut-to-end", Action::kCutToEnd}, {"cut-from-start", Action::kCutFromStart},
    {"keep", Action::kKeep},           {"meta", Action::kMeta},
};

struct FeatureName {
  const char* name;
  Feature feature;
  bool is_flag;  // used bare (`punct`, `!hidden`) rather than compared
};
constexpr FeatureName kFeatures[] = {
    {"words", Feature::kWords, false},
    {"chars", Feature::kChars, false},
    {"punct", Feature::kPunct, true},
    {"caps", Feature::kCaps, false},
    {"digits", Feature::kDigits, false},
    {"stop", Feature::kStop, false},
    {"line", Feature::kLine, false},
    {"fromend", Feature::kFromEnd, false},
    {"blank-before", Feature::kBlankBefore, true},
    {"blank-after", Feature::kBlankAfter, true},
    {"same-as-first", Feature::kSameAsFirst, true},
    {"after-prose", Feature::kAfterProse, true},
    {"trailer", Feature::kTrailer, true},
    {"prose-before", Feature::kProseBefore, false},
    {"links", Feature::kLinks, false},
    {"block-links", Feature::kBlockLinks, false},
    {"heading", Feature::kHeading, false},
    {"depth", Feature::kDepth, false},
    {"hidden", Feature::kHidden, true},
    {"tag", Feature::kTag, false},
    {"in", Feature::kIn, false},
    {"class", Feature::kClass, false},
    {"path", Feature::kPath, false},
};

struct ContainerName {
  const char* name;
  uint32_t bits;
};
constexpr ContainerName kContainers[] = {
    {"article", kInArticle},   {"main", kInMain},
    {"nav", kInNav},           {"header", kInHeader},
    {"footer", kInFooter},     {"aside", kInAside},
    {"figure", kInFigure},     {"form", kInForm},
    {"menu", kInMenu},         {"button", kInButton},
    {"li", kInList},           {"table", kInTable},
    {"linklist", kInLinkList}, {"blockquote", kInBlockquote},
    {"heading", kInHeading},   {"pre", kInPre},
    {"address", kInAddress},   {"time", kInTime},
};

// A token of a rule line with its 1-based column.
struct Token {
  std::string_view text;
  int col;
};

// Finds the '/' closing a pattern that opens at s[open]; npos if none.
size_t PatternEnd(std::string_view s, size_t open) {
  for (size_t i = open + 1; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '/') {
      return i;
    }
  }
  return std::string_view::npos;
}

class LineParser {
 public:
  LineParser(std::string_view file, int line, int64_t max_mem, SyntaxCheck check,
             std::vector<std::string>& errors)
      : file_(file), line_(line), max_mem_(max_mem), check_(check), errors_(errors) {}

  void Error(int col, std::string_view msg) {
    errors_.push_back(std::string(file_) + ":" + std::to_string(line_) + ":" + std::to_string(col) +
                      ": " + std::string(msg));
    ok_ = false;
  }
  bool ok() const { return ok_; }

  // Splits a line into tokens; a /pattern/ (after `~` or at a token start) may hold spaces.
  std::vector<Token> Tokenize(std::string_view s) {
    std::vector<Token> tokens;
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
      if (i >= s.size() || s[i] == '#') break;
      size_t start = i;
      while (i < s.size() && s[i] != ' ' && s[i] != '\t') {
        if (s[i] == '/' && (i == start || s[i - 1] == '~')) {
          size_t close = PatternEnd(s, i);
          if (close == std::string_view::npos) {
            Error(static_cast<int>(i) + 1, "unterminated pattern: expected a closing '/'");
            return {};
          }
          i = close;
        }
        ++i;
      }
      tokens.push_back({s.substr(start, i - start), static_cast<int>(start) + 1});
    }
    return tokens;
  }

  // Parses "/re/flags" starting at token t; returns null (and reports) on error. With
  // `compile`, RE2 compiles it now, so a program over --re2-max-mem is reported here; else
  // only its syntax is checked (RE2::Set::Add parses without compiling) and it compiles when
  // first used (lazy_regex.h).
  std::shared_ptr<const LazyRegex> ParsePattern(std::string_view tok, int col, bool compile,
                                                std::string* out) {
    size_t close = PatternEnd(tok, 0);
    std::string_view body = tok.substr(1, close - 1);
    std::string_view flags = tok.substr(close + 1);
    std::string pattern;
    for (size_t k = 0; k < flags.size(); ++k) {
      char f = flags[k];
      if (f == 'i') {
        pattern = "(?i)";
      } else {
        Error(col + static_cast<int>(close + 1 + k),
              std::string("unknown pattern flag '") + f + "' (only 'i' is supported)");
        return nullptr;
      }
    }
    if (body.empty()) {
      Error(col, "empty pattern");
      return nullptr;
    }
    pattern.append(body);
    RE2::Options options;
    options.set_max_mem(max_mem_);
    options.set_log_errors(false);
    std::string error;
    auto re = std::make_shared<const LazyRegex>(pattern, options);
    if (compile) {
      if (!re->get().ok()) error = re->get().error();
    } else if (check_ == SyntaxCheck::kFull) {
      RE2::Set syntax(options, RE2::UNANCHORED);
      syntax.Add(pattern, &error);
    }
    if (!error.empty()) {
      Error(col + 1, "bad pattern: " + error);
      return nullptr;
    }
    if (out) *out = std::move(pattern);
    return re;
  }

  // Parses "name", "!name", "name OP value" into a predicate.
  bool ParsePredicate(Token t, Predicate& p) {
    std::string_view s = t.text;
    if (!s.empty() && s[0] == '!') {
      p.negate = true;
      s.remove_prefix(1);
    }
    size_t op_at = s.find_first_of("<>=!~");
    std::string_view name = s.substr(0, op_at);
    const FeatureName* feature = nullptr;
    for (const auto& f : kFeatures) {
      if (name == f.name) feature = &f;
    }
    if (!feature) {
      Error(t.col, "unknown predicate '" + std::string(name) + "'");
      return false;
    }
    p.feature = feature->feature;
    if (op_at == std::string_view::npos) {
      if (!feature->is_flag) {
        Error(t.col, "predicate '" + std::string(name) + "' needs a comparison, e.g. " +
                         std::string(name) + ">=3");
        return false;
      }
      p.op = Op::kFlag;
      return true;
    }
    if (feature->is_flag) {
      Error(t.col, "predicate '" + std::string(name) + "' is a flag: write it bare or as !" +
                       std::string(name));
      return false;
    }
    std::string_view rest = s.substr(op_at);
    struct OpName {
      const char* text;
      Op op;
    };
    constexpr OpName kOps[] = {{"<=", Op::kLe}, {">=", Op::kGe}, {"!=", Op::kNe},  {"<", Op::kLt},
                               {">", Op::kGt},  {"=", Op::kEq},  {"~", Op::kMatch}};
    size_t op_len = 0;
    for (const auto& o : kOps) {
      if (rest.substr(0, std::char_traits<char>::length(o.text)) == o.text) {
        p.op = o.op;
        op_len = std::char_traits<char>::length(o.text);
        break;
      }
    }
    std::string_view value = rest.substr(op_len);
    int value_col = t.col + static_cast<int>(t.text.size() - value.size());
    if (op_len == 0 || value.empty()) {
      Error(t.col, "malformed predicate '" + std::string(t.text) + "'");
      return false;
    }
    switch (p.feature) {
      case Feature::kClass:
      case Feature::kPath:
        if (p.op != Op::kMatch || value[0] != '/') {
          Error(t.col, std::string(name) + " takes a pattern: " + std::string(name) + "~/re/");
          return false;
        }
        // A user's is compiled now, so a pattern over --re2-max-mem is reported here; the
        // built-in ones compiled when winnow was built.
        p.re = ParsePattern(value, value_col, check_ == SyntaxCheck::kFull, nullptr);
        return p.re != nullptr;
      case Feature::kTag:
        if (p.op != Op::kEq && p.op != Op::kNe) {
          Error(t.col, "tag takes = or !=, e.g. tag=figcaption");
          return false;
        }
        p.text = std::string(value);
        return true;
      case Feature::kIn:
        if (p.op != Op::kEq && p.op != Op::kNe) {
          Error(t.col, "in takes = or !=, e.g. in=aside");
          return false;
        }
        for (const auto& c : kContainers) {
          if (value == c.name) p.containers = c.bits;
        }
        if (!p.containers) {
          Error(value_col, "unknown container '" + std::string(value) + "'");
          return false;
        }
        return true;
      default: {
        if (p.op == Op::kMatch) {
          Error(t.col, std::string(name) + " is numeric: use < <= > >= = !=");
          return false;
        }
        auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), p.number);
        if (ec != std::errc() || ptr != value.data() + value.size()) {
          Error(value_col, "expected a number, got '" + std::string(value) + "'");
          return false;
        }
        return true;
      }
    }
  }

  // Applies a `site=`, `kind=` token to the rule's scope; false if the token is not one.
  bool ParseScope(Token t, std::vector<std::string>& sites, uint8_t& kinds) {
    if (t.text.starts_with("site=")) {
      std::string_view host = t.text.substr(5);
      if (host.empty() || host.find_first_of("/:@ ") != std::string_view::npos) {
        Error(t.col + 5, "site= takes a host name such as apnews.com");
      } else {
        std::string h(host);
        for (char& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        sites.push_back(std::move(h));
      }
      return true;
    }
    if (t.text.starts_with("kind=")) {
      std::string_view k = t.text.substr(5);
      if (k == "text") {
        kinds |= kKindText;
      } else if (k == "html") {
        kinds |= kKindHtml;
      } else {
        Error(t.col + 5, "kind= takes text or html");
      }
      return true;
    }
    return false;
  }

  void ParseRule(const std::vector<Token>& tokens, Rule& rule) {
    size_t i = 1;
    if (tokens[0].text == "main") {  // a hint for the main region, not a label
      rule.label = Label::kBody;
      rule.action = Action::kMain;
      ParseMatch(tokens, i, rule);
      return;
    }
    auto label = ParseLabel(tokens[0].text);
    if (!label || *label == Label::kBody || *label == Label::kBoilerplate) {
      Error(tokens[0].col, "unknown label '" + std::string(tokens[0].text) +
                               "' (expected title, timestamp, caption, credit, byline, copyright, "
                               "sidebar, sponsored, nav, share, newsletter, ad, meta, ui, keep or "
                               "main)");
      return;
    }
    rule.label = *label;
    if (rule.label == Label::kKeep) {
      rule.action = Action::kKeep;
      if (i < tokens.size() && tokens[i].text == "keep") ++i;
    } else {
      bool found = false;
      if (i < tokens.size()) {
        for (const auto& a : kActions) {
          if (tokens[i].text == a.name) {
            rule.action = a.action;
            found = true;
          }
        }
      }
      if (!found) {
        Error(i < tokens.size() ? tokens[i].col : tokens[0].col + int(tokens[0].text.size()),
              "expected an action after the label: drop, span, cut-to-end, cut-from-start, "
              "keep or meta");
        return;
      }
      if (rule.action == Action::kKeep) rule.label = Label::kKeep;
      ++i;
    }
    rule.rest_label = rule.label;
    ParseMatch(tokens, i, rule);
  }

  // Parses tokens[i...]: the pattern, predicates, scope and rest= of a rule.
  void ParseMatch(const std::vector<Token>& tokens, size_t i, Rule& rule) {
    bool wrote_match = false;  // a pattern or predicate was written, even if it was wrong
    for (; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      if (t.text[0] == '/') {
        wrote_match = true;
        if (rule.re) {
          Error(t.col, "a rule takes one pattern; combine them with |");
          continue;
        }
        // Span rules need their own RE2 on every line that hits, so a user's is compiled
        // now; the others only in the check and test commands. The built-in ones were
        // compiled when winnow was built, and compile on their first hit.
        rule.re = ParsePattern(t.text, t.col,
                               rule.action == Action::kSpan && check_ == SyntaxCheck::kFull,
                               &rule.pattern);
        rule.pattern_col = t.col;
        continue;
      }
      if (ParseScope(t, rule.sites, rule.kinds)) continue;
      if (t.text.starts_with("rest=")) {
        auto rest = ParseLabel(t.text.substr(5));
        if (!rest || IsKept(*rest)) {
          Error(t.col + 5, "rest= takes a removal label such as sidebar");
        } else if (rule.action != Action::kCutToEnd && rule.action != Action::kCutFromStart) {
          Error(t.col, "rest= only applies to cut-to-end and cut-from-start rules");
        } else {
          rule.rest_label = *rest;
        }
        continue;
      }
      wrote_match = true;
      Predicate p;
      if (ParsePredicate(t, p)) rule.predicates.push_back(std::move(p));
    }
    if (rule.action == Action::kSpan && !rule.re) {
      Error(tokens[0].col, "a span rule needs a /pattern/ to say which span to drop");
    }
    if (!wrote_match) {
      Error(tokens[0].col, "a rule needs a /pattern/ or at least one predicate");
    }
  }

  // Parses a `scope ...` directive into the file's default scope.
  void ParseScopeDirective(const std::vector<Token>& tokens, std::vector<std::string>& sites,
                           uint8_t& kinds) {
    sites.clear();
    kinds = 0;
    if (tokens.size() == 2 && tokens[1].text == "global") return;
    if (tokens.size() < 2) Error(tokens[0].col, "scope takes site=HOST, kind=K or global");
    for (size_t i = 1; i < tokens.size(); ++i) {
      if (!ParseScope(tokens[i], sites, kinds)) {
        Error(tokens[i].col, "scope takes site=HOST, kind=K or global");
      }
    }
  }

  void ParseSet(const std::vector<Token>& tokens, Settings& settings) {
    if (tokens.size() != 4 || tokens[2].text != "=") {
      Error(tokens[0].col, "expected: set NAME = NUMBER");
      return;
    }
    double value = 0;
    std::string_view v = tokens[3].text;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (ec != std::errc() || ptr != v.data() + v.size()) {
      Error(tokens[3].col, "expected a number, got '" + std::string(v) + "'");
      return;
    }
    if (!SetSetting(settings, tokens[1].text, value)) {
      Error(tokens[1].col, "unknown setting '" + std::string(tokens[1].text) + "'");
    }
  }

 private:
  std::string_view file_;
  int line_;
  int64_t max_mem_;
  SyntaxCheck check_;
  std::vector<std::string>& errors_;
  bool ok_ = true;
};

}  // namespace

bool ParseRules(std::string_view file, std::string_view text, int64_t max_mem, ParsedFile& out,
                std::vector<std::string>& errors, SyntaxCheck check) {
  size_t errors_before = errors.size();
  std::vector<std::string> scope_sites;
  uint8_t scope_kinds = 0;
  // Examples attach to the rule just above; those of a rule with errors are skipped quietly
  // (its own errors say what is wrong).
  enum class Above { kNothing, kRule, kBrokenRule } above = Above::kNothing;
  int number = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    LineParser p(file, number, max_mem, check, errors);
    size_t indent = raw.find_first_not_of(" \t");
    if (indent == std::string_view::npos || raw[indent] == '#') continue;
    if (indent > 0) {
      // An example of the rule above: "+ text", "- text", "+ input => output".
      char sign = raw[indent];
      if (sign != '+' && sign != '-') {
        p.Error(static_cast<int>(indent) + 1,
                "an indented line is an example: start it with + or -");
        continue;
      }
      if (above != Above::kRule) {
        if (above == Above::kNothing) {
          p.Error(static_cast<int>(indent) + 1, "an example must follow a rule");
        }
        continue;
      }
      Example ex;
      ex.fires = sign == '+';
      ex.line = number;
      std::string_view body = raw.substr(indent + 1);
      body.remove_prefix(std::min(body.find_first_not_of(" \t"), body.size()));
      size_t arrow = body.find(" => ");
      if (arrow != std::string_view::npos) {
        if (!ex.fires) p.Error(static_cast<int>(indent) + 1, "only + examples take => output");
        ex.has_output = true;
        ex.output = std::string(body.substr(arrow + 4));
        body = body.substr(0, arrow);
      }
      ex.input = std::string(body);
      out.rules.back().examples.push_back(std::move(ex));
      continue;
    }
    std::vector<Token> tokens = p.Tokenize(raw);
    if (!p.ok() || tokens.empty()) {
      above = Above::kBrokenRule;
      continue;
    }
    if (tokens[0].text == "set") {
      p.ParseSet(tokens, out.settings);
      above = Above::kNothing;
    } else if (tokens[0].text == "scope") {
      p.ParseScopeDirective(tokens, scope_sites, scope_kinds);
      above = Above::kNothing;
    } else {
      Rule rule;
      rule.file = std::string(file);
      rule.line = number;
      rule.source = std::string(raw);
      rule.sites = scope_sites;
      rule.kinds = scope_kinds;
      p.ParseRule(tokens, rule);
      if (p.ok()) {
        out.rules.push_back(std::move(rule));
        above = Above::kRule;
      } else {
        above = Above::kBrokenRule;
      }
    }
  }
  return errors.size() == errors_before;
}

}  // namespace winnow
