#pragma once
// The one adapter to libharu's internals: the object API (dictionaries, arrays, streams,
// the xref), the catalog and trailer, and the page's font resources. libharu 2.3.0 has no
// public way to build a Type0 font addressed by glyph id, to set /Lang, /ID or
// /DisplayDocTitle, or to write raw operators, so these few calls stand in for it
// (pdf-backend.md, "Risks"). Every other file uses libharu's public API only.
//
// Internals used, all exported by libhpdf 2.3.0 (and unchanged in 2.4.6):
//   fields:    HPDF_Doc_Rec::{mmgr, xref, catalog, trailer, pdf_version},
//              HPDF_Dict_Rec::{stream, filter}
//   functions: HPDF_Dict_New, HPDF_DictStream_New, HPDF_Xref_Add, HPDF_Dict_Add,
//              HPDF_Dict_AddName, HPDF_Dict_AddNumber, HPDF_Dict_AddReal,
//              HPDF_Dict_AddBoolean, HPDF_Dict_GetItem, HPDF_Array_New, HPDF_Array_Add,
//              HPDF_Array_AddNumber, HPDF_String_New, HPDF_Binary_New, HPDF_Stream_Write,
//              HPDF_Page_GetLocalFontName (declared in the internal hpdf_pages.h)
// Internal functions report failure only through their return value and the document's
// error state (never the error handler), so each wrapper checks and throws cvpress::Error.
// Objects added to a dictionary or array are owned by it; indirect objects by the xref;
// everything is freed with the document.
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include <hpdf.h>

#include "pdf/libharu.h"

namespace cvpress::pdf::hpdf {

/// A new dictionary; `indirect` ones get an object number (the xref owns them).
[[nodiscard]] HPDF_Dict new_dict(const HpdfDocument& doc, bool indirect);
/// A new indirect stream object; Flate-compressed when `compress`.
[[nodiscard]] HPDF_Dict new_stream(const HpdfDocument& doc, bool compress);
[[nodiscard]] HPDF_Array new_array(const HpdfDocument& doc);

/// Appends bytes to the data of stream object `stream`.
void write(const HpdfDocument& doc, HPDF_Dict stream, std::span<const uint8_t> bytes);
void write(const HpdfDocument& doc, HPDF_Dict stream, std::string_view bytes);

void add(const HpdfDocument& doc, HPDF_Dict dict, const char* key, HPDF_Dict value);
void add(const HpdfDocument& doc, HPDF_Dict dict, const char* key, HPDF_Array value);
void add_name(const HpdfDocument& doc, HPDF_Dict dict, const char* key, const std::string& name);
void add_int(const HpdfDocument& doc, HPDF_Dict dict, const char* key, int32_t value);
void add_real(const HpdfDocument& doc, HPDF_Dict dict, const char* key, double value);
void add_bool(const HpdfDocument& doc, HPDF_Dict dict, const char* key, bool value);
/// A literal string of ASCII bytes (no encoder).
void add_string(const HpdfDocument& doc, HPDF_Dict dict, const char* key, const std::string& value);

void append(const HpdfDocument& doc, HPDF_Array array, int32_t value);
void append(const HpdfDocument& doc, HPDF_Array array, HPDF_Dict value);
void append(const HpdfDocument& doc, HPDF_Array array, HPDF_Array value);

/// Starts the page's content stream for our own operators and returns it. libharu's
/// drawing calls on `page` append to the same stream, so painting order is call order.
/// Call once per page, before any drawing: a second call would send later libharu
/// drawing to a new stream.
[[nodiscard]] HPDF_Stream start_content_stream(const HpdfDocument& doc, HPDF_Page page);
/// Appends raw content-stream bytes.
void write(const HpdfDocument& doc, HPDF_Stream stream, std::string_view bytes);

/// The resource name ("F1") under which `page` refers to `font`, adding it to the page's
/// /Resources /Font on first use.
[[nodiscard]] std::string local_font_name(const HpdfDocument& doc, HPDF_Page page, HPDF_Dict font);

/// Catalog /Lang (BCP 47 tag, ASCII).
void set_lang(const HpdfDocument& doc, const std::string& lang);
/// Catalog /ViewerPreferences << /DisplayDocTitle true >> (PDF 1.4).
void set_display_doc_title(const HpdfDocument& doc);
/// Trailer /ID [<id> <id>] (ISO 32000-1 §14.4): the same 16 bytes twice.
void set_file_id(const HpdfDocument& doc, const std::array<uint8_t, 16>& id);
/// Raises the header version to at least 1.5, for /ActualText (libharu 2.3.0 has no setter).
void require_pdf_version_1_5(const HpdfDocument& doc);

}  // namespace cvpress::pdf::hpdf
