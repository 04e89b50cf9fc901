// The rule files compiled into the binary from rules/ (see cmake/embed_rules.cmake).
#ifndef WINNOW_SRC_RULES_DEFAULT_RULES_H_
#define WINNOW_SRC_RULES_DEFAULT_RULES_H_

#include <string>
#include <vector>

namespace winnow {

struct EmbeddedRuleFile {
  const char* path;  // e.g. "rules/captions.rules"
  std::string text;
};

const std::vector<EmbeddedRuleFile>& DefaultRuleFiles();

}  // namespace winnow

#endif  // WINNOW_SRC_RULES_DEFAULT_RULES_H_
