// Loading templates: find the file, parse it with yaml-cpp, and walk it against the schema.
// Every problem is reported (at its line and column) and the walk goes on, so one run
// shows all of them; a template with any error is not used. Front-matter overrides take
// the same path from the dotted key on, so they accept exactly what a template accepts.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "style/schema.h"
#include "style/style.h"

namespace cvpress::style {

namespace {

namespace fs = std::filesystem;
using schema::Property;
using schema::Scope;

std::string in_quotes(std::string_view s) { return '"' + std::string(s) + '"'; }

std::string join(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

// "did you mean ...?" when a candidate is close, else the valid words.
std::string suggestion(std::string_view word, const std::vector<std::string_view>& candidates,
                       std::string_view prefix = {}) {
  if (const auto near = schema::closest(word, candidates); !near.empty())
    return "did you mean " + in_quotes(std::string(prefix) + std::string(near)) + "?";
  return "valid keys: " + join(candidates);
}

// The keys valid at the top of a template.
std::vector<std::string_view> top_level_keys() {
  std::vector<std::string_view> out = schema::keys(Scope::Layout);
  out.emplace_back("page");
  out.emplace_back("extends");
  for (std::size_t i = 0; i < kRoleCount; ++i) out.emplace_back(role_key(static_cast<Role>(i)));
  return out;
}

std::vector<std::string_view> scope_names() {
  std::vector<std::string_view> out{"page"};
  for (std::size_t i = 0; i < kRoleCount; ++i) out.emplace_back(role_key(static_cast<Role>(i)));
  return out;
}

std::string layout_stem(const std::string& path) { return fs::path(path).stem().string(); }

std::optional<Layout> load(std::string_view name_or_path, const std::vector<std::string>& dirs,
                           Diagnostics& diags, const std::string& from_file, SourceLocation at,
                           std::vector<std::string>& chain);
bool is_path(std::string_view s);

// Walks one template file.
class Walker {
 public:
  Walker(const SourceFile& file, Diagnostics& diags, Layout& layout, const std::vector<std::string>& dirs,
         std::vector<std::string>& chain)
      : file_(file), diags_(diags), layout_(layout), dirs_(dirs), chain_(chain) {}

  void walk() {
    YAML::Node root;
    try {
      root = YAML::Load(file_.text());
    } catch (const YAML::ParserException& e) {
      error(e.mark, "invalid YAML: " + e.msg, {});
      return;
    } catch (const YAML::Exception& e) {
      error(e.mark, std::string("invalid YAML: ") + e.what(), {});
      return;
    }
    if (!root || root.IsNull()) return;  // an empty template: the built-in styles
    if (!root.IsMap()) {
      error(root.Mark(), "a layout must be a mapping of keys to values",
            "start with e.g. `description: ...`");
      return;
    }
    // `extends: NAME|FILE` first, wherever it is written: the base's values, then ours.
    if (const YAML::Node base = root["extends"]; base) extend(base);
    const std::vector<std::string_view> top = top_level_keys();
    for_each_entry(root, [&](const std::string& key, const YAML::Node& key_node, const YAML::Node& value) {
      if (key == "extends") return;  // done above
      if (key == "page") {
        if (expect_mapping(key, key_node, value, "the page setup (paper, margins)"))
          walk_properties(Scope::Page, Role::Page, value);
      } else if (const auto role = schema::role_from_key(key)) {
        const std::string what = std::string("the style of ") + role_key(*role);
        if (*role == Role::Name && value.IsScalar()) {
          error(value.Mark(), "name expects a mapping of style properties, not " + in_quotes(value.Scalar()),
                "`name:` styles the person's name (the first # heading); a layout is named by its file name");
        } else if (expect_mapping(key, key_node, value, what)) {
          walk_properties(Scope::Rule, *role, value);
        }
      } else if (const Property* p = schema::find(Scope::Layout, key)) {
        set(*p, key, key_node, value, Role::Page);
      } else {
        error(key_node.Mark(), "unknown key " + in_quotes(key), suggestion(key, top));
      }
    });
  }

 private:
  // Loads the template this one extends into layout_ (keeping our own name and path).
  void extend(const YAML::Node& base) {
    if (!base.IsScalar() || base.Scalar().empty()) {
      error(base.Mark(), "extends expects a layout name or a .yaml file", "e.g. `extends: classic`");
      return;
    }
    std::string target = base.Scalar();
    // A relative file is relative to the template that names it, like an #include.
    if (is_path(target) && fs::path(target).is_relative())
      target = (fs::path(file_.path()).parent_path() / target).lexically_normal().string();
    std::optional<Layout> parent = load(target, dirs_, diags_, file_.path(), location(base.Mark()), chain_);
    if (!parent) return;
    const std::string name = layout_.name, path = layout_.path;
    layout_ = std::move(*parent);
    layout_.name = name;
    layout_.path = path;
  }

  template <typename F>
  void for_each_entry(const YAML::Node& map, F&& f) {
    std::set<std::string> seen;
    for (const auto& entry : map) {
      // Copies: yaml-cpp's iterator hands out a temporary pair of node handles.
      const YAML::Node key_node = entry.first;
      const YAML::Node value = entry.second;
      if (!key_node.IsScalar()) {
        error(key_node.Mark(), "a key must be a plain word", {});
        continue;
      }
      const std::string& key = key_node.Scalar();
      if (!seen.insert(key).second) {
        error(key_node.Mark(), "duplicate key " + in_quotes(key), "write each key once in a mapping");
        continue;
      }
      f(key, key_node, value);
    }
  }

  bool expect_mapping(const std::string& key, const YAML::Node& key_node, const YAML::Node& value,
                      const std::string& what) {
    if (value.IsMap()) return true;
    if (value.IsNull()) return false;  // `section:` with nothing under it: nothing to set
    error(value.IsDefined() ? value.Mark() : key_node.Mark(), key + " expects a mapping: " + what,
          "indent its keys under it, e.g.\n  " + key + ":\n    color: \"#1f3a5f\"");
    return false;
  }

  void walk_properties(Scope scope, Role role, const YAML::Node& map) {
    const std::vector<std::string_view> valid = schema::keys(scope);
    for_each_entry(map, [&](const std::string& key, const YAML::Node& key_node, const YAML::Node& value) {
      if (const Property* p = schema::find(scope, key)) {
        set(*p, key, key_node, value, role);
      } else {
        error(key_node.Mark(), "unknown key " + in_quotes(key), suggestion(key, valid));
      }
    });
  }

  void set(const Property& p, const std::string& key, const YAML::Node& key_node, const YAML::Node& value,
           Role role) {
    schema::Raw raw;
    if (value.IsScalar()) {
      raw.items.push_back(value.Scalar());
    } else if (value.IsSequence()) {
      raw.list = true;
      for (const YAML::Node& item : value) {
        if (!item.IsScalar()) {
          error(item.Mark(), key + " expects a list of plain values", {});
          return;
        }
        raw.items.push_back(item.Scalar());
      }
    } else if (value.IsMap()) {
      error(value.Mark(), key + " expects a value, not a mapping", std::string(p.help));
      return;
    }  // null: raw stays empty, parse() reports the missing value
    schema::Value v;
    if (auto problem = schema::parse(p, raw, v)) {
      // A null value has no useful mark of its own: point at the key.
      error(raw.items.empty() && !raw.list ? key_node.Mark() : value.Mark(), problem->message, problem->hint);
      return;
    }
    p.apply(layout_, role, v);
  }

  // yaml-cpp marks are 0-based line and byte column; diagnostics want 1-based line and
  // code-point column, which SourceFile computes from a byte offset.
  SourceLocation location(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0 || mark.column < 0) return {};
    const std::size_t offset =
        file_.line_offset(static_cast<uint32_t>(mark.line + 1)) + static_cast<std::size_t>(mark.column);
    return file_.location_of(offset);
  }

  void error(const YAML::Mark& mark, std::string message, std::string hint) {
    diags_.error(file_.path(), location(mark), std::move(message), std::move(hint));
  }

  const SourceFile& file_;
  Diagnostics& diags_;
  Layout& layout_;
  const std::vector<std::string>& dirs_;
  std::vector<std::string>& chain_;  // the files being loaded, outermost first (cycle check)
};

bool is_path(std::string_view s) {
  return s.find('/') != std::string_view::npos || s.ends_with(".yaml") || s.ends_with(".yml");
}

// Layout files in `dirs` by name (first directory wins), sorted.
std::map<std::string, std::string> layout_files(const std::vector<std::string>& dirs) {
  std::map<std::string, std::string> out;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(dir, ec))
      if (entry.is_regular_file(ec) && entry.path().extension() == ".yaml") found.push_back(entry.path());
    std::sort(found.begin(), found.end());
    for (const fs::path& p : found) out.emplace(p.stem().string(), p.string());
  }
  return out;
}

