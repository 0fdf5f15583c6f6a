#include "nlp/number_reader.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "ingest/tone_marks.h"
#include "ingest/utf8.h"

namespace dipdoc {
namespace {

// Larger values are not numbers anyone counts doses, people or money in; below it a double holds every
// integer exactly, so "1,05 triệu" is exactly 1050000.
constexpr double kMaxValue = 1e15;
constexpr std::size_t kNoToken = std::numeric_limits<std::size_t>::max();
// Token offsets are 32 bits; no document comes near.
constexpr std::size_t kMaxTextBytes = std::numeric_limits<std::uint32_t>::max() - 1;

// Languages as a bit set: a word may belong to several ("six", "million").
using Langs = std::uint8_t;
constexpr Langs kVi = 1;
constexpr Langs kEn = 2;
constexpr Langs kFr = 4;
constexpr Langs kAll = kVi | kEn | kFr;

// ---------------------------------------------------------------------------------------------------
// The vocabulary: static tables of number words and approximators.

enum class Role : std::uint8_t {
  kOther,        // no part of a number by itself (an approximator's word, "rưỡi", "a", "and")
  kUnit,         // 1-9: "hai", "two", "deux"
  kTeen,         // 10-19 in one word: "mười", "twelve", "dix", "onze"
  kTens,         // "twenty", "vingt"
  kViTens,       // "mươi", the tens of "hai mươi"
  kViLateUnit,   // "mốt", "tư", "lăm", "nhăm": units only after a ten ("hai mươi mốt", "mười lăm")
  kViZeroTens,   // "linh", "lẻ": no tens, as in "ba trăm linh năm"
  kViZero,       // "không", only as zero hundreds ("một nghìn không trăm hai mươi mốt")
  kHundred,      // "trăm", "hundred", "cent"
  kScale,        // "nghìn", "thousand", "million", "milliard"
  kSuffix,       // "bn", "m", "k": a scale only glued to digits ("1.5bn")
  kOrdinal,      // "st", "th", "er", "e": digits glued to these are ranks ("19th", "1er")
};

// Words the grammar treats one by one.
enum class Tag : std::uint8_t {
  kPlain,
  kMot,       // "một": alone an article ("một số lượng lớn"), a number only before a scale or after a ten
  kNam,       // "năm": alone "year" ("năm 2021", "năm nay"); a number before "mươi", "trăm" or a scale
  kRuoi,      // "rưỡi": and a half of the scale before it
  kNua,       // "nửa": half ("nửa triệu")
  kOne,       // "one": alone a pronoun ("one of the donors")
  kArticle,   // "a", "an": one, before a scale ("a million")
  kAnd,       // "and", as in "one hundred and five", "a million and a half"
  kHalf,      // "half", as in "half a million", "one and a half million"
  kUn,        // "un", "une": alone an article ("un vaccin")
  kEt,        // "et", as in "vingt et un", "un million et demi"
  kDemi,      // "demi", as in "un million et demi", "un demi-million"
  kQuatre,    // "quatre", as in "quatre-vingts"
  kVingt,     // "vingt"
  kVingts,    // "vingts", only in "quatre-vingts"
  kSoixante,  // "soixante", which takes "dix" to "dix-neuf" ("soixante-dix")
  kDix,       // "dix", which takes "sept", "huit", "neuf" ("dix-sept")
  kMille,     // "mille": a scale that needs no number before it ("mille doses", "cent mille")
  kBillion,   // "billion": 10^9 in English, 10^12 in French
  kM,         // "m" glued to digits: a million in English ("3m"), metres elsewhere
};

struct WordSpec {
  const char* form;
  Role role;
  double value;
  Langs langs;
  Tag tag = Tag::kPlain;
};

// Forms are written lower case in NFC; each is matched in either tone-mark placement and with a misplaced
// mark ("mừơi", "dứơi"), see Vocabulary::Add.
const WordSpec kNumberWords[] = {
    // Vietnamese.
    {"không", Role::kViZero, 0, kVi},
    {"một", Role::kUnit, 1, kVi, Tag::kMot},
    {"hai", Role::kUnit, 2, kVi},
    {"ba", Role::kUnit, 3, kVi},
    {"bốn", Role::kUnit, 4, kVi},
    {"năm", Role::kUnit, 5, kVi, Tag::kNam},
    {"sáu", Role::kUnit, 6, kVi},
    {"bảy", Role::kUnit, 7, kVi},
    {"bẩy", Role::kUnit, 7, kVi},
    {"tám", Role::kUnit, 8, kVi},
    {"chín", Role::kUnit, 9, kVi},
    {"mốt", Role::kViLateUnit, 1, kVi},
    {"tư", Role::kViLateUnit, 4, kVi},
    {"lăm", Role::kViLateUnit, 5, kVi},
    {"nhăm", Role::kViLateUnit, 5, kVi},
    {"mười", Role::kTeen, 10, kVi},
    {"mươi", Role::kViTens, 10, kVi},
    {"linh", Role::kViZeroTens, 0, kVi},
    {"lẻ", Role::kViZeroTens, 0, kVi},
    {"trăm", Role::kHundred, 100, kVi},
    {"chục", Role::kScale, 10, kVi},
    {"nghìn", Role::kScale, 1e3, kVi},
    {"ngàn", Role::kScale, 1e3, kVi},
    {"vạn", Role::kScale, 1e4, kVi},
    {"triệu", Role::kScale, 1e6, kVi},
    {"tỷ", Role::kScale, 1e9, kVi},
    {"tỉ", Role::kScale, 1e9, kVi},
    {"rưỡi", Role::kOther, 0, kVi, Tag::kRuoi},
    {"nửa", Role::kOther, 0, kVi, Tag::kNua},
    // English.
    {"one", Role::kUnit, 1, kEn, Tag::kOne},
    {"two", Role::kUnit, 2, kEn},
    {"three", Role::kUnit, 3, kEn},
    {"four", Role::kUnit, 4, kEn},
    {"five", Role::kUnit, 5, kEn},
    {"six", Role::kUnit, 6, kEn | kFr},
    {"seven", Role::kUnit, 7, kEn},
    {"eight", Role::kUnit, 8, kEn},
    {"nine", Role::kUnit, 9, kEn},
    {"ten", Role::kTeen, 10, kEn},
    {"eleven", Role::kTeen, 11, kEn},
    {"twelve", Role::kTeen, 12, kEn},
    {"thirteen", Role::kTeen, 13, kEn},
    {"fourteen", Role::kTeen, 14, kEn},
    {"fifteen", Role::kTeen, 15, kEn},
    {"sixteen", Role::kTeen, 16, kEn},
    {"seventeen", Role::kTeen, 17, kEn},
    {"eighteen", Role::kTeen, 18, kEn},
    {"nineteen", Role::kTeen, 19, kEn},
    {"twenty", Role::kTens, 20, kEn},
    {"thirty", Role::kTens, 30, kEn},
    {"forty", Role::kTens, 40, kEn},
    {"fifty", Role::kTens, 50, kEn},
    {"sixty", Role::kTens, 60, kEn},
    {"seventy", Role::kTens, 70, kEn},
    {"eighty", Role::kTens, 80, kEn},
    {"ninety", Role::kTens, 90, kEn},
    {"hundred", Role::kHundred, 100, kEn},
    {"thousand", Role::kScale, 1e3, kEn},
    {"million", Role::kScale, 1e6, kEn | kFr},
    {"millions", Role::kScale, 1e6, kEn | kFr},
    {"billion", Role::kScale, 1e9, kEn | kFr, Tag::kBillion},
    {"billions", Role::kScale, 1e9, kEn | kFr, Tag::kBillion},
    {"trillion", Role::kScale, 1e12, kEn},
    {"a", Role::kOther, 0, kEn, Tag::kArticle},
    {"an", Role::kOther, 0, kEn, Tag::kArticle},
    {"and", Role::kOther, 0, kEn, Tag::kAnd},
    {"half", Role::kOther, 0, kEn, Tag::kHalf},
    // French.
    {"un", Role::kUnit, 1, kFr, Tag::kUn},
    {"une", Role::kUnit, 1, kFr, Tag::kUn},
    {"deux", Role::kUnit, 2, kFr},
    {"trois", Role::kUnit, 3, kFr},
    {"quatre", Role::kUnit, 4, kFr, Tag::kQuatre},
    {"cinq", Role::kUnit, 5, kFr},
    {"sept", Role::kUnit, 7, kFr},
    {"huit", Role::kUnit, 8, kFr},
    {"neuf", Role::kUnit, 9, kFr},
    {"dix", Role::kTeen, 10, kFr, Tag::kDix},
    {"onze", Role::kTeen, 11, kFr},
    {"douze", Role::kTeen, 12, kFr},
    {"treize", Role::kTeen, 13, kFr},
    {"quatorze", Role::kTeen, 14, kFr},
    {"quinze", Role::kTeen, 15, kFr},
    {"seize", Role::kTeen, 16, kFr},
    {"vingt", Role::kTens, 20, kFr, Tag::kVingt},
    {"vingts", Role::kTens, 20, kFr, Tag::kVingts},
    {"trente", Role::kTens, 30, kFr},
    {"quarante", Role::kTens, 40, kFr},
    {"cinquante", Role::kTens, 50, kFr},
    {"soixante", Role::kTens, 60, kFr, Tag::kSoixante},
    {"septante", Role::kTens, 70, kFr},   // Belgium, Switzerland
    {"huitante", Role::kTens, 80, kFr},
    {"octante", Role::kTens, 80, kFr},
    {"nonante", Role::kTens, 90, kFr},
    {"cent", Role::kHundred, 100, kFr},
    {"cents", Role::kHundred, 100, kFr},
    {"mille", Role::kScale, 1e3, kFr, Tag::kMille},
    {"milliard", Role::kScale, 1e9, kFr},
    {"milliards", Role::kScale, 1e9, kFr},
    {"et", Role::kOther, 0, kFr, Tag::kEt},
    {"demi", Role::kOther, 0, kFr, Tag::kDemi},
    // Glued to digits. The suffixes say nothing about the separators ("1,5bn" and "1.5bn" are both read).
    {"k", Role::kSuffix, 1e3, kAll},
    {"m", Role::kSuffix, 1e6, kAll, Tag::kM},
    {"mn", Role::kSuffix, 1e6, kAll},
    {"mln", Role::kSuffix, 1e6, kAll},
    {"bn", Role::kSuffix, 1e9, kAll},
    {"st", Role::kOrdinal, 0, kEn},
    {"nd", Role::kOrdinal, 0, kEn},
    {"rd", Role::kOrdinal, 0, kEn},
    {"th", Role::kOrdinal, 0, kEn},
    {"er", Role::kOrdinal, 0, kFr},
    {"re", Role::kOrdinal, 0, kFr},
    {"ère", Role::kOrdinal, 0, kFr},
    {"e", Role::kOrdinal, 0, kFr},
    {"ème", Role::kOrdinal, 0, kFr},
    {"eme", Role::kOrdinal, 0, kFr},
    {"nde", Role::kOrdinal, 0, kFr},
};

struct ApproxSpec {
  const char* phrase;   // words separated by spaces, hyphens or apostrophes; a final "." is optional in text
  Approx approx;
};

// The vocabulary has no "at most": bounds from above ("không quá", "no more than", "au plus") are
// kLessThan. Ceilings the writer expects to reach ("tới", "lên tới", "up to", "as many as", "jusqu'à")
// are kAbout: a pledge of "up to 1 million doses" is a figure of about that size, not one below it.
// A final "de" also matches the elided "d'" ("plus d'un million", "près d'1 million").
const ApproxSpec kApproximators[] = {
    // Vietnamese.
    {"hơn", Approx::kMoreThan},
    {"trên", Approx::kMoreThan},
    {"vượt", Approx::kMoreThan},
    {"vượt quá", Approx::kMoreThan},
    {"khoảng", Approx::kAbout},
    {"khoảng chừng", Approx::kAbout},
    {"chừng", Approx::kAbout},
    {"xấp xỉ", Approx::kAbout},
    {"gần", Approx::kAbout},
    {"trên dưới", Approx::kAbout},
    {"tầm", Approx::kAbout},
    {"ước tính", Approx::kAbout},
    {"ước khoảng", Approx::kAbout},
    {"tới", Approx::kAbout},
    {"lên tới", Approx::kAbout},
    {"lên đến", Approx::kAbout},
    {"ít nhất", Approx::kAtLeast},
    {"tối thiểu", Approx::kAtLeast},
    {"không dưới", Approx::kAtLeast},
    {"không ít hơn", Approx::kAtLeast},
    {"dưới", Approx::kLessThan},
    {"chưa đến", Approx::kLessThan},
    {"chưa tới", Approx::kLessThan},
    {"chưa đầy", Approx::kLessThan},
    {"không đến", Approx::kLessThan},
    {"không tới", Approx::kLessThan},
    {"không quá", Approx::kLessThan},
    {"không vượt quá", Approx::kLessThan},
    {"không hơn", Approx::kLessThan},
    {"ít hơn", Approx::kLessThan},
    {"tối đa", Approx::kLessThan},
    // English.
    {"more than", Approx::kMoreThan},
    {"over", Approx::kMoreThan},
    {"well over", Approx::kMoreThan},
    {"just over", Approx::kMoreThan},
    {"above", Approx::kMoreThan},
    {"in excess of", Approx::kMoreThan},
    {"upwards of", Approx::kMoreThan},
    {"exceeding", Approx::kMoreThan},
    {"greater than", Approx::kMoreThan},
    {"about", Approx::kAbout},
    {"around", Approx::kAbout},
    {"approximately", Approx::kAbout},
    {"approx.", Approx::kAbout},
    {"roughly", Approx::kAbout},
    {"some", Approx::kAbout},
    {"nearly", Approx::kAbout},
    {"almost", Approx::kAbout},
    {"close to", Approx::kAbout},
    {"up to", Approx::kAbout},
    {"as many as", Approx::kAbout},
    {"an estimated", Approx::kAbout},
    {"estimated", Approx::kAbout},
    {"circa", Approx::kAbout},
    {"at least", Approx::kAtLeast},
    {"no fewer than", Approx::kAtLeast},
    {"no less than", Approx::kAtLeast},
    {"not fewer than", Approx::kAtLeast},
    {"not less than", Approx::kAtLeast},
    {"a minimum of", Approx::kAtLeast},
    {"less than", Approx::kLessThan},
    {"fewer than", Approx::kLessThan},
    {"under", Approx::kLessThan},
    {"just under", Approx::kLessThan},
    {"below", Approx::kLessThan},
    {"no more than", Approx::kLessThan},
    {"not more than", Approx::kLessThan},
    {"at most", Approx::kLessThan},
    {"a maximum of", Approx::kLessThan},
    // French.
    {"plus de", Approx::kMoreThan},
    {"un peu plus de", Approx::kMoreThan},
    {"au-delà de", Approx::kMoreThan},
    {"environ", Approx::kAbout},
    {"env.", Approx::kAbout},
    {"près de", Approx::kAbout},
    {"à peu près", Approx::kAbout},
    {"presque", Approx::kAbout},
    {"quasiment", Approx::kAbout},
    {"quelque", Approx::kAbout},
    {"approximativement", Approx::kAbout},
    {"autour de", Approx::kAbout},
    {"de l'ordre de", Approx::kAbout},
    {"pas loin de", Approx::kAbout},
    {"jusqu'à", Approx::kAbout},
    {"au moins", Approx::kAtLeast},
    {"au minimum", Approx::kAtLeast},
    {"pas moins de", Approx::kAtLeast},
    {"moins de", Approx::kLessThan},
    {"un peu moins de", Approx::kLessThan},
    {"pas plus de", Approx::kLessThan},
    {"au plus", Approx::kLessThan},
    {"au maximum", Approx::kLessThan},
};

// A word that is neither a number nor an approximator right after another: "handed over 1 million doses"
// hands them over, "per cent" and "pour cent" are not a hundred.
const std::pair<const char*, const char*> kNotAfter[] = {
    {"over", "hand"},  {"over", "handed"}, {"over", "hands"},  {"over", "handing"}, {"over", "turn"},
    {"over", "turned"}, {"over", "turns"}, {"over", "took"},   {"over", "take"},    {"over", "takes"},
    {"over", "taken"}, {"over", "taking"}, {"over", "pass"},   {"over", "passed"},  {"over", "passes"},
    {"cent", "per"},   {"cent", "pour"},   {"cents", "pour"},
};

// A scale word that is the first syllable of another word: "tỷ lệ" (rate), "triệu chứng" (symptom), "triệu
// phú" (millionaire), "vạn vật". "một tỷ lệ cao" is a high rate, not a billion.
const std::pair<const char*, const char*> kNotBefore[] = {
    {"tỷ", "lệ"},       {"tỉ", "lệ"},       {"tỷ", "giá"},    {"tỉ", "giá"},    {"tỷ", "trọng"},
    {"tỉ", "trọng"},    {"tỷ", "số"},       {"tỉ", "số"},     {"tỷ", "phú"},    {"tỉ", "phú"},
    {"triệu", "phú"},   {"triệu", "chứng"}, {"triệu", "tập"}, {"triệu", "hồi"}, {"vạn", "vật"},
    {"vạn", "sự"},      {"vạn", "tuế"},     {"nghìn", "trùng"},
};

struct Entry {
  Role role = Role::kOther;
  Tag tag = Tag::kPlain;
  double value = 0;
  Langs langs = 0;
};

struct Phrase {
  std::vector<int> words;
  Approx approx = Approx::kExact;
  bool abbreviation = false;   // may end with a "." in text
};

bool IsToneMark(UChar c) { return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323; }
bool IsShapeMark(UChar c) { return c == 0x0302 || c == 0x0306 || c == 0x031B; }
bool IsVowelBase(UChar c) {
  return c == u'a' || c == u'e' || c == u'i' || c == u'o' || c == u'u' || c == u'y';
}

// `form` (lower case, NFC) with its one tone mark moved to each vowel in turn, misplaced forms included.
std::vector<std::string> ToneVariants(std::string_view form) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(error);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  if (U_FAILURE(error)) return {};
  icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(form.data(), static_cast<int32_t>(form.size()))),
                     error);
  if (U_FAILURE(error)) return {};
  int32_t tone_at = -1;
  for (int32_t i = 0; i < decomposed.length(); ++i) {
    if (IsToneMark(decomposed[i])) {
      if (tone_at >= 0) return {};
      tone_at = i;
    }
  }
  if (tone_at < 0) return {};
  const UChar tone = decomposed[tone_at];
  decomposed.remove(tone_at, 1);
  std::vector<std::string> variants;
  for (int32_t i = 0; i < decomposed.length(); ++i) {
    if (!IsVowelBase(decomposed[i])) continue;
    int32_t after = i + 1;
    while (after < decomposed.length() && IsShapeMark(decomposed[after])) ++after;
    icu::UnicodeString moved = decomposed;
    moved.insert(after, tone);
    const icu::UnicodeString composed = nfc->normalize(moved, error);
    if (U_FAILURE(error)) return {};
    std::string utf8;
    composed.toUTF8String(utf8);
    variants.push_back(std::move(utf8));
  }
  return variants;
}

