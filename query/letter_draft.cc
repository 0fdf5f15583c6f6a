#include "query/letter_draft.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <map>
#include <sstream>
#include <vector>

#include <kainjow/mustache.hpp>

#include "ingest/embedded_data.h"
#include "ingest/fields.h"
#include "nlp/embedded_data.h"
#include "query/partner_names.h"

namespace dipdoc {
namespace {

using Data = kainjow::mustache::data;

// --- Dates ----------------------------------------------------------------------------------------------

struct DateParts {
  int year = 0;
  int month = 0;    // 0: not given
  int quarter = 0;  // 0: not given
  int day = 0;      // 0: not given
};

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<DateParts> ParseDate(std::string_view date) {
  if (date.size() < 4 || !AllDigits(date.substr(0, 4))) return std::nullopt;
  DateParts parts;
  parts.year = std::stoi(std::string(date.substr(0, 4)));
  if (date.size() == 4) return parts;
  if (date.size() == 7 && date.substr(4, 2) == "-Q" && date[6] >= '1' && date[6] <= '4') {
    parts.quarter = date[6] - '0';
    return parts;
  }
  if (date[4] != '-' || date.size() < 7 || !AllDigits(date.substr(5, 2))) return std::nullopt;
  parts.month = std::stoi(std::string(date.substr(5, 2)));
  if (parts.month < 1 || parts.month > 12) return std::nullopt;
  if (date.size() == 7) return parts;
  if (date.size() != 10 || date[7] != '-' || !AllDigits(date.substr(8, 2))) return std::nullopt;
  parts.day = std::stoi(std::string(date.substr(8, 2)));
  if (parts.day < 1 || parts.day > 31) return std::nullopt;
  return parts;
}

constexpr std::array<const char*, 12> kEnglishMonths = {"January", "February", "March",     "April",
                                                        "May",     "June",     "July",      "August",
                                                        "September", "October", "November", "December"};
constexpr std::array<const char*, 12> kFrenchMonths = {"janvier", "février", "mars",      "avril",
                                                       "mai",     "juin",    "juillet",   "août",
                                                       "septembre", "octobre", "novembre", "décembre"};
constexpr std::array<const char*, 4> kRomanQuarters = {"I", "II", "III", "IV"};
constexpr std::array<const char*, 4> kEnglishQuarters = {"first", "second", "third", "fourth"};
constexpr std::array<const char*, 4> kFrenchQuarters = {"premier", "deuxième", "troisième", "quatrième"};

// The date on its own (`adverbial` false) or as an adverbial of time.
std::string WriteDateAs(std::string_view date, std::string_view language, bool adverbial) {
  const std::optional<DateParts> parsed = ParseDate(date);
  if (!parsed) return std::string(date);
  const DateParts& d = *parsed;
  const std::string year = std::to_string(d.year);
  if (language == "vi") {
    if (d.day != 0) return "ngày " + std::to_string(d.day) + " tháng " + std::to_string(d.month) + " năm " + year;
    const std::string in = adverbial ? "trong " : "";
    if (d.month != 0) return in + "tháng " + std::to_string(d.month) + " năm " + year;
    if (d.quarter != 0) return in + "quý " + kRomanQuarters[d.quarter - 1] + " năm " + year;
    return in + "năm " + year;
  }
  if (language == "fr") {
    if (d.day != 0) {
      const std::string day = d.day == 1 ? "1er" : std::to_string(d.day);
      return (adverbial ? "le " : "") + day + " " + kFrenchMonths[d.month - 1] + " " + year;
    }
    if (d.month != 0) return (adverbial ? "en " : "") + std::string(kFrenchMonths[d.month - 1]) + " " + year;
    if (d.quarter != 0) return (adverbial ? "au " : "") + std::string(kFrenchQuarters[d.quarter - 1]) + " trimestre " + year;
    return (adverbial ? "en " : "") + year;
  }
  if (d.day != 0) return (adverbial ? "on " : "") + std::to_string(d.day) + " " + kEnglishMonths[d.month - 1] + " " + year;
  if (d.month != 0) return (adverbial ? "in " : "") + std::string(kEnglishMonths[d.month - 1]) + " " + year;
  if (d.quarter != 0) {
    return (adverbial ? "in " : "") + std::string("the ") + kEnglishQuarters[d.quarter - 1] + " quarter of " + year;
  }
  return (adverbial ? "in " : "") + year;
}

bool StartsWithAny(std::string_view text, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view p : prefixes) {
    if (text.starts_with(p)) return true;
  }
  return false;
}

bool StartsWithVowel(std::string_view text) {
  return StartsWithAny(text, {"A", "E", "I", "O", "U", "Y", "a", "e", "i", "o", "u", "É", "È", "Ê", "Î", "Ô", "Â",
                              "é", "H"});
}

// The English name as a noun phrase: "the Republic of Cuba", "the World Health Organization", "Japan".
std::string EnglishNounPhrase(const std::string& name, PartnerKind kind) {
  if (kind == PartnerKind::kCompany) return name;
  static const std::vector<std::string_view> kWithArticle = {
      "Republic", "Kingdom", "Federation", "States", "Union", "Emirates", "Netherlands", "Philippines",
      "Organization", "Organisation", "Fund", "Bank", "Programme", "Alliance", "Coalition", "Nations", "Facility"};
  if (kind == PartnerKind::kOrganisation && name.find(' ') != std::string::npos) return "the " + name;
  for (std::string_view word : kWithArticle) {
    if (name.find(word) != std::string::npos) return "the " + name;
  }
  return name;
}

// The French article of a name: "la ", "le ", "les ", "l'" or "" (Cuba, Singapour, a company).
std::string FrenchArticle(const std::string& name, PartnerKind kind) {
  if (kind == PartnerKind::kCompany) return "";
  if (StartsWithAny(name, {"Cuba", "Singapour", "Malte", "Chypre", "Israël", "Monaco", "Bahreïn", "Oman",
                           "Taïwan", "Brunei", "COVAX", "Gavi", "UNICEF"})) {
    return "";
  }
  if (StartsWithAny(name, {"États-Unis", "Etats-Unis", "Pays-Bas", "Philippines", "Émirats"})) return "les ";
  bool feminine;
  if (StartsWithAny(name, {"Royaume", "Fonds", "Programme", "programme", "Centre", "mécanisme", "Mécanisme",
                           "dispositif", "Dispositif", "Mexique", "Cambodge", "Mozambique", "Zimbabwe"})) {
    feminine = false;
  } else if (StartsWithAny(name, {"République", "Fédération", "Confédération", "Organisation", "Banque",
                                  "Commission", "Union", "Alliance", "Coalition", "initiative"})) {
    feminine = true;
  } else {
    const std::string first = name.substr(0, name.find(' '));
    feminine = !first.empty() && first.back() == 'e';
  }
  if (StartsWithVowel(name)) return "l'";
  return feminine ? "la " : "le ";
}

// "de" or "à" with the article: "de la République de Cuba", "du Japon", "de Cuba", "d'AstraZeneca".
std::string FrenchWith(std::string_view preposition, const std::string& name, PartnerKind kind) {
  const std::string article = FrenchArticle(name, kind);
  const bool de = preposition == "de";
  if (article == "le ") return (de ? "du " : "au ") + name;
  if (article == "les ") return (de ? "des " : "aux ") + name;
  if (article.empty() && de && StartsWithVowel(name)) return "d'" + name;
  return std::string(preposition) + " " + article + name;
}

std::string VaccineName(const std::string& id) {
  for (const auto& row : TsvRows(data::kDraftVaccineNames)) {
    if (row.size() >= 2 && row[0] == id) return std::string(row[1]);
  }
  for (const auto& row : TsvRows(data::kVaccines)) {
    if (row.size() >= 2 && row[1] == id) return std::string(SplitFields(row[0], '|').front());
  }
  return id;
}

// --- The letter's data ----------------------------------------------------------------------------------

std::string_view TemplateFor(std::string_view language) {
  if (language == "vi") return data::kDraftVi;
  if (language == "fr") return data::kDraftFr;
  return data::kDraftEn;
}

// A quoted sentence on one line.
std::string OneLine(std::string_view text) {
  std::string line;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !line.empty();
      continue;
    }
    if (space) line += ' ';
    space = false;
    line += c;
  }
  return line;
}

