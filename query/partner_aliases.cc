#include "query/partner_aliases.h"

#include <algorithm>
#include <sstream>

#include <xapian.h>

#include "index/variant_map.h"
#include "ingest/fields.h"
#include "ingest/tone_marks.h"
#include "nlp/embedded_data.h"

namespace dipdoc {
namespace {

std::string FoldedKey(const std::vector<std::string>& words, std::size_t from, std::size_t n) {
  std::string key;
  for (std::size_t k = from; k < from + n; ++k) {
    if (k != from) key += ' ';
    key += FoldedWord(words[k]);
  }
  return key;
}

}  // namespace

std::vector<std::string> IndexWords(std::string_view text) {
  Xapian::TermGenerator generator;
  Xapian::Document doc;
  generator.set_document(doc);
  generator.index_text(MatchingForm(text));
  std::vector<std::pair<Xapian::termpos, std::string>> positioned;
  for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
    for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) {
      positioned.emplace_back(*pos, *term);
    }
  }
  std::sort(positioned.begin(), positioned.end());
  std::vector<std::string> words;
  for (auto& [pos, word] : positioned) words.push_back(std::move(word));
  return words;
}

const PartnerAliases& PartnerAliases::Default() {
  static const PartnerAliases aliases({data::kPartnersVi, data::kPartnersEn, data::kPartnersFr});
  return aliases;
}

PartnerAliases::PartnerAliases(const std::vector<std::string_view>& gazetteers) {
  for (std::string_view tsv : gazetteers) {
    std::istringstream lines{std::string(tsv)};
    for (std::string line; std::getline(lines, line);) {
      if (line.empty() || line[0] == '#' || line[0] == '!') continue;
      const std::vector<std::string_view> fields = SplitFields(line, '\t');
      if (fields.size() < 2 || fields[1] == "-") continue;
      const std::string id(fields[1]);
      const std::string_view flags = fields.size() > 2 ? fields[2] : std::string_view();
      // Adjectives and demonyms ("Australian", "les Français") are not names of the partner.
      if (HasFlag(flags, "adj") || HasFlag(flags, "noun") || HasFlag(flags, "case")) continue;
      const bool ambiguous = HasFlag(flags, "name") || HasFlag(flags, "cap") || HasFlag(flags, "cue");
      for (std::string_view alias : SplitFields(fields[0], '|')) {
        std::vector<std::string> words = IndexWords(alias);
        if (words.empty()) continue;
        longest_ = std::max(longest_, words.size());
        names_.emplace(FoldedKey(words, 0, words.size()), std::make_pair(words, Name{id, ambiguous}));
        std::vector<std::vector<std::string>>& searchable = searchable_[id];
        const bool known = std::find(searchable.begin(), searchable.end(), words) != searchable.end();
        if ((!ambiguous || words.size() > 1) && !known) {
          searchable.push_back(std::move(words));
        }
      }
    }
  }
}

std::optional<PartnerAliases::Match> PartnerAliases::Find(const std::vector<std::string>& words,
                                                          std::size_t at) const {
  for (std::size_t n = std::min(longest_, words.size() - std::min(at, words.size())); n > 0; --n) {
    const auto [first, last] = names_.equal_range(FoldedKey(words, at, n));
    for (auto it = first; it != last; ++it) {
      const auto& [name_words, name] = it->second;
      if (name.exact_only && !std::equal(name_words.begin(), name_words.end(), words.begin() + at)) continue;
      return Match{name.id, n};
    }
  }
  return std::nullopt;
}

const std::vector<std::vector<std::string>>& PartnerAliases::SearchableNames(const std::string& id) const {
  static const std::vector<std::vector<std::string>> none;
  const auto it = searchable_.find(id);
  return it == searchable_.end() ? none : it->second;
}

}  // namespace dipdoc
