// FontFiles: font file bytes read once per process and shared read-only by the FontLibrary
// of every batch worker (DESIGN §8).
#include <filesystem>
#include <string>
#include <system_error>

#include "base/error.h"
#include "base/hash.h"
#include "text/face.h"
#include "text/fallback.h"
#include "text/text.h"

namespace cvpress::text {
namespace {

namespace fs = std::filesystem;

// Path, size and modification time of `path` into `h`; a file that cannot be examined
// contributes its path alone (it changes the digest when it comes or goes).
uint64_t add_file(uint64_t h, const std::string& path) {
  h = fnv1a(path, h);
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return fnv1a_u64(0, h);
  const auto mtime = fs::last_write_time(path, ec);
  h = fnv1a_u64(static_cast<uint64_t>(size), h);
  return fnv1a_u64(ec ? 0 : static_cast<uint64_t>(mtime.time_since_epoch().count()), h);
}

}  // namespace

FontFiles::FontFiles(std::vector<std::string> font_dirs) : impl_(std::make_unique<Impl>()) {
  impl_->font_dirs = std::move(font_dirs);
  FT_Library raw = nullptr;
  if (FT_Init_FreeType(&raw) != 0) throw Error("cannot initialise FreeType");
  const CHandle<FT_LibraryRec_, FT_Done_FreeType> ft(raw);
  impl_->scanned = scan_font_dirs(ft.get(), impl_->font_dirs);
}

FontFiles::~FontFiles() = default;

hb_blob_t* FontFiles::Impl::blob(const std::string& path) const {
  const std::lock_guard lock(mutex);
  auto it = blobs.find(path);
  if (it == blobs.end()) {
    CHandle<hb_blob_t, hb_blob_destroy> bytes(hb_blob_create_from_file_or_fail(path.c_str()));
    if (!bytes) throw Error("cannot read font file " + path);
    // Immutable: HarfBuzz never makes a writable copy of it (hb_face_create's sanitizer
    // would otherwise try to), so every thread reads the same bytes without a lock.
    hb_blob_make_immutable(bytes.get());
    it = blobs.emplace(path, std::move(bytes)).first;
  }
  return hb_blob_reference(it->second.get());  // atomic reference count
}

uint64_t FontFiles::fingerprint() const {
  std::call_once(impl_->fingerprinted, [this] {
    uint64_t h = kFnvOffset;
    for (const FaceSummary& face : impl_->scanned) {
      if (face.face_index == 0) h = add_file(h, face.path);
    }
    for (const std::string& file : fontconfig_files()) h = add_file(h, file);
    impl_->fingerprint = h;
  });
  return impl_->fingerprint;
}

std::size_t FontFiles::files_read() const {
  const std::lock_guard lock(impl_->mutex);
  return impl_->blobs.size();
}

}  // namespace cvpress::text
