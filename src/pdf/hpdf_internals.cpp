#include "pdf/hpdf_internals.h"

#include <hpdf_pages.h>

#include "base/base.h"

namespace cvpress::pdf::hpdf {
namespace {

std::string with_key(const char* action, const char* key) { return std::string(action) + " /" + key; }

}  // namespace

HPDF_Dict new_dict(const HpdfDocument& doc, bool indirect) {
  HPDF_Dict dict = doc.check(HPDF_Dict_New(doc.get()->mmgr), "allocate a dictionary");
  if (indirect) doc.check(HPDF_Xref_Add(doc.get()->xref, dict), "register an object");
  return dict;
}

HPDF_Dict new_stream(const HpdfDocument& doc, bool compress) {
  HPDF_Dict stream = doc.check(HPDF_DictStream_New(doc.get()->mmgr, doc.get()->xref), "allocate a stream");
  if (compress) stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  return stream;
}

HPDF_Array new_array(const HpdfDocument& doc) {
  return doc.check(HPDF_Array_New(doc.get()->mmgr), "allocate an array");
}

void write(const HpdfDocument& doc, HPDF_Dict stream, std::span<const uint8_t> bytes) {
  CVPRESS_ASSERT(stream->stream != nullptr);
  CVPRESS_ASSERT(bytes.size() <= UINT32_MAX);
  doc.check(HPDF_Stream_Write(stream->stream, bytes.data(), static_cast<HPDF_UINT>(bytes.size())),
            "write stream data");
}

void write(const HpdfDocument& doc, HPDF_Dict stream, std::string_view bytes) {
  write(doc, stream, std::span(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
}

void add(const HpdfDocument& doc, HPDF_Dict dict, const char* key, HPDF_Dict value) {
  doc.check(HPDF_Dict_Add(dict, key, value), with_key("add", key));
}

void add(const HpdfDocument& doc, HPDF_Dict dict, const char* key, HPDF_Array value) {
  doc.check(HPDF_Dict_Add(dict, key, value), with_key("add", key));
}

void add_name(const HpdfDocument& doc, HPDF_Dict dict, const char* key, const std::string& name) {
  doc.check(HPDF_Dict_AddName(dict, key, name.c_str()), with_key("add", key));
}

void add_int(const HpdfDocument& doc, HPDF_Dict dict, const char* key, int32_t value) {
  doc.check(HPDF_Dict_AddNumber(dict, key, value), with_key("add", key));
}

void add_real(const HpdfDocument& doc, HPDF_Dict dict, const char* key, double value) {
  doc.check(HPDF_Dict_AddReal(dict, key, static_cast<HPDF_REAL>(value)), with_key("add", key));
}

void add_bool(const HpdfDocument& doc, HPDF_Dict dict, const char* key, bool value) {
  doc.check(HPDF_Dict_AddBoolean(dict, key, value ? HPDF_TRUE : HPDF_FALSE), with_key("add", key));
}

void add_string(const HpdfDocument& doc, HPDF_Dict dict, const char* key, const std::string& value) {
  HPDF_String s = doc.check(HPDF_String_New(doc.get()->mmgr, value.c_str(), nullptr), "allocate a string");
  doc.check(HPDF_Dict_Add(dict, key, s), with_key("add", key));
}

void append(const HpdfDocument& doc, HPDF_Array array, int32_t value) {
  doc.check(HPDF_Array_AddNumber(array, value), "append to an array");
}

void append(const HpdfDocument& doc, HPDF_Array array, HPDF_Dict value) {
  doc.check(HPDF_Array_Add(array, value), "append to an array");
}

void append(const HpdfDocument& doc, HPDF_Array array, HPDF_Array value) {
  doc.check(HPDF_Array_Add(array, value), "append to an array");
}

HPDF_Stream start_content_stream(const HpdfDocument& doc, HPDF_Page page) {
  HPDF_Dict contents = nullptr;
  doc.check(HPDF_Page_New_Content_Stream(page, &contents), "start a content stream");
  doc.check(contents, "start a content stream");
  return doc.check(contents->stream, "start a content stream");
}

void write(const HpdfDocument& doc, HPDF_Stream stream, std::string_view bytes) {
  CVPRESS_ASSERT(bytes.size() <= UINT32_MAX);
  doc.check(HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                              static_cast<HPDF_UINT>(bytes.size())),
            "write page content");
}

std::string local_font_name(const HpdfDocument& doc, HPDF_Page page, HPDF_Dict font) {
  return doc.check(HPDF_Page_GetLocalFontName(page, font), "add a font to the page resources");
}

void set_lang(const HpdfDocument& doc, const std::string& lang) {
  add_string(doc, doc.get()->catalog, "Lang", lang);
}

void set_display_doc_title(const HpdfDocument& doc) {
  HPDF_Dict catalog = doc.get()->catalog;
  auto* prefs = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(catalog, "ViewerPreferences", HPDF_OCLASS_DICT));
  if (prefs == nullptr) {
    // A missing key is not an error for us, but GetItem records one: clear it.
    doc.reset_error();
    prefs = new_dict(doc, false);
    add(doc, catalog, "ViewerPreferences", prefs);
  }
  add_bool(doc, prefs, "DisplayDocTitle", true);
}

void set_file_id(const HpdfDocument& doc, const std::array<uint8_t, 16>& id) {
  HPDF_Array ids = new_array(doc);
  for (int copy = 0; copy < 2; ++copy) {
    std::array<uint8_t, 16> bytes = id;  // HPDF_Binary_New takes a non-const pointer and copies
    HPDF_Binary b = doc.check(HPDF_Binary_New(doc.get()->mmgr, bytes.data(), bytes.size()), "allocate /ID");
    doc.check(HPDF_Array_Add(ids, b), "append to /ID");
  }
  add(doc, doc.get()->trailer, "ID", ids);
}

void require_pdf_version_1_5(const HpdfDocument& doc) {
  if (doc.get()->pdf_version < HPDF_VER_15) doc.get()->pdf_version = HPDF_VER_15;
}

}  // namespace cvpress::pdf::hpdf
