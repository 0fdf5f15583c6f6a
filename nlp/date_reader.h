#ifndef DIPDOC_NLP_DATE_READER_H_
#define DIPDOC_NLP_DATE_READER_H_

// Dates a text names, absolute ("ngày 13/8/2021", "15 tháng 9 năm 2021", "quý IV/2021", "30 September
// 2021", "le 18 novembre 2021", "by the end of October 2021") or relative to the document's own date
// ("tháng 12 năm nay", "tháng 8 và tháng 9 tới đây", "trong quý III", "next year"), each at its own grain.
//
// What is read:
// - Digits: "13/8/2021", "13.08.2021", "13-8-2021", "2021-09-30", day first ("09/30/2021" is month first
//   only because 30 is no month); "8/2021" is a month unless a reference word comes before it ("Số",
//   "Nghị định", "Thông tư", "No.", "N°"); "13/8" needs a cue: "ngày", a part of the day ("Chiều 22/3"),
//   brackets after a word ("sáng nay (13/8)"), or a date it ends a range from ("ngày 31/10 - 3/11").
// - Vietnamese words: "ngày/mùng D tháng M (năm Y)", "D tháng M năm Y", "tháng M", "tháng M/Y", month names
//   ("tháng Tám", "tháng Mười Một", "Giêng", "Chạp"; in lower case only with a year: "mỗi tháng một lần" is
//   not January), "quý IV", "quý 4/2021", "quý cuối năm 2021", "năm 2021", and lists sharing one year
//   phrase ("tháng 8, 9 và 10/2021": one mention per month). Tone marks in either placement ("quý"/"qúy").
// - English and French: day and month names ("30 September 2021", "September 30, 2021", "Sept. 30", "1er
//   décembre", "les 6 et 13 novembre 2021"), "October 2021", "the fourth quarter of 2021", "Q4 2021", "au
//   4e trimestre 2021", and a bare month or year after a preposition ("in October", "en 2021", "d'ici 2022").
// - Relative: "năm nay/sau/tới/ngoái/trước", "tháng này/tới/sau/trước", "quý này/tới", "this/next/last
//   year", "next month", "next quarter", "cette année", "l'année prochaine", "l'an dernier", "le mois
//   prochain", "ce mois-ci"; a month, quarter or day without a year ("tháng 12", "ngày 20/9", "in
//   September", "trong quý III") is in the document's year. "tới", "tới đây", "sắp tới", "prochain", "next"
//   after or before a month or quarter mean the next such one, so in a document of October "tháng 2 tới" is
//   February of the next year; "vừa qua", "dernier" and "last" mean the last such one.
// - Modifiers that narrow a date without changing its grain: "cuối/đầu/giữa năm 2021" (the year), "đầu
//   tháng 10/2021", "trung tuần tháng 9", "nửa đầu năm 2021", "end of/beginning of/early/late/mid-", "first
//   half of", "fin/début/mi-". After one, a bare period is the document's: "cuối năm", "end of the year",
//   "fin de l'année", "cuối tháng".
//
// What is not: reference numbers ("4521/BNG-LT", "12/2021/NĐ-CP"), numbers glued to words ("COVID-19"),
// counts ("1,05 triệu", "2021 liều"), ranges of ages ("12 đến 17 tuổi"), times ("10:30"), fractions and
// scores without a cue ("3/4", "2-1"), durations ("3 tháng", "hai năm tới", "những tháng tới", "5 năm
// trước"), periods counted from another event ("năm sau đó"), "Quý" as an honorific ("Quý Văn phòng"), "may"
// and "march" in lower case, a bare "Q1" (Quận 1 in addresses) and "the last quarter" (ambiguous). Dates that
// do not exist ("31/2/2021", month 13) and years outside 1990-2100 are skipped, and their digits are not
// read as another date. No date is read across a line break.
//
// Spans: UTF-8 byte offsets of the date expression, including the words that make it a date or shape it:
// "ngày 13/8/2021", "tháng 12 năm nay", "quý IV năm 2021", "cuối năm 2021", "tháng 9 tới đây", "end of
// October 2021", "fourth quarter of 2021", "fin de l'année", "l'année prochaine", "ce mois-ci". Not in the
// span: prepositions and articles before it ("trong", "trước", "by", "in", "the", "d'ici", "la", "le",
// "au"); a caller that needs the deadline sense of "by"/"trước" reads the words just before the span. In a
// list, the first mention's span starts at "tháng"/"quý" and the year phrase belongs to the last one.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/extraction.h"

namespace dipdoc {

// Every date in `text`, in text order, none overlapping; DateMention::value is YYYY, YYYY-MM, YYYY-MM-DD or
// YYYY-Qn. `document_date` (YYYY, YYYY-MM or YYYY-MM-DD) anchors relative dates; without it, a date that
// needs it is skipped, and so is a date that needs the document's month ("tháng tới", "next month") when
// it has only a year. Anything else in `document_date` counts as no date. Linear in the text's length;
// any bytes are safe (ill-formed UTF-8 separates words like punctuation).
std::vector<DateMention> FindDates(std::string_view text, const std::optional<std::string>& document_date);

}  // namespace dipdoc

#endif  // DIPDOC_NLP_DATE_READER_H_
