// winnow_prefilter_gen OUT.cc: compiles the default rules' patterns into a Hyperscan database
// and writes it, laid out as Hyperscan scans it, as the C++ source of
// DefaultPrefilterDatabase() and DefaultClassTokenDatabase() (prefilter.h). Run by the build;
// Hyperscan needs about half a second for these patterns, too long to pay in every process.
#include <hs/hs.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/default_rules.h"
#include "rules/hs_expression.h"
#include "rules/pattern_syntax.h"
#include "rules/prefilter.h"
#include "rules/rule_parser.h"

namespace {

// Every byte as \xHH, so no escape can run into the next character.
std::string CLiteral(std::string_view bytes) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto c = static_cast<unsigned char>(bytes[i]);
    out += "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 15];
    if (i % 64 == 63 && i + 1 < bytes.size()) out += "\"\n    \"";
  }
  return out + "\"";
}

int Fail(const std::string& message) {
  std::fprintf(stderr, "winnow_prefilter_gen: %s\n", message.c_str());
  return 1;
}

constexpr size_t kAlign = 64;

// Compiles the expressions into one database and sets `image` to it as the binary embeds it:
// serialized, then deserialized at a 64-byte aligned address, so it is valid where it lies.
bool CompileImage(const std::vector<const char*>& expressions, const std::vector<unsigned>& flags,
                  const std::vector<unsigned>& ids, std::string& image, std::string& message) {
  // Generic x86-64 (or the target's baseline): the database must run wherever the binary does.
  hs_platform_info_t platform{HS_TUNE_FAMILY_GENERIC, 0, 0, 0};
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                       static_cast<unsigned>(ids.size()), HS_MODE_BLOCK, &platform, &db,
                       &error) != HS_SUCCESS) {
    message = std::string("hs_compile_multi: ") + error->message;
    hs_free_compile_error(error);
    return false;
  }
  char* bytes = nullptr;
  size_t length = 0;
  size_t size = 0;
  const bool serialized = hs_serialize_database(db, &bytes, &length) == HS_SUCCESS &&
                          hs_serialized_database_size(bytes, length, &size) == HS_SUCCESS;
  hs_free_database(db);
  if (!serialized) {
    std::free(bytes);  // null, or serialized but unreadable
    message = "hs_serialize_database failed";
    return false;
  }
  std::unique_ptr<char, decltype(&std::free)> aligned(
      static_cast<char*>(std::aligned_alloc(kAlign, (size + kAlign - 1) / kAlign * kAlign)),
      &std::free);
  if (!aligned) {
    std::free(bytes);
    message = "out of memory";
    return false;
  }
  std::memset(aligned.get(), 0, size);  // no stray bytes: the output reproduces
  const bool placed =
      hs_deserialize_database_at(bytes, length, reinterpret_cast<hs_database_t*>(aligned.get())) ==
      HS_SUCCESS;
  std::free(bytes);
  if (!placed) {
    message = "hs_deserialize_database_at failed";
    return false;
  }
  image.assign(aligned.get(), size);
  return true;
}

// `expression` (a TokenLocal pattern's translation) for a scan of tokens, one per line with
// a '\n' before and after each and no space anywhere: a leading "(^| )" can only match as
// the '\n' before a token, and is written as that literal, which Hyperscan finds far faster
// than a multiline ^ (the built-in patterns scanned a fifth faster); a trailing "( |$)" can
// only match as $, and stays an anchor so that the match ends at its token's end, not the
// next token's start. Other forms are left as they are.
std::string AnchorTokens(std::string expression) {
  for (std::string_view open : {"(^| )", "(?:^| )"}) {
    if (expression.starts_with(open)) expression.replace(0, open.size(), "\\n");
  }
  for (std::string_view close : {"( |$)", "(?: |$)"}) {
    if (expression.ends_with(close)) {
      expression.replace(expression.size() - close.size(), close.size(), "$");
    }
  }
  return expression;
}

// Patterns translated for Hyperscan (ToHyperscan), each once, in rule order.
struct Translated {
  std::vector<std::string> patterns, expressions;
  std::vector<unsigned> flags;
  std::vector<bool> exact;

  // With `token_scan`, only patterns Hyperscan matches exactly, anchored for tokens.
  void Add(const winnow::Rule& r, const std::string& pattern, bool token_scan) {
    if (std::find(patterns.begin(), patterns.end(), pattern) != patterns.end()) return;
    std::string expression;
    unsigned f = 0;
    bool is_exact = false;
    if (!winnow::ToHyperscan(pattern, &expression, &f, &is_exact)) return;
    if (token_scan && !is_exact) return;
    if (token_scan) expression = AnchorTokens(std::move(expression));
    hs_database_t* single = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_compile(expression.c_str(), f, HS_MODE_BLOCK, nullptr, &single, &error) != HS_SUCCESS) {
      std::fprintf(stderr, "winnow_prefilter_gen: %s:%d: left to RE2: %s\n", r.file.c_str(), r.line,
                   error->message);
      hs_free_compile_error(error);
      return;
    }
    hs_free_database(single);
    patterns.push_back(pattern);
    expressions.push_back(expression);
    flags.push_back(f);
    exact.push_back(is_exact);
  }

  // The image of the patterns whose `digit_led` is `digits` (ids index `patterns`); empty
  // when there are none.
  bool Compile(const std::vector<bool>& digit_led, bool digits, std::string& image,
               std::string& message) const {
    std::vector<const char*> c_expressions;
    std::vector<unsigned> group_flags, ids;
    for (size_t i = 0; i < expressions.size(); ++i) {
      if (digit_led[i] != digits) continue;
      c_expressions.push_back(expressions[i].c_str());
      group_flags.push_back(flags[i]);
      ids.push_back(static_cast<unsigned>(i));
    }
    return c_expressions.empty() || CompileImage(c_expressions, group_flags, ids, image, message);
  }
};

