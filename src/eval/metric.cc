#include "eval/metric.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <string>
#include <system_error>
#include <unordered_map>

namespace winnow::eval {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at p like Python's UTF-8 decoder with errors="replace": an invalid
// sequence yields one U+FFFD per maximal subpart, so it never swallows a following valid byte.
char32_t DecodeOne(const unsigned char* p, const unsigned char* end, size_t* len) {
  unsigned lead = p[0];
  if (lead < 0x80) {
    *len = 1;
    return lead;
  }
  size_t need;
  char32_t cp;
  unsigned lo = 0x80, hi = 0xBF;  // the range allowed for the next continuation byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 1;
    cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 2;
    cp = lead & 0x0F;
    if (lead == 0xE0) lo = 0xA0;  // overlong
    if (lead == 0xED) hi = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 3;
    cp = lead & 0x07;
    if (lead == 0xF0) lo = 0x90;  // overlong
    if (lead == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    *len = 1;
    return kReplacement;
  }
  size_t n = 1;
  for (; n <= need && p + n < end; ++n) {
    unsigned b = p[n];
    if (b < lo || b > hi) break;
    lo = 0x80;
    hi = 0xBF;
    cp = (cp << 6) | (b & 0x3F);
  }
  *len = n;
  return n == need + 1 ? cp : kReplacement;
}

// score.py's reference interpreter is Python 3.11, whose tables are Unicode 14.0; ICU may be
// newer, so a code point assigned later is unassigned to Python: no case, no \w.
bool KnownToPython(char32_t c) {
  UVersionInfo age;
  u_charAge(static_cast<UChar32>(c), age);
  return age[0] < 14 || (age[0] == 14 && age[1] == 0);
}

// Python's \w for str: str.isalnum() (letters, and any code point with a numeric value) or '_'.
bool IsWord(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  if (!KnownToPython(c)) return false;
  UChar32 u = static_cast<UChar32>(c);
  return u_isalpha(u) || u_getIntPropertyValue(u, UCHAR_NUMERIC_TYPE) != U_NT_NONE;
}

bool IsCased(char32_t c) {
  return KnownToPython(c) && u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_CASED);
}

bool IsCaseIgnorable(char32_t c) {
  return KnownToPython(c) && u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_CASE_IGNORABLE);
}

// Python's rule for U+03A3 in str.lower(): final (ς) when a cased letter precedes it and none
// follows it, case-ignorable code points skipped on both sides.
bool IsFinalSigma(const std::u32string& text, size_t i) {
  size_t j = i;
  while (j > 0 && IsCaseIgnorable(text[j - 1])) --j;
  if (j == 0 || !IsCased(text[j - 1])) return false;
  j = i + 1;
  while (j < text.size() && IsCaseIgnorable(text[j])) ++j;
  return j == text.size() || !IsCased(text[j]);
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

Status ReadFile(const std::filesystem::path& path, std::string* out) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    return Status::IoError(path.string() + ": " + std::generic_category().message(errno));
  }
  out->clear();
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  bool failed = std::ferror(f) != 0;
  int err = errno;
  std::fclose(f);
  if (failed) return Status::IoError(path.string() + ": " + std::generic_category().message(err));
  return Status::Ok();
}

std::string Fixed3(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

}  // namespace

Tokens Tokenize(std::string_view utf8) {
  std::u32string text;
  text.reserve(utf8.size());
  auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  auto* end = p + utf8.size();
  while (p < end) {
    size_t len;
    text.push_back(DecodeOne(p, end, &len));
    p += len;
  }

  Tokens tokens;
  tokens.chars_.reserve(utf8.size());
  bool in_token = false;
  auto emit = [&](char32_t lower) {
    if (IsWord(lower)) {
      AppendUtf8(lower, &tokens.chars_);
      in_token = true;
    } else if (in_token) {
      tokens.ends_.push_back(static_cast<uint32_t>(tokens.chars_.size()));
      in_token = false;
    }
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    if (c < 0x80) {
      emit(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    } else if (c == 0x130) {  // the one unconditional multi-code-point lowercase mapping
      emit('i');
      emit(0x307);
    } else if (c == 0x3A3) {
      emit(IsFinalSigma(text, i) ? 0x3C2 : 0x3C3);
    } else {
      emit(KnownToPython(c) ? static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))) : c);
    }
  }
  if (in_token) tokens.ends_.push_back(static_cast<uint32_t>(tokens.chars_.size()));
  return tokens;
}

