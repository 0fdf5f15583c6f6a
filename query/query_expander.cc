#include "query/query_expander.h"

#include <algorithm>
#include <span>

#include "index/schema.h"
#include "index/variant_map.h"
#include "ingest/tone_marks.h"

namespace dipdoc {
namespace {

// How much a match on a word with other marks counts against one on the word as typed.
constexpr double kVariantWeight = 0.5;
// How much a partner's other names count against the name as typed.
constexpr double kAliasWeight = 0.8;

const std::string kTitlePrefix(schema::kTitle);
const std::string kStemPrefix(schema::kStem);

// The field prefix of a word term ("" for the body, "S" for the title), or nullopt for any other term.
std::optional<std::string> WordPrefix(const std::string& term) {
  if (IsWordTerm(term)) return std::string();
  if (term.size() > kTitlePrefix.size() && term.starts_with(kTitlePrefix) && IsWordTerm(term.substr(1))) {
    return kTitlePrefix;
  }
  return std::nullopt;
}

std::string LeafTerm(const Xapian::Query& leaf) { return *leaf.get_terms_begin(); }

bool IsLeaf(const Xapian::Query& q) { return q.get_type() == Xapian::Query::LEAF_TERM; }

void AddUnique(std::vector<std::string>& list, std::string value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

std::vector<std::string> WithPrefix(const std::string& prefix, const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const std::string& w : words) out.push_back(prefix + w);
  return out;
}

// One query matching any of `terms` as if they were one word; MatchNothing for none.
Xapian::Query AnyOf(Xapian::Query::op op, const std::vector<std::string>& terms) {
  if (terms.size() == 1) return Xapian::Query(terms.front());
  return Xapian::Query(op, terms.begin(), terms.end());
}

// Whether Vietnamese writes this word with its tone mark in two places ("hòa"/"hoà", "thủy"/"thuỷ").
bool HasTwoPlacements(const std::string& word) {
  // Only open syllables ending in oa, oe or uy: "hoàn", "ngoại" have one place for their mark.
  const std::string plain = FoldDiacritics(word);
  if (plain == word) return false;
  return plain.ends_with("oa") || plain.ends_with("oe") || plain.ends_with("uy");
}

// OR of `parts`, carrying `highlights` (AddHighlightTerms) where they can add no document (an index written
// before schema 4 holds "Z" stems).
Xapian::Query WithHighlights(const std::vector<Xapian::Query>& parts, const std::vector<Xapian::Query>& highlights) {
  Xapian::Query query =
      parts.size() == 1 ? parts.front() : Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
  if (highlights.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query(Xapian::Query::OP_OR, highlights.begin(), highlights.end()));
}

// Snippets of Vietnamese text: each word is compared in its canonical form (see AddHighlightTerms).
class CanonicalToneStem : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override {
    const bool ascii =
        std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    return ascii ? word : CanonicalSyllable(word);
  }
  std::string get_description() const override { return "dipdoc canonical tone marks"; }
};

}  // namespace

QueryExpander::QueryExpander(const Xapian::Database& db, const PartnerAliases& aliases)
    : db_(db), aliases_(aliases), english_("english"), french_("french") {}

QueryExpander::Expanded QueryExpander::Expand(const Xapian::Query& parsed) const {
  Extras extras;
  Expanded expanded;
  expanded.match = Node(parsed, extras);
  for (auto term = expanded.match.get_unique_terms_begin(); term != expanded.match.get_unique_terms_end(); ++term) {
    if ((*term).starts_with(kStemPrefix) && HasTwoPlacements((*term).substr(kStemPrefix.size()))) {
      expanded.two_placements = true;
      break;
    }
  }
  const auto any = [](const std::vector<Xapian::Query>& queries) {
    return queries.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
  };
  expanded.boost = any(extras.boosts);
  expanded.shown = any(extras.shown);
  return expanded;
}

