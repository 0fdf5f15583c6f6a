#include "nlp/lexicon.h"

#include <algorithm>
#include <stdexcept>

namespace dipdoc {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view LexiconEntry::Get(std::string_view name) const {
  const auto it = attributes.find(name);
  return it == attributes.end() ? std::string_view() : std::string_view(it->second);
}

Lexicon::Lexicon(std::string_view name, std::string_view tsv) {
  std::size_t line_number = 0;
  while (!tsv.empty()) {
    const std::size_t newline = tsv.find('\n');
    std::string_view line = tsv.substr(0, newline);
    tsv.remove_prefix(newline == std::string_view::npos ? tsv.size() : newline + 1);
    ++line_number;
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    if (Trim(line).empty()) continue;
    const std::size_t tab = line.find('\t');
    const auto fail = [&](const std::string& why) {
      throw std::invalid_argument(std::string(name) + ":" + std::to_string(line_number) + ": " + why);
    };
    if (tab == std::string_view::npos) fail("no tab between phrase and attributes");
    LexiconEntry entry;
    entry.phrase = std::string(Trim(line.substr(0, tab)));
    std::string_view attributes = line.substr(tab + 1);
    while (!(attributes = Trim(attributes)).empty()) {
      const std::size_t space = attributes.find_first_of(" \t");
      const std::string_view attribute = attributes.substr(0, space);
      attributes.remove_prefix(space == std::string_view::npos ? attributes.size() : space);
      const std::size_t equals = attribute.find('=');
      entry.attributes[std::string(attribute.substr(0, equals))] =
          equals == std::string_view::npos ? std::string() : std::string(attribute.substr(equals + 1));
    }
    std::vector<std::string> keys = PhraseKeys(entry.phrase);
    if (keys.empty()) fail("the phrase has no words");
    longest_ = std::max(longest_, keys.size());
    std::vector<Phrase>& list = by_first_key_[keys.front()];
    list.push_back(Phrase{std::move(keys), entries_.size()});
    entries_.push_back(std::move(entry));
  }
  for (auto& [key, list] : by_first_key_) {
    std::stable_sort(list.begin(), list.end(),
                     [](const Phrase& a, const Phrase& b) { return a.keys.size() > b.keys.size(); });
  }
}

LexiconMatch Lexicon::MatchAt(const std::vector<WordToken>& tokens, std::size_t at) const {
  if (at >= tokens.size()) return {};
  const auto it = by_first_key_.find(tokens[at].key);
  if (it == by_first_key_.end()) return {};
  for (const Phrase& phrase : it->second) {
    if (at + phrase.keys.size() > tokens.size()) continue;
    bool same = true;
    for (std::size_t k = 1; k < phrase.keys.size() && same; ++k) same = tokens[at + k].key == phrase.keys[k];
    if (same) return LexiconMatch{&entries_[phrase.entry], at, at + phrase.keys.size()};
  }
  return {};
}

std::vector<LexiconMatch> Lexicon::FindAll(const std::vector<WordToken>& tokens) const {
  std::vector<LexiconMatch> matches;
  for (std::size_t i = 0; i < tokens.size();) {
    LexiconMatch match = MatchAt(tokens, i);
    if (match.entry == nullptr) {
      ++i;
      continue;
    }
    i = match.last;
    matches.push_back(match);
  }
  return matches;
}

}  // namespace dipdoc
