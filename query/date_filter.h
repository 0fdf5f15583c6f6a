#ifndef DIPDOC_QUERY_DATE_FILTER_H_
#define DIPDOC_QUERY_DATE_FILTER_H_

#include <optional>
#include <string>
#include <string_view>

#include "ingest/status.h"

namespace dipdoc {

// A closed range of dates as the schema's YYYYMMDD values (index/schema.h, kSlotDate), built from the
// contract's --from/--to arguments (YYYY, YYYY-MM or YYYY-MM-DD). A bound at a coarse grain covers the
// whole period: --to 2021-08 includes every day of August 2021.
struct DateRange {
  std::string from = "00000000";
  std::string to = "99999999";

  bool Contains(std::string_view date_value) const { return from <= date_value && date_value <= to; }
};

// A Usage status naming the bad argument when a bound is not a valid date.
Result<DateRange> MakeDateRange(const std::optional<std::string>& from, const std::optional<std::string>& to);

}  // namespace dipdoc

#endif  // DIPDOC_QUERY_DATE_FILTER_H_
