#include "ingest/page_furniture.h"

#include <algorithm>
#include <vector>

#include "ingest/embedded_data.h"
#include "ingest/line_shape.h"

namespace dipdoc {
namespace {

constexpr std::size_t kShortLineWords = 12;   // a phrase within a line this short marks it as furniture
constexpr std::size_t kMenuLineWords = 20;    // a line this short that starts with a listed phrase is furniture
constexpr std::size_t kArticleWords = 15;     // a paragraph this long means the article has begun
constexpr std::size_t kCardWords = 3;         // a doubled headline has at least this many words...
constexpr std::size_t kHeadlineWords = 40;    // ...and at most this many

struct Rules {
  std::vector<std::string> end, line, prefix, within;  // all lower case
};

const Rules& LoadedRules() {
  static const Rules rules = [] {
    Rules r;
    std::string_view data = data::kPageFurniture;
    while (!data.empty()) {
      const std::size_t eol = std::min(data.find('\n'), data.size());
      const std::string_view row = data.substr(0, eol);
      data.remove_prefix(std::min(eol + 1, data.size()));
      const std::size_t tab = row.find('\t');
      if (row.empty() || row[0] == '#' || tab == std::string_view::npos) continue;
      const std::string_view kind = row.substr(0, tab);
      std::string phrase = LowerCase(row.substr(tab + 1));
      if (kind == "end") r.end.push_back(std::move(phrase));
      if (kind == "line") r.line.push_back(std::move(phrase));
      if (kind == "prefix") r.prefix.push_back(std::move(phrase));
      if (kind == "within") r.within.push_back(std::move(phrase));
    }
    return r;
  }();
  return rules;
}

bool Listed(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// "X X": one headline printed twice on a line, as related-article cards render in captures.
bool IsDoubled(std::string_view line) {
  if (line.size() < 3 || line.size() % 2 == 0) return false;
  const std::size_t half = line.size() / 2;
  if (line[half] != ' ' || line.substr(0, half) != line.substr(half + 1)) return false;
  const std::size_t words = WordCount(line.substr(0, half));
  return words >= kCardWords && words <= kHeadlineWords;
}

bool IsUrl(std::string_view line) {
  return (line.starts_with("http://") || line.starts_with("https://") || line.starts_with("www.")) &&
         line.find(' ') == std::string_view::npos;
}

// One or two letters alone on a line: the debris of a font-size or share widget ("aa").
bool IsWidgetDebris(std::string_view line) {
  return !line.empty() && line.size() <= 2 && std::all_of(line.begin(), line.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
         });
}

// `words` is WordCount(line); `lower` is LowerCase(line) when words <= kMenuLineWords.
bool IsFurnitureLine(std::string_view line, std::string_view lower, std::size_t words, const Rules& rules) {
  if (IsUrl(line) || IsWidgetDebris(line)) return true;
  if (words > kMenuLineWords) return false;
  if (Listed(rules.line, lower)) return true;
  for (const std::string& p : rules.prefix) {
    if (lower.starts_with(p)) return true;
  }
  if (words > kShortLineWords) return false;
  for (const std::string& p : rules.within) {
    if (lower.find(p) != std::string::npos) return true;
  }
  return false;
}

// `words` is WordCount(line); `lower` is LowerCase(line) when words <= kShortLineWords.
bool IsEndHeading(std::string_view lower, std::size_t words, const Rules& rules) {
  if (words > kShortLineWords) return false;
  while (!lower.empty() && (lower.back() == ':' || lower.back() == ' ')) lower.remove_suffix(1);
  return Listed(rules.end, lower);
}

}  // namespace

std::string RemovePageFurniture(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t eol = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, eol - start));
    start = eol + 1;
  }
  const std::size_t n = lines.size();
  std::vector<bool> furniture(n, false);
  auto next_text_line = [&](std::size_t i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      if (!lines[j].empty()) return j;
    }
    return n;
  };
  auto is_card_title = [&](std::size_t i) {
    if (lines[i].empty()) return false;
    if (IsDoubled(lines[i])) return true;
    const std::size_t j = next_text_line(i);
    return j < n && lines[j] == lines[i] && WordCount(lines[i]) > kCardWords && WordCount(lines[i]) <= kHeadlineWords;
  };

  // 1. Related-article cards: headline (printed twice), then the teaser.
  for (std::size_t i = 0; i < n; ++i) {
    if (furniture[i] || !is_card_title(i)) continue;
    furniture[i] = true;
    std::size_t last = i;
    if (!IsDoubled(lines[i])) furniture[last = next_text_line(i)] = true;
    const std::size_t teaser = next_text_line(last);
    if (teaser < n && !is_card_title(teaser) && WordCount(lines[teaser]) > kCardWords) furniture[teaser] = true;
  }

  // 2 and 3. End headings, once the article has begun; furniture lines anywhere.
  const Rules& rules = LoadedRules();
  bool article_begun = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (furniture[i] || lines[i].empty()) continue;
    // Each line is measured and lower-cased once, for all the rules.
    const std::size_t words = WordCount(lines[i]);
    const std::string lower = words <= kMenuLineWords ? LowerCase(lines[i]) : std::string();
    if (IsEndHeading(lower, words, rules)) {
      std::fill(furniture.begin() + static_cast<std::ptrdiff_t>(i),
                article_begun ? furniture.end() : furniture.begin() + static_cast<std::ptrdiff_t>(i + 1), true);
      if (article_begun) break;
      continue;
    }
    if (IsFurnitureLine(lines[i], lower, words, rules)) {
      furniture[i] = true;
      continue;
    }
    if (words >= kArticleWords) article_begun = true;
  }

  if (std::none_of(furniture.begin(), furniture.end(), [](bool f) { return f; })) return std::string(text);
  std::string out;
  out.reserve(text.size());
  bool previous_blank = true;
  for (std::size_t i = 0; i < n; ++i) {
    if (furniture[i]) continue;
    if (lines[i].empty()) {
      if (!previous_blank) out += '\n';
      previous_blank = true;
      continue;
    }
    out += lines[i];
    out += '\n';
    previous_blank = false;
  }
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace dipdoc
