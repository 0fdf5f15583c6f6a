#include "nlp/name_finder.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "ingest/fields.h"
#include "ingest/string_hash.h"
#include "ingest/tone_marks.h"
#include "ingest/utf8.h"
#include "ingest/vietnamese_syllable.h"
#include "nlp/embedded_data.h"

namespace dipdoc {
namespace {

// Alias flags, as spelled in the gazetteers (rules at the top of nlp/data/partners_vi.tsv).
enum Flag : unsigned { kCase = 1, kCap = 2, kName = 4, kCue = 8, kAdj = 16, kNoun = 32 };

constexpr std::pair<std::string_view, Flag> kFlagNames[] = {
    {"case", kCase}, {"cap", kCap}, {"name", kName}, {"cue", kCue}, {"adj", kAdj}, {"noun", kNoun},
};

// No alias word is longer; longer words in a text are not looked up.
constexpr std::size_t kLongestWord = 64;
// Word ids of non-ASCII words are cached per thread, up to this many.
constexpr std::size_t kCacheLimit = 1 << 16;

// What separates a token from the one before it.
enum class Gap : unsigned char { kSpace, kNewline, kDash };

// A word (letters and digits) or one punctuation mark, as found in a text.
struct Token {
  std::size_t start = 0;
  std::size_t end = 0;
  int id = -1;                  // the word's number in the vocabulary, -1 when no name uses it
  bool word = false;
  bool upper = false;           // the first letter is upper case
  bool sentence_start = false;  // first word of a sentence, a line or the text
  Gap gap = Gap::kSpace;
};

using WordMap = StringMap<int>;

bool IsNewline(UChar32 c) {
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029;
}

// ASCII, most of every text, is answered without asking ICU (and as ICU would).
bool IsWordChar(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

bool IsSeparator(UChar32 c) {
  if (c < 0x80) return c <= ' ' || c == 0x7F || c == '-';  // white space, control characters, the hyphen
  return u_isUWhiteSpace(c) || u_iscntrl(c) || u_charType(c) == U_FORMAT_CHAR || u_charType(c) == U_DASH_PUNCTUATION ||
         c == 0x2212;
}

bool IsDash(UChar32 c) { return u_charType(c) == U_DASH_PUNCTUATION || c == 0x2212 || c == 0x00AD; }

// Marks that end a sentence, and marks that may stand between a sentence's end and its first word.
bool EndsSentence(UChar32 c) { return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == 0x2026; }
bool Opens(UChar32 c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == '*' || c == '>' || c == 0x00AB ||
         c == 0x00BB || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x2022 ||
         c == 0x00B7 || c == 0x2023 || c == 0x25E6 || c == 0x25CF || c == 0x25AA;
}

// The punctuation mark's key: typographic quotes and apostrophes read as their ASCII forms.
UChar32 PunctuationKey(UChar32 c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x02BC: case 0x2032: return '\'';
    case 0x201C: case 0x201D: case 0x201E: return '"';
    default: return c;
  }
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

void AssignAsciiLower(std::string& out, std::string_view s) {
  out.assign(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

// The form a word is matched in: NFC, canonical tone marks, lower case; "Ð" (U+00D0) read as "đ".
// REQUIRES: word is well-formed UTF-8
std::string NonAsciiWordKey(std::string_view word) {
  std::string out;
  std::string mapped;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const auto length = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT_UNSAFE(s, i, c);
    if (c == 0x00D0 || c == 0x00F0 || c == 0x0189) c = 0x0111;
    AppendUtf8(mapped, static_cast<char32_t>(c));
  }
  const std::string canonical = MatchingForm(mapped);
  s = reinterpret_cast<const uint8_t*>(canonical.data());
  for (int32_t i = 0, n = static_cast<int32_t>(canonical.size()); i < n;) {
    UChar32 c;
    U8_NEXT_UNSAFE(s, i, c);
    AppendUtf8(out, static_cast<char32_t>(u_tolower(c)));
  }
  return out;
}

std::string WordKey(std::string_view word) {
  if (IsAscii(word)) {
    std::string out;
    AssignAsciiLower(out, word);
    return out;
  }
  // Words recur: each thread remembers the keys it has made (NFC and tone marks cost far more than a lookup).
  constexpr std::size_t kMaxRemembered = 1 << 16;
  thread_local std::unordered_map<std::string, std::string> remembered;
  std::string original(word);
  if (auto it = remembered.find(original); it != remembered.end()) return it->second;
  if (remembered.size() >= kMaxRemembered) remembered.clear();
  std::string key = NonAsciiWordKey(word);
  remembered.emplace(std::move(original), key);
  return key;
}

std::string PunctuationString(UChar32 c) {
  std::string out;
  AppendUtf8(out, static_cast<char32_t>(PunctuationKey(c)));
  return out;
}

// Splits `text` into tokens and calls `emit(token, mark)` for each, where `mark` is the code point of a
// punctuation token and -1 for a word; looking words up is left to the caller. Spaces, control characters
// and dashes separate tokens ("Ô-xtrây-li-a" is four words) and only set the next token's gap. An invalid
// UTF-8 sequence becomes a punctuation token with mark -1, which no name contains.
template <typename Emit>
void Tokenise(std::string_view text, Emit emit) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int64_t>(text.size());
  Gap gap = Gap::kSpace;
  bool at_sentence_start = true;
  Token word;
  bool in_word = false;
  auto flush_word = [&](int64_t end) {
    if (!in_word) return;
    word.end = static_cast<std::size_t>(end);
    word.sentence_start = at_sentence_start;
    at_sentence_start = false;
    emit(word, UChar32{-1});
    in_word = false;
    gap = Gap::kSpace;
  };
  for (int64_t i = 0; i < length;) {
    const int64_t at = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0 && IsWordChar(c)) {
      if (!in_word) {
        word = Token{};
        word.start = static_cast<std::size_t>(at);
        word.word = true;
        word.upper = u_isupper(c) || u_istitle(c);
        word.gap = gap;
        in_word = true;
      }
      continue;
    }
    flush_word(at);
    if (c >= 0 && IsSeparator(c)) {
      if (IsNewline(c)) {
        at_sentence_start = true;
        gap = Gap::kNewline;
      } else if (IsDash(c) && gap == Gap::kSpace) {
        gap = Gap::kDash;
      }
      continue;
    }
    Token mark;
    mark.start = static_cast<std::size_t>(at);
    mark.end = static_cast<std::size_t>(i);
    mark.gap = gap;
    mark.sentence_start = at_sentence_start;
    if (c < 0) {
      at_sentence_start = false;
    } else if (EndsSentence(c)) {
      at_sentence_start = true;
    } else if (!Opens(c)) {
      at_sentence_start = false;
    }
    emit(mark, c);
    gap = Gap::kSpace;
  }
  flush_word(length);
}

// Letters of a word, for the shape tests of the `name` rule.
std::u32string Letters(std::string_view word) {
  std::u32string out;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const auto length = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0) out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

// "ANH", "MỸ": at least two letters, all upper case.
bool IsAllCaps(std::string_view word) {
  const std::u32string letters = Letters(word);
  std::size_t count = 0;
  for (char32_t c : letters) {
    if (!u_isalpha(static_cast<UChar32>(c))) continue;
    if (u_islower(static_cast<UChar32>(c))) return false;
    ++count;
  }
  return count >= 2;
}

// "Tuấn", "Giang", "Cai": a capital, then lower case, and a well-formed Vietnamese syllable. "Vladimir",
// "Putin" and "Biden" are not, so "Tổng thống Nga Vladimir Putin" stays Russia.
// REQUIRES: word is well-formed UTF-8
bool IsCapitalisedSyllable(std::string_view word) {
  if (word.size() > kLongestWord) return false;
  const std::u32string letters = Letters(MatchingForm(word));
  if (letters.size() < 2 || !u_isupper(static_cast<UChar32>(letters[0]))) return false;
  std::u32string lower;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    const auto c = static_cast<UChar32>(letters[i]);
    if (i > 0 && !u_islower(c)) return false;
    const auto l = static_cast<char32_t>(u_tolower(c));
    lower.push_back(l == U'ð' ? U'đ' : l);
  }
  return ParseSyllable(lower).has_value();
}

struct Entry {
  bool block = false;
  NameKind what = NameKind::kPartner;
  std::string_view id;
  unsigned flags = 0;
  std::vector<std::string> written;  // the alias's tokens as written, for `case`
};

// The tokens of a text around the place being matched, by their index in the whole text: Find keeps two
// tokens behind that place and the longest name (plus one) ahead, so memory does not grow with the text.
class TokenWindow {
 public:
  const Token& operator[](std::size_t i) const { return tokens_[i - first_]; }
  // One past the last token read so far.
  std::size_t size() const { return first_ + tokens_.size(); }
  void Push(const Token& token) { tokens_.push_back(token); }
  void DropBefore(std::size_t i) {
    while (first_ < i && !tokens_.empty()) {
      tokens_.pop_front();
      ++first_;
    }
  }

