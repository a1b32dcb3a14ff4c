#pragma once
// The libharu document handle and its error discipline. libharu reports through a C
// callback; ours only records the error (it never longjmps and never throws through C),
// and every return code is checked by the caller through check(), which throws.
// Internal to the pdf stage.
#include <memory>
#include <string_view>

#include <hpdf.h>

#include "base/c_handle.h"

namespace cvpress::pdf {

class HpdfDocument {
 public:
  /// A new, empty libharu document. Throws cvpress::Error when libharu cannot allocate it.
  HpdfDocument();
  HpdfDocument(const HpdfDocument&) = delete;
  HpdfDocument& operator=(const HpdfDocument&) = delete;

  /// Owned by this object; valid for its lifetime.
  [[nodiscard]] HPDF_Doc get() const { return doc_.get(); }

  /// Throws cvpress::Error "libharu could not <what> (error 0x1234, detail 5)" unless
  /// `status` is HPDF_OK. Errors of libharu's internal functions never reach the handler,
  /// so the document's error state is consulted too.
  void check(HPDF_STATUS status, std::string_view what) const;
  /// Returns `handle`, or throws as check() when it is null.
  template <typename T>
  T check(T handle, std::string_view what) const {
    if (handle == nullptr) fail(what);
    return handle;
  }

  /// Clears the document's error state: libharu refuses every call while it is set.
  void reset_error() const;

 private:
  [[noreturn]] void fail(std::string_view what) const;

  struct Recorded {
    HPDF_STATUS error = HPDF_OK;
    HPDF_STATUS detail = 0;
  };
  static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user_data) noexcept;

  std::unique_ptr<Recorded> recorded_;  // stable address: handed to libharu as user data
  CHandle<_HPDF_Doc_Rec, HPDF_Free> doc_;
};

}  // namespace cvpress::pdf
