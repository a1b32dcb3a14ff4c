#include "markdown/md4c_adapter.h"

#include <algorithm>
#include <exception>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <md4c.h>

#include "markdown/html_entities.h"

// md4c is a push parser: it reports blocks and spans as nested enter/leave events and the
// characters as text events, but no source positions except through the text pointers,
// which point into the input buffer (or, for synthesised text such as code-block
// indentation and line ends, to static strings). So:
//   - Text, Code, CodeBlock and raw HTML get their ranges from those pointers;
//   - containers get the union of their children's ranges when they close;
//   - blocks whose marker matters and may have no text (list items, thematic breaks,
//     fenced code) are found by scanning forward from the furthest text seen so far;
//   - whatever is still unknown at the end inherits from its neighbours (fill_unknown).

namespace cvpress::markdown {
namespace {

using doc::Align;
using doc::Node;
using doc::NodeKind;

// GitHub's dialect (tables, strikethrough, permissive URL / e-mail / www autolinks, task
// lists), with raw HTML, which markdown/html.cpp maps into document nodes.
constexpr unsigned kFlags = MD_DIALECT_GITHUB;

// A best-effort scan for a block marker gives up after this many lines (the marker is
// normally on the next line; the bound keeps hostile inputs linear).
constexpr int kMaxScanLines = 64;

bool later(SourceLocation a, SourceLocation b) {
  return a.line > b.line || (a.line == b.line && a.column > b.column);
}

void absorb(SourceRange& range, const SourceRange& child) {
  if (child.begin.known() && (!range.begin.known() || later(range.begin, child.begin)))
    range.begin = child.begin;
  if (child.end.known() && (!range.end.known() || later(child.end, range.end))) range.end = child.end;
}

// Fills the ranges md4c left unknown: a node with no located descendant starts where its
// previous sibling ended (or where its parent starts) and is empty.
void fill_unknown(Node& node, SourceLocation fallback) {
  if (!node.range.begin.known()) node.range.begin = fallback;
  if (!node.range.end.known()) node.range.end = node.range.begin;
  SourceLocation next = node.range.begin;
  for (Node& child : node.children) {
    fill_unknown(child, next);
    next = child.range.end;
  }
}

std::string_view trim(std::string_view s) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Appends `piece`, replacing each byte of an ill-formed UTF-8 sequence with U+FFFD, so the
// tree only holds valid UTF-8 and a Text node keeps one code point per source column (the
// invalid bytes themselves are reported by markdown::parse).
void append_utf8(std::string& out, std::string_view piece, bool valid) {
  if (valid) {
    out += piece;
    return;
  }
  for (std::size_t i = 0; i < piece.size();) {
    const utf8::Decoded d = utf8::decode(piece, i);
    if (d.valid) {
      out += piece.substr(i, d.length);
    } else {
      utf8::append(out, utf8::kReplacement);
    }
    i += d.length;
  }
}

std::string decode_attribute(const MD_ATTRIBUTE& attribute) {
  std::string out;
  if (attribute.size == 0) return out;
  for (std::size_t i = 0; attribute.substr_offsets[i] < attribute.size; ++i) {
    const MD_OFFSET begin = attribute.substr_offsets[i];
    const std::string_view piece(attribute.text + begin, attribute.substr_offsets[i + 1] - begin);
    switch (attribute.substr_types[i]) {
      case MD_TEXT_ENTITY: out += resolve_entity(piece).value_or(std::string(piece)); break;
      case MD_TEXT_NULLCHAR: utf8::append(out, utf8::kReplacement); break;
      default: append_utf8(out, piece, utf8::find_invalid(piece) == std::string_view::npos); break;
    }
  }
  return out;
}

Align to_align(MD_ALIGN align) {
  switch (align) {
    case MD_ALIGN_LEFT: return Align::Left;
    case MD_ALIGN_CENTER: return Align::Center;
    case MD_ALIGN_RIGHT: return Align::Right;
    case MD_ALIGN_DEFAULT: break;
  }
  return Align::Default;
}

// The part of a line a block marker may start in: after indentation and block-quote '>'s.
std::size_t skip_container_prefix(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '>')) ++i;
  return i;
}

