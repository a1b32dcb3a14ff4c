#include "pdf/libharu.h"

#include <doctest/doctest.h>

#include "base/base.h"

namespace cvpress::pdf {
namespace {

TEST_CASE("a failing libharu call throws an error with libharu's code instead of jumping") {
  HpdfDocument doc;
  HPDF_Page page = HPDF_AddPage(doc.get());
  REQUIRE(page != nullptr);
  // 1 pt is below libharu's minimum page size (3 pt): HPDF_PAGE_INVALID_SIZE 0x1054.
  CHECK_THROWS_WITH_AS(doc.check(HPDF_Page_SetWidth(page, 1), "set the page width"),
                       "libharu could not set the page width (error 0x1054, detail 0)", Error);
}

TEST_CASE("a null handle from libharu throws") {
  HpdfDocument doc;
  CHECK_THROWS_AS((void)doc.check(static_cast<HPDF_Page>(nullptr), "add a page"), Error);
}

TEST_CASE("after reset_error the document accepts calls again") {
  HpdfDocument doc;
  HPDF_Page page = HPDF_AddPage(doc.get());
  CHECK(HPDF_Page_SetWidth(page, 1) != HPDF_OK);
  doc.reset_error();
  CHECK_NOTHROW(doc.check(HPDF_Page_SetWidth(page, 100), "set the page width"));
}

}  // namespace
}  // namespace cvpress::pdf
