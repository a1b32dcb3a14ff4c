#include "cli/render.h"

#include <doctest/doctest.h>

using namespace cvpress;

TEST_CASE("the document language comes from front matter, then the file name's variant suffix") {
  CHECK(cli::document_lang("zh-CN", "resume.en.md") == "zh-CN");
  CHECK(cli::document_lang("", "samples/resume.de.md") == "de");
  CHECK(cli::document_lang("", "cv.zh-TW.md") == "zh-TW");
  CHECK(cli::document_lang("", "resume.md") == "en");
  CHECK(cli::document_lang("", "my.resume.md") == "en");  // "resume" is no language tag
}

TEST_CASE("ISO 8601 dates parse, and malformed ones do not") {
  CHECK(cli::parse_date("2024-05-01") == frame::Date{2024, 5, 1, 0, 0, 0});
  CHECK(cli::parse_date("2024-05-01T10:30:15Z") == frame::Date{2024, 5, 1, 10, 30, 15});
  CHECK(cli::parse_date("2024-05-01T10:30") == frame::Date{2024, 5, 1, 10, 30, 0});
  CHECK_FALSE(cli::parse_date("2024-13-01"));
  CHECK_FALSE(cli::parse_date("May 1st"));
  CHECK_FALSE(cli::parse_date("2024-05-01T25:00"));
}

TEST_CASE("SOURCE_DATE_EPOCH converts to a UTC calendar time") {
  CHECK(cli::date_from_epoch(0) == frame::Date{1970, 1, 1, 0, 0, 0});
  CHECK(cli::date_from_epoch(1700000000) == frame::Date{2023, 11, 14, 22, 13, 20});
  CHECK(cli::date_from_epoch(951782400) == frame::Date{2000, 2, 29, 0, 0, 0});
}