std::string ImageSource(const std::string& name, std::string_view image) {
  return "alignas(" + std::to_string(kAlign) + ") const char " + name + "[] =\n    " +
         CLiteral(image) + ";\n";
}

// The definition of `function`, returning a PrefilterDatabase of the images and patterns.
std::string DatabaseSource(const std::string& function, const std::string& image,
                           const char* digit_image, const Translated& t,
                           const std::vector<bool>& digit_led) {
  auto view = [](const std::string& array) {
    return "std::string_view(" + array + ", sizeof(" + array + ") - 1)";
  };
  std::string source = "const PrefilterDatabase& " + function +
                       "() {\n  static const PrefilterDatabase db{\n      " + view(image) +
                       ",\n      " + (digit_image ? view(digit_image) : "std::string_view()") +
                       ",\n      {\n";
  for (size_t i = 0; i < t.patterns.size(); ++i) {
    source += "          {std::string_view(" + CLiteral(t.patterns[i]) + ", " +
              std::to_string(t.patterns[i].size()) + "), " + (t.exact[i] ? "true" : "false") +
              ", " + (digit_led[i] ? "true" : "false") + "},\n";
  }
  return source + "      }};\n  return db;\n}\n\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return Fail("usage: winnow_prefilter_gen OUT.cc");
  const std::string out_path = argv[1];

  winnow::ParsedFile parsed;
  std::vector<std::string> errors;
  for (const auto& f : winnow::DefaultRuleFiles()) {
    winnow::ParseRules(f.path, f.text, int64_t{1} << 30, parsed, errors);
  }
  if (!errors.empty()) return Fail("the default rules do not compile: " + errors.front());

  // Patterns Hyperscan refuses, or that have no sound translation, stay with RE2 alone.
  Translated text;
  for (const winnow::Rule& r : parsed.rules) {
    if (!r.pattern.empty()) text.Add(r, r.pattern, /*token_scan=*/false);
  }
  // class~ patterns matched token by token (classify/class_tokens.h): only those that may
  // be, and only where Hyperscan's answer is RE2's, as no RE2 checks it again. That scan has
  // no guard lines (PrefilterGuards): so no \S either, which holds a vertical tab in RE2 and
  // not in Hyperscan.
  Translated tokens;
  for (const winnow::Rule& r : parsed.rules) {
    for (const winnow::Predicate& p : r.predicates) {
      if (p.feature != winnow::Feature::kClass) continue;  // others may have no pattern
      const std::string& pattern = p.re->pattern();
      if (winnow::TokenLocal(pattern) && pattern.find("\\S") == std::string::npos) {
        tokens.Add(r, pattern, /*token_scan=*/true);
      }
    }
  }
  std::vector<bool> digit_led, no_digits(tokens.patterns.size(), false);
  for (const std::string& p : text.patterns) digit_led.push_back(winnow::LeadsWithDigit(p));
  std::string image, digit_image, token_image, message;
  if (!text.Compile(digit_led, false, image, message) ||
      !text.Compile(digit_led, true, digit_image, message) ||
      !tokens.Compile(no_digits, false, token_image, message)) {
    return Fail(message);
  }

  std::string source =
      "// Generated by winnow_prefilter_gen from the default rules. Do not edit.\n"
      "#include \"rules/prefilter.h\"\n\nnamespace winnow {\nnamespace {\n" +
      ImageSource("kImage", image) + ImageSource("kDigitImage", digit_image) +
      ImageSource("kTokenImage", token_image) + "}  // namespace\n\n" +
      DatabaseSource("DefaultPrefilterDatabase", "kImage", "kDigitImage", text, digit_led) +
      DatabaseSource("DefaultClassTokenDatabase", "kTokenImage", nullptr, tokens, no_digits) +
      "}  // namespace winnow\n";

  const std::string tmp = out_path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << source;
    if (!out.flush()) return Fail(tmp + ": cannot write");
  }
  if (std::rename(tmp.c_str(), out_path.c_str()) != 0) return Fail(out_path + ": cannot rename");
  std::fprintf(stderr,
               "winnow_prefilter_gen: %zu patterns (%zu exact, %zu digit-led), %zu + %zu bytes; "
               "%zu class~ token patterns, %zu bytes\n",
               text.patterns.size(),
               static_cast<size_t>(std::count(text.exact.begin(), text.exact.end(), true)),
               static_cast<size_t>(std::count(digit_led.begin(), digit_led.end(), true)),
               image.size(), digit_image.size(), tokens.patterns.size(), token_image.size());
  return 0;
}
