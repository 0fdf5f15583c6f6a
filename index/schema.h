#ifndef DIPDOC_INDEX_SCHEMA_H_
#define DIPDOC_INDEX_SCHEMA_H_

// The Xapian schema, in one place: every term prefix and value slot dipdoc writes, with its encoding.
// index/ writes it and query/ reads it; nothing else may spell a prefix or a slot number.
// Prefixes follow Omega's conventions (Q, P, L, D, M, Y, S) where one exists; dipdoc's own start with X and
// end with ':' so that an upper-case id (partner "CU") cannot run into the prefix.

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace dipdoc::schema {

// --- Boolean terms (filters; never affect ranking) -------------------------------------------------
inline constexpr std::string_view kDocId = "Q";          // Q<doc_id>: the unique id, one per document
inline constexpr std::string_view kPath = "P";           // P<canonical path>, or P#<sha256 of path> when long
inline constexpr std::string_view kDocType = "XTYPE:";   // XTYPE:letter | call_note | press | other
inline constexpr std::string_view kLanguage = "L";       // L<ISO 639-1>, e.g. Lvi
inline constexpr std::string_view kPartner = "XPARTNER:";  // XPARTNER:<partner id>, e.g. XPARTNER:CU
inline constexpr std::string_view kVaccine = "XVACCINE:";  // XVACCINE:<vaccine id>
// Documents that state commitments, so that the commitments table reads only those (query/commitment_table.h).
inline constexpr std::string_view kHasCommitment = "XCOMMIT";      // the term itself, once per such document
inline constexpr std::string_view kCommitmentPartner = "XCPARTNER:";  // XCPARTNER:<partner id> of a commitment
inline constexpr std::string_view kCommitmentKind = "XCKIND:";      // XCKIND:donation, ...
inline constexpr std::string_view kCommitmentStatus = "XCSTATUS:";  // XCSTATUS:pledged, ...
inline constexpr std::string_view kDay = "D";            // D<YYYYMMDD> of the document's own date
inline constexpr std::string_view kMonth = "M";          // M<YYYYMM>
inline constexpr std::string_view kYear = "Y";           // Y<YYYY>

// --- Free-text terms -------------------------------------------------------------------------------
inline constexpr std::string_view kTitle = "S";          // title words, besides the unprefixed body words

// The prefix Xapian's MSet::snippet gives stemmed words when it compares them with a query's terms. The
// index holds no such terms (inflections are found through kStemKey below); queries carry zero-weight
// "Z" terms only to make snippets highlight words in their other tone placement (query/query_expander.h).
inline constexpr std::string_view kStem = "Z";

// --- Synonym-table keys ----------------------------------------------------------------------------
// Accent-free search (index/variant_map.h): the synonym table maps kFoldedKey + a word's folded form to
// the indexed words that fold to it: "XFOLD:ngoai" -> {"ngoài", "ngoại", "ngoái"}.
inline constexpr std::string_view kFoldedKey = "XFOLD:";
// Inflections: kStemKey + language + ':' + the folded stem (by Xapian's stemmer for the language) of each
// word of a document in English or French -> those words: "XSTEM:en:deliveri" -> {"deliveries", "delivery"}.
inline constexpr std::string_view kStemKey = "XSTEM:";

// --- Metadata keys ---------------------------------------------------------------------------------
// The version of the index layout the documents were written with; an ingest brings older ones up to date.
inline constexpr std::string_view kSchemaVersionKey = "dipdoc:schema";
inline constexpr std::string_view kSchemaVersion = "5";
// The first version whose documents' wdfs carry BM25's length normalisation (index/ranking.h).
inline constexpr int kFirstNormalisedSchema = 5;

// --- Value slots -----------------------------------------------------------------------------------
enum Slot : Xapian::valueno {
  kSlotDate = 0,    // the document's date as YYYYMMDD, padded from its grain: "2021" -> "20210000"
  // Everything the search facets count, in one slot so that counting them reads one value per match
  // (Xapian's glass backend caches one value stream at a time): FacetValue() below.
  kSlotFacets = 1,
  // The doses of the document's commitments added up, as Xapian::sortable_serialise(double); absent when it
  // states none. For sorting and ranges over how much a document is about.
  kSlotCommittedDoses = 2,
};
inline constexpr char kListSeparator = '\x1f';
inline constexpr char kFieldSeparator = '\x1e';

// The facets of one document as kSlotFacets holds them.
struct FacetFields {
  std::string_view doc_type;
  std::string_view language;              // empty when unknown
  std::string_view year;                  // YYYY, empty when undated
  std::vector<std::string_view> partners;
};
std::string FacetValue(std::string_view doc_type, std::string_view language, std::string_view year,
                       const std::vector<std::string>& partners);
// The fields of a FacetValue(); views into `value`.
FacetFields ParseFacetValue(std::string_view value);

// The document data is the per-document record as JSON (index/record_json.h), so a hit is shown and a
// record served without re-reading the original file.

// Xapian refuses terms over 245 bytes; paths longer than this are stored by their hash.
inline constexpr std::size_t kMaxPathTermBytes = 200;

// The P term for a canonical path.
std::string PathTerm(std::string_view canonical_path);

// "2021-08-17" -> "20210817"; "2021-08" -> "20210800"; "2021" -> "20210000". Sorts by time as a string.
std::string DateValue(std::string_view iso_date);

}  // namespace dipdoc::schema

#endif  // DIPDOC_INDEX_SCHEMA_H_