class Vocabulary {
 public:
  static const Vocabulary& Get() {
    static const Vocabulary vocabulary;
    return vocabulary;
  }

  // The id of a lower-cased word, or -1.
  int Find(const std::string& lower) const {
    const auto it = ids_.find(lower);
    return it == ids_.end() ? -1 : it->second;
  }
  const Entry& entry(int id) const { return id < 0 ? none_ : entries_[static_cast<std::size_t>(id)]; }
  // Phrases starting with word `id`, longest first.
  const std::vector<Phrase>& PhrasesFrom(int id) const {
    return id < 0 ? no_phrases_ : phrases_[static_cast<std::size_t>(id)];
  }
  bool NotAfter(int word, int previous) const {
    return word >= 0 && previous >= 0 && not_after_.count(Pair(word, previous)) > 0;
  }
  bool NotBefore(int word, int next) const {
    return word >= 0 && next >= 0 && not_before_.count(Pair(word, next)) > 0;
  }
  int de() const { return de_; }
  int d() const { return d_; }

 private:
  Vocabulary() {
    for (const WordSpec& spec : kNumberWords) {
      const int id = Add(spec.form);
      entries_[static_cast<std::size_t>(id)] = Entry{spec.role, spec.tag, spec.value, spec.langs};
    }
    for (const ApproxSpec& spec : kApproximators) {
      Phrase phrase;
      phrase.approx = spec.approx;
      std::string_view rest = spec.phrase;
      if (!rest.empty() && rest.back() == '.') {
        phrase.abbreviation = true;
        rest.remove_suffix(1);
      }
      while (!rest.empty()) {
        const std::size_t cut = rest.find_first_of(" -'");
        phrase.words.push_back(Add(rest.substr(0, cut)));
        rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
      }
      phrases_[static_cast<std::size_t>(phrase.words[0])].push_back(std::move(phrase));
    }
    for (std::vector<Phrase>& phrases : phrases_) {
      std::stable_sort(phrases.begin(), phrases.end(),
                       [](const Phrase& a, const Phrase& b) { return a.words.size() > b.words.size(); });
    }
    for (const auto& [word, previous] : kNotAfter) not_after_.insert(Pair(Add(word), Add(previous)));
    for (const auto& [word, next] : kNotBefore) not_before_.insert(Pair(Add(word), Add(next)));
    de_ = Add("de");
    d_ = Add("d");
  }

