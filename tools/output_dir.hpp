#pragma once
// Writing several files into a user's directory all or nothing, so a failure
// never leaves a mix of old and new files behind.
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace convjit {

struct OutputFile {
  std::string name;  // inside the directory
  std::function<void(std::ostream&)> write;
};

// Throws Error (field `option`) unless dir is a directory or can be created
// as one: only its last component may be missing. Creates nothing.
void check_output_dir(const std::filesystem::path& dir, const std::string& option);

// Creates dir if missing (its leaf only), writes every file under a hidden
// temporary name, and only when all are written renames them into place.
// On a failure the temporaries (and a directory it created) are removed and
// Error names the file.
void write_files_atomically(const std::filesystem::path& dir,
                            const std::vector<OutputFile>& files);

}  // namespace convjit
