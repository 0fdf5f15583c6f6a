#include "index/document_builder.h"

#include <set>
#include <string>

#include "index/ranking.h"
#include "index/record_json.h"
#include "index/schema.h"
#include "index/stored_record.h"
#include "ingest/tone_marks.h"

namespace dipdoc {
namespace {

// Title words count as much as this many body words.
constexpr Xapian::termcount kTitleWeight = 3;

std::string Term(std::string_view prefix, std::string_view value) {
  return std::string(prefix) + std::string(value);
}

}  // namespace

DocumentBuilder::DocumentBuilder() : english_("english"), french_("french") {
  // Positions make phrase search and snippets work. Words are indexed as written, and no stems: English
  // and French inflections are found through the dictionary (index/variant_map.h), which costs the writer
  // one synonym per new word instead of a second term per word of every document.
  term_generator_.set_flags(0);
  term_generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
}

const Xapian::Stem& DocumentBuilder::StemmerFor(const std::optional<std::string>& language) const {
  static const Xapian::Stem none;
  if (language == "en") return english_;
  if (language == "fr") return french_;
  return none;
}

BuiltDocument DocumentBuilder::Build(const Record& record) {
  const Document& d = record.document;
  Xapian::Document doc;
  term_generator_.set_document(doc);
  // Words are indexed in their matching form (ingest/tone_marks.h), so "hoà" and "hòa" are one term.
  const std::string title = CanonicalToneMarks(d.title);
  const std::string body = CanonicalToneMarks(d.text);
  // BM25's length normalisation, applied here once instead of at every search (index/ranking.h).
  const Xapian::termcount per_word = WdfPerWord(CountWords(title) + CountWords(body));
  term_generator_.index_text(title, kTitleWeight * per_word, std::string(schema::kTitle));
  term_generator_.index_text(title, kTitleWeight * per_word);
  term_generator_.increase_termpos();
  term_generator_.index_text(body, per_word);
  // Let go of the document: a Xapian::Document is a handle whose reference count is not thread-safe, and the
  // writer thread copies and drops this one while the next Build would drop the generator's copy here. The
  // writer once crashed iterating a document's terms (std::_Rb_tree_increment) 87,500 documents into an
  // ingest, which this race explains.
  term_generator_.set_document(Xapian::Document());

  doc.add_boolean_term(Term(schema::kDocId, d.doc_id));
  for (const SourceFile& source : record.sources) doc.add_boolean_term(schema::PathTerm(source.path));
  doc.add_boolean_term(Term(schema::kDocType, ToString(d.doc_type)));
  if (d.language) doc.add_boolean_term(Term(schema::kLanguage, *d.language));
  std::string year;
  if (d.date) {
    const std::string date = schema::DateValue(*d.date);
    year = date.substr(0, 4);
    doc.add_value(schema::kSlotDate, date);
    doc.add_boolean_term(Term(schema::kYear, date.substr(0, 4)));
    if (date.compare(4, 2, "00") != 0) doc.add_boolean_term(Term(schema::kMonth, date.substr(0, 6)));
    if (date.compare(6, 2, "00") != 0) doc.add_boolean_term(Term(schema::kDay, date));
  }

  std::vector<std::string> partners;
  for (const PartnerMention& p : record.extraction.partners) {
    doc.add_boolean_term(Term(schema::kPartner, p.id));
    partners.push_back(p.id);
  }
  doc.add_value(schema::kSlotFacets,
                schema::FacetValue(ToString(d.doc_type), d.language.value_or(""), year, partners));

  std::set<std::string> vaccines;
  for (const DoseCount& dose : record.extraction.doses) {
    if (dose.vaccine) vaccines.insert(*dose.vaccine);
  }
  for (const Commitment& c : record.extraction.commitments) {
    if (c.vaccine) vaccines.insert(*c.vaccine);
  }
  for (const std::string& v : vaccines) doc.add_boolean_term(Term(schema::kVaccine, v));

  double committed = 0;
  for (const Commitment& c : record.extraction.commitments) {
    doc.add_boolean_term(std::string(schema::kHasCommitment));
    doc.add_boolean_term(Term(schema::kCommitmentPartner, c.partner));
    doc.add_boolean_term(Term(schema::kCommitmentKind, ToString(c.kind)));
    doc.add_boolean_term(Term(schema::kCommitmentStatus, ToString(c.status)));
    if (c.doses) committed += static_cast<double>(*c.doses);
  }
  if (committed > 0) doc.add_value(schema::kSlotCommittedDoses, Xapian::sortable_serialise(committed));

  doc.set_data(PackRecord(record));
  DictionaryWords words = words_.Collect(doc, d.language.value_or(""), StemmerFor(d.language));
  return {std::move(doc), std::move(words)};
}

}  // namespace dipdoc