  static std::uint64_t Pair(int a, int b) {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) | static_cast<std::uint32_t>(b);
  }

  // The id of `form`, added with every tone-mark placement that means the same syllable.
  int Add(std::string_view form) {
    const std::string canonical = MatchingForm(form);
    if (const auto it = ids_.find(canonical); it != ids_.end()) return it->second;
    const int id = static_cast<int>(entries_.size());
    entries_.emplace_back();
    phrases_.emplace_back();
    ids_.emplace(canonical, id);
    for (std::string& variant : ToneVariants(canonical)) {
      if (CanonicalSyllable(variant) == canonical) ids_.emplace(std::move(variant), id);
    }
    return id;
  }

  std::unordered_map<std::string, int> ids_;
  std::vector<Entry> entries_;
  std::vector<std::vector<Phrase>> phrases_;
  std::unordered_set<std::uint64_t> not_after_;
  std::unordered_set<std::uint64_t> not_before_;
  int de_ = -1;
  int d_ = -1;
  const Entry none_{};
  const std::vector<Phrase> no_phrases_{};
};

// ---------------------------------------------------------------------------------------------------
// Tokens.

enum class Kind : std::uint8_t { kWord, kDigits, kPunct };

// The punctuation that can sit inside a number, a date, a reference or a name, one character long.
// Any other run of punctuation is one kOther token.
enum class Punct : std::uint8_t { kNone, kOther, kPoint, kComma, kSlash, kColon, kUnderscore, kHyphen, kApostrophe };

// What separates a token from the one before it.
enum class Gap : std::uint8_t {
  kNone,     // nothing: the tokens touch
  kSpace,    // exactly one U+0020
  kNoBreak,  // exactly one no-break, narrow no-break, thin or figure space
  kBlank,    // other whitespace within one line
  kLine,     // whitespace with one line break
  kBreak,    // a blank line or more
};

// Number words, a number's scale and an approximator and its number may be this far apart.
bool Joinable(Gap gap) { return gap != Gap::kNone && gap != Gap::kBreak; }

// 20 bytes: a text with a token every byte ("a.a.a.") must not cost much more than the text itself.
struct Token {
  std::uint32_t start = 0;      // byte offsets: FindNumbers reads at most kMaxTextBytes
  std::uint32_t length = 0;
  std::uint32_t run_end = 0;    // one past the last token of the glued run this token is in
  std::int16_t word = -1;       // words: the vocabulary id, or -1
  Kind kind = Kind::kPunct;
  Punct punct = Punct::kNone;
  Gap gap = Gap::kNone;
  bool capital = false;         // words: the first letter is upper case
  bool joins = false;           // glued to the token before into one run ("COVID-19", "13/8/2021")
  bool run_bad = false;         // the run holds a slash, colon or underscore: a date, time or reference
  std::size_t end() const { return std::size_t{start} + length; }
};