QueryExpander::Forms QueryExpander::FormsOf(const std::string& word) const {
  Forms forms;
  forms.typed_plain = FoldDiacritics(word) == word;
  forms.exact.push_back(word);
  const std::string_view core = WithoutElision(word);
  // An empty term would be Xapian's "every document" (a lone combining mark folds to nothing).
  if (!core.empty() && core != word && db_.term_exists(std::string(core))) AddUnique(forms.exact, std::string(core));
  for (std::string& v : Variants(db_, word)) {
    if (WithoutElision(v) == core) {
      AddUnique(forms.exact, std::move(v));
    } else {
      AddUnique(forms.variants, std::move(v));
    }
  }
  // The word with no marks at all is not in the dictionary (it folds to itself): OCR leaves such words.
  const std::string plain = FoldedWord(word);
  if (!forms.typed_plain && !plain.empty() && db_.term_exists(plain)) AddUnique(forms.variants, plain);
  return forms;
}

std::vector<std::string> QueryExpander::TopForms(const Forms& forms, std::size_t k) const {
  auto by_frequency = [this](std::vector<std::string> words) {
    std::vector<std::pair<Xapian::doccount, std::string>> counted;
    for (std::string& w : words) {
      if (const Xapian::doccount n = db_.get_termfreq(w); n != 0) counted.emplace_back(n, std::move(w));
    }
    std::stable_sort(counted.begin(), counted.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> out;
    for (auto& [n, w] : counted) out.push_back(std::move(w));
    return out;
  };
  std::vector<std::string> top;
  if (forms.typed_plain) {
    std::vector<std::string> all = forms.exact;
    all.insert(all.end(), forms.variants.begin(), forms.variants.end());
    top = by_frequency(std::move(all));
  } else {
    // Typed with its marks: the word as typed, then the same word with its marks lost (a bad scan).
    top = by_frequency(forms.exact);
    const std::string plain = FoldDiacritics(forms.exact.front());
    if (std::find(forms.variants.begin(), forms.variants.end(), plain) != forms.variants.end()) top.push_back(plain);
  }
  if (top.size() > k) top.resize(k);
  return top;
}

void QueryExpander::CommonPhrases(const std::vector<Forms>& words, const std::string& prefix, Extras& extras) const {
  // One phrase over each word's likeliest forms (the forms a document holds are checked, once), and, when
  // some of those forms were not typed, a second over the typed ones, so that a phrase as typed weighs
  // 1 + kVariantWeight and any other spelling kVariantWeight. Each phrase costs position reads on every
  // document it is checked on: one per spelling of "viet nam" cost four.
  constexpr std::size_t kFormsPerWord = 2;
  std::vector<Xapian::Query> any_slots, typed_slots;
  std::vector<std::vector<std::string>> spellings{{}};  // every combination of the forms, for extras.shown
  bool all_typed = true;  // every form in `any_slots` is one the user typed (or typed without marks)
  for (const Forms& forms : words) {
    const std::vector<std::string> top = TopForms(forms, kFormsPerWord);
    if (top.empty()) return;  // some word is in no document: no phrase can match
    std::vector<std::string> typed;
    for (const std::string& form : top) {
      if (forms.typed_plain || std::find(forms.exact.begin(), forms.exact.end(), form) != forms.exact.end()) {
        typed.push_back(prefix + form);
      }
    }
    all_typed = all_typed && typed.size() == top.size();
    any_slots.push_back(AnyOf(Xapian::Query::OP_OR, WithPrefix(prefix, top)));
    if (!typed.empty()) typed_slots.push_back(AnyOf(Xapian::Query::OP_OR, typed));
    // Two forms a word for a pair, one for longer phrases: at most four phrases shown.
    const std::size_t shown_forms = words.size() <= 2 ? top.size() : 1;
    std::vector<std::vector<std::string>> longer;
    for (const std::vector<std::string>& start : spellings) {
      for (const std::string& form : std::span(top).first(shown_forms)) {
        longer.push_back(start);
        longer.back().push_back(prefix + form);
      }
    }
    spellings = std::move(longer);
  }
  const auto n = static_cast<Xapian::termcount>(words.size());
  for (const std::vector<std::string>& terms : spellings) {
    extras.shown.emplace_back(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), n);
  }
  const Xapian::Query any(Xapian::Query::OP_PHRASE, any_slots.begin(), any_slots.end(), n);
  if (all_typed) {
    extras.boosts.push_back(any);
    return;
  }
  extras.boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, any, kVariantWeight);
  if (typed_slots.size() == words.size()) {
    extras.boosts.emplace_back(Xapian::Query::OP_PHRASE, typed_slots.begin(), typed_slots.end(), n);
  }
}

