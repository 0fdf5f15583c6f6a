#ifndef DIPDOC_QUERY_REPORT_H_
#define DIPDOC_QUERY_REPORT_H_

// The after-action report (`dipdoc report`): the ledger of a period (query/ledger.h) written for archivists
// as Markdown, one self-contained HTML page or JSON. Who gave or sold what, pledged against delivered, over
// time, what remains open, and for every figure the sentences it stands on, as numbered references.
//
// Every format has the same parts, in this order:
//   header      the period (documents dated in [from, to]), the as-of date, how many documents and
//               commitments are behind the report;
//   partners    per partner, most doses committed first: committed, delivered, outstanding, overdue (query/ledger.h defines them);
//   by kind     committed and delivered doses of donations ("donated"), purchases ("bought") and the rest
//               ("other"); a delivery counts under the kind of the promise it fulfils;
//   timeline    every ledger entry by document date: partner, what, doses, what it adds, its reference;
//   open        promises with doses still to come, with their due dates, overdue ones marked;
//   conflicts   where the record contradicts itself, as the ledger words it;
//   sources     the references: document file, date and the quoted sentence.
// A period without commitments gives a short report saying so.
//
// HTML: one file with inline CSS and two inline SVG charts (doses by partner, cumulative deliveries); no
// script, font, image or style sheet is fetched; @page A4. Every text from a document is escaped.
//
// JSON (every count a number, every date YYYY[-MM[-DD]] or null):
//   {"from", "to", "as_of", "documents", "commitments", "empty": bool,
//    "totals": {"committed", "delivered", "outstanding", "overdue"},
//    "partners": [{"partner", "name", "committed", "delivered", "outstanding", "overdue",
//                  "sources": {"committed": [ref...], "delivered": [...], "outstanding": [...], "overdue": [...]}}],
//    "by_kind": {"donated" | "bought" | "other": {"committed", "delivered", "sources": [ref...]}},
//    "timeline": [{"date", "partner", "role", "kind", "status", "doses", "vaccine", "due", "committed",
//                  "delivered", "source": ref}],
//    "deliveries": [{"date", "delivered", "cumulative"}],        the cumulative chart's points, dated only
//    "open": [{"partner", "date", "kind", "vaccine", "doses", "remaining", "overdue", "due", "source": ref}],
//    "conflicts": [{"partner", "text", "sources": [ref...]}],
//    "sources": [{"ref", "doc_id", "file", "date", "sentence"}]}
// A `ref` is the 1-based number of an entry in "sources".

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/ledger.h"

namespace dipdoc {

enum class ReportFormat { kMarkdown, kHtml, kJson };

// "md", "html", "json"; nullopt for anything else.
std::optional<ReportFormat> ParseReportFormat(std::string_view name);

// What the report covers: the commitments of documents dated in [from, to] (either open), reconciled as of
// the ledger's `as_of`.
struct ReportScope {
  std::optional<std::string> from;   // as the user gave it: YYYY[-MM[-DD]]
  std::optional<std::string> to;
  std::size_t documents = 0;         // documents in the period that state a commitment
  std::size_t commitments = 0;       // their commitments, the rows the ledger reconciled; 0: an empty report
};

// The scope of `rows`, the commitments ListCommitments gave for [from, to].
ReportScope MakeReportScope(const std::vector<CommitmentRow>& rows, std::optional<std::string> from,
                            std::optional<std::string> to);

// The report of `ledger` (Reconcile over the scope's rows) in `format`. Pure: no index or file access.
std::string RenderReport(const Ledger& ledger, const ReportScope& scope, ReportFormat format);

// A partner's display name in the report: its English short name (query/partner_names.h: "JP" -> "Japan").
std::string PartnerName(const std::string& id);

}  // namespace dipdoc

#endif  // DIPDOC_QUERY_REPORT_H_