// The rendered letter with at most one blank line in a row and none at the start: a section the data
// leaves out keeps the line break after its closing tag.
std::string TidyBlankLines(const std::string& text) {
  std::string out;
  std::size_t newlines = 0;
  for (char c : text) {
    if (c == '\n') {
      if (out.empty() || ++newlines > 2) continue;
    } else {
      newlines = 0;
    }
    out += c;
  }
  return out;
}

// The sources cited, numbered in the order the letter first cites them.
class Citations {
 public:
  explicit Citations(bool markdown) : markdown_(markdown) {}

  // The marker of `entry`'s sentence, "[1]" (txt) or "[^1]" (md).
  std::string Cite(const LedgerEntry& entry) {
    auto [it, added] = numbers_.try_emplace(entry.id, cited_.size() + 1);
    if (added) cited_.push_back(&entry);
    return Marker(it->second);
  }

  Data Sources(std::string_view language) const {
    Data list{Data::type::list};
    for (std::size_t i = 0; i < cited_.size(); ++i) {
      const CommitmentRow& row = cited_[i]->row;
      Data source;
      source.set("label", markdown_ ? Marker(i + 1) + ":" : Marker(i + 1));
      source.set("source", row.source);
      source.set("file", std::filesystem::path(row.source).filename().string());
      source.set("has_date", row.date.has_value());
      source.set("date", row.date ? WriteDate(*row.date, language) : "");
      source.set("doc_id", row.doc_id);
      source.set("sentence", OneLine(row.sentence));
      list << source;
    }
    return list;
  }