void QueryExpander::AddHighlightTerms(const std::vector<std::string>& words, std::vector<Xapian::Query>& out) const {
  // MSet::snippet compares each word of the text, and "Z" + SnippetStemmer(word), with the query's terms. A
  // document that writes "hoà" was indexed as "hòa"; the zero-weight term "Zhòa" makes its "hoà" light up.
  for (const std::string& w : words) {
    if (HasTwoPlacements(w)) out.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(kStemPrefix + w), 0.0);
  }
}

Xapian::Query QueryExpander::Word(const std::string& word, const std::string& prefix) const {
  const Forms forms = FormsOf(word);
  std::vector<std::string> exact = WithPrefix(prefix, forms.exact);
  std::vector<std::string> variants = WithPrefix(prefix, forms.variants);
  if (prefix.empty()) {
    // Inflections, from documents in English and French ("deliveries" finds "delivery"). One whose stem
    // differs from the word's only in its marks is a variant, as other marks are.
    for (const auto& [language, stemmer] : {std::pair{"en", &english_}, std::pair{"fr", &french_}}) {
      const std::string stem = (*stemmer)(std::string(WithoutElision(word)));
      for (std::string& sibling : StemSiblings(db_, language, stem)) {
        if (std::find(variants.begin(), variants.end(), sibling) != variants.end()) continue;
        if ((*stemmer)(std::string(WithoutElision(sibling))) == stem) {
          AddUnique(exact, std::move(sibling));
        } else if (std::find(exact.begin(), exact.end(), sibling) == exact.end()) {
          variants.push_back(std::move(sibling));
        }
      }
    }
  }
  std::vector<std::string> all = exact;
  all.insert(all.end(), variants.begin(), variants.end());
  std::vector<Xapian::Query> parts{AnyOf(Xapian::Query::OP_SYNONYM, all)};
  // Typed with its marks, the word as typed counts once more: every form is weighed as one word (so a rare
  // OCR form does not outrank the common one), and the exact form on top of it.
  if (!forms.typed_plain && !variants.empty()) parts.push_back(AnyOf(Xapian::Query::OP_SYNONYM, exact));
  std::vector<Xapian::Query> highlights;
  AddHighlightTerms(forms.exact, highlights);
  AddHighlightTerms(forms.variants, highlights);
  return WithHighlights(parts, highlights);
}

Xapian::Query QueryExpander::Phrase(const std::vector<std::string>& words, const std::string& prefix,
                                    Extras& extras) const {
  // OP_PHRASE takes OR subqueries (not OP_SYNONYM), one per position.
  std::vector<Xapian::Query> exact_slots;
  std::vector<Xapian::Query> any_slots;
  std::vector<Xapian::Query> highlights;
  bool all_plain = true;
  bool any_variants = false;
  std::vector<Forms> all_forms;
  for (const std::string& word : words) {
    const Forms& forms = all_forms.emplace_back(FormsOf(word));
    all_plain = all_plain && forms.typed_plain;
    any_variants = any_variants || !forms.variants.empty();
    std::vector<std::string> all = WithPrefix(prefix, forms.exact);
    exact_slots.push_back(AnyOf(Xapian::Query::OP_OR, all));
    for (const std::string& v : forms.variants) all.push_back(prefix + v);
    any_slots.push_back(AnyOf(Xapian::Query::OP_OR, all));
    AddHighlightTerms(forms.exact, highlights);
    AddHighlightTerms(forms.variants, highlights);
  }
  const auto n = static_cast<Xapian::termcount>(words.size());
  const Xapian::Query exact(Xapian::Query::OP_PHRASE, exact_slots.begin(), exact_slots.end(), n);
  const Xapian::Query any(Xapian::Query::OP_PHRASE, any_slots.begin(), any_slots.end(), n);
  if (!any_variants) return WithHighlights({exact}, highlights);
  // Every spelling matches, through one phrase: checking positions is most of a phrase search's time, and
  // a second phrase for the exact spelling doubled it. Typed with marks, the exact phrase ranks first in
  // the second pass (a boost, over the best matches), at the weight it would have had here.
  if (!all_plain) extras.boosts.push_back(exact);
  // Each matches only where `any` does: they add weight and whole-phrase snippets, not documents.
  CommonPhrases(all_forms, prefix, extras);
  return WithHighlights({all_plain ? any : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, any, kVariantWeight)},
                        highlights);
}

