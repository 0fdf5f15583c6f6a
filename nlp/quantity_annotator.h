#ifndef DIPDOC_NLP_QUANTITY_ANNOTATOR_H_
#define DIPDOC_NLP_QUANTITY_ANNOTATOR_H_

#include <string_view>
#include <vector>

#include "nlp/extraction.h"
#include "nlp/name_finder.h"
#include "nlp/number_reader.h"

namespace dipdoc {

struct Quantities {
  std::vector<DoseCount> doses;   // in text order; vaccine set when the words of the count name it
  std::vector<Amount> amounts;    // in text order
  std::vector<Span> equipment;    // "77 tủ lạnh âm sâu", "120 ventilators": given beside vaccines, not doses
};

// Which numbers count doses or vials and which are money, from the words next to each number
// (nlp/data/quantity_words.tsv): "1,05 triệu liều", "1.5 million AstraZeneca doses", "500 000 doses de
// vaccin" are doses; "23 triệu USD", "EUR 3 million", "$40 million" are money; "77 tủ lạnh", "120
// ventilators", "12 tuổi" are neither. DoseCount::partner is left for the caller, who sees the sentences.
// REQUIRES: numbers and names come from FindNumbers and NameFinder::Find on the same text, in text order
Quantities AnnotateQuantities(std::string_view text, const std::vector<NumberMention>& numbers,
                              const std::vector<NameMatch>& names);

}  // namespace dipdoc

#endif  // DIPDOC_NLP_QUANTITY_ANNOTATOR_H_
