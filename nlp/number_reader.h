#ifndef DIPDOC_NLP_NUMBER_READER_H_
#define DIPDOC_NLP_NUMBER_READER_H_

// Numbers as people write them in Vietnamese, English and French: digits with the language's separators
// ("1,05 triệu", "500.000", "350,000", "1.2 million", "450 000"), scale words ("triệu", "tỷ", "nghìn",
// "million", "milliards"), spelled-out numbers ("hai mươi triệu", "một triệu rưỡi", "two million",
// "deux millions") and the approximators in front of them ("hơn", "khoảng", "over", "plus de").
// The reader only reads: whether a number counts doses, money or people is the caller's question.
//
// How ambiguous text is read:
// - Separators. "vi" and "fr": "," is the decimal mark, "." groups thousands; "en": the reverse. A scale word
//   of one language overrides the document's ("1,05 triệu" is 1050000 in an English document; "million" and
//   "billion" belong to English and French and do not). A number the convention cannot read is read with the
//   other one ("1.5 triệu", "1,5 million" in English); one neither can read is none ("13.8.2021", "1.2.3").
//   Without a known language: both marks, the last is decimal; one mark twice, thousands; one mark once,
//   thousands before exactly three digits and no scale word ("1,500", "500.000"), else decimal ("1.05",
//   "1.500 million"). A no-break, narrow no-break or thin space between groups of three always groups
//   thousands; a plain space only in French or a document of unknown language ("450 000").
// - Not numbers: digits glued to letters ("COVID-19", "SARS-CoV-2", "H5N1", "B.1.617.2", "10h30"), ranks
//   ("19th", "1er", "2e"), digits touching a slash, colon or underscore ("13/8/2021", "4521/BNG-LT",
//   "12/CP", "10:30"), three or more parts joined by hyphens ("15-9-2021"; "2021-2022" and "5-10" are two
//   numbers each), and values above 1e15, which are skipped whole (a 17-digit run, "1.000.000.000 tỷ").
// - Numbers the caller sorts out: years ("năm 2021" gives 2021), percentages ("63%" gives 63, the "%" outside
//   the span), digits before a glued unit ("500.000đ", "0,5ml", "5G": the digits alone).
// - Glued scales: "1.5bn", "2mn", "2mln", "500k" in any language; "3m" is three million only in English or a
//   document of unknown language (elsewhere it is 3 metres: 3). Upper case "3M", "1.5BN" are not scales.
// - Words that are numbers only with others: "một", "one", "un", "une", "a" need a scale after them ("một
//   triệu", "a million"; "một số lượng lớn" has none); "năm" is five only before "mươi", "trăm" or a scale
//   ("năm 2021", "năm nay", "hai mươi năm" are years); "mốt", "tư", "lăm", "nhăm" only after a ten; "linh",
//   "lẻ" only after hundreds or a scale; "không" only as "không trăm"; "mươi", "trăm", "nghìn", "million"
//   never start a number ("hàng triệu", "millions of"), and a scale word that begins another word is not a
//   scale ("một tỷ lệ cao" is a high rate, "hai triệu chứng" two symptoms). One number word alone must be in
//   the document's language ("Sept" in English, "Hai" in English are not numbers), and a capitalised one
//   before a capitalised word that is not a number is a name ("Ba Lan", "Hai Bà Trưng", "Three Gorges").
// - Colloquial Vietnamese "hai triệu hai" (2.2 million) and "ba nghìn tư" (3400) are not read as one number:
//   "hai triệu hai" gives 2000000 and 2.
// - Approximators: "hơn", "trên", "vượt quá", "more than", "over", "plus de" are kMoreThan; "khoảng", "gần",
//   "xấp xỉ", "about", "some", "nearly", "almost", "environ", "près de" are kAbout; "ít nhất", "không dưới",
//   "at least", "au moins" are kAtLeast; "dưới", "chưa đến", "không quá", "less than", "fewer than", "under",
//   "no more than", "moins de", "au plus" are kLessThan (there is no "at most"). Ceilings the writer expects to
//   reach ("tới", "lên tới", "lên đến", "up to", "as many as", "jusqu'à") are kAbout. "handed over" is not
//   "over". Postfix forms ("1 triệu liều trở lên", "1 million or more") are not read.
// - Case and tone marks do not matter: "Hai mươi", "HAI MƯƠI", "mừơi" (a misplaced mark) are all read.

#include <string_view>
#include <vector>

#include "ingest/span.h"
#include "nlp/extraction.h"

namespace dipdoc {

struct NumberMention {
  double value = 0;                 // "1,05 triệu" -> 1050000; "một triệu rưỡi" -> 1500000
  Approx approx = Approx::kExact;   // from the approximator in front, if any
  Span span;                        // the approximator (if any) through the last number word
  Span number;                      // the number alone, without the approximator: "1,05 triệu"
};

// Every number in `text`, in text order, none overlapping. `language` is the document's ISO 639-1 code
// ("vi", "en", "fr", or with a region: "en-GB") and decides ambiguous separators ("1,500"); empty or another
// code: guessed per number. Digits that are part of a date ("13/8/2021"), a reference ("4521/BNG-LT") or a
// name ("COVID-19") are not numbers. Linear in the text's length, with memory bounded by a segment of the
// text, not the whole; any bytes, valid UTF-8 or not, are safe (only the first 4 GiB are read).
std::vector<NumberMention> FindNumbers(std::string_view text, std::string_view language);

}  // namespace dipdoc

#endif  // DIPDOC_NLP_NUMBER_READER_H_