Xapian::Query QueryExpander::Partner(const std::string& id, Extras& extras) const {
  // The filter term finds every document extraction found the partner in, however it was named there; it
  // carries no weight (boolean terms have none), so the names typed and their other names rank.
  // Each name weighs as one word, however many it has ("Ô-xtrây-li-a" is four). Names of several words
  // only rank (the second pass, over the best matches): extraction read the same names into the filter
  // term, and checking long phrases of common syllables on every match ("Cơ chế Tiếp cận toàn cầu vắc-xin
  // COVID-19") cost more than the rest of a search.
  std::vector<Xapian::Query> names{Xapian::Query(std::string(schema::kPartner) + id)};
  for (const std::vector<std::string>& name : aliases_.SearchableNames(id)) {
    const double weight = kAliasWeight / static_cast<double>(name.size());
    if (name.size() == 1) {
      names.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(name.front()), weight);
    } else {
      const Xapian::Query phrase(Xapian::Query::OP_PHRASE, name.begin(), name.end(),
                                 static_cast<Xapian::termcount>(name.size()));
      extras.boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, phrase, weight);
    }
  }
  return names.size() == 1 ? names.front() : Xapian::Query(Xapian::Query::OP_OR, names.begin(), names.end());
}

Xapian::Query QueryExpander::Group(Xapian::Query::op op, const std::vector<Xapian::Query>& subqueries,
                                   Extras& extras) const {
  std::vector<Xapian::Query> parts;
  for (std::size_t i = 0; i < subqueries.size();) {
    // A run of body words, in the order typed: where partner names and two-syllable words are found.
    std::vector<std::string> run;
    for (std::size_t j = i; j < subqueries.size() && IsLeaf(subqueries[j]); ++j) {
      const std::string term = LeafTerm(subqueries[j]);
      if (WordPrefix(term) != std::string()) break;
      run.push_back(term);
    }
    if (run.empty()) {
      parts.push_back(Node(subqueries[i++], extras));
      continue;
    }
    for (std::size_t k = 0; k < run.size();) {
      const std::optional<PartnerAliases::Match> partner = aliases_.Find(run, k);
      const std::size_t n = partner ? partner->words : 1;
      std::vector<Xapian::Query> words;
      for (std::size_t w = k; w < k + n; ++w) words.push_back(Word(run[w]));
      Xapian::Query typed = n == 1 ? words.front() : Xapian::Query(op, words.begin(), words.end());
      parts.push_back(partner ? Xapian::Query(Xapian::Query::OP_OR, typed, Partner(partner->id, extras)) : typed);
      k += n;
    }
    if (op == Xapian::Query::OP_AND) {
      // Leaf phrases of the likeliest forms only: a phrase over every variant of two common syllables
      // ("de a", "viet nam") costs more than the search itself, and the boost only orders what matched.
      for (std::size_t k = 0; k + 1 < run.size(); ++k) {
        CommonPhrases({FormsOf(run[k]), FormsOf(run[k + 1])}, "", extras);
      }
    }
    i += run.size();
  }
  return parts.size() == 1 ? parts.front() : Xapian::Query(op, parts.begin(), parts.end());
}

