#ifndef DIPDOC_QUERY_PARTNER_NAMES_H_
#define DIPDOC_QUERY_PARTNER_NAMES_H_

// The names people read for a partner id, in vi, en and fr, from the extraction gazetteers
// (nlp/data/partners_*.tsv): letters, reports and the web UI all name partners through here.

#include <string>
#include <string_view>
#include <vector>

namespace dipdoc {

enum class PartnerKind { kCountry, kOrganisation, kCompany };

// "country", "organisation", "company" (the kinds of ../shared/contract/partners.tsv).
std::string_view ToString(PartnerKind kind);

// The kind the gazetteer's !kind rows give a slug; an id without one is a country.
PartnerKind KindOf(const std::string& id);

struct PartnerNames {
  PartnerKind kind = PartnerKind::kCountry;
  std::string name;    // the short name: "Cu-ba", "Cuba", "Pfizer", "Cơ chế COVAX"
  std::string formal;  // the state's full name when the gazetteer has one: "Cộng hòa Cuba"; else `name`
};

// A company keeps its own name in every language; an organisation or a country takes the first name the
// gazetteer of `language` ("vi", "en", "fr") gives it (not an adjective, a demonym or an abbreviation),
// else the English one, else its id.
PartnerNames NamesOf(const std::string& id, std::string_view language);

// Every partner id the gazetteers name, sorted.
std::vector<std::string> KnownPartnerIds();

}  // namespace dipdoc

#endif  // DIPDOC_QUERY_PARTNER_NAMES_H_
