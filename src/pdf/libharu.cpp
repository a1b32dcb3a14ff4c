#include "pdf/libharu.h"

#include <string>

#include "base/base.h"

namespace cvpress::pdf {
namespace {

std::string hex(HPDF_STATUS v) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "0x";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(v >> shift) & 0xF];
  return out;
}

}  // namespace

void HpdfDocument::on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user_data) noexcept {
  auto* recorded = static_cast<Recorded*>(user_data);
  if (recorded->error == HPDF_OK) *recorded = Recorded{error, detail};  // the first error is the cause
}

HpdfDocument::HpdfDocument() : recorded_(std::make_unique<Recorded>()) {
  doc_.reset(HPDF_New(&HpdfDocument::on_error, recorded_.get()));
  if (!doc_) throw Error("libharu could not create a PDF document (out of memory)");
}

void HpdfDocument::check(HPDF_STATUS status, std::string_view what) const {
  if (status != HPDF_OK) fail(what);
}

void HpdfDocument::fail(std::string_view what) const {
  Recorded cause = *recorded_;
  if (cause.error == HPDF_OK && doc_)
    cause = Recorded{HPDF_GetError(doc_.get()), HPDF_GetErrorDetail(doc_.get())};
  throw Error("libharu could not " + std::string(what) + " (error " + hex(cause.error) + ", detail " +
              std::to_string(cause.detail) + ")");
}

void HpdfDocument::reset_error() const {
  HPDF_ResetError(doc_.get());
  *recorded_ = Recorded{};
}

}  // namespace cvpress::pdf