 private:
  std::string Marker(std::size_t n) const {
    return markdown_ ? "[^" + std::to_string(n) + "]" : "[" + std::to_string(n) + "]";
  }

  bool markdown_;
  std::map<std::string, std::size_t> numbers_;
  std::vector<const LedgerEntry*> cited_;
};

// A template list; its last item has `last` set, so that a list can end with a full stop.
Data ListOf(std::vector<Data> items) {
  Data list{Data::type::list};
  for (std::size_t i = 0; i < items.size(); ++i) {
    items[i].set("last", i + 1 == items.size());
    list << items[i];
  }
  return list;
}

Data VaccineData(const CommitmentRow& row) {
  if (!row.commitment.vaccine) return Data{false};
  Data vaccine;
  vaccine.set("name", VaccineName(*row.commitment.vaccine));
  return vaccine;
}

std::int64_t FigureOf(const LedgerEntry& entry, std::int64_t counted) {
  return entry.row.commitment.doses.value_or(counted);
}

// What the document that made a commitment is: its date and file.
void SetMadeIn(Data& item, const CommitmentRow& row, std::string_view language) {
  item.set("has_made_on", row.date.has_value());
  item.set("made_on", row.date ? WriteDate(*row.date, language) : "");
  item.set("file", std::filesystem::path(row.source).filename().string());
}

void SetDue(Data& item, const CommitmentRow& row, std::string_view language) {
  const std::optional<std::string>& due = row.commitment.due;
  item.set("has_due", due.has_value());
  item.set("due", due ? WriteDateAdverbial(*due, language) : "");
}

Data PartnerData(const PartnerNames& name, std::string_view language) {
  Data partner;
  partner.set("country", name.kind == PartnerKind::kCountry);
  partner.set("organisation", name.kind == PartnerKind::kOrganisation);
  partner.set("company", name.kind == PartnerKind::kCompany);
  if (language == "en") {
    partner.set("name", EnglishNounPhrase(name.name, name.kind));
    partner.set("formal", EnglishNounPhrase(name.formal, name.kind));
  } else if (language == "fr") {
    partner.set("name", FrenchArticle(name.name, name.kind) + name.name);
    partner.set("formal", FrenchArticle(name.formal, name.kind) + name.formal);
    partner.set("of_name", FrenchWith("de", name.name, name.kind));
    partner.set("of_formal", FrenchWith("de", name.formal, name.kind));
    partner.set("to_formal", FrenchWith("à", name.formal, name.kind));
    partner.set("bare", name.name);
  } else {
    partner.set("name", name.name);
    partner.set("formal", name.formal);
  }
  return partner;
}

}  // namespace

std::string WriteDoses(std::int64_t doses, std::string_view language) {
  return GroupedDoses(doses, language == "vi" ? "." : language == "fr" ? "\u202F" : ",");
}

std::string WriteDate(std::string_view date, std::string_view language) { return WriteDateAs(date, language, false); }

