#include "batch/output_path.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <iterator>

#include "batch/input_kind.h"

namespace winnow::batch {
namespace fs = std::filesystem;
namespace {

// True if path is base or lies below it (both lexically normal and absolute).
bool IsWithin(const fs::path& path, const fs::path& base) {
  auto [base_end, path_it] = std::mismatch(base.begin(), base.end(), path.begin(), path.end());
  return base_end == base.end() || (std::next(base_end) == base.end() && base_end->empty());
}

}  // namespace

Status CheckRelativePath(std::string_view rel) {
  if (rel.empty()) return Status::InvalidInput("empty output path");
  if (rel.front() == '/') return Status::InvalidInput("absolute output path: " + std::string(rel));
  size_t start = 0;
  while (start <= rel.size()) {
    size_t end = rel.find('/', start);
    if (end == std::string_view::npos) end = rel.size();
    std::string_view part = rel.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") {
      return Status::InvalidInput("bad component '" + std::string(part) +
                                  "' in output path: " + std::string(rel));
    }
    start = end + 1;
  }
  return Status::Ok();
}

Result<std::string> OutputRelPath(std::string_view input_rel, std::string_view out_ext) {
  if (input_rel == "-") return "stdin." + std::string(out_ext);
  if (Status s = CheckRelativePath(input_rel); !s.ok()) return s;
  size_t slash = input_rel.rfind('/');
  size_t name_at = slash == std::string_view::npos ? 0 : slash + 1;
  KindInfo info = KindFromName(input_rel.substr(name_at));
  return std::string(input_rel.substr(0, name_at)) + std::string(info.stem) + "." +
         std::string(out_ext);
}

Result<std::string> CanonicalOutputDir(const std::string& out_dir) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(fs::absolute(out_dir, ec), ec);
  if (ec) return Status::IoError(out_dir + ": " + ec.message());
  return canonical.string();
}

Status CheckOutputDir(const std::string& out_dir, const std::vector<std::string>& input_args) {
  std::error_code ec;
  if (fs::exists(out_dir, ec) && !fs::is_directory(out_dir, ec)) {
    return Status::InvalidInput("output folder " + out_dir + " exists and is not a folder");
  }
  // OUT is created by the first write; fail now, not once per input, if it cannot be.
  fs::path above = fs::absolute(out_dir, ec).parent_path();
  while (!fs::exists(above, ec) && above.has_relative_path()) above = above.parent_path();
  if (!fs::is_directory(above, ec)) {
    return Status::InvalidInput("output folder " + out_dir +
                                " cannot be created: " + above.string() + " is not a folder");
  }
  Result<std::string> out = CanonicalOutputDir(out_dir);
  if (!out.ok()) return out.status();
  for (const std::string& arg : input_args) {
    if (arg == "-" || !fs::is_directory(arg, ec)) continue;
    fs::path in = fs::canonical(arg, ec);
    if (ec) return Status::IoError(arg + ": " + ec.message());
    if (IsWithin(fs::path(*out), in)) {
      return Status::InvalidInput("output folder " + out_dir + " is inside input folder " + arg);
    }
  }
  return Status::Ok();
}

Result<ResolvedOutput> ResolveOutputPath(const std::string& out_root, std::string_view out_rel,
                                         std::string* checked_dir) {
  if (Status s = CheckRelativePath(out_rel); !s.ok()) return s;
  ResolvedOutput out{out_root, std::nullopt};
  if (out.path.empty() || out.path.back() != '/') out.path += '/';
  const size_t root_size = out.path.size();
  out.path.append(out_rel);
  const size_t dir_size = out_rel.rfind('/') + 1;  // 0 when directly in OUT
  const std::string_view dir = out_rel.substr(0, dir_size);
  size_t at = checked_dir && dir.starts_with(*checked_dir) ? checked_dir->size() : 0;
  std::string prefix;
  for (bool last = false; !last;) {
    size_t end = out_rel.find('/', at);
    last = end == std::string_view::npos;
    if (last) end = out_rel.size();
    prefix.assign(out.path, 0, root_size + end);
    at = end + 1;
    struct stat st;
    if (lstat(prefix.c_str(), &st) != 0) break;  // the rest does not exist yet: created inside
    if (last) out.existing = st;
    if (!S_ISLNK(st.st_mode)) continue;
    std::error_code ec;
    fs::path target = fs::weakly_canonical(prefix, ec);
    if (ec || !IsWithin(target, out_root)) {
      return Status::InvalidInput("refusing to write through symbolic link " + prefix +
                                  " (leads outside " + out_root + ")");
    }
  }
  if (checked_dir) checked_dir->assign(dir);
  return out;
}

}  // namespace winnow::batch
