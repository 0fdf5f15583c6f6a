#ifndef DIPDOC_QUERY_LETTER_DRAFT_H_
#define DIPDOC_QUERY_LETTER_DRAFT_H_

// Follow-up letters: one partner's ledger (query/ledger.h) written as a letter of the Ministry of Foreign
// Affairs that thanks the partner for what it delivered, recalls what it promised and has not delivered, and
// asks for what is overdue. The wording is in query/templates/draft_{vi,en,fr}.mustache (compiled in); this
// code prepares what the templates print: names, figures and dates written the language's way, and the
// citations. Every figure carries a marker ([1], or [^1] in Markdown) that points to the sentence it was
// read from, listed after the letter with its file, date and doc id. The ledger's conflicts never go into
// the letter: they are listed after it, for the drafter.

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/status.h"
#include "query/ledger.h"

namespace dipdoc {

struct DraftOptions {
  std::string language = "vi";   // vi, en or fr
  std::string format = "txt";    // txt (pastes into a word processor) or md
  std::string date;              // the drafting date, YYYY-MM-DD, written in the place-and-date line
};

// The letter to `ledger.partner`. A Usage status for an unknown language or format, a malformed date or a
// ledger without entries (there is nothing to cite).
Result<std::string> DraftLetter(const PartnerLedger& ledger, const DraftOptions& options);

// A dose count as the language writes it: vi "31.000.000", en "31,000,000", fr "31 000 000" (U+202F between
// the groups).
std::string WriteDoses(std::int64_t doses, std::string_view language);

// A date at its grain (YYYY, YYYY-MM, YYYY-Qn, YYYY-MM-DD) as the language writes it on its own: vi "ngày 5
// tháng 10 năm 2021", "quý IV năm 2021"; en "5 October 2021", "the fourth quarter of 2021"; fr "5 octobre
// 2021", "quatrième trimestre 2021". Anything else is returned as it is.
std::string WriteDate(std::string_view date, std::string_view language);

// The same date as an adverbial of time: vi "trong tháng 10 năm 2021"; en "on 5 October 2021", "in 2021";
// fr "le 5 octobre 2021", "au quatrième trimestre 2021", "en 2021".
std::string WriteDateAdverbial(std::string_view date, std::string_view language);

}  // namespace dipdoc

#endif  // DIPDOC_QUERY_LETTER_DRAFT_H_
