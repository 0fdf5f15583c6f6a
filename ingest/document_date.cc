#include "ingest/document_date.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "ingest/line_shape.h"
#include "ingest/text_pattern.h"
#include "ingest/utf8.h"

namespace dipdoc {
namespace {

// Lines above the first body paragraph that may hold a letterhead date, a time line or a dateline.
constexpr std::size_t kHeaderLines = 16;
// Dates are looked for in the first bytes of a line only: a 5 MB line must cost no more than a short one.
constexpr std::size_t kMaxLineBytes = 400;

std::optional<std::string> Iso(int year, int month, int day) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return std::nullopt;
  if (month == 2 && day == 29 && !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) return std::nullopt;
  auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  return std::to_string(year) + "-" + two(month) + "-" + two(day);
}

int MonthNumber(const std::string& name) {
  static const std::array<std::pair<const char*, int>, 28> kMonths = {{
      {"january", 1},   {"february", 2}, {"march", 3},     {"april", 4},     {"may", 5},        {"june", 6},
      {"july", 7},      {"august", 8},   {"september", 9}, {"october", 10},  {"november", 11},  {"december", 12},
      {"janvier", 1},   {"février", 2},  {"fevrier", 2},   {"mars", 3},      {"avril", 4},      {"mai", 5},
      {"juin", 6},      {"juillet", 7},  {"août", 8},      {"aout", 8},      {"septembre", 9},  {"octobre", 10},
      {"novembre", 11}, {"décembre", 12}, {"decembre", 12}, {"sept", 9},
  }};
  for (const auto& [known, number] : kMonths) {
    if (name == known) return number;
  }
  return 0;
}

const std::string kMonthNames =
    "january|february|march|april|may|june|july|august|september|october|november|december|janvier|février|"
    "fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre";

struct Pattern {
  TextPattern regex;
  int year, month, day;  // capture groups; month may be a name
  // A necessary condition, tested before the (far dearer) search: the lower-cased line holds one of these
  // literals of the pattern, or, for the patterns with a month's name, one of the names.
  std::vector<std::string_view> needs_one_of;
  bool needs_month_name = false;
};

// The month names of kMonthNames, one by one.
const std::vector<std::string_view>& MonthNameList() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    std::string_view all = kMonthNames;
    for (std::size_t bar; (bar = all.find('|')) != std::string_view::npos; all.remove_prefix(bar + 1)) {
      out.push_back(all.substr(0, bar));
    }
    out.push_back(all);
    return out;
  }();
  return names;
}

bool HasMonthName(std::string_view lower) {
  const std::vector<std::string_view>& names = MonthNameList();
  return std::any_of(names.begin(), names.end(),
                     [lower](std::string_view name) { return lower.find(name) != std::string_view::npos; });
}

const std::vector<Pattern>& Patterns() {
  static const std::vector<Pattern> patterns = {
      {TextPattern(R"(ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))"), 3, 2, 1, {"tháng"}},
      {TextPattern(R"((\d{4})-(\d{2})-(\d{2}))"), 1, 2, 3, {"-"}},
      {TextPattern(R"((?:^|[^\d/.])(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d))"), 3, 2, 1, {"/", ".", "-"}},
      {TextPattern(R"((?:^|[^\d])(\d{1,2}|1er)(?:st|nd|rd|th)?\s+()" + kMonthNames + R"()\s*,?\s+(\d{4}))"), 3, 2, 1, {},
       true},
      {TextPattern(R"(()" + kMonthNames + R"()\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))"), 3, 1, 2, {}, true},
  };
  return patterns;
}

int Number(const std::string& s) { return s == "1er" ? 1 : std::stoi(s); }

std::optional<std::string> FromMatch(const TextMatch& m, const Pattern& p) {
  const std::string month = m.str(p.month);
  const int month_number = std::isdigit(static_cast<unsigned char>(month[0])) ? std::stoi(month) : MonthNumber(month);
  return Iso(std::stoi(m.str(p.year)), month_number, Number(m.str(p.day)));
}

// "Hà Nội, ngày ...", "Paris, le ...", "Tokyo, 3 November 2021": a place of a few words, a comma, the date.
bool IsPlaceDateLine(const std::string& lower) {
  static const TextPattern kPlaceDate(R"(^[^\d,]{2,40},\s*(?:le\s+|ngày\s+)?\d)");
  return kPlaceDate.Search(lower);
}

// "Thời gian: ...", "Date/time: ...", "Date : le ...", "Ngày: ...".
bool IsLabelledDateLine(const std::string& lower) {
  static const TextPattern kLabel(
      R"(^(?:thời gian|ngày|date|date/time|date and time|time|date et heure|heure et date|fait à [^,:]+)\s*:)");
  return kLabel.Search(lower);
}

