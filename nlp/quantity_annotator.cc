#include "nlp/quantity_annotator.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "nlp/embedded_data.h"
#include "nlp/lexicon.h"
#include "nlp/word_tokens.h"

namespace dipdoc {
namespace {

// How far past a number its unit may be looked for, and how many filler words may stand before it.
constexpr std::size_t kLookAheadBytes = 160;
constexpr int kMaxFillers = 4;
// Dose counts outside this range are not dose counts (a year would be 2021 doses; nobody gave 1e11).
constexpr double kMinDoses = 1;
constexpr double kMaxDoses = 1e11;

const Lexicon& QuantityWords() {
  static const Lexicon lexicon("nlp/data/quantity_words.tsv", data::kQuantityWords);
  return lexicon;
}

// Only white space, hyphens and apostrophes may stand between the words of one quantity: a comma, a full
// stop or a bracket ends it.
bool JoinsWords(std::string_view gap) {
  for (std::size_t i = 0; i < gap.size(); ++i) {
    const char c = gap[i];
    if (c == ' ' || c == '\t' || c == '-' || c == '\'') continue;
    if (gap.substr(i, 2) == "\xC2\xA0") {  // no-break space
      ++i;
      continue;
    }
    if (gap.substr(i, 3) == "\xE2\x80\xAF" || gap.substr(i, 3) == "\xE2\x80\x99") {  // narrow nbsp, ’
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

// A currency written as a symbol right before the number ("$40 million", "US$ 23 million", "€3 million").
std::optional<std::pair<std::string, std::size_t>> CurrencySymbolBefore(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end > 0 && text[end - 1] == ' ') --end;
  struct Symbol {
    std::string_view written;
    const char* currency;
  };
  static constexpr Symbol kSymbols[] = {{"US$", "USD"}, {"A$", "AUD"}, {"AU$", "AUD"}, {"C$", "CAD"},
                                        {"CA$", "CAD"}, {"NZ$", "NZD"}, {"$", "USD"},  {"€", "EUR"},
                                        {"£", "GBP"},   {"¥", "JPY"}};
  for (const Symbol& symbol : kSymbols) {
    if (end >= symbol.written.size() && text.substr(end - symbol.written.size(), symbol.written.size()) == symbol.written) {
      return std::make_pair(std::string(symbol.currency), end - symbol.written.size());
    }
  }
  return std::nullopt;
}

// The vaccine named at `start`, if a vaccine name begins exactly there.
const NameMatch* VaccineAt(const std::vector<NameMatch>& names, std::size_t start) {
  auto it = std::lower_bound(names.begin(), names.end(), start,
                             [](const NameMatch& m, std::size_t at) { return m.span.start < at; });
  for (; it != names.end() && it->span.start == start; ++it) {
    if (it->what == NameKind::kVaccine) return &*it;
  }
  return nullptr;
}

}  // namespace

Quantities AnnotateQuantities(std::string_view text, const std::vector<NumberMention>& numbers,
                              const std::vector<NameMatch>& names) {
  Quantities out;
  const Lexicon& words = QuantityWords();
  for (std::size_t n = 0; n < numbers.size(); ++n) {
    const NumberMention& number = numbers[n];
    const std::size_t limit = std::min({text.size(), number.span.end + kLookAheadBytes,
                                        n + 1 < numbers.size() ? numbers[n + 1].span.start : text.size()});
    // Most numbers are told by the first word or two after them: the window's words are read only as far
    // as they are looked at. read_past(k) reads word k and every word a phrase matched there may reach, and
    // says whether there is a word k; `after` is the reader's vector, which grows as it reads.
    WordReader reader(text, Span{number.span.end, limit});
    const std::vector<WordToken>& after = reader.ReadTo(0);
    const auto read_past = [&](std::size_t k) { return reader.ReadTo(k + words.longest()).size() > k; };

    std::optional<std::string> vaccine;
    std::size_t previous_end = number.span.end;
    int fillers = 0;
    bool classified = false;
    for (std::size_t i = 0; !classified && read_past(i);) {
      if (!JoinsWords(text.substr(previous_end, after[i].span.start - previous_end))) break;
      const LexiconMatch match = words.MatchAt(after, i);
      if (match.entry != nullptr && match.entry->Has("unit")) {
        DoseCount dose;
        dose.value = std::llround(number.value);
        dose.unit = match.entry->Get("unit") == "vial" ? DoseUnit::kVial : DoseUnit::kDose;
        dose.approx = number.approx;
        dose.span = Span{number.span.start, after[match.last - 1].span.end};
        // "liều vaccine Abdala", "doses of AstraZeneca", "doses de Moderna": the vaccine named after the unit.
        std::size_t j = match.last;
        std::size_t end = dose.span.end;
        for (int k = 0; k <= 2 && read_past(j); ++k) {
          if (!JoinsWords(text.substr(end, after[j].span.start - end))) break;
          if (const NameMatch* name = VaccineAt(names, after[j].span.start)) {
            vaccine = std::string(name->id);
            break;
          }
          const LexiconMatch filler = words.MatchAt(after, j);
          if (filler.entry == nullptr || !filler.entry->Has("filler")) break;
          end = after[filler.last - 1].span.end;
          j = filler.last;
        }
        dose.vaccine = vaccine;
        if (number.value >= kMinDoses && number.value <= kMaxDoses) out.doses.push_back(std::move(dose));
        classified = true;
      } else if (match.entry != nullptr && match.entry->Has("equipment")) {
        out.equipment.push_back(Span{number.span.start, after[match.last - 1].span.end});
        classified = true;
      } else if (match.entry != nullptr && match.entry->Has("currency") && fillers == 0) {
        out.amounts.push_back(Amount{number.value, std::string(match.entry->Get("currency")),
                                     Span{number.span.start, after[match.last - 1].span.end}});
        classified = true;
      } else if (match.entry != nullptr && match.entry->Has("filler") && fillers < kMaxFillers) {
        ++fillers;
        previous_end = after[match.last - 1].span.end;
        i = match.last;
      } else if (const NameMatch* name = VaccineAt(names, after[i].span.start); name != nullptr && fillers < kMaxFillers) {
        ++fillers;
        vaccine = std::string(name->id);
        previous_end = name->span.end;
        while (read_past(i) && after[i].span.start < name->span.end) ++i;
      } else {
        break;
      }
    }
    if (classified) continue;

    // Money written with its currency first: "USD 23 million", "EUR 3 million", "$40 million".
    if (auto symbol = CurrencySymbolBefore(text, number.number.start)) {
      out.amounts.push_back(Amount{number.value, symbol->first, Span{symbol->second, number.span.end}});
      continue;
    }
    const std::size_t window_start = number.number.start > 24 ? number.number.start - 24 : 0;
    const std::vector<WordToken> before = TokenizeWords(text, Span{window_start, number.number.start});
    for (std::size_t i = before.size(); i-- > 0;) {
      const LexiconMatch match = words.MatchAt(before, i);
      if (match.entry == nullptr || match.last != before.size()) continue;
      if (match.entry->Has("currency") &&
          JoinsWords(text.substr(before.back().span.end, number.number.start - before.back().span.end))) {
        out.amounts.push_back(Amount{number.value, std::string(match.entry->Get("currency")),
                                     Span{before[i].span.start, number.span.end}});
      }
      break;
    }
  }
  return out;
}

}  // namespace dipdoc
