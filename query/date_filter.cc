#include "query/date_filter.h"

#include <regex>

namespace dipdoc {
namespace {

// "2021" -> "2021", "2021-08" -> "202108", "2021-08-17" -> "20210817", or nullopt when not a real date.
std::optional<std::string> Compact(const std::string& date) {
  static const std::regex kDate(R"((\d{4})(?:-(\d{2})(?:-(\d{2}))?)?)");
  std::smatch m;
  if (!std::regex_match(date, m, kDate)) return std::nullopt;
  std::string out = m[1].str();
  if (m[2].matched) {
    const int month = std::stoi(m[2].str());
    if (month < 1 || month > 12) return std::nullopt;
    out += m[2].str();
  }
  if (m[3].matched) {
    const int day = std::stoi(m[3].str());
    if (day < 1 || day > 31) return std::nullopt;
    out += m[3].str();
  }
  return out;
}

}  // namespace

Result<DateRange> MakeDateRange(const std::optional<std::string>& from, const std::optional<std::string>& to) {
  DateRange range;
  if (from) {
    const auto compact = Compact(*from);
    if (!compact) return Status::Usage("--from: '" + *from + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    range.from = *compact;
    range.from.resize(8, '0');  // 2021-08 -> 20210800: also takes documents dated only to the month
  }
  if (to) {
    const auto compact = Compact(*to);
    if (!compact) return Status::Usage("--to: '" + *to + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    range.to = *compact;
    range.to.resize(8, '9');  // 2021-08 -> 20210899: the whole month
  }
  if (range.from > range.to) return Status::Usage("--from is after --to");
  return range;
}

}  // namespace dipdoc
