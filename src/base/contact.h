#pragma once
// What a contact item is: one classifier for the header's contact row, its icons, the line
// breaker (a contact never breaks inside) and the text layer.
#include <string_view>

namespace cvpress {

enum class ContactKind {
  None,
  Email,
  Phone,
  Web,
  GitHub,
  GitLab,
  LinkedIn,
  Twitter,
  StackOverflow,
  Location
};

/// The kind of a contact item from its link target (`mailto:`, `tel:`, a host) or, without
/// one, from its text: an e-mail address, a telephone number (a `+` or seven or more digits
/// in phone punctuation, never a range of years such as `2017 - 2019/20`), a URL or domain,
/// or a label that names a place (Location, Address, Ort, Адрес, 地址, 所在地, ...).
/// None for anything else: a list of talks is no contact row.
[[nodiscard]] ContactKind classify_contact(std::string_view text, std::string_view link = {});

}  // namespace cvpress