Xapian::Query QueryExpander::Node(const Xapian::Query& query, Extras& extras) const {
  const Xapian::Query::op op = query.get_type();
  std::vector<Xapian::Query> children;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) children.push_back(query.get_subquery(i));

  switch (op) {
    case Xapian::Query::LEAF_TERM: {
      const std::string term = LeafTerm(query);
      const std::optional<std::string> prefix = WordPrefix(term);
      if (!prefix) return query;
      if (prefix->empty()) return Group(Xapian::Query::OP_AND, {query}, extras);
      return Word(term.substr(prefix->size()), *prefix);
    }
    case Xapian::Query::OP_PHRASE: {
      std::vector<std::string> words;
      std::optional<std::string> prefix;
      for (const Xapian::Query& child : children) {
        if (!IsLeaf(child)) return query;
        const std::string term = LeafTerm(child);
        const std::optional<std::string> p = WordPrefix(term);
        if (!p || (prefix && *p != *prefix)) return query;
        prefix = p;
        words.push_back(term.substr(p->size()));
      }
      if (words.empty()) return query;
      // "Ô-xtrây-li-a" and "Hoa Kỳ" in quotes come as phrases: a phrase that is all a partner's name is one.
      const std::optional<PartnerAliases::Match> partner = prefix->empty() ? aliases_.Find(words, 0) : std::nullopt;
      if (partner && partner->words == words.size()) {
        return Xapian::Query(Xapian::Query::OP_OR, Phrase(words, *prefix, extras), Partner(partner->id, extras));
      }
      return Phrase(words, *prefix, extras);
    }
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
      return Group(op, children, extras);
    case Xapian::Query::OP_AND_NOT: {
      // What is excluded is excluded as typed: "NOT ngoài" must not also drop "ngoại".
      std::vector<Xapian::Query> parts{Node(children.front(), extras)};
      parts.insert(parts.end(), children.begin() + 1, children.end());
      return Xapian::Query(op, parts.begin(), parts.end());
    }
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_MAX: {
      std::vector<Xapian::Query> parts;
      for (const Xapian::Query& child : children) parts.push_back(Node(child, extras));
      return Xapian::Query(op, parts.begin(), parts.end());
    }
    default:
      return query;  // NEAR, wildcards and the rest: as parsed
  }
}

std::optional<std::string> QueryExpander::Suggest(std::string_view query) const {
  // Word by word through the query as typed, so its operators, quotes and fields stay where they were.
  std::string suggestion;
  bool mended = false;
  std::size_t at = 0;
  while (at < query.size()) {
    const std::size_t start = query.find_first_not_of(" \t", at);
    if (start == std::string_view::npos) {
      suggestion.append(query.substr(at));
      break;
    }
    suggestion.append(query.substr(at, start - at));
    std::size_t end = query.find_first_of(" \t", start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view token = query.substr(start, end - start);
    at = end;

    const std::vector<std::string> words = IndexWords(token);
    std::string replacement;
    if (words.size() == 1 && token.find(':') == std::string_view::npos && !db_.term_exists(words.front()) &&
        Variants(db_, words.front()).empty()) {
      const std::string closest = db_.get_spelling_suggestion(FoldedWord(words.front()));
      if (!closest.empty()) {
        const std::vector<std::string> forms = TopForms(FormsOf(closest), 1);
        replacement = forms.empty() ? closest : forms.front();
      }
    }
    if (replacement.empty()) {
      suggestion.append(token);
    } else {
      // Keep quotes, brackets and signs typed around the word.
      const std::size_t lead = token.find_first_not_of("\"(+-");
      const std::size_t trail = token.find_last_not_of("\")");
      suggestion.append(token.substr(0, lead == std::string_view::npos ? 0 : lead));
      suggestion.append(replacement);
      if (trail != std::string_view::npos) suggestion.append(token.substr(trail + 1));
      mended = true;
    }
  }
  if (!mended) return std::nullopt;
  return suggestion;
}

Xapian::Stem SnippetStemmer() { return Xapian::Stem(new CanonicalToneStem); }

}  // namespace dipdoc