// Marker finders for scan(): the index of the marker in `line`, or npos.
std::size_t find_list_marker(std::string_view line) {
  std::size_t i = skip_container_prefix(line);
  const std::size_t marker = i;
  const auto ends_marker = [&](std::size_t at) {
    return at == line.size() || line[at] == ' ' || line[at] == '\t' || line[at] == '\r';
  };
  if (i < line.size() && (line[i] == '-' || line[i] == '+' || line[i] == '*'))
    return ends_marker(i + 1) ? marker : std::string_view::npos;
  // CommonMark §5.2: an ordered list marker is 1-9 digits and '.' or ')'.
  while (i < line.size() && i - marker < 9 && line[i] >= '0' && line[i] <= '9') ++i;
  if (i == marker || i >= line.size() || (line[i] != '.' && line[i] != ')')) return std::string_view::npos;
  return ends_marker(i + 1) ? marker : std::string_view::npos;
}

std::size_t find_thematic_break(std::string_view line) {
  const std::size_t start = skip_container_prefix(line);
  if (start >= line.size()) return std::string_view::npos;
  const char mark = line[start];
  if (mark != '-' && mark != '*' && mark != '_') return std::string_view::npos;
  int count = 0;
  for (std::size_t i = start; i < line.size(); ++i) {
    if (line[i] == mark) {
      ++count;
    } else if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
      return std::string_view::npos;
    }
  }
  return count >= 3 ? start : std::string_view::npos;  // CommonMark §4.1: three or more
}

// A code fence of `fence` characters (CommonMark §4.5: at least three).
auto fence_finder(char fence) {
  return [fence](std::string_view line) {
    const std::size_t i = skip_container_prefix(line);
    return line.substr(i).starts_with(std::string(3, fence)) ? i : std::string_view::npos;
  };
}

std::size_t find_setext_underline(std::string_view line) {
  const std::size_t start = skip_container_prefix(line);
  if (start >= line.size() || (line[start] != '=' && line[start] != '-')) return std::string_view::npos;
  const std::string_view rest = trim(line.substr(start));
  return rest.find_first_not_of(line[start]) == std::string_view::npos ? start : std::string_view::npos;
}

class TreeBuilder {
 public:
  TreeBuilder(const SourceFile& file, std::size_t body_offset, Diagnostics& diags)
      : file_(file),
        diags_(diags),
        body_offset_(body_offset),
        cursor_(body_offset),
        claimed_(body_offset),
        valid_utf8_(utf8::find_invalid(std::string_view(file.text()).substr(body_offset)) ==
                    std::string_view::npos) {}

