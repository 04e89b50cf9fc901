#include "batch/input_walk.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iterator>
#include <utility>

namespace winnow::batch {
namespace {

struct DirId {
  dev_t dev;
  ino_t ino;
  bool operator==(const DirId&) const = default;
};

InputFile Problem(std::string path, std::string rel, InputKind kind, std::string note) {
  InputFile file;
  file.path = std::move(path);
  file.rel = std::move(rel);
  file.kind = kind;
  file.note = std::move(note);
  return file;
}

// A regular file, typed by its (link) name.
InputFile RegularFile(std::string path, std::string rel) {
  std::string_view name = rel;
  if (size_t slash = name.rfind('/'); slash != std::string_view::npos)
    name.remove_prefix(slash + 1);
  KindInfo info = KindFromName(name);
  InputFile file;
  file.kind = info.kind;
  file.gzip = info.gzip;
  if (info.kind == InputKind::kSkipped) {
    file.note = "skipped: not a page (" + std::string(info.skipped_ext) + ")";
  }
  file.path = std::move(path);
  file.rel = std::move(rel);
  return file;
}

class Walker {
 public:
  explicit Walker(std::vector<InputFile>& out) : out_(out) {}

  // Adds the entry at path (reached as rel), following symbolic links.
  void Visit(const std::string& path, const std::string& rel) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) {
      int err = errno;
      struct stat lst;
      bool dangling = err == ENOENT && lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode);
      out_.push_back(Problem(path, rel, InputKind::kError,
                             dangling ? "dangling symbolic link" : std::strerror(err)));
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      WalkFolder(path, rel, DirId{st.st_dev, st.st_ino});
    } else if (S_ISREG(st.st_mode)) {
      out_.push_back(RegularFile(path, rel));
    } else {
      out_.push_back(Problem(path, rel, InputKind::kError, "not a regular file"));
    }
  }

 private:
  void WalkFolder(const std::string& path, const std::string& rel, DirId id) {
    if (std::find(ancestors_.begin(), ancestors_.end(), id) != ancestors_.end()) {
      out_.push_back(Problem(path, rel, InputKind::kSkipped,
                             "skipped: symbolic link loop to a folder above it"));
      return;
    }
    DIR* dir = opendir(path.c_str());
    if (dir == nullptr) {
      out_.push_back(Problem(path, rel, InputKind::kError,
                             std::string("cannot read folder: ") + std::strerror(errno)));
      return;
    }
    std::vector<std::pair<std::string, unsigned char>> entries;
    while (const dirent* entry = readdir(dir)) {
      std::string_view name = entry->d_name;
      if (name == "." || name == "..") continue;
      entries.emplace_back(std::string(name), entry->d_type);
    }
    closedir(dir);
    ancestors_.push_back(id);
    for (const auto& [name, type] : entries) {
      std::string child_path = path + "/" + name;
      std::string child_rel = rel.empty() ? name : rel + "/" + name;
      // Most entries are plain files: d_type spares a stat for each.
      if (type == DT_REG) {
        out_.push_back(RegularFile(std::move(child_path), std::move(child_rel)));
      } else {
        Visit(child_path, child_rel);
      }
    }
    ancestors_.pop_back();
  }

  std::vector<InputFile>& out_;
  std::vector<DirId> ancestors_;  // folders being walked, to stop at symbolic link loops
};

// "in///" -> "in"; "/" stays.
std::string TrimSlashes(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

}  // namespace

std::vector<InputFile> WalkInputs(const std::vector<std::string>& args) {
  std::vector<InputFile> all;
  for (const std::string& arg : args) {
    if (arg == "-") {
      InputFile in;
      in.path = in.rel = "-";
      all.push_back(std::move(in));
      continue;
    }
    std::string path = TrimSlashes(arg);
    struct stat st;
    if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      std::vector<InputFile> below;
      Walker(below).Visit(path, "");
      std::sort(below.begin(), below.end(),
                [](const InputFile& a, const InputFile& b) { return a.rel < b.rel; });
      if (all.empty()) {
        all = std::move(below);  // a copy would touch as much fresh memory again
      } else {
        all.insert(all.end(), std::make_move_iterator(below.begin()),
                   std::make_move_iterator(below.end()));
      }
    } else {
      size_t slash = path.rfind('/');
      std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
      Walker(all).Visit(path, name);
    }
  }
  return all;
}

}  // namespace winnow::batch
