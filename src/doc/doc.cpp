#include "doc/doc.h"

#include <algorithm>
#include <array>
#include <set>

namespace cvpress::doc {
namespace {

// A name is a few words (`Dr. Maria Anna von Schmidt-Weber`), never a sentence.
constexpr std::size_t kMaxNameWords = 8;
constexpr std::size_t kMaxNameChars = 80;

// Section titles of résumés in the languages cvpress ships samples and catalogues for,
// lowercase. A first heading that is one of these is a section, not the person's name.
constexpr std::string_view kSectionWords[] = {
    // en
    "resume", "résumé", "curriculum vitae", "cv", "vita", "education", "experience", "work experience",
    "professional experience", "employment", "employment history", "work history", "skills",
    "technical skills", "projects", "summary", "profile", "personal", "personal information",
    "personal details", "personal data", "contact", "contacts", "contact information", "about", "about me",
    "objective", "languages", "certifications", "certificates", "awards", "honors", "publications",
    "references", "interests", "hobbies", "volunteering", "training", "courses", "achievements", "career",
    "qualifications", "competencies", "talks", "open source", "research", "teaching",
    // de
    "lebenslauf", "ausbildung", "bildung", "berufserfahrung", "erfahrung", "kenntnisse", "fähigkeiten",
    "persönliche daten", "persönliches", "kontakt", "sprachen", "projekte", "zertifikate", "interessen",
    "werdegang", "beruflicher werdegang", "profil", "studium",
    // fr, es, pt, it
    "formation", "expérience", "expériences", "compétences", "langues", "projets", "études",
    "expérience professionnelle", "currículum", "curriculum", "educación", "experiencia", "habilidades",
    "idiomas", "proyectos", "perfil", "formación", "experiencia laboral", "currículo", "educação",
    "experiência", "competências", "projetos", "formação", "istruzione", "esperienza", "competenze", "lingue",
    "progetti", "formazione", "esperienze",
    // ru, uk
    "резюме", "образование", "опыт", "опыт работы", "навыки", "контакты", "проекты", "о себе", "языки",
    "личная информация", "освіта", "досвід роботи", "навички",
    // el
    "βιογραφικό", "εκπαίδευση", "εμπειρία", "δεξιότητες",
    // zh, ja, ko
    "简历", "个人简历", "履历", "教育", "教育经历", "教育背景", "工作经历", "工作经验", "技能", "专业技能",
    "项目经验", "项目经历", "个人信息", "联系方式", "自我评价", "求职意向", "基本信息", "履歷", "學歷",
    "工作經歷", "履歴書", "職務経歴書", "学歴", "職歴", "スキル", "資格", "自己pr", "経歴", "職務要約",
    "連絡先", "이력서", "학력", "경력", "기술", "자기소개", "프로젝트", "연락처",
    // vi, th, hi, ar, fa, he
    "sơ yếu lý lịch", "học vấn", "kinh nghiệm", "kỹ năng", "dự án", "thông tin cá nhân", "ประวัติ", "การศึกษา",
    "ประสบการณ์", "बायोडाटा", "शिक्षा", "अनुभव", "السيرة الذاتية", "التعليم", "الخبرة", "المهارات", "رزومه",
    "تحصیلات", "سوابق کاری", "مهارت‌ها", "קורות חיים", "השכלה", "ניסיון"};

// Lowercase for the scripts the section words are in: ASCII, Latin-1, Greek and Cyrillic
// capitals (the rest have no case or are compared as written).
std::string fold_case(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const utf8::Decoded d = utf8::decode(s, i);
    char32_t c = d.valid ? d.code_point : utf8::kReplacement;
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB) ||
        (c >= 0x410 && c <= 0x42F))
      c += 0x20;
    else if (c >= 0x400 && c <= 0x40F)
      c += 0x50;
    utf8::append(out, c);
    i += d.length;
  }
  return out;
}

bool is_blank_text(const Node& n) {
  return (n.kind == NodeKind::Text && n.text.find_first_not_of(" \t") == std::string::npos) ||
         n.kind == NodeKind::SoftBreak;
}

// A paragraph holding only pictures (a badge row, an avatar above the name).
bool only_images(const Node& paragraph) {
  bool image = false;
  for (const Node& c : paragraph.children) {
    if (c.kind == NodeKind::Image ||
        (c.kind == NodeKind::Link && c.children.size() == 1 && c.children[0].kind == NodeKind::Image)) {
      image = true;
    } else if (!is_blank_text(c) && c.kind != NodeKind::HardBreak) {
      return false;
    }
  }
  return image;
}

// A paragraph that is one bold run: `**Jane Doe**`.
bool all_bold(const Node& paragraph) {
  int strong = 0;
  for (const Node& c : paragraph.children) {
    if (c.kind == NodeKind::Strong) {
      ++strong;
    } else if (!is_blank_text(c)) {
      return false;
    }
  }
  return strong == 1;
}

bool looks_like_name(const Node& block) {
  const std::string text = plain_text(block);
  const std::size_t start = text.find_first_not_of(" \t");
  if (start == std::string::npos) return false;
  if (utf8::length(text) > kMaxNameChars) return false;
  std::size_t words = 1;
  for (std::size_t i = start; i < text.size(); ++i)
    words += text[i] == ' ' && i + 1 < text.size() && text[i + 1] != ' ';
  return words <= kMaxNameWords && !is_section_word(text);
}