// Tokens are read a segment at a time, so memory stays small on long texts. A segment ends once it holds
// kSegmentTokens tokens, at the first place no number can straddle (see Tokenise); a text with no such place
// (one glued run of punctuation and letters, megabytes long) is cut at kMaxSegmentTokens regardless.
constexpr std::size_t kSegmentTokens = std::size_t{1} << 16;
constexpr std::size_t kMaxSegmentTokens = std::size_t{1} << 20;

struct CodePoint {
  char32_t value;
  std::size_t length;
  bool valid;
};

// The code point at `at`; an ill-formed sequence reads as one invalid byte.
CodePoint Decode(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return {lead, 1, true};
  std::size_t length = 0;
  char32_t c = 0;
  char32_t min = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    c = lead & 0x1F;
    min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    c = lead & 0x0F;
    min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    c = lead & 0x07;
    min = 0x10000;
  } else {
    return {0xFFFD, 1, false};
  }
  if (text.size() - at < length) return {0xFFFD, 1, false};
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char b = byte(at + i);
    if ((b & 0xC0) != 0x80) return {0xFFFD, 1, false};
    c = (c << 6) | (b & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return {0xFFFD, 1, false};
  return {c, length, true};
}

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  const auto u = static_cast<UChar32>(c);
  return u_isalpha(u) || (U_GET_GC_MASK(u) & U_GC_M_MASK) != 0;
}

bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}

bool IsNoBreakSpace(char32_t c) { return c == 0x00A0 || c == 0x202F || c == 0x2009 || c == 0x2007; }
bool IsLineBreak(char32_t c) { return c == '\n' || c == '\v' || c == '\f' || c == 0x85 || c == 0x2028 || c == 0x2029; }

Punct PunctOf(char32_t c) {
  switch (c) {
    case '.': return Punct::kPoint;
    case ',': return Punct::kComma;
    case '/': return Punct::kSlash;
    case ':': return Punct::kColon;
    case '_': return Punct::kUnderscore;
    case '-':
    case 0x2010:   // hyphen
    case 0x2011:   // non-breaking hyphen
      return Punct::kHyphen;
    case '\'':
    case 0x2019:   // right single quotation mark, the usual typographic apostrophe
      return Punct::kApostrophe;
    default: return Punct::kOther;
  }
}

// A decimal mark or thousands separator.
bool IsMark(const Token& t) { return t.punct == Punct::kPoint || t.punct == Punct::kComma; }

bool IsGlue(Punct p) {
  return p == Punct::kPoint || p == Punct::kComma || p == Punct::kSlash || p == Punct::kColon ||
         p == Punct::kUnderscore || p == Punct::kHyphen;
}

void AppendLower(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
    return;
  }
  UChar32 lower = u_tolower(static_cast<UChar32>(c));
  if (lower == 0x00F0) lower = 0x0111;   // ð, from the look-alike Ð (U+00D0), is đ
  AppendUtf8(out, static_cast<char32_t>(lower));
}

// Longer words are not in the vocabulary; they are not folded at all.
constexpr std::size_t kMaxWordBytes = 48;

// ---------------------------------------------------------------------------------------------------
// The reader.

struct Term {
  bool ok = false;
  std::size_t last = 0;              // the last token read
  double mantissa = 0;               // the value is mantissa / 10^decimals
  int decimals = 0;
  bool digits = false;
  bool needs_scale = false;          // "một", "năm", "one", "un", "a", "half a": a number only before a scale
  bool single_word = false;          // one spelled word, e.g. "hai", "ten", "sept"
  bool complete = true;              // may end a number after a scale ("hai nghìn năm trăm")
  Langs langs = 0;                   // of the words read
  std::size_t scale_at = kNoToken;   // a scale inside the term: glued to digits ("1.5bn") or "mille"
  double scale = 0;
  std::size_t skip_to = 0;           // on failure: the next token worth trying
};

struct Group {
  double value = 0;
  double multiplier = 1;             // the scale, 1 without one
  std::size_t last = 0;
};

struct Parsed {
  bool ok = false;
  std::size_t last = 0;
  std::size_t skip_to = 0;
  double value = 0;
};

const double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                         1e16, 1e17, 1e18};

Langs ParseLanguage(std::string_view language) {
  if (language.size() < 2 || (language.size() > 2 && language[2] != '-' && language[2] != '_')) return 0;
  const char a = static_cast<char>(language[0] | 0x20);
  const char b = static_cast<char>(language[1] | 0x20);
  if (a == 'v' && b == 'i') return kVi;
  if (a == 'e' && b == 'n') return kEn;
  if (a == 'f' && b == 'r') return kFr;
  return 0;
}

bool OneLanguage(Langs langs) { return langs == kVi || langs == kEn || langs == kFr; }

class Reader {
 public:
  Reader(std::string_view text, std::string_view language)
      : text_(text), language_(ParseLanguage(language)), vocabulary_(Vocabulary::Get()) {}

  std::vector<NumberMention> Run() {
    std::vector<NumberMention> out;
    for (std::size_t at = 0; at < text_.size();) {
      at = Tokenise(at);
      MarkRuns();
      ReadSegment(out);
    }
    return out;
  }

 private:
  void ReadSegment(std::vector<NumberMention>& out) {
    for (std::size_t i = 0; i < tokens_.size();) {
      if (ReadApproximated(i, out)) {
        i = next_;
        continue;
      }
      const Parsed number = ParseNumber(i);
      if (number.ok) {
        Emit(out, i, i, number, Approx::kExact);
        i = number.last + 1;
      } else {
        i = std::max(i + 1, number.skip_to);
      }
    }
  }

  // --- Tokens --------------------------------------------------------------------------------------

  // Fills tokens_ with the segment starting at byte `from` and returns where the next one starts. A segment
  // may end before a token that follows whitespace when either that token or the one before it is
  // punctuation (a full stop excepted, for "approx. 2 million"): numbers, their approximators and glued runs
  // never reach across such a place.
  std::size_t Tokenise(std::size_t from) {
    tokens_.clear();
    std::size_t spaces = 0, plain = 0, no_break = 0, breaks = 0;
    const auto gap = [&]() {
      Gap g = Gap::kNone;
      if (breaks >= 2) {
        g = Gap::kBreak;
      } else if (breaks == 1) {
        g = Gap::kLine;
      } else if (spaces == 1 && plain == 1) {
        g = Gap::kSpace;
      } else if (spaces == 1 && no_break == 1) {
        g = Gap::kNoBreak;
      } else if (spaces > 0) {
        g = Gap::kBlank;
      }
      spaces = plain = no_break = breaks = 0;
      return g;
    };
    std::string lower;
    for (std::size_t at = from; at < text_.size();) {
      const CodePoint c = Decode(text_, at);
      if (c.valid && IsSpace(c.value)) {
        ++spaces;
        if (c.value == ' ') ++plain;
        if (IsNoBreakSpace(c.value)) ++no_break;
        if (IsLineBreak(c.value) || (c.value == '\r' && (at + 1 == text_.size() || text_[at + 1] != '\n'))) ++breaks;
        at += c.length;
        continue;
      }
      Token token;
      token.start = static_cast<std::uint32_t>(at);
      token.gap = gap();
      if (tokens_.size() >= kSegmentTokens) {
        const Token& previous = tokens_.back();
        const bool punctuation = !(c.valid && (IsLetter(c.value) || (c.value >= '0' && c.value <= '9')));
        if (tokens_.size() >= kMaxSegmentTokens ||
            (token.gap != Gap::kNone && (punctuation || (previous.kind == Kind::kPunct &&
                                                         previous.punct != Punct::kPoint)))) {
          return at;
        }
      }
      if (c.value >= '0' && c.value <= '9') {
        std::size_t end = at + 1;
        while (end < text_.size() && text_[end] >= '0' && text_[end] <= '9') ++end;
        token.kind = Kind::kDigits;
        at = end;
      } else if (c.valid && IsLetter(c.value)) {
        token.kind = Kind::kWord;
        token.capital = u_isupper(static_cast<UChar32>(c.value)) || u_istitle(static_cast<UChar32>(c.value));
        lower.clear();
        std::size_t end = at;
        for (;;) {
          const CodePoint l = Decode(text_, end);
          if (!l.valid || !IsLetter(l.value)) break;
          if (lower.size() <= kMaxWordBytes) AppendLower(lower, l.value);
          end += l.length;
          if (end == text_.size()) break;
        }
        if (lower.size() <= kMaxWordBytes) token.word = static_cast<std::int16_t>(vocabulary_.Find(lower));
        at = end;
      } else {
        token.kind = Kind::kPunct;
        token.punct = c.valid ? PunctOf(c.value) : Punct::kOther;
        at += c.length;
        // A run of punctuation is one token, and glues nothing: "1..000" is not "1.000".
        if (!tokens_.empty() && token.gap == Gap::kNone && tokens_.back().kind == Kind::kPunct &&
            tokens_.back().end() == token.start) {
          Token& previous = tokens_.back();
          previous.punct = Punct::kOther;
          previous.length = static_cast<std::uint32_t>(at - previous.start);
          continue;
        }
      }
      token.length = static_cast<std::uint32_t>(at - token.start);
      tokens_.push_back(token);
    }
    return text_.size();
  }

