#include "tools/output_dir.hpp"

#include <unistd.h>

#include <fstream>
#include <system_error>

#include "convjit/error.hpp"

namespace convjit {
namespace fs = std::filesystem;
namespace {

// Removes what it was given unless released: the temporaries of a write
// that did not complete, and the directory if this write created it.
class Cleanup {
 public:
  ~Cleanup() {
    std::error_code ignored;
    for (const fs::path& p : files_) fs::remove(p, ignored);
    if (!dir_.empty()) fs::remove(dir_, ignored);
  }
  void add_file(fs::path p) { files_.push_back(std::move(p)); }
  void set_dir(fs::path d) { dir_ = std::move(d); }
  void release() {
    files_.clear();
    dir_.clear();
  }

 private:
  std::vector<fs::path> files_;
  fs::path dir_;
};

fs::path temporary_name(const fs::path& dir, const std::string& name) {
  return dir / ("." + name + ".tmp" + std::to_string(::getpid()));
}

}  // namespace

void check_output_dir(const fs::path& dir, const std::string& option) {
  std::error_code ec;
  const fs::file_status st = fs::status(dir, ec);
  if (fs::is_directory(st)) return;
  if (fs::exists(st))
    throw Error(option, option + " " + dir.string() + ": exists and is not a directory");
  const fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
  if (!fs::is_directory(parent, ec))
    throw Error(option, option + " " + dir.string() + ": parent directory " + parent.string() +
                            " does not exist (only the last component is created)");
}

void write_files_atomically(const fs::path& dir, const std::vector<OutputFile>& files) {
  Cleanup cleanup;
  std::error_code ec;
  if (fs::create_directory(dir, ec)) cleanup.set_dir(dir);
  if (ec) throw Error(dir.string(), dir.string() + ": cannot create directory: " + ec.message());

  std::vector<fs::path> temporaries;
  for (const OutputFile& f : files) {
    const fs::path tmp = temporary_name(dir, f.name);
    cleanup.add_file(tmp);
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (out) f.write(out);
    out.close();
    if (!out) throw Error(f.name, (dir / f.name).string() + ": cannot write");
    temporaries.push_back(tmp);
  }
  // Renames within one directory are atomic and do not fail for space.
  for (std::size_t i = 0; i < files.size(); ++i) {
    fs::rename(temporaries[i], dir / files[i].name, ec);
    if (ec)
      throw Error(files[i].name,
                  (dir / files[i].name).string() + ": cannot rename into place: " + ec.message());
  }
  cleanup.release();
}

}  // namespace convjit
