#include "cli/atomic_file.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/error.h"

using namespace cvpress;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path fresh_dir(const char* name) {
  const fs::path dir =
      fs::temp_directory_path() / (std::string("cvpress-") + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("a committed file appears whole under its name and no temporary remains") {
  const fs::path dir = fresh_dir("commit");
  cli::write_file_atomically((dir / "out.pdf").string(), "%PDF-1.5 bytes");
  CHECK(slurp(dir / "out.pdf") == "%PDF-1.5 bytes");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  fs::remove_all(dir);
}

TEST_CASE("an abandoned file leaves the old output untouched and no temporary") {
  const fs::path dir = fresh_dir("abandon");
  cli::write_file_atomically((dir / "out.pdf").string(), "old");
  {
    cli::AtomicFile f((dir / "out.pdf").string());
    f.write("half a new fi");
    CHECK(fs::exists(f.temp_path()));
  }  // destroyed without commit()
  CHECK(slurp(dir / "out.pdf") == "old");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  fs::remove_all(dir);
}

TEST_CASE("an output in a missing directory is an error naming the target") {
  CHECK_THROWS_WITH_AS(cli::AtomicFile("/nonexistent-dir/out.pdf"),
                       doctest::Contains("/nonexistent-dir/out.pdf: error: cannot create a file"), Error);
}