void collect(const Node& n, std::string& out) {
  switch (n.kind) {
    case NodeKind::Text:
    case NodeKind::Code: out += n.text; return;
    case NodeKind::SoftBreak:
    case NodeKind::HardBreak: out += ' '; return;
    case NodeKind::HtmlInline:
    case NodeKind::HtmlBlock: return;
    default: break;
  }
  for (const Node& c : n.children) collect(c, out);
}

}  // namespace

std::string plain_text(const Node& node) {
  std::string out;
  collect(node, out);
  return out;
}

const char* kind_name(NodeKind kind) {
  switch (kind) {
    case NodeKind::Document: return "document";
    case NodeKind::Heading: return "heading";
    case NodeKind::Paragraph: return "paragraph";
    case NodeKind::List: return "list";
    case NodeKind::ListItem: return "item";
    case NodeKind::BlockQuote: return "blockquote";
    case NodeKind::CodeBlock: return "codeblock";
    case NodeKind::ThematicBreak: return "rule";
    case NodeKind::Table: return "table";
    case NodeKind::TableRow: return "row";
    case NodeKind::TableCell: return "cell";
    case NodeKind::HtmlBlock: return "htmlblock";
    case NodeKind::PageBreak: return "pagebreak";
    case NodeKind::Text: return "text";
    case NodeKind::SoftBreak: return "softbreak";
    case NodeKind::HardBreak: return "hardbreak";
    case NodeKind::Emphasis: return "em";
    case NodeKind::Strong: return "strong";
    case NodeKind::Strikethrough: return "del";
    case NodeKind::Code: return "code";
    case NodeKind::Link: return "link";
    case NodeKind::Image: return "image";
    case NodeKind::HtmlInline: return "htmlinline";
  }
  return "?";
}

bool is_section_word(std::string_view text) {
  std::string t = fold_case(text);
  // Trailing colons and spaces (`Education:`), leading marks (`# `, emoji aside).
  while (!t.empty() && (t.back() == ':' || t.back() == ' ' || t.back() == '.')) t.pop_back();
  if (t.ends_with("\uFF1A")) t.resize(t.size() - 3);
  const std::size_t start = t.find_first_not_of(" #*-");
  if (start == std::string::npos) return false;
  const std::string_view v = std::string_view(t).substr(start);
  for (std::string_view w : kSectionWords) {
    if (v == w) return true;
    // `Work Experience (2019-)`, `Skills & Tools`, `Education | 2010`: the title, then a mark
    // (not a word: "Resume of Jane Doe" is a name).
    if (!v.starts_with(w)) continue;
    const std::size_t next = v.find_first_not_of(' ', w.size());
    if (next != std::string_view::npos && next > w.size() - 0 &&
        std::string_view("(&/:,|-[").find(v[next]) != std::string_view::npos)
      return true;
  }
  return false;
}

std::size_t name_index(const Node& root) {
  const std::vector<Node>& blocks = root.children;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Node& b = blocks[i];
    if (b.kind == NodeKind::ThematicBreak || b.kind == NodeKind::PageBreak ||
        (b.kind == NodeKind::Paragraph && only_images(b)))
      continue;
    if (!looks_like_name(b)) break;
    if (b.kind == NodeKind::Paragraph && all_bold(b)) return i;
    if (b.kind != NodeKind::Heading) break;
    if (b.level == 1) return i;
    // A first `##` or `###` is the name when it stands alone at its level with something
    // other than a heading under it (contacts); `## Section` over `### Entry` is a section.
    const bool unique =
        std::none_of(blocks.begin() + static_cast<std::ptrdiff_t>(i) + 1, blocks.end(),
                     [&](const Node& o) { return o.kind == NodeKind::Heading && o.level <= b.level; });
    if (unique && i + 1 < blocks.size() && blocks[i + 1].kind != NodeKind::Heading) return i;
    break;
  }
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Node& b = blocks[i];
    if (b.kind != NodeKind::Heading) continue;
    if (b.level >= 2) break;
    if (looks_like_name(b)) return i;
  }
  return std::string::npos;
}

void normalize_headings(Node& root) {
  const std::size_t name = name_index(root);
  std::set<int> levels;
  for (std::size_t i = 0; i < root.children.size(); ++i)
    if (i != name && root.children[i].kind == NodeKind::Heading) levels.insert(root.children[i].level);
  // `#` for every section (and no `##`), or a name over `###` sections only.
  if (levels.empty() || levels.contains(2)) return;
  if (!levels.contains(1) && name == std::string::npos) return;
  std::vector<int> order(levels.begin(), levels.end());
  for (std::size_t i = 0; i < root.children.size(); ++i) {
    Node& h = root.children[i];
    if (i == name || h.kind != NodeKind::Heading) continue;
    const auto rank = std::find(order.begin(), order.end(), h.level) - order.begin();
    h.level = std::min(6, 2 + static_cast<int>(rank));
  }
}

}  // namespace cvpress::doc