  bool Alnum(std::size_t i) const { return tokens_[i].kind != Kind::kPunct; }

  // Glued runs: letters and digits touching, or joined by one of . , / : _ - between them.
  void MarkRuns() {
    const std::size_t n = tokens_.size();
    for (std::size_t i = 1; i < n; ++i) {
      Token& t = tokens_[i];
      if (t.gap != Gap::kNone) continue;
      if (Alnum(i)) {
        t.joins = Alnum(i - 1) || tokens_[i - 1].joins;
      } else if (IsGlue(t.punct)) {
        t.joins = Alnum(i - 1) && i + 1 < n && tokens_[i + 1].gap == Gap::kNone && Alnum(i + 1);
      }
    }
    for (std::size_t i = n; i-- > 0;) {
      const bool glued_on = i + 1 < n && tokens_[i + 1].joins;
      tokens_[i].run_end = glued_on ? tokens_[i + 1].run_end : static_cast<std::uint32_t>(i + 1);
    }
    for (std::size_t start = 0; start < n;) {
      const std::size_t end = tokens_[start].run_end;
      bool bad = false;
      for (std::size_t i = start; i < end; ++i) {
        const Punct p = tokens_[i].punct;
        bad = bad || p == Punct::kSlash || p == Punct::kColon || p == Punct::kUnderscore;
      }
      for (std::size_t i = start; i < end; ++i) tokens_[i].run_bad = bad;
      start = end;
    }
  }

  const Entry& E(std::size_t i) const {
    return i < tokens_.size() && tokens_[i].kind == Kind::kWord ? vocabulary_.entry(tokens_[i].word)
                                                                   : vocabulary_.entry(-1);
  }

  // The word after token `i` within one number: after whitespace on at most one line break, or after a
  // hyphen between two words ("twenty-five", "vingt-cinq").
  std::size_t NextWord(std::size_t i) const {
    const std::size_t j = i + 1;
    if (j >= tokens_.size()) return kNoToken;
    const Token& t = tokens_[j];
    if (t.kind == Kind::kWord) return Joinable(t.gap) ? j : kNoToken;
    if (t.punct == Punct::kHyphen && t.gap == Gap::kNone && tokens_[i].kind == Kind::kWord && j + 1 < tokens_.size() &&
        tokens_[j + 1].kind == Kind::kWord && tokens_[j + 1].gap == Gap::kNone) {
      return j + 1;
    }
    return kNoToken;
  }

  // NextWord, or digits after whitespace.
  std::size_t NextJoined(std::size_t i) const {
    const std::size_t word = NextWord(i);
    if (word != kNoToken) return word;
    const std::size_t j = i + 1;
    return j < tokens_.size() && tokens_[j].kind == Kind::kDigits && Joinable(tokens_[j].gap) ? j : kNoToken;
  }

  bool IsTag(std::size_t i, Tag tag) const { return i != kNoToken && E(i).tag == tag; }
  bool Is(std::size_t i, Role role, Langs langs) const {
    return i != kNoToken && E(i).role == role && (E(i).langs & langs) != 0;
  }

  // A scale word at `k` that is not the start of another word ("tỷ lệ").
  bool IsScale(std::size_t k) const {
    if (k == kNoToken || E(k).role != Role::kScale) return false;
    const std::size_t next = NextWord(k);
    return next == kNoToken || !vocabulary_.NotBefore(tokens_[k].word, tokens_[next].word);
  }

  // The word before `i` blocks it ("handed over", "per cent").
  bool BlockedByPrevious(std::size_t i) const {
    return i > 0 && tokens_[i - 1].kind == Kind::kWord && Joinable(tokens_[i].gap) &&
           vocabulary_.NotAfter(tokens_[i].word, tokens_[i - 1].word);
  }

  // --- Approximators --------------------------------------------------------------------------------

  // The word after `i` within an approximator: after whitespace, or after a hyphen or an apostrophe
  // ("au-delà", "jusqu'à").
  std::size_t NextPhraseWord(std::size_t i) const {
    const std::size_t j = i + 1;
    if (j >= tokens_.size()) return kNoToken;
    const Token& t = tokens_[j];
    if (t.kind == Kind::kWord) return Joinable(t.gap) ? j : kNoToken;
    if ((t.punct == Punct::kHyphen || t.punct == Punct::kApostrophe) && t.gap == Gap::kNone &&
        j + 1 < tokens_.size() && tokens_[j + 1].kind == Kind::kWord && tokens_[j + 1].gap == Gap::kNone) {
      return j + 1;
    }
    return kNoToken;
  }

  // If an approximator starts at token `i` and a number follows it, appends the mention, sets next_ and
  // returns true.
  bool ReadApproximated(std::size_t i, std::vector<NumberMention>& out) {
    if (tokens_[i].kind != Kind::kWord || BlockedByPrevious(i)) return false;
    for (const Phrase& phrase : vocabulary_.PhrasesFrom(tokens_[i].word)) {
      std::size_t at = i;
      bool elided = false;
      bool matched = true;
      for (std::size_t w = 0; w < phrase.words.size() && matched; ++w) {
        if (w > 0 && (at = NextPhraseWord(at)) == kNoToken) {
          matched = false;
        } else if (tokens_[at].word == phrase.words[w]) {
          continue;
        } else if (w + 1 == phrase.words.size() && phrase.words[w] == vocabulary_.de() &&
                   tokens_[at].word == vocabulary_.d() && at + 1 < tokens_.size() &&
                   tokens_[at + 1].punct == Punct::kApostrophe && tokens_[at + 1].gap == Gap::kNone) {
          elided = true;   // "plus d'un million"
          ++at;
        } else {
          matched = false;
        }
      }
      if (!matched) continue;
      if (phrase.abbreviation && at + 1 < tokens_.size() && tokens_[at + 1].punct == Punct::kPoint &&
          tokens_[at + 1].gap == Gap::kNone) {
        ++at;
      }
      const std::size_t k = at + 1;
      if (k >= tokens_.size() || tokens_[k].kind == Kind::kPunct) continue;
      if (elided ? tokens_[k].gap != Gap::kNone : !Joinable(tokens_[k].gap)) continue;
      const Parsed number = ParseNumber(k);
      if (!number.ok) continue;
      Emit(out, i, k, number, phrase.approx);
      next_ = number.last + 1;
      return true;
    }
    return false;
  }

  void Emit(std::vector<NumberMention>& out, std::size_t span_first, std::size_t number_first, const Parsed& number,
            Approx approx) const {
    NumberMention mention;
    mention.value = number.value;
    mention.approx = approx;
    mention.span = Span{tokens_[span_first].start, tokens_[number.last].end()};
    mention.number = Span{tokens_[number_first].start, tokens_[number.last].end()};
    out.push_back(mention);
  }

  // --- Numbers --------------------------------------------------------------------------------------

  double ScaleValue(const Entry& e) const { return e.tag == Tag::kBillion && language_ == kFr ? 1e12 : e.value; }

