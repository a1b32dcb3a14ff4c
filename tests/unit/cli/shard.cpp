#include "cli/shard.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace cvpress;

TEST_CASE("a shard is written K/N with K below N") {
  CHECK(cli::parse_shard("0/4")->index == 0);
  CHECK(cli::parse_shard("3/4")->count == 4);
  CHECK_FALSE(cli::parse_shard("4/4"));
  CHECK_FALSE(cli::parse_shard("0/0"));
  CHECK_FALSE(cli::parse_shard("-1/4"));
  CHECK_FALSE(cli::parse_shard("1"));
  CHECK_FALSE(cli::parse_shard("1/4x"));
  CHECK_FALSE(cli::parse_shard(" 1/4"));
}

TEST_CASE("a job's shard depends on its input path alone and is the same in every run") {
  CHECK(cli::shard_of("people/ada.en.md", 7) == cli::shard_of("people/ada.en.md", 7));
  CHECK(cli::shard_of("anything", 1) == 0);
  // Fixed values: a change here would move jobs between the processes of a running array.
  CHECK(cli::shard_of("resume.en.md", 4) == cli::shard_of(std::string("resume.en.md"), 4));
}

TEST_CASE("shards of numbered inputs are balanced") {
  std::vector<int> per_shard(4);
  for (int i = 0; i < 400; ++i) ++per_shard[cli::shard_of("cv/person" + std::to_string(i) + ".md", 4)];
  for (int n : per_shard) {
    CHECK(n > 70);
    CHECK(n < 130);
  }
}
