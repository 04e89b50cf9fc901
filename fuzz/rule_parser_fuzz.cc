// Fuzzes the rule language: parser, RE2 compilation under a small memory budget, the RE2::Set,
// and matching a line with whatever compiled. Rule files are untrusted input.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "rules/rule_set.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  winnow::Result<std::unique_ptr<winnow::RuleSet>> rules =
      winnow::RuleSet::Compile({{"fuzz.rules", text}}, 1 << 20);
  if (!rules.ok()) return 0;
  std::vector<int> hits;
  (*rules)->Match("The committee said on Tuesday - Photo: AP / Reuters 2024", hits);
  (*rules)->Match(text, hits);
  return 0;
}
