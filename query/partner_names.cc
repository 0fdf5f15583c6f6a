#include "query/partner_names.h"

#include <map>
#include <optional>
#include <set>
#include <vector>

#include "ingest/fields.h"
#include "nlp/embedded_data.h"

namespace dipdoc {
namespace {

std::string_view Gazetteer(std::string_view language) {
  if (language == "vi") return data::kPartnersVi;
  if (language == "fr") return data::kPartnersFr;
  return data::kPartnersEn;
}

// Words that begin (vi, fr) or occur in (en) the official name of a state.
bool IsStateTitle(std::string_view alias, std::string_view language) {
  static const std::map<std::string_view, std::vector<std::string_view>> kTitles = {
      {"vi", {"Cộng hòa ", "Liên bang ", "Vương quốc ", "Hợp chủng quốc ", "Đại Hàn Dân Quốc", "Nhà nước "}},
      {"en", {"Republic", "Kingdom", "Federation", "United States of America", "Confederation", "State of"}},
      {"fr", {"République", "Royaume", "Fédération", "Confédération", "États-Unis d'Amérique"}},
  };
  for (std::string_view title : kTitles.at(language)) {
    if (language == "en" ? alias.find(title) != std::string_view::npos : alias.starts_with(title)) return true;
  }
  return false;
}

// The partner's names from the extraction gazetteer of `language`, from its rows that are names (not
// adjectives, demonyms or abbreviations): the short name is the first alias of the first row that does not
// open with a state's full title ("Liên bang Nga|LB Nga" then "Nga": "Nga"), else the first alias; the
// formal name is the first alias that is a state's full title.
std::optional<PartnerNames> NamesFromGazetteer(const std::string& id, std::string_view language) {
  std::optional<PartnerNames> found;
  bool short_found = false;
  for (const auto& row : TsvRows(Gazetteer(language))) {
    if (row.size() < 2 || row[0].starts_with("!") || row[1] != id) continue;
    const std::string_view flags = row.size() > 2 ? row[2] : std::string_view();
    if (HasFlag(flags, "adj") || HasFlag(flags, "noun") || HasFlag(flags, "case")) continue;
    const std::vector<std::string_view> aliases = SplitFields(row[0], '|');
    if (!found) found = PartnerNames{PartnerKind::kCountry, std::string(aliases.front()), ""};
    if (!short_found && !IsStateTitle(aliases.front(), language)) {
      found->name = aliases.front();
      short_found = true;
    }
    for (std::string_view alias : aliases) {
      if (found->formal.empty() && IsStateTitle(alias, language)) found->formal = alias;
    }
  }
  return found;
}

// "cơ chế COVAX" at the head of an address line is "Cơ chế COVAX".
std::string CapitaliseAscii(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

}  // namespace

std::string_view ToString(PartnerKind kind) {
  switch (kind) {
    case PartnerKind::kCountry: return "country";
    case PartnerKind::kOrganisation: return "organisation";
    case PartnerKind::kCompany: return "company";
  }
  return "country";
}

PartnerKind KindOf(const std::string& id) {
  for (const auto& row : TsvRows(data::kPartnersEn)) {
    if (row.size() >= 3 && row[0] == "!kind" && row[1] == id) {
      return row[2] == "company" ? PartnerKind::kCompany : PartnerKind::kOrganisation;
    }
  }
  return PartnerKind::kCountry;
}

PartnerNames NamesOf(const std::string& id, std::string_view language) {
  const PartnerKind kind = KindOf(id);
  std::optional<PartnerNames> name;
  if (kind != PartnerKind::kCompany) name = NamesFromGazetteer(id, language);
  if (!name) name = NamesFromGazetteer(id, "en");
  if (!name) name = PartnerNames{kind, id, ""};
  name->kind = kind;
  if (kind != PartnerKind::kCountry) name->name = CapitaliseAscii(name->name);
  if (name->formal.empty()) name->formal = name->name;
  return *name;
}

std::vector<std::string> KnownPartnerIds() {
  std::set<std::string, std::less<>> ids;
  for (std::string_view language : {"vi", "en", "fr"}) {
    for (const auto& row : TsvRows(Gazetteer(language))) {
      // Name rows ("Cuba|Cu-ba<TAB>CU") and kind rows ("!kind<TAB>covax<TAB>organisation"); the other
      // "!" rows hold words, not ids.
      const bool name_row = row.size() >= 2 && !row[0].starts_with("!") && row[1] != "-" && !row[1].empty();
      if (name_row || (row.size() >= 2 && row[0] == "!kind")) ids.emplace(row[1]);
    }
  }
  return {ids.begin(), ids.end()};
}

}  // namespace dipdoc
