#ifndef DIPDOC_NLP_NUMBER_READER_H_
#define DIPDOC_NLP_NUMBER_READER_H_

// Numbers as people write them in Vietnamese, English and French: digits with the language's separators
// ("1,05 triệu", "500.000", "350,000", "1.2 million", "450 000"), scale words ("triệu", "tỷ", "nghìn",
// "million", "milliards"), spelled-out numbers ("hai mươi triệu", "một triệu rưỡi", "two million",
// "deux millions") and the approximators in front of them ("hơn", "khoảng", "over", "plus de").
// The reader only reads: whether a number counts doses, money or people is the caller's question.

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
// ("vi", "en", "fr") and decides ambiguous separators ("1,500"); empty or another code: guessed per number.
// Digits that are part of a date ("13/8/2021"), a reference ("4521/BNG-LT") or a name ("COVID-19") are not
// numbers. Linear in the text's length; any bytes, valid UTF-8 or not, are safe.
std::vector<NumberMention> FindNumbers(std::string_view text, std::string_view language);

}  // namespace dipdoc

#endif  // DIPDOC_NLP_NUMBER_READER_H_
