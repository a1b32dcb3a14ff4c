#pragma once
// The document tree: what the Markdown says, as plain data, before any styling.
// Every node carries the source range it came from so later stages can report
// problems at a line and column. One owner (Document), children by value.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/base.h"

namespace cvpress::doc {

enum class NodeKind {
  // Blocks
  Document,
  Heading,  // level 1..6
  Paragraph,
  List,      // ordered / bullet, start, tight
  ListItem,  // task: optional checkbox state
  BlockQuote,
  CodeBlock,  // text = the code, info = the fence's info string
  ThematicBreak,
  Table,      // children: TableRow; column_alignments
  TableRow,   // header rows first
  TableCell,  // alignment
  HtmlBlock,  // raw HTML: only inside the markdown stage, which maps it to the nodes above
  PageBreak,  // <!-- pagebreak -->
  // Inlines
  Text,  // text = the characters (entities and escapes already resolved)
  SoftBreak,
  HardBreak,
  Emphasis,
  Strong,
  Strikethrough,
  Code,        // text = the code span's characters
  Link,        // url, title; children = link text
  Image,       // url, title; children = alt text
  HtmlInline,  // raw HTML: only inside the markdown stage (see HtmlBlock)
};

enum class Align { Default, Left, Center, Right };

/// Where a piece of a raw HTML node's text stands in the source file: text from byte
/// `index` on came from file byte `offset` (md4c hands HTML over a line at a time, without
/// the indentation or `>` of its containers).
struct TextOrigin {
  std::size_t index = 0;
  std::size_t offset = 0;
};

struct Node {
  NodeKind kind = NodeKind::Document;
  SourceRange range;
  std::vector<Node> children;

  std::string text;   // Text, Code, CodeBlock, HtmlBlock, HtmlInline
  std::string url;    // Link, Image
  std::string title;  // Link, Image
  std::string info;   // CodeBlock info string

  int level = 0;                         // Heading 1..6
  bool ordered = false;                  // List
  uint32_t start = 1;                    // ordered List start number
  char delimiter = '.';                  // ordered List: '.' or ')'; bullet List: '-', '*' or '+'
  bool tight = true;                     // List
  std::optional<bool> task_checked;      // ListItem of a task list
  Align align = Align::Default;          // TableCell; blocks from HTML (`align=`, `text-align`)
  bool verbatim = true;                  // Text: code point i stands at column begin + i (false
                                         // for HTML text: entities decoded, spaces collapsed)
  uint32_t colspan = 1;                  // TableCell from HTML `colspan`
  std::vector<TextOrigin> origins;       // HtmlBlock / HtmlInline, in the markdown stage only
  bool header = false;                   // TableRow / TableCell in the table head
  std::vector<Align> column_alignments;  // Table

  [[nodiscard]] bool is_block() const { return kind < NodeKind::Text; }
};

/// One front-matter entry that is not a document key: a layout override such as
/// `accent: "#0b5394"` or `page.margin: 18mm` (nested maps flattened with '.').
struct Override {
  std::string key;
  std::string value;  // the YAML scalar as written (colours, lengths, names, numbers)
  SourceLocation key_location;
  SourceLocation value_location;
};

/// A contact given in the front matter (`email: a@b.c`, as Jekyll and pandoc templates
/// write them), for a body that has no contact lines of its own.
struct Contact {
  std::string kind;   // "email", "phone", "website", "location", "github", "linkedin"
  std::string value;  // as written
  SourceLocation location;
};

/// Document keys from the front matter (DESIGN §3). Empty string = not given.
struct Metadata {
  std::string lang;  // BCP 47, e.g. "en", "zh-CN"
  std::string title;
  std::string author;
  std::string layout;  // a name in layouts/ or a file path
  std::string paper;   // "a4" or "letter"
  std::string date;    // ISO 8601 date or date-time
  std::string subject;
  std::vector<std::string> keywords;
  std::optional<int> fit;          // pages
  std::string dir;                 // "ltr", "rtl" or empty
  SourceLocation layout_location;  // where `layout:` was written, for errors about it
  std::vector<Override> overrides;
  // Keys other tools write that fill what the body lacks (issue 10): the person's name
  // (`name:`) and contacts, set as the name and the contact row when the body has none.
  std::string name;
  SourceLocation name_location;
  std::vector<Contact> contacts;
  std::string cjk_font;  // pandoc's CJKmainfont: a family for Han, kana and Hangul after the layout's
  SourceLocation cjk_font_location;
};

struct Document {
  std::string path;  // display path of the source file
  Metadata meta;
  Node root;  // kind == Document
};

/// Concatenated text of a subtree (Text, Code, breaks as spaces): headings for bookmarks, alt text.
[[nodiscard]] std::string plain_text(const Node& node);

[[nodiscard]] const char* kind_name(NodeKind kind);

/// The index in `root.children` of the block that gives the person's name, or npos: the
/// first block (after pictures and rules) when it is a heading of any level or a line all in
/// bold, else the first `#` before any `##`; either only when it looks like a name (a few
/// words, no section word such as "Education", "PERSONAL", "Lebenslauf" or "简历").
[[nodiscard]] std::size_t name_index(const Node& root);

/// Whether `text` is a section title a résumé uses (Experience, Ausbildung, 工作经历, ...),
/// in the languages cvpress ships.
[[nodiscard]] bool is_section_word(std::string_view text);

/// Shifts heading levels so that sections are `##` in files that use `#` for every section
/// (several `#`, no `##`) or only `###` and below: the distinct levels below the name become
/// 2, 3, 4 ... in order. The name's heading is left alone.
void normalize_headings(Node& root);

}  // namespace cvpress::doc