  // A whole number starting at token `i`: groups of a number and its scales, largest scale first
  // ("hai triệu năm trăm nghìn", "2 triệu 500 nghìn", "two million five hundred thousand").
  Parsed ParseNumber(std::size_t i) {
    Parsed out;
    out.skip_to = i + 1;
    if (BlockedByPrevious(i)) return out;
    const Term term = ParseTerm(i, /*after_scale=*/false);
    if (!term.ok) {
      out.skip_to = std::max(out.skip_to, term.skip_to);
      return out;
    }
    if (!term.digits && !SpelledStartIsNumber(i)) return out;
    const Group first = ReadGroup(term);
    if (term.needs_scale && first.multiplier == 1) return out;
    double total = first.value;
    double last_multiplier = first.multiplier;
    std::size_t last = first.last;
    bool grouped = false;
    while (total <= kMaxValue && last_multiplier >= 1000) {
      std::size_t k = NextJoined(last);
      if (k == kNoToken) break;
      if (IsTag(k, Tag::kAnd) && !term.digits) k = NextWord(k);   // "two thousand and five"
      if (k == kNoToken) break;
      const Term next = ParseTerm(k, /*after_scale=*/true);
      if (!next.ok) break;
      const Group group = ReadGroup(next);
      if (group.multiplier >= last_multiplier || (next.needs_scale && group.multiplier == 1)) break;
      if (group.multiplier == 1 && (next.digits || !next.complete)) break;
      total += group.value;
      last_multiplier = group.multiplier;
      last = group.last;
      grouped = true;
    }
    if (total > kMaxValue) {
      out.skip_to = last + 1;
      return out;
    }
    // One spelled word alone must be in the document's language: "Sept" in English is September, "Hai"
    // in English a name.
    if (term.single_word && first.multiplier == 1 && !grouped && language_ != 0 && (E(i).langs & language_) == 0) {
      return out;
    }
    out.ok = true;
    out.last = last;
    out.value = total;
    return out;
  }

  // A capitalised number word before a capitalised word that is not a number is part of a name:
  // "Ba Lan", "Hai Bà Trưng", "Three Gorges".
  bool SpelledStartIsNumber(std::size_t i) const {
    if (!tokens_[i].capital) return true;
    const std::size_t next = NextWord(i);
    if (next == kNoToken || !tokens_[next].capital) return true;
    switch (E(next).role) {
      case Role::kOther:
      case Role::kSuffix:
      case Role::kOrdinal:
        return IsTag(next, Tag::kRuoi);   // "Một Triệu Rưỡi"
      default:
        return true;
    }
  }

  // The scales after a term ("triệu", "nghìn tỷ", "trăm nghìn" after digits) and a half after them.
  Group ReadGroup(const Term& term) {
    double mantissa = term.mantissa;
    double multiplier = 1;
    double previous = 0;
    std::size_t last = term.last;
    if (term.scale_at != kNoToken) {
      multiplier = previous = term.scale;
      last = term.scale_at;
    } else if (!term.digits && (term.langs & kEn)) {
      // "one and a half million"
      const std::size_t k1 = NextWord(last);
      const std::size_t k2 = IsTag(k1, Tag::kAnd) ? NextWord(k1) : kNoToken;
      const std::size_t k3 = IsTag(k2, Tag::kArticle) ? NextWord(k2) : kNoToken;
      const std::size_t k4 = IsTag(k3, Tag::kHalf) ? NextWord(k3) : kNoToken;
      if (IsScale(k4)) {
        mantissa += 0.5;
        last = k3;
      }
    }
    for (std::size_t k = NextWord(last); k != kNoToken; k = NextWord(k)) {
      const Entry& e = E(k);
      double value = 0;
      if (IsScale(k)) {
        value = ScaleValue(e);
      } else if (e.role == Role::kHundred && term.digits && previous == 0 && (e.langs & kFr) == 0) {
        value = 100;   // "5 trăm nghìn"; never "5 cents"
      } else {
        break;
      }
      if (value <= previous) break;   // "nghìn tỷ" stacks, "triệu triệu" does not
      multiplier *= value;
      previous = value;
      last = k;
    }
    Group group;
    group.value = mantissa * multiplier / kPow10[term.decimals];
    group.multiplier = multiplier;
    if (multiplier > 1) {
      // "một triệu rưỡi", "a million and a half", "un million et demi"
      const std::size_t k1 = NextWord(last);
      if (IsTag(k1, Tag::kRuoi)) {
        group.value += multiplier / 2;
        last = k1;
      } else if (IsTag(k1, Tag::kAnd)) {
        const std::size_t k2 = NextWord(k1);
        const std::size_t k3 = IsTag(k2, Tag::kArticle) ? NextWord(k2) : kNoToken;
        if (IsTag(k3, Tag::kHalf)) {
          group.value += multiplier / 2;
          last = k3;
        }
      } else if (IsTag(k1, Tag::kEt) && IsTag(NextWord(k1), Tag::kDemi)) {
        group.value += multiplier / 2;
        last = NextWord(k1);
      }
    }
    group.last = last;
    return group;
  }

  Term ParseTerm(std::size_t i, bool after_scale) {
    const Token& token = tokens_[i];
    if (token.kind == Kind::kDigits) return ParseDigits(i);
    Term term;
    if (token.kind != Kind::kWord || token.word < 0) return term;
    const Entry& e = E(i);
    // Halves and "mille", which take a scale with no number before it.
    const auto half = [&](std::size_t last) {
      term.ok = term.needs_scale = true;
      term.mantissa = 0.5;
      term.last = last;
      term.langs = e.langs;
      return term;
    };
    if (e.tag == Tag::kNua || e.tag == Tag::kDemi) return half(i);
    if (e.tag == Tag::kHalf && IsTag(NextWord(i), Tag::kArticle)) return half(NextWord(i));   // "half a million"
    if (e.tag == Tag::kUn && IsTag(NextWord(i), Tag::kDemi)) return half(NextWord(i));        // "un demi-million"
    if (e.tag == Tag::kMille) {
      term.ok = true;
      term.mantissa = 1;
      term.last = term.scale_at = i;
      term.scale = e.value;
      term.langs = kFr;
      return term;
    }
    Term best;
    const auto consider = [&](const Term& candidate) {
      if (candidate.ok && (!best.ok || candidate.last > best.last)) best = candidate;
    };
    if (e.langs & kVi) consider(ParseVietnamese(i, after_scale));
    if (e.langs & kEn) consider(ParseEnglish(i));
    if (e.langs & kFr) consider(ParseFrench(i));
    if (best.ok) best.single_word = best.last == i;
    return best;
  }

  // --- Spelled numbers below a thousand, one parser per language ---

  Term Spelled(std::size_t last, double value, Langs langs) const {
    Term term;
    term.ok = true;
    term.last = last;
    term.mantissa = value;
    term.langs = langs;
    return term;
  }

