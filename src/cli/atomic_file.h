#pragma once
// An output file that appears whole or not at all: bytes go to a temporary file in the
// same directory, which commit() flushes to disk and renames over the target (rename(2)
// is atomic within a file system). Destroying an uncommitted AtomicFile removes the
// temporary. Move-only, like {fmt}'s buffered_file: the destructor never throws, commit()
// reports failure by throwing cvpress::Error.
#include <string>
#include <string_view>

namespace cvpress::cli {

class AtomicFile {
 public:
  /// Creates the temporary beside `target`. Throws cvpress::Error naming the directory.
  explicit AtomicFile(std::string target);
  ~AtomicFile() noexcept;
  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&&) = delete;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  /// Appends bytes. Throws cvpress::Error on a write error (disk full ...).
  void write(std::string_view bytes);
  /// fsync, close, rename into place. Throws cvpress::Error; afterwards nothing is left behind.
  void commit();

  [[nodiscard]] const std::string& temp_path() const { return temp_; }

 private:
  std::string target_;
  std::string temp_;
  int fd_ = -1;
};

/// Writes `bytes` to `path` atomically.
void write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace cvpress::cli
