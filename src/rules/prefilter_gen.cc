// winnow_prefilter_gen OUT.cc: compiles the default rules' patterns into a Hyperscan database
// and writes it, laid out as Hyperscan scans it, as the C++ source of
// DefaultPrefilterDatabase() (prefilter.h). Run by the build; Hyperscan needs about half a
// second for these patterns, too long to pay in every process.
#include <hs/hs.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "rules/default_rules.h"
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
  std::vector<std::string> patterns, expressions;
  std::vector<unsigned> flags;
  std::vector<bool> exact;
  for (const winnow::Rule& r : parsed.rules) {
    if (r.pattern.empty()) continue;
    bool seen = false;
    for (const std::string& p : patterns) seen = seen || p == r.pattern;
    std::string expression;
    unsigned f = 0;
    bool is_exact = false;
    if (seen || !winnow::ToHyperscan(r.pattern, &expression, &f, &is_exact)) continue;
    hs_database_t* single = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_compile(expression.c_str(), f, HS_MODE_BLOCK, nullptr, &single, &error) != HS_SUCCESS) {
      std::fprintf(stderr, "winnow_prefilter_gen: %s:%d: left to RE2: %s\n", r.file.c_str(), r.line,
                   error->message);
      hs_free_compile_error(error);
      continue;
    }
    hs_free_database(single);
    patterns.push_back(r.pattern);
    expressions.push_back(expression);
    flags.push_back(f);
    exact.push_back(is_exact);
  }
  std::vector<bool> digit_led;
  for (const std::string& p : patterns) digit_led.push_back(winnow::LeadsWithDigit(p));
  std::string image, digit_image;
  for (bool digits : {false, true}) {
    std::vector<const char*> c_expressions;
    std::vector<unsigned> group_flags, ids;  // ids are indices into `patterns` in both images
    for (size_t i = 0; i < expressions.size(); ++i) {
      if (digit_led[i] != digits) continue;
      c_expressions.push_back(expressions[i].c_str());
      group_flags.push_back(flags[i]);
      ids.push_back(static_cast<unsigned>(i));
    }
    std::string message;
    if (!c_expressions.empty() &&
        !CompileImage(c_expressions, group_flags, ids, digits ? digit_image : image, message)) {
      return Fail(message);
    }
  }

  std::string source =
      "// Generated by winnow_prefilter_gen from the default rules. Do not edit.\n"
      "#include \"rules/prefilter.h\"\n\nnamespace winnow {\nnamespace {\n"
      "alignas(" +
      std::to_string(kAlign) + ") const char kImage[] =\n    " + CLiteral(image) + ";\n" +
      "alignas(" + std::to_string(kAlign) + ") const char kDigitImage[] =\n    " +
      CLiteral(digit_image) + ";\n}  // namespace\n\n" +
      "const PrefilterDatabase& DefaultPrefilterDatabase() {\n"
      "  static const PrefilterDatabase db{\n"
      "      std::string_view(kImage, sizeof(kImage) - 1),\n"
      "      std::string_view(kDigitImage, sizeof(kDigitImage) - 1),\n      {\n";
  for (size_t i = 0; i < patterns.size(); ++i) {
    source += "          {std::string_view(" + CLiteral(patterns[i]) + ", " +
              std::to_string(patterns[i].size()) + "), " + (exact[i] ? "true" : "false") + ", " +
              (digit_led[i] ? "true" : "false") + "},\n";
  }
  source += "      }};\n  return db;\n}\n\n}  // namespace winnow\n";

  const std::string tmp = out_path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << source;
    if (!out.flush()) return Fail(tmp + ": cannot write");
  }
  if (std::rename(tmp.c_str(), out_path.c_str()) != 0) return Fail(out_path + ": cannot rename");
  std::fprintf(stderr,
               "winnow_prefilter_gen: %zu patterns (%zu exact, %zu digit-led), %zu + %zu bytes\n",
               patterns.size(), static_cast<size_t>(std::count(exact.begin(), exact.end(), true)),
               static_cast<size_t>(std::count(digit_led.begin(), digit_led.end(), true)),
               image.size(), digit_image.size());
  return 0;
}