  // [unit "trăm"] then "mười" [unit], unit "mươi" [unit], "linh"/"lẻ" unit, or a unit alone.
  // After a scale "không trăm" is zero hundreds, and a group without a scale of its own must be more than a
  // bare unit ("hai nghìn năm trăm", "một nghìn lẻ năm", "hai nghìn hai mươi mốt"; "hai triệu hai" is the
  // colloquial 2.2 million, not read).
  Term ParseVietnamese(std::size_t i, bool after_scale) const {
    double value = 0;
    std::size_t last = kNoToken;
    bool hundreds = false;
    bool needs_scale = false;
    const Entry& e = E(i);
    std::size_t at = i;
    if (Is(i, Role::kUnit, kVi) || (after_scale && e.role == Role::kViZero)) {
      const std::size_t k = NextWord(i);
      if (Is(k, Role::kHundred, kVi)) {
        value = e.value * 100;
        hundreds = true;
        last = k;
        at = NextWord(k);
        if (IsTag(at, Tag::kRuoi)) {   // "một trăm rưỡi"
          Term term = Spelled(at, value + 50, kVi);
          term.complete = true;
          return term;
        }
      }
    }
    bool complete = hundreds;
    if (at != kNoToken) {
      const Entry& c = E(at);
      if ((hundreds || after_scale) && c.role == Role::kViZeroTens) {
        const std::size_t k = NextWord(at);
        if (Is(k, Role::kUnit, kVi) || (k != kNoToken && E(k).role == Role::kViLateUnit && E(k).value == 4)) {
          value += E(k).value;
          last = k;
          complete = true;
        }
      } else if (c.role == Role::kTeen && (c.langs & kVi)) {   // mười
        value += 10;
        last = at;
        complete = true;
        const std::size_t k = NextWord(at);
        if (k != kNoToken && ((Is(k, Role::kUnit, kVi) && E(k).tag != Tag::kNam) ||
                              (E(k).role == Role::kViLateUnit && E(k).value != 1))) {
          value += E(k).value;
          last = k;
        }
      } else if (Is(at, Role::kUnit, kVi) && c.tag != Tag::kMot) {
        const std::size_t k = NextWord(at);
        if (k != kNoToken && E(k).role == Role::kViTens) {
          value += c.value * 10;
          last = k;
          complete = true;
          const std::size_t u = NextWord(k);
          if (u != kNoToken && ((Is(u, Role::kUnit, kVi) && E(u).tag != Tag::kNam) || E(u).role == Role::kViLateUnit)) {
            value += E(u).value;
            last = u;
          }
        } else if (!hundreds) {
          value = c.value;
          last = at;
          needs_scale = c.tag == Tag::kNam;
        }
      } else if (c.tag == Tag::kMot && !hundreds) {
        value = 1;
        last = at;
        needs_scale = true;
      }
    }
    if (last == kNoToken) return Term{};
    Term term = Spelled(last, value, kVi);
    term.needs_scale = needs_scale;
    term.complete = complete;
    return term;
  }

  struct Small {
    bool ok = false;
    double value = 0;
    std::size_t last = 0;
  };

  // tens[-unit] | teen | unit
  Small EnglishBelowHundred(std::size_t k) const {
    if (Is(k, Role::kTens, kEn)) {
      const std::size_t u = NextWord(k);
      if (Is(u, Role::kUnit, kEn)) return {true, E(k).value + E(u).value, u};
      return {true, E(k).value, k};
    }
    if (Is(k, Role::kTeen, kEn) || Is(k, Role::kUnit, kEn)) return {true, E(k).value, k};
    return {};
  }

  // [below-hundred | "a"] ["hundred" ["and"] below-hundred]; "one" and "a" alone need a scale.
  Term ParseEnglish(std::size_t i) const {
    double value = 0;
    std::size_t last = kNoToken;
    bool hundred = false;
    if (IsTag(i, Tag::kArticle)) {
      const std::size_t k = NextWord(i);
      if (Is(k, Role::kHundred, kEn)) {
        value = 100;
        last = k;
        hundred = true;
      } else {
        Term term = Spelled(i, 1, kEn);
        term.needs_scale = true;
        return term;
      }
    } else {
      const Small small = EnglishBelowHundred(i);
      if (!small.ok) return Term{};
      value = small.value;
      last = small.last;
      const std::size_t k = NextWord(last);
      if (Is(k, Role::kHundred, kEn)) {
        value *= 100;
        last = k;
        hundred = true;
      }
    }
    if (hundred) {
      std::size_t k = NextWord(last);
      if (IsTag(k, Tag::kAnd)) k = NextWord(k);
      const Small rest = k == kNoToken ? Small{} : EnglishBelowHundred(k);
      if (rest.ok) {
        value += rest.value;
        last = rest.last;
      }
    }
    Term term = Spelled(last, value, kEn);
    term.needs_scale = IsTag(i, Tag::kOne) && last == i;
    return term;
  }

  // dix[-sept|-huit|-neuf] | onze..seize
  Small FrenchTeen(std::size_t k) const {
    if (IsTag(k, Tag::kDix)) {
      const std::size_t u = NextWord(k);
      if (Is(u, Role::kUnit, kFr) && E(u).value >= 7) return {true, 10 + E(u).value, u};
      return {true, 10, k};
    }
    if (Is(k, Role::kTeen, kFr)) return {true, E(k).value, k};
    return {};
  }

  // quatre-vingt[s][-unit|-teen] | tens[ et un|-unit] | soixante[-teen] | teen | unit
  Small FrenchBelowHundred(std::size_t k) const {
    if (k == kNoToken || (E(k).langs & kFr) == 0) return {};
    const Entry& e = E(k);
    if (e.tag == Tag::kQuatre) {
      const std::size_t v = NextWord(k);
      if (IsTag(v, Tag::kVingt) || IsTag(v, Tag::kVingts)) {
        const std::size_t r = NextWord(v);
        const Small teen = r == kNoToken ? Small{} : FrenchTeen(r);
        if (teen.ok) return {true, 80 + teen.value, teen.last};
        if (Is(r, Role::kUnit, kFr)) return {true, 80 + E(r).value, r};
        return {true, 80, v};
      }
      return {true, 4, k};
    }
    if (e.role == Role::kTens && e.tag != Tag::kVingts) {
      const std::size_t r = NextWord(k);
      if (IsTag(r, Tag::kEt)) {
        const std::size_t u = NextWord(r);
        if (IsTag(u, Tag::kUn)) return {true, e.value + 1, u};
        if (e.tag == Tag::kSoixante && Is(u, Role::kTeen, kFr) && E(u).value == 11) return {true, 71, u};
        return {true, e.value, k};
      }
      if (e.tag == Tag::kSoixante && r != kNoToken) {
        const Small teen = FrenchTeen(r);
        if (teen.ok) return {true, 60 + teen.value, teen.last};
      }
      if (Is(r, Role::kUnit, kFr) && E(r).tag != Tag::kUn) return {true, e.value + E(r).value, r};
      return {true, e.value, k};
    }
    const Small teen = FrenchTeen(k);
    if (teen.ok) return teen;
    if (e.role == Role::kUnit) return {true, e.value, k};
    return {};
  }

  // [unit] "cent(s)" [below-hundred] | below-hundred; "un", "une" alone need a scale.
  Term ParseFrench(std::size_t i) const {
    const Entry& e = E(i);
    double value = 0;
    std::size_t last = kNoToken;
    if (Is(i, Role::kUnit, kFr) && e.value >= 2 && Is(NextWord(i), Role::kHundred, kFr)) {
      value = e.value * 100;
      last = NextWord(i);
    } else if (Is(i, Role::kHundred, kFr)) {
      value = 100;
      last = i;
    }
    if (last != kNoToken) {
      const Small rest = FrenchBelowHundred(NextWord(last));
      if (rest.ok) {
        value += rest.value;
        last = rest.last;
      }
      return Spelled(last, value, kFr);
    }
    const Small small = FrenchBelowHundred(i);
    if (!small.ok) return Term{};
    Term term = Spelled(small.last, small.value, kFr);
    term.needs_scale = e.tag == Tag::kUn && small.last == i;
    return term;
  }

  // --- Digits ---

  enum class Reading { kValid, kInvalid, kTooLarge };

  // Reads groups_/separators_ with `thousands` and `decimal` as the separators ('.' or ','; ' ' is always
  // a thousands separator).
  Reading ReadDigits(char thousands, char decimal, double* mantissa, int* decimals) const {
    const std::size_t seps = separators_.size();
    std::size_t decimal_at = seps;
    for (std::size_t j = 0; j < seps; ++j) {
      if (separators_[j] != decimal) continue;
      if (decimal_at != seps) return Reading::kInvalid;   // two decimal marks
      decimal_at = j;
    }
    if (decimal_at != seps && decimal_at + 1 != seps) return Reading::kInvalid;   // "1,5.000"
    const std::size_t int_groups = decimal_at + 1;   // decimal_at == seps without a decimal mark
    if (int_groups > 1) {
      const char kind = separators_[0];
      if (kind != thousands && kind != ' ') return Reading::kInvalid;
      for (std::size_t j = 0; j + 1 < int_groups; ++j) {
        if (separators_[j] != kind) return Reading::kInvalid;
      }
      if (tokens_[groups_[0]].length > 3) return Reading::kInvalid;
      for (std::size_t j = 1; j < int_groups; ++j) {
        if (tokens_[groups_[j]].length != 3) return Reading::kInvalid;
      }
    }
    std::uint64_t m = 0;
    int significant = 0;
    for (std::size_t j = 0; j < int_groups; ++j) {
      const Token& g = tokens_[groups_[j]];
      for (std::size_t at = g.start; at < g.end(); ++at) {
        const int digit = text_[at] - '0';
        if (m == 0 && digit == 0) continue;
        if (++significant > 16) return Reading::kTooLarge;
        m = m * 10 + static_cast<std::uint64_t>(digit);
      }
    }
    int places = 0;
    if (decimal_at != seps) {
      // Decimals beyond what a double holds exactly are dropped.
      const Token& g = tokens_[groups_.back()];
      for (std::size_t at = g.start; at < g.end() && m < 100000000000000ULL && places < 15; ++at) {
        m = m * 10 + static_cast<std::uint64_t>(text_[at] - '0');
        ++places;
      }
    }
    *mantissa = static_cast<double>(m);
    *decimals = places;
    return Reading::kValid;
  }