 private:
  std::deque<Token> tokens_;
  std::size_t first_ = 0;
};

// One gazetteer file's text; `label` names it in error messages.
struct Gazetteer {
  std::string_view text;
  std::string label;
  bool vaccines = false;  // vaccine names, else partner names
};

}  // namespace

struct NameFinder::Trie {
  std::uint64_t generation = 0;                  // tells this trie from every other made in the process
  WordMap vocabulary;                            // word key -> word id
  std::unordered_map<std::uint64_t, int> edges;  // (node << 32 | word id) -> child node; node 0 is the root
  std::vector<std::vector<int>> terminals = std::vector<std::vector<int>>(1);  // node -> entries ending there
  std::vector<Entry> entries;
  std::size_t longest = 0;                       // tokens in the longest alias
  std::set<std::string, std::less<>> strings;    // ids and kinds; NameMatch views point here
  std::unordered_map<std::string_view, std::string_view> kinds;
  std::unordered_set<int> cues, titles, joiners, adj_after, adj_before;

  std::string_view Intern(std::string_view s) { return *strings.emplace(s).first; }

  int WordId(std::string key) {
    const auto [it, added] = vocabulary.emplace(std::move(key), static_cast<int>(vocabulary.size()));
    return it->second;
  }

  int Child(int node, int word) const {
    const auto it = edges.find(static_cast<std::uint64_t>(node) << 32 | static_cast<std::uint32_t>(word));
    return it == edges.end() ? -1 : it->second;
  }