PageScore Score(std::string_view pred, std::string_view gold) {
  Tokens p = Tokenize(pred);
  Tokens g = Tokenize(gold);
  if (g.size() == 0) return p.size() == 0 ? PageScore{1, 1, 1} : PageScore{};
  if (p.size() == 0) return PageScore{};
  // Multiset intersection: each predicted token consumes one unmatched gold occurrence.
  std::unordered_map<std::string_view, uint32_t> unmatched;
  unmatched.reserve(g.size());
  for (size_t i = 0; i < g.size(); ++i) ++unmatched[g[i]];
  size_t overlap = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    auto it = unmatched.find(p[i]);
    if (it != unmatched.end() && it->second > 0) {
      --it->second;
      ++overlap;
    }
  }
  PageScore s;
  s.precision = static_cast<double>(overlap) / static_cast<double>(p.size());
  s.recall = static_cast<double>(overlap) / static_cast<double>(g.size());
  // Same operation order as score.py, so the doubles are bit-identical.
  double sum = s.precision + s.recall;
  s.f1 = sum != 0 ? 2 * s.precision * s.recall / sum : 0.0;
  return s;
}

Result<SetScore> ScoreDirs(const std::filesystem::path& pred_dir,
                           const std::filesystem::path& gold_dir) {
  namespace fs = std::filesystem;
  constexpr std::string_view kGoldSuffix = ".gold.txt";
  std::error_code ec;
  bool is_dir = fs::is_directory(pred_dir, ec);
  if (ec) return Status::IoError(pred_dir.string() + ": " + ec.message());
  if (!is_dir) return Status::IoError(pred_dir.string() + ": not a directory");
  std::vector<std::string> names;
  fs::directory_iterator it(gold_dir, ec);
  if (ec) return Status::IoError(gold_dir.string() + ": " + ec.message());
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.ends_with(kGoldSuffix)) names.push_back(std::move(name));
  }
  if (ec) return Status::IoError(gold_dir.string() + ": " + ec.message());
  if (names.empty()) return Status::InvalidInput(gold_dir.string() + ": no *.gold.txt files");
  // score.py sorts the file names, suffix included ("a-b.gold.txt" before "a.gold.txt"); byte
  // order is code point order in UTF-8. The order is the summation order of the means.
  std::sort(names.begin(), names.end());

  SetScore set;
  std::string gold, pred;
  for (std::string& name : names) {
    if (Status s = ReadFile(gold_dir / name, &gold); !s.ok()) return s;
    std::string id = name.substr(0, name.size() - kGoldSuffix.size());
    fs::path pred_path = pred_dir / (id + ".txt");
    pred.clear();
    if (fs::exists(pred_path, ec)) {
      if (Status s = ReadFile(pred_path, &pred); !s.ok()) return s;
    }
    set.pages.push_back(PageRow{std::move(id), Score(pred, gold)});
  }

  // Left-to-right sums, as Python 3.11's sum() does them.
  std::vector<double> f1s;
  for (const PageRow& row : set.pages) {
    set.precision += row.score.precision;
    set.recall += row.score.recall;
    set.f1 += row.score.f1;
    f1s.push_back(row.score.f1);
  }
  double n = static_cast<double>(set.pages.size());
  set.precision /= n;
  set.recall /= n;
  set.f1 /= n;
  std::sort(f1s.begin(), f1s.end());
  size_t mid = f1s.size() / 2;
  set.median_f1 = f1s.size() % 2 == 1 ? f1s[mid] : (f1s[mid - 1] + f1s[mid]) / 2;
  return set;
}

std::string FormatPageRow(const PageRow& row) {
  return row.id + "\t" + Fixed3(row.score.precision) + "\t" + Fixed3(row.score.recall) + "\t" +
         Fixed3(row.score.f1);
}

std::string FormatSummary(const SetScore& set) {
  return "docs=" + std::to_string(set.pages.size()) + " P=" + Fixed3(set.precision) +
         " R=" + Fixed3(set.recall) + " F1=" + Fixed3(set.f1) +
         " medianF1=" + Fixed3(set.median_f1);
}

}  // namespace winnow::eval
