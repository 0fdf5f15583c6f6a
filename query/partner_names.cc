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

using NameTable = std::map<std::string, PartnerNames, std::less<>>;

// Every partner's names from the extraction gazetteer of `language`, from its rows that are names (not
// adjectives, demonyms or abbreviations): the short name is the first alias of the first row that does not
// open with a state's full title ("Liên bang Nga|LB Nga" then "Nga": "Nga"), else the first alias; the
// formal name is the first alias that is a state's full title. One pass over the file.
NameTable ReadNames(std::string_view language) {
  NameTable names;
  std::set<std::string, std::less<>> with_short_name;
  for (const auto& row : TsvRows(Gazetteer(language))) {
    if (row.size() < 2 || row[0].starts_with("!") || row[1] == "-" || row[1].empty()) continue;
    const std::string_view flags = row.size() > 2 ? row[2] : std::string_view();
    if (HasFlag(flags, "adj") || HasFlag(flags, "noun") || HasFlag(flags, "case")) continue;
    const std::vector<std::string_view> aliases = SplitFields(row[0], '|');
    const std::string id(row[1]);
    PartnerNames& found =
        names.try_emplace(id, PartnerNames{PartnerKind::kCountry, std::string(aliases.front()), ""}).first->second;
    if (!with_short_name.contains(id) && !IsStateTitle(aliases.front(), language)) {
      found.name = aliases.front();
      with_short_name.insert(id);
    }
    for (std::string_view alias : aliases) {
      if (found.formal.empty() && IsStateTitle(alias, language)) found.formal = alias;
    }
  }
  return names;
}

// The names of `id` in the gazetteer of `language` (read once per language), or nullptr.
const PartnerNames* NamesFromGazetteer(const std::string& id, std::string_view language) {
  static const NameTable vi = ReadNames("vi"), en = ReadNames("en"), fr = ReadNames("fr");
  const NameTable& table = language == "vi" ? vi : language == "fr" ? fr : en;
  const auto it = table.find(id);
  return it == table.end() ? nullptr : &it->second;
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
  static const std::map<std::string, PartnerKind, std::less<>> kinds = [] {
    std::map<std::string, PartnerKind, std::less<>> out;
    for (const auto& row : TsvRows(data::kPartnersEn)) {
      if (row.size() >= 3 && row[0] == "!kind") {
        out.try_emplace(std::string(row[1]), row[2] == "company" ? PartnerKind::kCompany : PartnerKind::kOrganisation);
      }
    }
    return out;
  }();
  const auto it = kinds.find(id);
  return it == kinds.end() ? PartnerKind::kCountry : it->second;
}

PartnerNames NamesOf(const std::string& id, std::string_view language) {
  const PartnerKind kind = KindOf(id);
  const PartnerNames* found = kind != PartnerKind::kCompany ? NamesFromGazetteer(id, language) : nullptr;
  if (found == nullptr) found = NamesFromGazetteer(id, "en");
  PartnerNames name = found ? *found : PartnerNames{kind, id, ""};
  name.kind = kind;
  if (kind != PartnerKind::kCountry) name.name = CapitaliseAscii(name.name);
  if (name.formal.empty()) name.formal = name.name;
  return name;
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