// The year a dateless lead sentence belongs to: the latest year the text names ("năm 2021", "8/2021"), if
// any. A year is four digits from 1900 to 2099 standing alone, not part of a longer number like 1.2021.
std::optional<int> LatestYear(std::string_view text) {
  std::optional<int> latest;
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    const auto digit = [&](std::size_t k) { return k < text.size() && text[k] >= '0' && text[k] <= '9'; };
    if (!digit(i) || (i > 0 && (digit(i - 1) || text[i - 1] == '.' || text[i - 1] == ','))) continue;
    if (!(digit(i + 1) && digit(i + 2) && digit(i + 3)) || digit(i + 4)) continue;
    if (i + 5 < text.size() && (text[i + 4] == '.' || text[i + 4] == ',') && digit(i + 5)) continue;
    const int year = std::stoi(std::string(text.substr(i, 4)));
    if (year >= 1900 && year <= 2099 && (!latest || year > *latest)) latest = year;
    i += 3;
  }
  return latest;
}

// "(MOFA) - Chiều tối 30/11/2022, tại ...", "Ngày 17/8, Bộ trưởng ...", "Hà Nội, 25/08/2021 - ...",
// "On 17 August 2021, ...", "Le 17 août, ...": a date in the first words of the paragraph.
std::optional<std::string> LeadDate(std::string_view paragraph, std::string_view text) {
  const std::string lower = LowerCase(paragraph.substr(0, std::min<std::size_t>(paragraph.size(), 120)));
  static const TextPattern kLead(
      R"(^(?:\([^)]{1,20}\)\s*[-–]\s*)?(?:[^\d,]{0,25},\s*)?(?:(?:sáng|trưa|chiều|tối|chiều tối|đêm|hôm nay|on|le)\s+)?(?:ngày\s+)?(\d{1,2})/(\d{1,2})(?:/(\d{4}))?)");
  if (const std::optional<TextMatch> m = kLead.Find(lower)) {
    const int day = std::stoi(m->str(1));
    const int month = std::stoi(m->str(2));
    if (m->matched(3)) return Iso(std::stoi(m->str(3)), month, day);
    if (const auto year = LatestYear(text)) return Iso(*year, month, day);
    return std::nullopt;
  }
  const std::string head = lower.substr(0, std::min<std::size_t>(lower.size(), 40));
  return FindFullDate(head);
}

// Whether `text` holds `run` decimal digits (Unicode's, as \d in a pattern) in a row.
bool HasDigitRun(std::string_view text, int run) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int digits = 0;
  for (int32_t i = 0; i < length;) {
    if (s[i] < 0x80) {
      digits = s[i] >= '0' && s[i] <= '9' ? digits + 1 : 0;
      ++i;
    } else {
      UChar32 c;
      U8_NEXT(s, i, length, c);
      digits = c >= 0 && u_isdigit(c) ? digits + 1 : 0;
    }
    if (digits >= run) return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> FindFullDate(std::string_view line) {
  const std::string_view head = TruncateUtf8(line, kMaxLineBytes);
  // Every pattern ends with a year of four digits (\d: any Unicode decimal digit), and lower-casing makes
  // no digits: a line without four in a row holds no date, and is not worth lower-casing and five searches.
  if (!HasDigitRun(head, 4)) return std::nullopt;
  const std::string lower = LowerCase(head);
  std::optional<std::string> best;
  std::ptrdiff_t best_position = -1;
  std::optional<bool> month_name;  // whether `lower` names a month, once asked
  for (const Pattern& p : Patterns()) {
    if (!p.needs_one_of.empty() &&
        std::none_of(p.needs_one_of.begin(), p.needs_one_of.end(),
                     [&lower](std::string_view s) { return lower.find(s) != std::string::npos; })) {
      continue;
    }
    if (p.needs_month_name) {
      if (!month_name) month_name = HasMonthName(lower);
      if (!*month_name) continue;
    }
    const std::optional<TextMatch> m = p.regex.Find(lower);
    if (!m) continue;
    const std::optional<std::string> date = FromMatch(*m, p);
    if (date && (best_position < 0 || static_cast<std::ptrdiff_t>(m->position) < best_position)) {
      best = date;
      best_position = static_cast<std::ptrdiff_t>(m->position);
    }
  }
  return best;
}

std::optional<std::string> FindDocumentDate(std::string_view text) {
  const std::vector<std::string_view> lines = NonEmptyLines(text);
  // The header: lines above the first body paragraph.
  std::size_t body = 0;
  while (body < lines.size() && body < kHeaderLines && !IsParagraph(lines[body])) ++body;
  for (std::size_t i = 0; i < body; ++i) {
    const std::optional<std::string> date = FindFullDate(lines[i]);
    if (!date) continue;
    const std::string lower = LowerCase(TruncateUtf8(lines[i], kMaxLineBytes));
    if (IsPlaceDateLine(lower) || IsLabelledDateLine(lower) || WordCount(lines[i]) <= 12) return date;
  }
  // An article without a dateline: the lead sentence of one of its first two paragraphs.
  std::size_t paragraphs = 0;
  for (std::size_t i = body; i < lines.size() && paragraphs < 2; ++i) {
    if (!IsParagraph(lines[i])) continue;
    ++paragraphs;
    if (const std::optional<std::string> date = LeadDate(lines[i], text)) return date;
  }
  return std::nullopt;
}

}  // namespace dipdoc
