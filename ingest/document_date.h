#ifndef DIPDOC_INGEST_DOCUMENT_DATE_H_
#define DIPDOC_INGEST_DOCUMENT_DATE_H_

// The document's own date: the letter's place-and-date line ("Hà Nội, ngày 05 tháng 10 năm 2021",
// "Paris, le 14 octobre 2021", "Tokyo, 3 November 2021"), the call note's time line ("Thời gian: 20h00,
// ngày 18 tháng 9 năm 2021", "Date/time: 20 August 2021"), the article's dateline ("16:22 | 17/08/2021",
// "Thứ Tư, 25/08/2021 16:20") or, for an article without one, its lead sentence ("(MOFA) - Chiều tối
// 30/11/2022, ...", "Ngày 17/8, ..." with the year the text names). Never a date inside the body, and never
// a crawl date (page furniture is gone before this runs).

#include <optional>
#include <string>
#include <string_view>

namespace dipdoc {

// The first full date (day, month and year) written in `line`, in any of the forms above or as
// YYYY-MM-DD, as "YYYY-MM-DD"; nullopt when the line has none or it is not a real date.
std::optional<std::string> FindFullDate(std::string_view line);

// REQUIRES: text is the normalised main text (TextNormaliser, RemovePageFurniture)
std::optional<std::string> FindDocumentDate(std::string_view text);

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_DOCUMENT_DATE_H_