  Node run() {
    const std::string& text = file_.text();
    CVPRESS_ASSERT(body_offset_ <= text.size());
    const std::size_t size = text.size() - body_offset_;
    if (size > std::numeric_limits<MD_SIZE>::max()) throw Error(file_.path() + ": error: file too large");

    MD_PARSER parser{};
    parser.flags = kFlags;
    parser.enter_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
      return guarded(self, [&](TreeBuilder& b) { b.enter_block(type, detail); });
    };
    parser.leave_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
      return guarded(self, [&](TreeBuilder& b) { b.leave_block(type, detail); });
    };
    parser.enter_span = [](MD_SPANTYPE type, void* detail, void* self) {
      return guarded(self, [&](TreeBuilder& b) { b.enter_span(type, detail); });
    };
    parser.leave_span = [](MD_SPANTYPE, void*, void* self) {
      return guarded(self, [&](TreeBuilder& b) { b.leave_span(); });
    };
    parser.text = [](MD_TEXTTYPE type, const MD_CHAR* chars, MD_SIZE length, void* self) {
      return guarded(self, [&](TreeBuilder& b) { b.on_text(type, std::string_view(chars, length)); });
    };

    const int status = md_parse(text.data() + body_offset_, static_cast<MD_SIZE>(size), &parser, this);
    if (failure_) std::rethrow_exception(failure_);
    if (status != 0) throw Error(file_.path() + ": error: the Markdown parser failed (out of memory?)");
    CVPRESS_ASSERT(done_ && stack_.empty());

    if (!root_.range.begin.known()) root_.range.begin = root_.range.end = file_.location_of(body_offset_);
    fill_unknown(root_, root_.range.begin);
    return std::move(root_);
  }

 private:
  // No exception may unwind through md4c's C frames: keep the first one, stop the parse
  // (a non-zero return aborts md_parse) and rethrow once md_parse has returned.
  template <typename F>
  static int guarded(void* self, F&& f) noexcept {
    auto& builder = *static_cast<TreeBuilder*>(self);
    try {
      f(builder);
      return 0;
    } catch (...) {
      builder.failure_ = std::current_exception();
      return 1;
    }
  }

  Node& top() {
    CVPRESS_ASSERT(!stack_.empty());
    return stack_.back();
  }

  void push(NodeKind kind) {
    finish_inline_html();
    Node node;
    node.kind = kind;
    stack_.push_back(std::move(node));
    text_run_open_ = false;
  }

  // Closes the top node: its range becomes the union of its own and its children's, then
  // it is appended to its parent (or becomes the root).
  Node pop() {
    finish_inline_html();
    text_run_open_ = false;
    Node node = std::move(top());
    stack_.pop_back();
    for (const Node& child : node.children) absorb(node.range, child.range);
    return node;
  }

  void attach(Node node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      done_ = true;
    } else {
      top().children.push_back(std::move(node));
    }
  }

  // --- source positions ---

  // Byte offset in the file of a text pointer, or nullopt for md4c's synthesised strings.
  std::optional<std::size_t> offset_of(std::string_view piece) const {
    const char* begin = file_.text().data() + body_offset_;
    const char* end = file_.text().data() + file_.text().size();
    if (piece.data() < begin || piece.data() > end ||
        static_cast<std::size_t>(end - piece.data()) < piece.size())
      return std::nullopt;
    return static_cast<std::size_t>(piece.data() - file_.text().data());
  }

  SourceRange range_of(std::size_t offset, std::size_t size) {
    cursor_ = std::max(cursor_, offset + size);
    return {file_.location_of(offset), file_.location_of(offset + size)};
  }

  SourceRange here() const {
    const SourceLocation at = file_.location_of(cursor_);
    return {at, at};
  }

  // Looks for a block marker from max(cursor, claimed) on: `find` is given the rest of the
  // current line, then whole lines, and returns the marker's index or npos. On success the
  // marker's byte offset is returned and the text up to `claim_to_end ? end of line :
  // marker + 1` is claimed, so the next scan starts after it.
  template <typename Find>
  std::optional<std::size_t> scan(Find find, bool claim_to_end) {
    const std::string& text = file_.text();
    std::size_t at = std::max(cursor_, claimed_);
    // After text, the rest of its line is inline content (`*London*` ends in a '*' that is
    // no list marker); only after a claimed marker can another marker follow (`- - a`).
    if (at == cursor_ && at > claimed_ && at > body_offset_ && text[at - 1] != '\n') {
      at = text.find('\n', at);
      at = at == std::string::npos ? text.size() : at + 1;
    }
    for (int lines = 0; lines < kMaxScanLines && at < text.size(); ++lines) {
      std::size_t eol = text.find('\n', at);
      if (eol == std::string::npos) eol = text.size();
      const std::size_t found = find(std::string_view(text).substr(at, eol - at));
      if (found != std::string_view::npos) {
        claimed_ = claim_to_end ? eol : at + found + 1;
        return at + found;
      }
      at = eol + 1;
    }
    return std::nullopt;
  }

  void begin_at_marker(Node& node, std::optional<std::size_t> marker) {
    if (marker) node.range.begin = file_.location_of(*marker);
  }

  // --- blocks ---

  void enter_block(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_DOC: push(NodeKind::Document); break;
      case MD_BLOCK_QUOTE: push(NodeKind::BlockQuote); break;
      case MD_BLOCK_UL: {
        const auto& d = *static_cast<const MD_BLOCK_UL_DETAIL*>(detail);
        push(NodeKind::List);
        top().ordered = false;
        top().delimiter = d.mark;
        top().tight = d.is_tight != 0;
        break;
      }
      case MD_BLOCK_OL: {
        const auto& d = *static_cast<const MD_BLOCK_OL_DETAIL*>(detail);
        push(NodeKind::List);
        top().ordered = true;
        top().start = d.start;
        top().delimiter = d.mark_delimiter;
        top().tight = d.is_tight != 0;
        break;
      }
      case MD_BLOCK_LI: {
        const auto& d = *static_cast<const MD_BLOCK_LI_DETAIL*>(detail);
        push(NodeKind::ListItem);
        if (d.is_task) top().task_checked = d.task_mark != ' ';
        begin_at_marker(top(), scan(find_list_marker, false));
        break;
      }
      case MD_BLOCK_HR: {
        push(NodeKind::ThematicBreak);
        const auto marker = scan(find_thematic_break, true);
        begin_at_marker(top(), marker);
        if (marker) top().range.end = file_.location_of(claimed_);
        break;
      }
      case MD_BLOCK_H:
        push(NodeKind::Heading);
        top().level = static_cast<int>(static_cast<const MD_BLOCK_H_DETAIL*>(detail)->level);
        break;
      case MD_BLOCK_CODE: {
        const auto& d = *static_cast<const MD_BLOCK_CODE_DETAIL*>(detail);
        push(NodeKind::CodeBlock);
        top().info = decode_attribute(d.info);
        if (d.fence_char != 0) begin_at_marker(top(), scan(fence_finder(d.fence_char), true));
        break;
      }
      case MD_BLOCK_HTML:
        push(NodeKind::HtmlBlock);
        html_sources_.clear();
        break;
      case MD_BLOCK_P: push(NodeKind::Paragraph); break;
      case MD_BLOCK_TABLE: push(NodeKind::Table); break;
      case MD_BLOCK_THEAD: in_table_head_ = true; break;
      case MD_BLOCK_TBODY: break;
      case MD_BLOCK_TR:
        push(NodeKind::TableRow);
        top().header = in_table_head_;
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        push(NodeKind::TableCell);
        top().header = type == MD_BLOCK_TH;
        top().align = to_align(static_cast<const MD_BLOCK_TD_DETAIL*>(detail)->align);
        break;
    }
  }

  void leave_block(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_THEAD: in_table_head_ = false; return;
      case MD_BLOCK_TBODY: return;
      default: break;
    }
    // md4c 0.4.8 can leave a span open when a permissive autolink overlaps emphasis
    // (`***www.a.b***`); close such spans with their block so the tree stays well formed.
    while (!top().is_block()) attach(pop());
    Node node = pop();
    switch (type) {
      case MD_BLOCK_TABLE: {
        const auto columns = static_cast<const MD_BLOCK_TABLE_DETAIL*>(detail)->col_count;
        if (!node.children.empty())
          for (const Node& cell : node.children.front().children)
            node.column_alignments.push_back(cell.align);
        node.column_alignments.resize(columns, Align::Default);
        break;
      }
      case MD_BLOCK_H: skip_setext_underline(); break;
      case MD_BLOCK_CODE: {
        const char fence = static_cast<const MD_BLOCK_CODE_DETAIL*>(detail)->fence_char;
        if (fence != 0) (void)scan(fence_finder(fence), true);  // claim the closing fence
        break;
      }
      case MD_BLOCK_HTML: leave_html_block(std::move(node)); return;
      default: break;
    }
    attach(std::move(node));
  }

  // Raw HTML is kept with where each piece of it came from; markdown::parse maps it into
  // document nodes once the whole tree (and so every closing tag) is known.
  void leave_html_block(Node node) {
    for (const HtmlSource& source : html_sources_) node.origins.push_back({source.index, source.offset});
    attach(std::move(node));
  }

  // A setext heading's underline (`===` / `---`) is no text event; claim it so that a later
  // scan for a thematic break does not mistake it for one.
  void skip_setext_underline() {
    const std::string_view text = file_.text();
    const std::size_t line_start = file_.line_offset(file_.location_of(cursor_).line);
    const std::size_t eol = text.find('\n', line_start);
    if (eol == std::string_view::npos) return;
    const std::string_view heading_line = text.substr(line_start, eol - line_start);
    if (heading_line.substr(skip_container_prefix(heading_line)).starts_with('#')) return;  // ATX
    const std::size_t next_eol = std::min(text.find('\n', eol + 1), text.size());
    if (find_setext_underline(text.substr(eol + 1, next_eol - eol - 1)) != std::string_view::npos)
      claimed_ = std::max(claimed_, next_eol);
  }

  // --- spans ---

  void enter_span(MD_SPANTYPE type, void* detail) {
    switch (type) {
      case MD_SPAN_EM: push(NodeKind::Emphasis); break;
      case MD_SPAN_STRONG: push(NodeKind::Strong); break;
      case MD_SPAN_DEL: push(NodeKind::Strikethrough); break;
      case MD_SPAN_CODE: push(NodeKind::Code); break;
      case MD_SPAN_A: {
        const auto& d = *static_cast<const MD_SPAN_A_DETAIL*>(detail);
        push(NodeKind::Link);
        top().url = decode_attribute(d.href);
        top().title = decode_attribute(d.title);
        break;
      }
      case MD_SPAN_IMG: {
        const auto& d = *static_cast<const MD_SPAN_IMG_DETAIL*>(detail);
        push(NodeKind::Image);
        top().url = decode_attribute(d.src);
        top().title = decode_attribute(d.title);
        break;
      }
      default:
        // LaTeX math, wiki links and underline are extensions kFlags does not enable.
        CVPRESS_ASSERT(!"md4c reported a span of a disabled extension");
    }
  }

  void leave_span() {
    if (!top().is_block()) attach(pop());  // else it was closed with its block already
  }

  // --- text ---

  void on_text(MD_TEXTTYPE type, std::string_view piece) {
    if (type != MD_TEXT_HTML) finish_inline_html();
    const std::optional<std::size_t> offset = offset_of(piece);
    switch (type) {
      // U+0000: a control character like any other (markdown::parse reports and removes it).
      case MD_TEXT_NULLCHAR:
        add_leaf(NodeKind::Text, std::string_view("\0", 1), offset ? range_of(*offset, 1) : here());
        return;
      case MD_TEXT_BR: add_leaf(NodeKind::HardBreak, {}, here()); return;
      case MD_TEXT_SOFTBR: add_leaf(NodeKind::SoftBreak, {}, here()); return;
      case MD_TEXT_ENTITY: {
        const std::string resolved = resolve_entity(piece).value_or(std::string(piece));
        add_leaf(NodeKind::Text, resolved, offset ? range_of(*offset, piece.size()) : here());
        return;
      }
      case MD_TEXT_CODE: {
        // Inside a code span or code block (line ends and indentation come synthesised).
        Node& code = top();
        append_utf8(code.text, piece, valid_utf8_);
        if (offset) absorb(code.range, range_of(*offset, piece.size()));
        return;
      }
      case MD_TEXT_HTML: add_html(piece, offset); return;
      default: add_text(piece, offset); return;
    }
  }

  void add_leaf(NodeKind kind, std::string_view text, SourceRange range) {
    Node node;
    node.kind = kind;
    node.text = text;
    node.range = range;
    top().children.push_back(std::move(node));
    text_run_open_ = false;
  }

  // Normal text. Consecutive pieces merge only when they are contiguous in the source, so
  // that a Text node's begin column + code-point index is the column of each character.
  void add_text(std::string_view piece, std::optional<std::size_t> offset) {
    Node& parent = top();
    if (text_run_open_ && offset && *offset == text_run_end_ && !parent.children.empty() &&
        parent.children.back().kind == NodeKind::Text) {
      Node& run = parent.children.back();
      append_utf8(run.text, piece, valid_utf8_);
      run.range.end = range_of(*offset, piece.size()).end;
      text_run_end_ = *offset + piece.size();
      return;
    }
    Node node;
    node.kind = NodeKind::Text;
    append_utf8(node.text, piece, valid_utf8_);
    node.range = offset ? range_of(*offset, piece.size()) : here();
    parent.children.push_back(std::move(node));
    text_run_open_ = offset.has_value();
    if (offset) text_run_end_ = *offset + piece.size();
  }

  void add_html(std::string_view piece, std::optional<std::size_t> offset) {
    text_run_open_ = false;
    Node& parent = top();
    if (parent.kind == NodeKind::HtmlBlock) {
      if (offset) html_sources_.push_back({parent.text.size(), *offset, piece.size()});
      append_utf8(parent.text, piece, valid_utf8_);
      if (offset) absorb(parent.range, range_of(*offset, piece.size()));
      return;
    }
    // Inline raw HTML arrives a line at a time: collect it until another event comes.
    if (!inline_html_open_) {
      Node node;
      node.kind = NodeKind::HtmlInline;
      parent.children.push_back(std::move(node));
      inline_html_open_ = true;
    }
    Node& html = parent.children.back();
    if (offset) html.origins.push_back({html.text.size(), *offset});
    append_utf8(html.text, piece, valid_utf8_);
    if (offset) absorb(html.range, range_of(*offset, piece.size()));
  }

  void finish_inline_html() { inline_html_open_ = false; }

  const SourceFile& file_;
  Diagnostics& diags_;
  const std::size_t body_offset_;
  std::size_t cursor_;   // byte offset just past the furthest text seen
  std::size_t claimed_;  // byte offset before which scans for block markers never look
  const bool valid_utf8_;
  std::vector<Node> stack_;  // open blocks and spans, innermost last
  Node root_;
  bool done_ = false;
  bool in_table_head_ = false;
  bool text_run_open_ = false;     // the last event added normal text that may continue
  std::size_t text_run_end_ = 0;   // byte offset just past that text
  bool inline_html_open_ = false;  // the top's last child is HtmlInline still collecting
  struct HtmlSource {
    std::size_t index;   // in the HtmlBlock's text
    std::size_t offset;  // in the file
    std::size_t size;
  };
  std::vector<HtmlSource> html_sources_;  // the open HtmlBlock's pieces that are in the source
  std::exception_ptr failure_;
};

}  // namespace

doc::Node parse_body(const SourceFile& file, std::size_t body_offset, Diagnostics& diags) {
  return TreeBuilder(file, body_offset, diags).run();
}

}  // namespace cvpress::markdown
