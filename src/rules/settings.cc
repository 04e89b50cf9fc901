#include "rules/settings.h"

namespace winnow {
namespace {

struct Entry {
  const char* name;
  double Settings::*field;
};

constexpr Entry kEntries[] = {
    {"length_low", &Settings::length_low},
    {"length_high", &Settings::length_high},
    {"stopwords_low", &Settings::stopwords_low},
    {"stopwords_high", &Settings::stopwords_high},
    {"prose_min_words", &Settings::prose_min_words},
    {"prose_min_sentences", &Settings::prose_min_sentences},
    {"max_link_density", &Settings::max_link_density},
    {"context_min_words", &Settings::context_min_words},
    {"prose_run_lines", &Settings::prose_run_lines},
    {"prose_run_words", &Settings::prose_run_words},
    {"prose_run_max_caps", &Settings::prose_run_max_caps},
    {"block_gap_lines", &Settings::block_gap_lines},
    {"block_min_share", &Settings::block_min_share},
    {"main_region_min_words", &Settings::main_region_min_words},
    {"main_hint_weight", &Settings::main_hint_weight},
    {"region_climb_share", &Settings::region_climb_share},
    {"region_climb_peer", &Settings::region_climb_peer},
    {"trailer_max_prose", &Settings::trailer_max_prose},
    {"region_outside_share", &Settings::region_outside_share},
    {"region_max_link_density", &Settings::region_max_link_density},
    {"region_heading_max_link_density", &Settings::region_heading_max_link_density},
    {"segment_min_words", &Settings::segment_min_words},
    {"headline_min_words", &Settings::headline_min_words},
    {"headline_max_words", &Settings::headline_max_words},
    {"headline_min_caps", &Settings::headline_min_caps},
    {"headline_min_rest_words", &Settings::headline_min_rest_words},
    {"glued_headlines", &Settings::glued_headlines},
};

}  // namespace

bool SetSetting(Settings& settings, std::string_view name, double value) {
  for (const Entry& e : kEntries) {
    if (name == e.name) {
      settings.*e.field = value;
      return true;
    }
  }
  return false;
}

std::vector<std::string_view> SettingNames() {
  std::vector<std::string_view> names;
  for (const Entry& e : kEntries) names.push_back(e.name);
  return names;
}

}  // namespace winnow