std::string WriteDateAdverbial(std::string_view date, std::string_view language) {
  return WriteDateAs(date, language, true);
}

Result<std::string> DraftLetter(const PartnerLedger& ledger, const DraftOptions& options) {
  const std::string& language = options.language;
  if (language != "vi" && language != "en" && language != "fr") {
    return Status::Usage("--lang: expected vi, en or fr, not " + language);
  }
  if (options.format != "txt" && options.format != "md") {
    return Status::Usage("--format: expected txt or md, not " + options.format);
  }
  const std::optional<DateParts> today = ParseDate(options.date);
  if (!today || today->day == 0) return Status::Usage("the drafting date is not YYYY-MM-DD: " + options.date);
  if (ledger.entries.empty()) return Status::Usage("the index holds no commitments of partner " + ledger.partner);

  const bool markdown = options.format == "md";
  Citations citations(markdown);
  const PartnerNames name = NamesOf(ledger.partner, language);

  std::vector<Data> deliveries;
  std::vector<Data> outstanding;
  std::vector<Data> overdue;
  for (const LedgerEntry& entry : ledger.entries) {
    if (entry.role == LedgerRole::kDelivery && entry.delivered > 0) {
      Data item;
      item.set("doses", WriteDoses(FigureOf(entry, entry.delivered), language));
      item.set("vaccine", VaccineData(entry.row));
      item.set("has_date", entry.row.date.has_value());
      item.set("date", entry.row.date ? WriteDateAdverbial(*entry.row.date, language) : "");
      item.set("cite", citations.Cite(entry));
      deliveries.push_back(item);
    }
  }
  for (const LedgerEntry& entry : ledger.entries) {
    if (entry.role == LedgerRole::kPromise && entry.remaining > 0) {
      const std::int64_t promised = FigureOf(entry, entry.committed);
      Data item;
      item.set("doses", WriteDoses(promised, language));
      item.set("partly", promised != entry.remaining);
      item.set("remaining", WriteDoses(entry.remaining, language));
      item.set("contract", entry.row.commitment.kind == CommitmentKind::kPurchase ||
                               entry.row.commitment.status == CommitmentStatus::kSigned);
      item.set("vaccine", VaccineData(entry.row));
      SetDue(item, entry.row, language);
      SetMadeIn(item, entry.row, language);
      item.set("cite", citations.Cite(entry));
      outstanding.push_back(item);
    }
  }
  for (const LedgerEntry& entry : ledger.entries) {
    if (entry.role == LedgerRole::kPromise && entry.overdue > 0) {
      Data item;
      item.set("doses", WriteDoses(entry.overdue, language));
      item.set("vaccine", VaccineData(entry.row));
      SetDue(item, entry.row, language);
      SetMadeIn(item, entry.row, language);
      item.set("cite", citations.Cite(entry));
      overdue.push_back(item);
    }
  }
  Data notes{Data::type::list};
  for (const std::string& conflict : ledger.conflicts) notes << Data("text", OneLine(conflict));

  Data letter;
  letter.set("md", markdown);
  letter.set("br", markdown ? "  " : "");  // a hard line break
  letter.set("b", markdown ? "**" : "");
  letter.set("i", markdown ? "*" : "");
  letter.set("date", WriteDate(options.date, language));
  letter.set("partner", PartnerData(name, language));
  letter.set("has_deliveries", !deliveries.empty());
  letter.set("deliveries", ListOf(deliveries));
  letter.set("has_outstanding", !outstanding.empty());
  letter.set("outstanding", ListOf(outstanding));
  letter.set("has_overdue", !overdue.empty());
  letter.set("overdue", ListOf(overdue));
  letter.set("has_figures", !deliveries.empty() || !outstanding.empty());
  const Data sources = citations.Sources(language);
  letter.set("has_sources", !sources.is_empty_list());
  letter.set("sources", sources);
  letter.set("has_notes", !notes.is_empty_list());
  letter.set("notes", notes);

  kainjow::mustache::mustache tmpl{std::string(TemplateFor(language))};
  if (!tmpl.is_valid()) return Status::InvalidInput("draft template (" + language + "): " + tmpl.error_message());
  tmpl.set_custom_escape([](const std::string& text) { return text; });  // plain text and Markdown, not HTML
  return TidyBlankLines(tmpl.render(letter));
}

}  // namespace dipdoc
