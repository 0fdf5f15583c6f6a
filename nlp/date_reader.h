#ifndef DIPDOC_NLP_DATE_READER_H_
#define DIPDOC_NLP_DATE_READER_H_

// Dates a text names, absolute ("ngày 13/8/2021", "15 tháng 9 năm 2021", "quý IV/2021", "30 September
// 2021", "le 18 novembre 2021", "by the end of October 2021") or relative to the document's own date
// ("tháng 12 năm nay", "tháng 8 và tháng 9 tới đây", "trong quý III", "next year"), each at its own grain.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/extraction.h"

namespace dipdoc {

// Every date in `text`, in text order, none overlapping; DateMention::value is YYYY, YYYY-MM, YYYY-MM-DD or
// YYYY-Qn. `document_date` (YYYY, YYYY-MM or YYYY-MM-DD) anchors relative dates; without it, a date that
// needs it is skipped. Linear in the text's length; any bytes are safe.
std::vector<DateMention> FindDates(std::string_view text, const std::optional<std::string>& document_date);

}  // namespace dipdoc

#endif  // DIPDOC_NLP_DATE_READER_H_