std::optional<Layout> load(std::string_view name_or_path, const std::vector<std::string>& dirs,
                           Diagnostics& diags, const std::string& from_file, SourceLocation at,
                           std::vector<std::string>& chain) {
  std::string path;
  if (is_path(name_or_path)) {
    std::error_code ec;
    if (!fs::is_regular_file(fs::path(name_or_path), ec)) {
      diags.error(from_file, at, "layout file " + in_quotes(name_or_path) + " not found",
                  "give a path to a .yaml file, or a layout name such as classic");
      return std::nullopt;
    }
    path = name_or_path;
  } else {
    const auto files = layout_files(dirs);
    if (auto it = files.find(std::string(name_or_path)); it != files.end()) {
      path = it->second;
    } else {
      std::vector<std::string_view> names;
      for (const auto& [name, file] : files) names.emplace_back(name);
      std::string hint = names.empty() ? "no layouts found in: " + join({dirs.begin(), dirs.end()})
                                       : "available layouts: " + join(names);
      if (const auto near = schema::closest(name_or_path, names); !near.empty())
        hint = "did you mean " + in_quotes(near) + "? (" + hint + ")";
      diags.error(from_file, at, "unknown layout " + in_quotes(name_or_path), hint);
      return std::nullopt;
    }
  }

  std::error_code ec;
  const std::string canonical = fs::weakly_canonical(fs::path(path), ec).string();
  if (std::find(chain.begin(), chain.end(), canonical) != chain.end()) {
    std::string cycle;
    for (const std::string& f : chain) cycle += layout_stem(f) + " -> ";
    diags.error(from_file, at,
                "layout " + in_quotes(layout_stem(path)) + " extends itself: " + cycle + layout_stem(path),
                "remove the `extends` that closes the circle");
    return std::nullopt;
  }
  chain.push_back(canonical);
  const SourceFile file = SourceFile::read(path);  // an unreadable existing file: cvpress::Error
  Layout layout = schema::base_layout();
  layout.name = layout_stem(path);
  layout.path = path;
  const std::size_t errors_before = diags.error_count();
  Walker(file, diags, layout, dirs, chain).walk();
  chain.pop_back();
  if (diags.error_count() != errors_before) return std::nullopt;
  return layout;
}

