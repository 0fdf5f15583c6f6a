#include "nlp/extractor.h"

#include <map>
#include <utility>

#include "ingest/utf8.h"
#include "nlp/commitment_annotator.h"
#include "nlp/date_reader.h"
#include "nlp/name_finder.h"
#include "nlp/number_reader.h"
#include "nlp/quantity_annotator.h"
#include "nlp/sentence_splitter.h"

namespace dipdoc {
namespace {

// A title found this far into the text is the text's own heading (not a later quotation of it).
constexpr std::size_t kTitleWithin = 1024;

// Every partner named, with each place it is named, in order of first mention.
std::vector<PartnerMention> GroupPartners(std::string_view text, const std::vector<NameMatch>& names,
                                          const NameFinder& finder) {
  std::vector<PartnerMention> partners;
  std::map<std::string_view, std::size_t> index_of;
  for (const NameMatch& name : names) {
    if (name.what != NameKind::kPartner) continue;
    auto [it, added] = index_of.emplace(name.id, partners.size());
    if (added) {
      partners.push_back(PartnerMention{std::string(name.id), std::string(name.span.In(text)),
                                        std::string(finder.PartnerKind(name.id)), {}});
    }
    partners[it->second].spans.push_back(name.span);
  }
  return partners;
}

// The partner a letter is addressed to ("Kính gửi: Văn phòng ... Công ty Pfizer"), else none.
std::optional<std::string> AddresseePartner(const Document& document, const NameFinder& finder) {
  if (!document.addressee) return std::nullopt;
  for (const NameMatch& name : finder.Find(*document.addressee)) {
    if (name.what == NameKind::kPartner && name.id != "covax") return std::string(name.id);
  }
  return std::nullopt;
}

}  // namespace

Extraction Extractor::Extract(const Document& document) const {
  Extraction e;
  const std::string_view text = document.text;
  if (text.empty() || FindInvalidUtf8(text)) return e;  // ingest guarantees UTF-8; be safe all the same

  const NameFinder& finder = NameFinder::Default();
  CommitmentContext context;
  context.text = text;
  context.names = finder.Find(text);
  context.sentences = SplitSentences(text);
  context.dates = FindDates(text, document.date);
  context.document_partner = AddresseePartner(document, finder);

  Quantities quantities = AnnotateQuantities(text, FindNumbers(text, document.language.value_or("")), context.names);
  context.amounts = quantities.amounts;
  context.equipment = quantities.equipment;
  if (!document.title.empty()) {
    if (const std::size_t at = text.find(document.title); at != std::string_view::npos && at < kTitleWithin) {
      context.title = Span{at, at + document.title.size()};
    }
  }
  e.commitments = AnnotateCommitments(context, quantities.doses);

  e.partners = GroupPartners(text, context.names, finder);
  e.doses = std::move(quantities.doses);
  e.amounts = std::move(quantities.amounts);
  e.dates = std::move(context.dates);
  return e;
}

}  // namespace dipdoc
