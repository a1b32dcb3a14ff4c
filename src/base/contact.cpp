#include "base/contact.h"

#include <array>
#include <string>

namespace cvpress {
namespace {

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The text after a leading `Label:` (`Phone: +1 555`, `Email：a@b.c`), and the label.
std::pair<std::string_view, std::string_view> split_label(std::string_view text) {
  const std::size_t ascii = text.find(':');
  const std::size_t wide = text.find("\uFF1A");  // FULLWIDTH COLON
  std::size_t colon = std::string_view::npos, after = 0;
  if (ascii != std::string_view::npos && (wide == std::string_view::npos || ascii < wide)) {
    colon = ascii;
    after = ascii + 1;
  } else if (wide != std::string_view::npos) {
    colon = wide;
    after = wide + 3;
  }
  // `https://…` is no label.
  if (colon == std::string_view::npos || colon > 24 || text.substr(colon).starts_with("://"))
    return {{}, text};
  return {trim(text.substr(0, colon)), trim(text.substr(after))};
}

ContactKind by_link(std::string_view link) {
  const std::string lower = lowercase(link);
  const auto host_has = [&](std::string_view host) { return lower.find(host) != std::string::npos; };
  if (lower.starts_with("mailto:")) return ContactKind::Email;
  if (lower.starts_with("tel:")) return ContactKind::Phone;
  if (host_has("github.com")) return ContactKind::GitHub;
  if (host_has("gitlab.com")) return ContactKind::GitLab;
  if (host_has("linkedin.com")) return ContactKind::LinkedIn;
  if (host_has("twitter.com") || host_has("//x.com")) return ContactKind::Twitter;
  if (host_has("stackoverflow.com")) return ContactKind::StackOverflow;
  if (lower.starts_with("http:") || lower.starts_with("https:")) return ContactKind::Web;
  return ContactKind::None;
}

bool is_email(std::string_view s) {
  const std::size_t at = s.find('@');
  return at != std::string_view::npos && at > 0 && s.find(' ') == std::string_view::npos &&
         s.find('.', at) != std::string_view::npos && s.find('@', at + 1) == std::string_view::npos;
}

// A range or list of years (`2017 - 2019/20`, `2019–2022`): digits in phone punctuation, but
// no number to call.
bool looks_like_years(std::string_view s) {
  int years = 0;
  for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
    if ((i > 0 && is_digit(s[i - 1])) || !is_digit(s[i]) || !is_digit(s[i + 1]) || !is_digit(s[i + 2]) ||
        !is_digit(s[i + 3]) || (i + 4 < s.size() && is_digit(s[i + 4])))
      continue;
    if ((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0')) ++years;
  }
  return years >= 1 && s.find('+') == std::string_view::npos;
}

bool is_phone(std::string_view s) {
  std::size_t digits = 0;
  for (char c : s) {
    if (is_digit(c)) {
      ++digits;
    } else if (std::string_view("+ ()-./").find(c) == std::string_view::npos) {
      return false;
    }
  }
  if (digits < 7 || digits > 15) return false;  // ITU-T E.164: at most 15 digits
  return s.front() == '+' || !looks_like_years(s);
}

bool is_domain(std::string_view s) {
  const std::string lower = lowercase(s);
  if (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.")) return true;
  // `github.com/jane`, `jane.dev`: a dot inside a single token of letters, digits, - / .
  if (s.find(' ') != std::string_view::npos || s.find('.') == std::string_view::npos) return false;
  for (char c : lower)
    if (!((c >= 'a' && c <= 'z') || is_digit(c) || c == '.' || c == '-' || c == '/' || c == '_' || c == '~'))
      return false;
  const std::size_t dot = lower.find('.');
  return dot > 0 && dot + 2 < lower.size() + 1 && !is_digit(lower[dot + 1]);
}

ContactKind by_label(std::string_view label) {
  static constexpr std::array<std::string_view, 12> kPlace = {"location", "address", "city",    "based in",
                                                              "ort",      "adresse", "wohnort", "адрес",
                                                              "город",    "地址",    "所在地",  "住所"};
  static constexpr std::array<std::string_view, 8> kMail = {"email", "e-mail",   "mail",   "courriel",
                                                            "邮箱",  "电子邮件", "メール", "почта"};
  static constexpr std::array<std::string_view, 10> kPhone = {
      "phone", "tel", "telephone", "mobile", "cell", "telefon", "handy", "телефон", "电话", "電話"};
  static constexpr std::array<std::string_view, 5> kWeb = {"web", "website", "homepage", "blog", "portfolio"};
  const std::string lower = lowercase(label);
  for (std::string_view w : kPlace)
    if (lower == w) return ContactKind::Location;
  for (std::string_view w : kMail)
    if (lower == w) return ContactKind::Email;
  for (std::string_view w : kPhone)
    if (lower == w) return ContactKind::Phone;
  for (std::string_view w : kWeb)
    if (lower == w) return ContactKind::Web;
  if (lower == "github") return ContactKind::GitHub;
  if (lower == "linkedin") return ContactKind::LinkedIn;
  return ContactKind::None;
}

}  // namespace

ContactKind classify_contact(std::string_view text, std::string_view link) {
  if (const ContactKind k = by_link(link); k != ContactKind::None) return k;
  text = trim(text);
  if (text.empty()) return ContactKind::None;
  const auto [label, value] = split_label(text);
  if (!label.empty())
    if (const ContactKind k = by_label(label); k != ContactKind::None) return k;
  if (value.empty()) return ContactKind::None;
  if (is_email(value)) return ContactKind::Email;
  if (is_phone(value)) return ContactKind::Phone;
  if (is_domain(value)) {
    const ContactKind k = by_link("https://" + std::string(value));
    return k == ContactKind::None ? ContactKind::Web : k;
  }
  const std::string lower = lowercase(value);
  if (lower.starts_with("location") || lower.starts_with("address") || lower.starts_with("based in"))
    return ContactKind::Location;
  return ContactKind::None;
}

}  // namespace cvpress