// The override's value as the schema wants it: a flow list `[a, b]` for list-valued keys,
// else one scalar. Surrounding quotes, if the front matter kept them, are not part of it.
schema::Raw override_value(const Property& p, std::string value) {
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
    value = value.substr(1, value.size() - 2);
  schema::Raw raw;
  if (value.empty()) return raw;
  if ((p.type == schema::Type::StringList || p.type == schema::Type::Box) && value.front() == '[' &&
      value.back() == ']') {
    try {
      const YAML::Node node = YAML::Load(value);
      if (node.IsSequence()) {
        raw.list = true;
        for (const YAML::Node& item : node)
          raw.items.push_back(item.IsScalar() ? item.Scalar() : std::string());
        return raw;
      }
    } catch (const YAML::Exception&) {
      // Not a flow list after all: taken as one scalar below, and reported by parse().
    }
  }
  raw.items.push_back(std::move(value));
  return raw;
}

}  // namespace

std::optional<Layout> load_layout(std::string_view name_or_path, const std::vector<std::string>& layout_dirs,
                                  Diagnostics& diags) {
  std::vector<std::string> chain;
  return load(name_or_path, layout_dirs, diags, {}, {}, chain);
}

std::optional<Layout> load_layout(std::string_view name_or_path, const std::vector<std::string>& layout_dirs,
                                  Diagnostics& diags, const std::string& from_file, SourceLocation at) {
  std::vector<std::string> chain;
  return load(name_or_path, layout_dirs, diags, from_file, at, chain);
}