  // The trie of all the files; throws std::invalid_argument naming the file and line of a bad row.
  static std::unique_ptr<Trie> Build(const std::vector<Gazetteer>& files);
  void Load(const Gazetteer& file);
  void AddAlias(std::string_view alias, const Entry& entry, const std::string& where);
  void Check() const;

  // The matches of the longest name starting at tokens[i] that its context allows, appended to `out`;
  // returns how many tokens it covers (0: none; a blocking name covers tokens and appends nothing).
  std::size_t MatchAt(std::string_view text, const TokenWindow& tokens, std::size_t i,
                      std::vector<NameMatch>& out) const;
  bool Accepts(const Entry& entry, std::string_view text, const TokenWindow& tokens, std::size_t i,
               std::size_t n) const;
};

namespace {

// The tokens of an alias (or a directive word) with their keys and written forms.
struct AliasWord {
  std::string key;
  std::string written;
};

std::vector<AliasWord> AliasWords(std::string_view alias) {
  std::vector<AliasWord> out;
  Tokenise(alias, [&](const Token& token, UChar32 mark) {
    const std::string_view written = alias.substr(token.start, token.end - token.start);
    out.push_back({token.word ? WordKey(written) : PunctuationString(mark), std::string(written)});
  });
  return out;
}

bool IsCountryCode(std::string_view id) {
  return id.size() == 2 && std::all_of(id.begin(), id.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool IsSlug(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

}  // namespace

void NameFinder::Trie::AddAlias(std::string_view alias, const Entry& entry, const std::string& where) {
  const std::vector<AliasWord> words = AliasWords(alias);
  if (words.empty()) throw std::invalid_argument(where + ": empty alias");
  Entry e = entry;
  int node = 0;
  for (const AliasWord& word : words) {
    if (word.key.size() > kLongestWord) throw std::invalid_argument(where + ": word too long: " + word.written);
    const int id = WordId(word.key);
    const std::uint64_t edge = static_cast<std::uint64_t>(node) << 32 | static_cast<std::uint32_t>(id);
    auto it = edges.find(edge);
    if (it == edges.end()) {
      it = edges.emplace(edge, static_cast<int>(terminals.size())).first;
      terminals.emplace_back();
    }
    node = it->second;
    if (e.flags & kCase) e.written.push_back(word.written);
  }
  longest = std::max(longest, words.size());
  for (int index : terminals[static_cast<std::size_t>(node)]) {
    const Entry& other = entries[static_cast<std::size_t>(index)];
    if (other.block == e.block && other.what == e.what && other.id == e.id && other.flags == e.flags &&
        other.written == e.written) {
      return;  // the same name twice ("Cuba" in every language)
    }
  }
  terminals[static_cast<std::size_t>(node)].push_back(static_cast<int>(entries.size()));
  entries.push_back(std::move(e));
}

std::unique_ptr<NameFinder::Trie> NameFinder::Trie::Build(const std::vector<Gazetteer>& files) {
  static std::atomic<std::uint64_t> generations{0};
  auto trie = std::make_unique<Trie>();
  trie->generation = ++generations;
  for (const Gazetteer& file : files) trie->Load(file);
  trie->Check();
  return trie;
}

void NameFinder::Trie::Load(const Gazetteer& gazetteer) {
  const bool vaccines = gazetteer.vaccines;
  std::string_view file = gazetteer.text;
  std::size_t line_number = 0;
  while (!file.empty()) {
    const std::size_t eol = std::min(file.find('\n'), file.size());
    std::string_view line = file.substr(0, eol);
    file.remove_prefix(std::min(eol + 1, file.size()));
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const std::string where = gazetteer.label + ":" + std::to_string(line_number);
    if (FindInvalidUtf8(line)) throw std::invalid_argument(where + ": not UTF-8");
    const std::vector<std::string_view> fields = SplitFields(line, '\t');

    if (line[0] == '!') {
      const std::string_view directive = fields[0];
      if (directive == "!kind") {
        if (fields.size() != 3 || !IsSlug(fields[1]) || fields[2].empty()) {
          throw std::invalid_argument(where + ": expected !kind<TAB>slug<TAB>kind");
        }
        kinds[Intern(fields[1])] = Intern(fields[2]);
        continue;
      }
      std::unordered_set<int>* list = directive == "!cue"          ? &cues
                                      : directive == "!title"      ? &titles
                                      : directive == "!joiner"     ? &joiners
                                      : directive == "!adj-after"  ? &adj_after
                                      : directive == "!adj-before" ? &adj_before
                                                                   : nullptr;
      if (list == nullptr) throw std::invalid_argument(where + ": unknown directive " + std::string(directive));
      const std::vector<AliasWord> words = fields.size() == 2 ? AliasWords(fields[1]) : std::vector<AliasWord>{};
      if (words.size() != 1) throw std::invalid_argument(where + ": expected one word after " + std::string(directive));
      list->insert(WordId(words[0].key));
      continue;
    }

    if (fields.size() < 2 || fields.size() > 3) {
      throw std::invalid_argument(where + ": expected alias<TAB>id[<TAB>flags]");
    }
    Entry entry;
    entry.what = vaccines ? NameKind::kVaccine : NameKind::kPartner;
    const std::string_view id = fields[1];
    if (id == "-") {
      entry.block = true;
    } else if (IsSlug(id) || (!vaccines && IsCountryCode(id))) {
      entry.id = Intern(id);
    } else {
      throw std::invalid_argument(where + ": bad id " + std::string(id));
    }
    if (fields.size() == 3 && !fields[2].empty()) {
      for (std::string_view name : SplitFields(fields[2], ',')) {
        const auto* flag = std::find_if(std::begin(kFlagNames), std::end(kFlagNames),
                                        [&](const auto& f) { return f.first == name; });
        if (flag == std::end(kFlagNames)) throw std::invalid_argument(where + ": unknown flag " + std::string(name));
        entry.flags |= flag->second;
      }
    }
    for (std::string_view alias : SplitFields(fields[0], '|')) AddAlias(alias, entry, where);
  }
}

// Every partner slug has a kind.
void NameFinder::Trie::Check() const {
  for (const Entry& entry : entries) {
    if (entry.block || entry.what != NameKind::kPartner || IsCountryCode(entry.id)) continue;
    if (!kinds.contains(entry.id)) throw std::invalid_argument("no !kind row for partner " + std::string(entry.id));
  }
}

bool NameFinder::Trie::Accepts(const Entry& entry, std::string_view text, const TokenWindow& tokens,
                               std::size_t i, std::size_t n) const {
  auto written = [&](const Token& t) { return text.substr(t.start, t.end - t.start); };
  const Token& first = tokens[i];
  const Token* next = i + n < tokens.size() ? &tokens[i + n] : nullptr;
  // The word just before, with nothing but spaces between.
  const Token* before = i > 0 && tokens[i - 1].word && first.gap == Gap::kSpace ? &tokens[i - 1] : nullptr;
  const auto in = [](const std::unordered_set<int>& list, const Token* t) {
    return t != nullptr && t->word && list.contains(t->id);
  };

  if (entry.flags & kCase) {
    for (std::size_t k = 0; k < n; ++k) {
      if (written(tokens[i + k]) != entry.written[k]) return false;
    }
  }
  if ((entry.flags & kCap) && !first.upper) return false;
  if ((entry.flags & kAdj) && !in(adj_after, next) && !in(adj_before, before)) return false;
  if ((entry.flags & kNoun) && next != nullptr && next->word && (next->upper || adj_after.contains(next->id))) {
    return false;
  }
  const bool cued = in(cues, before);
  if (entry.flags & kName) {
    if (in(titles, before)) return false;                          // "chị Nga"
    if (i >= 2 && first.gap == Gap::kSpace && !tokens[i - 1].word && written(tokens[i - 1]) == "." &&
        tokens[i - 1].gap == Gap::kSpace && in(titles, &tokens[i - 2])) {
      return false;                                                // "Ms. Nga"
    }
    if (before != nullptr && before->upper && !cued) return false;   // "Nguyễn Văn Anh", "Vũ Đức Đam"
    if (!cued && IsAllCaps(written(first))) return false;           // "NGUYỄN VĂN ANH" in a signature
    if (next != nullptr && next->word && next->gap == Gap::kSpace && IsCapitalisedSyllable(written(*next))) {
      return false;                                                // "Anh Tuấn", "Đức Giang", "Lào Cai"
    }
  }
  if ((entry.flags & kCue) && first.sentence_start && !cued) {
    // "Anh cho biết" is a pronoun; "Anh và Việt Nam", "Anh, Pháp", "Anh - Pháp" are the country.
    if (next == nullptr) return false;
    const bool dash_joined = next->word && next->gap == Gap::kDash && next->upper;
    const std::size_t after = i + n + 1;
    const bool word_joined = joiners.contains(next->id) && after < tokens.size() && tokens[after].word &&
                             tokens[after].upper;
    if (!dash_joined && !word_joined) return false;
  }
  return true;
}

std::size_t NameFinder::Trie::MatchAt(std::string_view text, const TokenWindow& tokens, std::size_t i,
                                      std::vector<NameMatch>& out) const {
  // Nodes reached from tokens[i], deepest last; each holds the names of that many words.
  std::vector<std::pair<std::size_t, int>> reached;
  int node = 0;
  for (std::size_t j = i; j < tokens.size() && j - i < longest; ++j) {
    if (tokens[j].id < 0) break;
    node = Child(node, tokens[j].id);
    if (node < 0) break;
    if (!terminals[static_cast<std::size_t>(node)].empty()) reached.emplace_back(j - i + 1, node);
  }
  for (auto it = reached.rbegin(); it != reached.rend(); ++it) {
    const auto [n, at] = *it;
    std::vector<const Entry*> accepted;
    bool blocked = false;
    for (int index : terminals[static_cast<std::size_t>(at)]) {
      const Entry& entry = entries[static_cast<std::size_t>(index)];
      if (!Accepts(entry, text, tokens, i, n)) continue;
      if (entry.block) blocked = true;
      accepted.push_back(&entry);
    }
    if (accepted.empty()) continue;
    if (blocked) return n;
    // Partners before vaccines, each id once.
    std::stable_sort(accepted.begin(), accepted.end(), [](const Entry* a, const Entry* b) {
      return a->what == NameKind::kPartner && b->what != NameKind::kPartner;
    });
    const Span span{tokens[i].start, tokens[i + n - 1].end};
    const std::size_t first_new = out.size();
    for (const Entry* entry : accepted) {
      const bool seen = std::any_of(out.begin() + static_cast<std::ptrdiff_t>(first_new), out.end(),
                                    [&](const NameMatch& m) { return m.what == entry->what && m.id == entry->id; });
      if (seen) continue;
      NameMatch match;
      match.what = entry->what;
      match.id = entry->id;
      if (entry->what == NameKind::kPartner) {
        const auto kind = kinds.find(entry->id);
        match.partner_kind = IsCountryCode(entry->id) ? std::string_view("country")
                             : kind != kinds.end()    ? kind->second
                                                      : std::string_view();
      }
      match.span = span;
      out.push_back(match);
    }
    return n;
  }
  return 0;
}

NameFinder::NameFinder(const std::vector<std::string_view>& partners, const std::vector<std::string_view>& vaccines) {
  std::vector<Gazetteer> files;
  for (std::size_t k = 0; k < partners.size(); ++k) {
    files.push_back({partners[k], "partners[" + std::to_string(k) + "]", false});
  }
  for (std::size_t k = 0; k < vaccines.size(); ++k) {
    files.push_back({vaccines[k], "vaccines[" + std::to_string(k) + "]", true});
  }
  trie_ = Trie::Build(files).release();
}

NameFinder::NameFinder()
    : trie_(Trie::Build({{data::kPartnersVi, "nlp/data/partners_vi.tsv", false},
                         {data::kPartnersEn, "nlp/data/partners_en.tsv", false},
                         {data::kPartnersFr, "nlp/data/partners_fr.tsv", false},
                         {data::kVaccines, "nlp/data/vaccines.tsv", true}})
                .release()) {}

NameFinder::~NameFinder() { delete trie_; }

const NameFinder& NameFinder::Default() {
  static const NameFinder finder;
  return finder;
}

std::vector<NameMatch> NameFinder::Find(std::string_view text) const {
  const Trie& trie = *trie_;
  TokenWindow tokens;
  std::vector<NameMatch> out;
  std::size_t next = 0;  // the next token a name may start at
  // Matches from `next` on while enough tokens are known after it (all of them once the text is read).
  auto match = [&](bool text_read) {
    while (next < tokens.size() && (text_read || tokens.size() - next > trie.longest + 1)) {
      const std::size_t n = tokens[next].id < 0 ? 0 : trie.MatchAt(text, tokens, next, out);
      next += std::max<std::size_t>(n, 1);
      tokens.DropBefore(next >= 2 ? next - 2 : 0);
    }
  };

  // Non-ASCII words as written -> word id. Words recur from one text to the next, so each thread keeps
  // the ids it has looked up, for the trie it looked them up in, up to kCacheLimit words.
  struct WordIds {
    std::uint64_t generation = 0;
    WordMap ids;
  };
  thread_local WordIds remembered;
  if (remembered.generation != trie.generation) {
    remembered.ids.clear();
    remembered.generation = trie.generation;
  }
  WordMap& cache = remembered.ids;
  std::string key;
  Tokenise(text, [&](Token token, UChar32 mark) {
    const std::string_view written = text.substr(token.start, token.end - token.start);
    if (!token.word) {
      if (mark >= 0) {
        const auto it = trie.vocabulary.find(PunctuationString(mark));
        if (it != trie.vocabulary.end()) token.id = it->second;
      }
    } else if (written.size() <= kLongestWord * 2) {
      if (IsAscii(written)) {
        AssignAsciiLower(key, written);
        const auto it = trie.vocabulary.find(std::string_view(key));
        if (it != trie.vocabulary.end()) token.id = it->second;
      } else if (const auto cached = cache.find(written); cached != cache.end()) {
        token.id = cached->second;
      } else {
        const auto it = trie.vocabulary.find(WordKey(written));
        token.id = it == trie.vocabulary.end() ? -1 : it->second;
        if (cache.size() >= kCacheLimit) cache.clear();
        cache.emplace(std::string(written), token.id);
      }
    }
    tokens.Push(token);
    match(false);
  });
  match(true);
  return out;
}

std::string_view NameFinder::PartnerKind(std::string_view id) const {
  if (IsCountryCode(id)) return "country";
  const auto it = trie_->kinds.find(id);
  return it == trie_->kinds.end() ? std::string_view() : it->second;
}

}  // namespace dipdoc
