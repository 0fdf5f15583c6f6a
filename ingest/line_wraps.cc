#include "ingest/line_wraps.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "ingest/line_shape.h"

namespace dipdoc {
namespace {

constexpr std::size_t kWidestMeasure = 160;  // code points: wider lines are paragraphs, never wrapped
constexpr std::size_t kFullLinePercent = 70;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v'; }

std::size_t CodePoints(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string_view Trimmed(std::string_view line) {
  while (!line.empty() && IsSpace(line.front())) line.remove_prefix(1);
  while (!line.empty() && IsSpace(line.back())) line.remove_suffix(1);
  return line;
}

// "- item", "• item", "* item", "+ item", "– item", "1. item", "12) item", "a) item".
bool IsListItem(std::string_view line) {
  for (std::string_view bullet : {"-", "*", "+", "•", "–", "—"}) {
    if (line.starts_with(bullet)) return true;
  }
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] >= '0' && line[i] <= '9') ++i;
  if (i == 0 && !line.empty() && line[0] >= 'a' && line[0] <= 'z') i = 1;
  return i > 0 && i + 1 < line.size() && (line[i] == '.' || line[i] == ')') && line[i + 1] == ' ';
}

bool EndsSentence(std::string_view line) {
  for (std::string_view end : {".", "!", "?", ":", ";", "…", ".\"", ".”", ".»", ".)", "!\"", "?\""}) {
    if (line.ends_with(end)) return true;
  }
  return false;
}

// The longest line but one in ten among the lines of four words or more: the full lines of wrapped prose.
// 0 when there are too few such lines to tell.
std::size_t Measure(const std::vector<std::string_view>& lines) {
  std::vector<std::size_t> widths;
  for (std::string_view line : lines) {
    if (std::count(line.begin(), line.end(), ' ') >= 3) widths.push_back(CodePoints(line));
  }
  if (widths.size() < 4) return 0;
  std::nth_element(widths.begin(), widths.begin() + widths.size() * 9 / 10, widths.end());
  return widths[widths.size() * 9 / 10];
}

}  // namespace

void JoinWrappedLines(std::string& text) {
  // Lines end at '\n' and at page breaks ('\f'), which are never joined.
  std::vector<std::string_view> lines;
  const std::string_view all(text);
  for (std::size_t start = 0; start <= all.size();) {
    const std::size_t end = LineEnd(all, start);
    lines.push_back(Trimmed(all.substr(start, end - start)));
    start = end + 1;
  }
  const std::size_t measure = Measure(lines);
  if (measure == 0 || measure > kWidestMeasure) return;
  std::vector<std::size_t> soft;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const std::string_view line = lines[i];
    const std::string_view next = lines[i + 1];
    if (line.empty() || next.empty()) continue;  // a blank line ends a paragraph
    const std::size_t end = static_cast<std::size_t>(line.data() - all.data()) + line.size();
    const std::size_t newline = LineEnd(all, end);
    if (newline == all.size() || all[newline] != '\n') continue;
    if (CodePoints(line) * 100 < measure * kFullLinePercent || EndsSentence(line) || IsAllCapitals(line) ||
        IsAllCapitals(next) || IsListItem(next)) {
      continue;
    }
    soft.push_back(newline);
  }
  for (std::size_t at : soft) text[at] = ' ';
}

}  // namespace dipdoc