void apply_overrides(Layout& layout, const std::vector<doc::Override>& overrides,
                     const std::string& source_path, Diagnostics& diags, OverrideSource source) {
  std::set<std::string, std::less<>> ignored;  // foreign mappings warned about, by their top key
  for (const doc::Override& o : overrides) {
    const std::string_view key = o.key;
    const auto dot = key.find('.');
    const Property* p = nullptr;
    Role role = Role::Page;
    if (dot == std::string_view::npos) {
      p = schema::find(Scope::Layout, key);
      const auto near_scope = [&] {
        for (std::string_view known : scope_names())
          if (near_miss(key, known)) return true;
        return false;
      };
      if (!p && source == OverrideSource::FrontMatter && !near_scope()) {
        // A plain key that is no layout key nor a near miss of one: written for another tool.
        diags.warning(source_path, o.key_location,
                      "ignored front matter key " + in_quotes(key) + ": not a cvpress key",
                      "cvpress reads lang, title, author, layout, paper, date, keywords, fit, dir and layout "
                      "overrides such as section.color; other tools' keys can stay");
        continue;
      }
      if (!p) {
        diags.error(source_path, o.key_location, "unknown key " + in_quotes(key),
                    "layout overrides are dotted keys such as section.color or page.margin");
        continue;
      }
    } else {
      const std::string_view scope_name = key.substr(0, dot);
      const std::string_view name = key.substr(dot + 1);
      Scope scope = Scope::Page;
      if (scope_name != "page") {
        const auto r = schema::role_from_key(scope_name);
        const auto is_near = [&] {
          for (std::string_view known : scope_names())
            if (near_miss(scope_name, known)) return true;
          return false;
        };
        if (!r && source == OverrideSource::FrontMatter && !is_near()) {
          // Not shaped like a layout key (`pdf_options.format`, `output.pdf_document`): a
          // mapping written for another tool, ignored with one word.
          if (ignored.insert(std::string(scope_name)).second)
            diags.warning(source_path, o.key_location,
                          "ignored front matter key " + in_quotes(scope_name) + ": not a cvpress key",
                          "layout overrides name page or a style before the dot: " + join(scope_names()));
          continue;
        }
        if (!r) {
          const auto near = schema::closest(scope_name, scope_names());
          diags.error(source_path, o.key_location, "unknown key " + in_quotes(key),
                      near.empty()
                          ? "the part before the dot names page or a style: " + join(scope_names())
                          : "did you mean " + in_quotes(std::string(near) + "." + std::string(name)) + "?");
          continue;
        }
        scope = Scope::Rule;
        role = *r;
      }
      p = schema::find(scope, name);
      if (!p) {
        diags.error(source_path, o.key_location, "unknown key " + in_quotes(key),
                    suggestion(name, schema::keys(scope), std::string(scope_name) + "."));
        continue;
      }
    }
    schema::Value v;
    if (auto problem = schema::parse(*p, override_value(*p, o.value), v, key)) {
      diags.error(source_path, o.value_location.known() ? o.value_location : o.key_location, problem->message,
                  problem->hint);
      continue;
    }
    p->apply(layout, role, v);
  }
}

std::vector<std::pair<std::string, std::string>> list_layouts(const std::vector<std::string>& layout_dirs) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, path] : layout_files(layout_dirs)) {
    std::string description;
    try {
      const YAML::Node root = YAML::LoadFile(path);
      if (root.IsMap() && root["description"] && root["description"].IsScalar())
        description = root["description"].Scalar();
    } catch (const YAML::Exception&) {
      // A broken template is still listed; loading it reports what is wrong.
    }
    out.emplace_back(name, std::move(description));
  }
  return out;
}

}  // namespace cvpress::style
