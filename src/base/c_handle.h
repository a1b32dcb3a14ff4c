#pragma once
// C handles live in a std::unique_ptr whose deleter is named where the handle is
// created: CHandle<hb_buffer_t, hb_buffer_destroy> buf{hb_buffer_create()};
#include <memory>

namespace cvpress {

template <auto Fn>
struct CDeleter {
  template <typename T>
  void operator()(T* p) const noexcept {
    if (p) Fn(p);
  }
};

template <typename T, auto Fn>
using CHandle = std::unique_ptr<T, CDeleter<Fn>>;

}  // namespace cvpress