  // The separators of a number in a document of unknown language. Both marks: the last is the decimal
  // mark ("1,234.5", "1.234,5"). One mark twice or more: thousands ("1.000.000"). One mark once: thousands
  // when exactly three digits follow and no scale word does ("1,500", "500.000"), else decimal ("1.05",
  // "1,5 million", "1.500 million"); after space-separated groups it is decimal ("450 000,5").
  std::pair<char, char> GuessSeparators(bool scale_follows) const {
    std::size_t points = 0, commas = 0, spaces = 0;
    char last_mark = 0;
    std::size_t last_mark_at = 0;
    for (std::size_t j = 0; j < separators_.size(); ++j) {
      const char s = separators_[j];
      if (s == ' ') {
        ++spaces;
        continue;
      }
      (s == '.' ? points : commas) += 1;
      last_mark = s;
      last_mark_at = j;
    }
    const auto other = [](char c) { return c == '.' ? ',' : '.'; };
    if (points > 0 && commas > 0) return {other(last_mark), last_mark};
    if (last_mark == 0) return {'.', ','};
    if (points + commas >= 2) return {last_mark, other(last_mark)};
    if (spaces > 0) return {other(last_mark), last_mark};
    const bool three = tokens_[groups_[last_mark_at + 1]].length == 3;
    if (three && !scale_follows) return {last_mark, other(last_mark)};
    return {other(last_mark), last_mark};
  }

  // Digits with their separators. Not numbers: digits glued to letters ("COVID-19", "H5N1", "B.1.617.2",
  // "10h30"), ranks ("19th", "1er"), runs with a slash, colon or underscore ("13/8/2021", "4521/BNG-LT",
  // "10:30"), three or more parts joined by hyphens ("15-9-2021"), separators that fit neither convention
  // ("13.8.2021") and values above kMaxValue.
  Term ParseDigits(std::size_t i) {
    Term term;
    term.digits = true;
    term.skip_to = tokens_[i].run_end;
    const Token& token = tokens_[i];
    if (token.run_bad) return term;
    if (token.joins) {
      const Token& previous = tokens_[i - 1];
      if (previous.kind == Kind::kWord) return term;
      // "5-10" is a range; "COVID-19", "SARS-CoV-2" and "B.1.617" are names.
      if (previous.punct != Punct::kHyphen || tokens_[i - 2].kind != Kind::kDigits) return term;
    }

    groups_.assign(1, i);
    separators_.clear();
    bool only_spaces = true;
    std::size_t last = i;
    const bool plain_spaces = language_ == kFr || language_ == 0;
    for (;;) {
      if (last + 2 < tokens_.size() && tokens_[last + 1].joins && IsMark(tokens_[last + 1]) &&
          tokens_[last + 2].kind == Kind::kDigits) {
        separators_.push_back(tokens_[last + 1].punct == Punct::kPoint ? '.' : ',');
        only_spaces = false;
        groups_.push_back(last + 2);
        last += 2;
        continue;
      }
      // "450 000": a space between groups of three, when nothing glues either group to anything else.
      const std::size_t k = last + 1;
      if (k < tokens_.size() && tokens_[k].kind == Kind::kDigits && tokens_[k].length == 3 &&
          (tokens_[k].gap == Gap::kNoBreak || (tokens_[k].gap == Gap::kSpace && plain_spaces)) &&
          tokens_[groups_[0]].length <= 3 && tokens_[last].run_end == k && !tokens_[k].run_bad &&
          only_spaces &&
          (tokens_[k].run_end == k + 1 || (tokens_[k].run_end == k + 2 && tokens_[k + 1].kind == Kind::kWord) ||
           (tokens_[k].run_end == k + 3 && IsMark(tokens_[k + 1]) && tokens_[k + 2].kind == Kind::kDigits))) {
        separators_.push_back(' ');
        groups_.push_back(k);
        last = k;
        continue;
      }
      break;
    }
    term.skip_to = tokens_[last].run_end;

    // What is glued after the digits.
    std::size_t tail = kNoToken;
    const std::size_t r = last + 1;
    if (r < tokens_[last].run_end) {
      if (tokens_[r].kind == Kind::kWord) {
        if (r + 1 != tokens_[last].run_end) return term;   // "10h30", "3m2"
        if (E(r).role == Role::kOrdinal) return term;
        tail = r;
      } else if (tokens_[r].punct == Punct::kHyphen) {
        int parts = 1;
        std::size_t p = r;
        while (parts < 3 && p + 1 < tokens_[last].run_end && tokens_[p].punct == Punct::kHyphen &&
               tokens_[p + 1].kind == Kind::kDigits) {
          ++parts;
          p += 2;
          while (p + 1 < tokens_[last].run_end && IsMark(tokens_[p]) && tokens_[p + 1].kind == Kind::kDigits) {
            p += 2;
          }
        }
        if (parts >= 3) return term;   // a date: "15-9-2021"
      }
    }

    // A scale word decides the separators when it belongs to one language: "1,05 triệu" is Vietnamese
    // in any document.
    Langs scale_langs = 0;
    bool scale_follows = false;
    if (tail != kNoToken) {
      const Entry& e = E(tail);
      if (e.role == Role::kSuffix && IsLowerAscii(tail) && (e.tag != Tag::kM || language_ == kEn || language_ == 0)) {
        term.scale_at = tail;
        term.scale = e.value;
        scale_follows = true;
      } else if (e.role == Role::kScale) {
        term.scale_at = tail;
        term.scale = ScaleValue(e);
        scale_langs = e.langs;
        scale_follows = true;
      }
    } else {
      const std::size_t k = NextWord(last);
      if (IsScale(k) || (Is(k, Role::kHundred, kVi | kEn))) {
        scale_langs = E(k).langs;
        scale_follows = true;
      }
    }
    const Langs convention = OneLanguage(scale_langs) ? scale_langs : language_;
    std::pair<char, char> marks = convention == kEn ? std::pair<char, char>{',', '.'}
                                  : convention != 0 ? std::pair<char, char>{'.', ','}
                                                    : GuessSeparators(scale_follows);
    Reading reading = ReadDigits(marks.first, marks.second, &term.mantissa, &term.decimals);
    if (reading == Reading::kInvalid) {
      // The other convention, for the unambiguous: "1,5 million" in English, "1.2 triệu" in Vietnamese.
      reading = ReadDigits(marks.second, marks.first, &term.mantissa, &term.decimals);
    }
    if (reading != Reading::kValid) return term;
    term.ok = true;
    term.last = last;
    term.langs = scale_langs;
    return term;
  }

  bool IsLowerAscii(std::size_t i) const {
    const Token& t = tokens_[i];
    for (std::size_t at = t.start; at < t.end(); ++at) {
      if (text_[at] < 'a' || text_[at] > 'z') return false;
    }
    return true;
  }

  std::string_view text_;
  Langs language_;
  const Vocabulary& vocabulary_;
  std::vector<Token> tokens_;
  std::vector<std::size_t> groups_;      // ParseDigits: the digit tokens of one number
  std::vector<char> separators_;         // ParseDigits: '.', ',' or ' ' between them
  std::size_t next_ = 0;                 // ReadApproximated: the token after the mention it read
};

}  // namespace

std::vector<NumberMention> FindNumbers(std::string_view text, std::string_view language) {
  return Reader(text.substr(0, std::min(text.size(), kMaxTextBytes)), language).Run();
}

}  // namespace dipdoc
