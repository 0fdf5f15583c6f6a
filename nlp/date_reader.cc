#include "nlp/date_reader.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <unordered_map>
#include <utility>

#include "ingest/tone_marks.h"
#include "ingest/utf8.h"

namespace dipdoc {
namespace {

// How the reader works: the text is cut into tokens (words, numbers, symbols, line breaks), read on demand
// and forgotten behind the reader. At each token every rule tries to read a date starting there, looking a
// bounded number of tokens ahead; the longest match wins and the reader goes on after it, so it is linear
// and mentions never overlap. A rule says what it read as a When (a grain, and how the year is named), and
// Resolve turns that into a value against the document's date.

// ---------------------------------------------------------------------------------------------------
// Words. Each spelling the reader knows stands for one Word; spellings are matched in lower case with
// Vietnamese tone marks in canonical placement, so "Quý", "qúy" and "QUÝ" are the same word.

enum class Word : std::uint8_t {
  kNone,
  // Vietnamese
  kNgay,          // ngày
  kMung,          // mùng, mồng
  kHom,           // hôm
  kPartOfDay,     // sáng, trưa, chiều, tối, đêm
  kThang,         // tháng
  kNam,           // năm: "year", and also the number five and the month May ("tháng Năm")
  kQuy,           // quý, quí
  kNay,           // nay ("năm nay", "hôm nay")
  kNayThis,       // này ("tháng này")
  kToi,           // tới: "upcoming" after a period, "to" before one
  kDay,           // đây ("tới đây")
  kSap,           // sắp ("sắp tới")
  kSau,           // sau
  kNgoai,         // ngoái
  kTruoc,         // trước
  kVua,           // vừa ("vừa qua")
  kQua,           // qua
  kKe,            // kế ("kế tiếp")
  kTiep,          // tiếp
  kCuoi,          // cuối
  kDau,           // đầu
  kGiua,          // giữa
  kTuan,          // tuần ("trung tuần")
  kThird,         // thượng, trung, hạ (the thirds of a month: "trung tuần tháng 9")
  kNua,           // nửa ("nửa đầu năm")
  kDo,            // đó ("năm sau đó": relative to something else than the document)
  kKhi,           // khi ("năm sau khi")
  kNuaMore,       // nữa ("hai năm nữa")
  kHoc,           // học ("cuối năm học")
  kCua,           // của
  kSo,            // số ("Số 12/2021")
  kReference,     // định, quyết, thị, văn, luật: the last syllable of a legal instrument's name
  kThong,         // thông ("thông tư")
  kViNumber,      // một ... mười, as month names ("tháng Tám") and as quantities ("hai năm tới")
  kViMonthName,   // giêng, chạp
  kQuantifier,    // những, các, nhiều, vài, mấy, mỗi, hàng, từng, bao
  kThu,           // thứ ("Thứ Hai", a weekday)
  kChu,           // chủ ("Chủ nhật")
  kNhat,          // nhật ("Chủ nhật"; alone it is Japan)
  // English
  kMonthEn,       // january ... december
  kThe,
  kOf,
  kEnd,
  kBeginning,     // beginning, start
  kMiddle,
  kEarly,         // early, late
  kMid,
  kLater,         // later, earlier ("later this year")
  kHalf,
  kThis,
  kNext,
  kLast,          // last
  kCurrent,
  kWeekday,       // monday ... sunday
  kYear,
  kMonth,
  kQuarter,       // quarter, quarters
  kQ,             // the Q of "Q4"
  kNo,            // "No. 12/2021"
  // French
  kMonthFr,       // janvier ... décembre
  kL,             // l' ("l'année")
  kDe,            // de, du ("fin du mois")
  kD,             // d' ("d'ici", "mois d'octobre")
  kFin,
  kDebut,         // début
  kMi,            // mi ("mi-octobre")
  kCourant,
  kCette,
  kCe,
  kAnnee,         // année
  kAn,            // an ("l'an prochain")
  kMois,
  kProchain,      // prochain, prochaine
  kDernier,       // dernier, dernière
  kPasse,         // passé, passée
  kEn,            // en ("en 2021", "en cours")
  kCours,
  kCi,            // ci ("ce mois-ci")
  kTrimestre,     // trimestre, trimestres
  // Shared
  kMonthShort,    // jan, feb, ..., sept, oct, janv, févr, déc: abbreviated month names
  kOrdinal,       // first ... fourth, final (4), premier ... quatrième
  kOrdinalSuffix, // the "th" of "4th", the "e" of "4e", the "er" of "1er"
  kRoman,         // i, ii, iii, iv ("quý IV")
  kCue,           // in, by, during, since, until, between, ..., depuis, avant, ici: a preposition before a date
  kAnd,           // and, và, et
  kOr,            // or, hoặc, ou
  kTo,            // to, đến, à, au ("du 6 au 13 novembre")
};

struct Lexeme {
  Word word = Word::kNone;
  int number = 0;           // the month, ordinal, quarter or quantity the word names
  bool ambiguous = false;   // a month name that is also a common word ("may", "mars", "Mai")
};

struct Entry {
  const char* spelling;
  Word word;
  int number = 0;
  bool ambiguous = false;
};

// The spellings, in lower case and NFC. Vietnamese ones are put in canonical tone placement when the
// lexicon is built, so either placement may be written here.
constexpr Entry kEntries[] = {
    {"ngày", Word::kNgay}, {"mùng", Word::kMung}, {"mồng", Word::kMung}, {"hôm", Word::kHom},
    {"sáng", Word::kPartOfDay}, {"trưa", Word::kPartOfDay}, {"chiều", Word::kPartOfDay},
    {"tối", Word::kPartOfDay}, {"đêm", Word::kPartOfDay}, {"tháng", Word::kThang}, {"năm", Word::kNam, 5},
    {"quý", Word::kQuy}, {"quí", Word::kQuy}, {"nay", Word::kNay}, {"này", Word::kNayThis}, {"tới", Word::kToi}, {"đây", Word::kDay},
    {"sắp", Word::kSap}, {"sau", Word::kSau}, {"ngoái", Word::kNgoai}, {"trước", Word::kTruoc},
    {"vừa", Word::kVua}, {"qua", Word::kQua}, {"kế", Word::kKe}, {"tiếp", Word::kTiep}, {"cuối", Word::kCuoi},
    {"đầu", Word::kDau}, {"giữa", Word::kGiua}, {"tuần", Word::kTuan}, {"thượng", Word::kThird},
    {"trung", Word::kThird}, {"hạ", Word::kThird}, {"nửa", Word::kNua}, {"đó", Word::kDo}, {"khi", Word::kKhi},
    {"nữa", Word::kNuaMore}, {"học", Word::kHoc}, {"của", Word::kCua}, {"số", Word::kSo},
    {"định", Word::kReference}, {"quyết", Word::kReference}, {"thị", Word::kReference},
    {"văn", Word::kReference}, {"luật", Word::kReference}, {"thông", Word::kThong},
    {"một", Word::kViNumber, 1}, {"hai", Word::kViNumber, 2}, {"ba", Word::kViNumber, 3},
    {"bốn", Word::kViNumber, 4}, {"tư", Word::kViNumber, 4}, {"sáu", Word::kViNumber, 6},
    {"bảy", Word::kViNumber, 7}, {"bẩy", Word::kViNumber, 7}, {"tám", Word::kViNumber, 8},
    {"chín", Word::kViNumber, 9}, {"mười", Word::kViNumber, 10}, {"giêng", Word::kViMonthName, 1},
    {"chạp", Word::kViMonthName, 12}, {"những", Word::kQuantifier}, {"các", Word::kQuantifier},
    {"nhiều", Word::kQuantifier}, {"vài", Word::kQuantifier}, {"mấy", Word::kQuantifier},
    {"mỗi", Word::kQuantifier}, {"hàng", Word::kQuantifier}, {"từng", Word::kQuantifier},
    {"bao", Word::kQuantifier}, {"thứ", Word::kThu}, {"chủ", Word::kChu}, {"nhật", Word::kNhat},

    {"january", Word::kMonthEn, 1}, {"february", Word::kMonthEn, 2}, {"march", Word::kMonthEn, 3, true},
    {"april", Word::kMonthEn, 4}, {"may", Word::kMonthEn, 5, true}, {"june", Word::kMonthEn, 6},
    {"july", Word::kMonthEn, 7}, {"august", Word::kMonthEn, 8, true}, {"september", Word::kMonthEn, 9},
    {"october", Word::kMonthEn, 10}, {"november", Word::kMonthEn, 11}, {"december", Word::kMonthEn, 12},
    {"the", Word::kThe}, {"of", Word::kOf}, {"end", Word::kEnd}, {"beginning", Word::kBeginning},
    {"start", Word::kBeginning}, {"middle", Word::kMiddle}, {"early", Word::kEarly}, {"late", Word::kEarly},
    {"mid", Word::kMid}, {"later", Word::kLater}, {"earlier", Word::kLater}, {"half", Word::kHalf},
    {"this", Word::kThis}, {"next", Word::kNext}, {"last", Word::kLast}, {"final", Word::kOrdinal, 4},
    {"monday", Word::kWeekday}, {"tuesday", Word::kWeekday}, {"wednesday", Word::kWeekday},
    {"thursday", Word::kWeekday}, {"friday", Word::kWeekday}, {"saturday", Word::kWeekday},
    {"sunday", Word::kWeekday}, {"current", Word::kCurrent}, {"year", Word::kYear}, {"month", Word::kMonth}, {"quarter", Word::kQuarter},
    {"quarters", Word::kQuarter}, {"q", Word::kQ}, {"no", Word::kNo},

    {"janvier", Word::kMonthFr, 1}, {"février", Word::kMonthFr, 2}, {"fevrier", Word::kMonthFr, 2},
    {"mars", Word::kMonthFr, 3, true}, {"avril", Word::kMonthFr, 4}, {"mai", Word::kMonthFr, 5, true},
    {"juin", Word::kMonthFr, 6}, {"juillet", Word::kMonthFr, 7}, {"août", Word::kMonthFr, 8},
    {"aout", Word::kMonthFr, 8}, {"septembre", Word::kMonthFr, 9}, {"octobre", Word::kMonthFr, 10},
    {"novembre", Word::kMonthFr, 11}, {"décembre", Word::kMonthFr, 12}, {"decembre", Word::kMonthFr, 12},
    {"l", Word::kL}, {"de", Word::kDe}, {"du", Word::kDe}, {"d", Word::kD}, {"fin", Word::kFin},
    {"début", Word::kDebut}, {"debut", Word::kDebut}, {"mi", Word::kMi}, {"courant", Word::kCourant},
    {"cette", Word::kCette}, {"ce", Word::kCe}, {"année", Word::kAnnee}, {"annee", Word::kAnnee},
    {"an", Word::kAn}, {"mois", Word::kMois}, {"prochain", Word::kProchain}, {"prochaine", Word::kProchain},
    {"dernier", Word::kDernier}, {"dernière", Word::kDernier}, {"passé", Word::kPasse},
    {"passée", Word::kPasse}, {"en", Word::kEn}, {"cours", Word::kCours}, {"ci", Word::kCi},
    {"trimestre", Word::kTrimestre}, {"trimestres", Word::kTrimestre},

    {"jan", Word::kMonthShort, 1}, {"janv", Word::kMonthShort, 1}, {"feb", Word::kMonthShort, 2},
    {"févr", Word::kMonthShort, 2}, {"fevr", Word::kMonthShort, 2}, {"mar", Word::kMonthShort, 3},
    {"apr", Word::kMonthShort, 4}, {"avr", Word::kMonthShort, 4}, {"jun", Word::kMonthShort, 6},
    {"jul", Word::kMonthShort, 7}, {"juil", Word::kMonthShort, 7}, {"aug", Word::kMonthShort, 8},
    {"sep", Word::kMonthShort, 9}, {"sept", Word::kMonthShort, 9}, {"oct", Word::kMonthShort, 10},
    {"nov", Word::kMonthShort, 11}, {"dec", Word::kMonthShort, 12}, {"déc", Word::kMonthShort, 12},
    {"first", Word::kOrdinal, 1}, {"second", Word::kOrdinal, 2}, {"third", Word::kOrdinal, 3},
    {"fourth", Word::kOrdinal, 4}, {"premier", Word::kOrdinal, 1}, {"seconde", Word::kOrdinal, 2},
    {"deuxième", Word::kOrdinal, 2}, {"deuxieme", Word::kOrdinal, 2}, {"troisième", Word::kOrdinal, 3},
    {"troisieme", Word::kOrdinal, 3}, {"quatrième", Word::kOrdinal, 4}, {"quatrieme", Word::kOrdinal, 4},
    {"st", Word::kOrdinalSuffix}, {"nd", Word::kOrdinalSuffix}, {"rd", Word::kOrdinalSuffix},
    {"th", Word::kOrdinalSuffix}, {"er", Word::kOrdinalSuffix}, {"re", Word::kOrdinalSuffix},
    {"e", Word::kOrdinalSuffix}, {"ème", Word::kOrdinalSuffix}, {"eme", Word::kOrdinalSuffix},
    {"è", Word::kOrdinalSuffix}, {"i", Word::kRoman, 1}, {"ii", Word::kRoman, 2}, {"iii", Word::kRoman, 3},
    {"iv", Word::kRoman, 4},
    {"in", Word::kCue}, {"by", Word::kCue}, {"during", Word::kCue}, {"since", Word::kCue}, {"until", Word::kCue},
    {"till", Word::kCue}, {"through", Word::kCue}, {"throughout", Word::kCue}, {"before", Word::kCue},
    {"after", Word::kCue}, {"from", Word::kCue}, {"into", Word::kCue}, {"for", Word::kCue}, {"depuis", Word::kCue},
    {"avant", Word::kCue}, {"après", Word::kCue}, {"dès", Word::kCue}, {"pour", Word::kCue}, {"ici", Word::kCue},
    {"and", Word::kAnd}, {"và", Word::kAnd}, {"et", Word::kAnd}, {"or", Word::kOr}, {"hoặc", Word::kOr},
    {"ou", Word::kOr}, {"to", Word::kTo}, {"đến", Word::kTo}, {"à", Word::kTo}, {"au", Word::kTo},
    {"between", Word::kCue},
};

// Longer words are never in the lexicon; they are not even lower-cased.
constexpr std::size_t kMaxWordBytes = 24;

const std::unordered_map<std::string, Lexeme>& Lexicon() {
  static const auto* const lexicon = [] {
    auto* map = new std::unordered_map<std::string, Lexeme>;
    for (const Entry& e : kEntries) (*map)[CanonicalSyllable(e.spelling)] = {e.word, e.number, e.ambiguous};
    return map;
  }();
  return *lexicon;
}

// The lexeme of a lower-case word, as written or in canonical tone placement; nullptr when none.
const Lexeme* LookUp(const std::string& lower) {
  const auto& lexicon = Lexicon();
  const auto find = [&lexicon](const std::string& key) -> const Lexeme* {
    const auto found = lexicon.find(key);
    return found == lexicon.end() ? nullptr : &found->second;
  };
  if (std::all_of(lower.begin(), lower.end(), [](char b) { return (b & 0x80) == 0; })) return find(lower);
  // Non-ASCII words recur (Vietnamese text is mostly such syllables), and most are in no lexicon: each
  // thread remembers what it found for them rather than look twice and put each in canonical form again.
  constexpr std::size_t kMaxRemembered = 1 << 16;
  thread_local std::unordered_map<std::string, const Lexeme*> remembered;
  if (const auto it = remembered.find(lower); it != remembered.end()) return it->second;
  if (remembered.size() >= kMaxRemembered) remembered.clear();
  const Lexeme* lexeme = find(lower);
  if (lexeme == nullptr) lexeme = find(CanonicalSyllable(lower));
  remembered.emplace(lower, lexeme);
  return lexeme;
}

// ---------------------------------------------------------------------------------------------------
// Tokens: words (runs of letters), numbers (runs of ASCII digits), single symbols, and one break token
// for every line break, so that no date is read across lines.

enum class Kind : std::uint8_t { kNone, kWord, kNumber, kSymbol, kBreak };

struct Token {
  Kind kind = Kind::kNone;
  bool glued = false;        // nothing between this token and the one before it
  Word word = Word::kNone;   // for words in the lexicon
  bool capital = false;      // the first letter is a capital
  bool upper = false;        // every letter is a capital
  bool ambiguous = false;    // Lexeme::ambiguous
  int number = -1;           // a number's value (-1 past 9 digits), or Lexeme::number
  int digits = 0;            // a number's digits, leading zeros included
  char32_t symbol = 0;       // a symbol, with look-alikes unified: ’ is ', “ is ", ‐ is -
  std::size_t start = 0;
  std::size_t end = 0;
};

constexpr char32_t kDash = 0x2013;      // – and —
constexpr char32_t kInvalid = 0xFFFD;   // a byte that is not part of well-formed UTF-8

// The code point starting at text[pos] and its length in bytes; kInvalid and 1 for ill-formed bytes.
std::pair<char32_t, std::size_t> Decode(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(pos);
  if (b0 < 0x80) return {b0, 1};
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;
  char32_t c = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2, c = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3, c = b0 & 0x0F;
    if (b0 == 0xE0) low = 0xA0;
    if (b0 == 0xED) high = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4, c = b0 & 0x07;
    if (b0 == 0xF0) low = 0x90;
    if (b0 == 0xF4) high = 0x8F;
  } else {
    return {kInvalid, 1};
  }
  if (pos + length > text.size()) return {kInvalid, 1};
  for (std::size_t k = 1; k < length; ++k) {
    const unsigned char b = byte(pos + k);
    if (b < (k == 1 ? low : 0x80) || b > (k == 1 ? high : 0xBF)) return {kInvalid, 1};
    c = (c << 6) | (b & 0x3F);
  }
  return {c, length};
}

bool IsLineBreak(char32_t c) {
  return c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x85 || c == 0x2028 || c == 0x2029;
}
// ASCII, most of every text, is answered without asking ICU (and as ICU would).
bool IsAsciiUpper(char32_t c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLetter(char32_t c) { return IsAsciiUpper(c) || (c >= 'a' && c <= 'z'); }

bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return c == 0x200B || IsLineBreak(c) || u_isUWhiteSpace(static_cast<UChar32>(c));
}
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsLetter(char32_t c) {
  if (c < 0x80) return IsAsciiLetter(c);
  return c != kInvalid &&
         (u_isalpha(static_cast<UChar32>(c)) || (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0);
}

char32_t UnifySymbol(char32_t c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x02BC: case 0x00B4: case '`': return '\'';
    case 0x201C: case 0x201D: case 0x00AB: case 0x00BB: return '"';
    case 0x2010: case 0x2011: case 0x2212: return '-';
    case 0x2014: return kDash;
    case 0xFF0F: return '/';
    default: return c;
  }
}

// Reads tokens on demand and forgets the ones behind the reader, so memory stays small on any text.
class TokenStream {
 public:
  explicit TokenStream(std::string_view text) : text_(text) {}

  // The i-th token of the text, or a kNone token past its end and before the kept window.
  const Token& At(std::size_t i) {
    if (i < first_) return none_;
    while (i >= first_ + tokens_.size()) {
      if (!ReadOne()) return none_;
    }
    return tokens_[i - first_];
  }

  // The reader will not look before token i again.
  void Forget(std::size_t i) {
    while (first_ < i && !tokens_.empty()) {
      tokens_.pop_front();
      ++first_;
    }
  }

 private:
  bool ReadOne();

  std::string_view text_;
  std::size_t pos_ = 0;
  bool spaced_ = true;   // whitespace since the last token
  std::deque<Token> tokens_;
  std::size_t first_ = 0;   // the index of tokens_.front()
  bool last_was_break_ = true;
  Token none_;
};

bool TokenStream::ReadOne() {
  bool line_break = false;
  while (pos_ < text_.size()) {
    const auto [c, length] = Decode(text_, pos_);
    if (!IsSpace(c)) break;
    spaced_ = true;
    line_break = line_break || IsLineBreak(c);
    pos_ += length;
  }
  if (line_break && !last_was_break_) {
    Token t;
    t.kind = Kind::kBreak;
    t.start = t.end = pos_;
    tokens_.push_back(t);
    last_was_break_ = true;
    return true;
  }
  if (pos_ >= text_.size()) return false;

  Token t;
  t.start = pos_;
  t.glued = !spaced_;
  spaced_ = false;
  last_was_break_ = false;
  const auto [c, length] = Decode(text_, pos_);
  if (IsDigit(c)) {
    t.kind = Kind::kNumber;
    long long value = 0;
    while (pos_ < text_.size() && IsDigit(static_cast<unsigned char>(text_[pos_]))) {
      if (t.digits < 9) value = value * 10 + (text_[pos_] - '0');
      ++t.digits;
      ++pos_;
    }
    t.number = t.digits <= 9 ? static_cast<int>(value) : -1;
  } else if (IsLetter(c)) {
    t.kind = Kind::kWord;
    std::string lower;
    bool first = true, any_lower = false;
    while (pos_ < text_.size()) {
      const auto [letter, size] = Decode(text_, pos_);
      if (!IsLetter(letter)) break;
      const auto u = static_cast<UChar32>(letter);
      if (u < 0x80) {
        if (first) t.capital = IsAsciiUpper(letter);
        any_lower = any_lower || !IsAsciiUpper(letter);
        if (lower.size() <= kMaxWordBytes) lower += static_cast<char>(IsAsciiUpper(letter) ? u + ('a' - 'A') : u);
      } else {
        if (first) t.capital = u_isupper(u) || u_istitle(u);
        any_lower = any_lower || u_islower(u);
        if (lower.size() <= kMaxWordBytes) {
          // Ð (U+00D0), a look-alike of Đ, lower-cases to ð.
          const UChar32 l = (u == 0xD0 || u == 0xF0) ? 0x111 : u_tolower(u);
          AppendUtf8(lower, static_cast<char32_t>(l));
        }
      }
      first = false;
      pos_ += size;
    }
    t.upper = t.capital && !any_lower;
    if (lower.size() <= kMaxWordBytes) {
      if (const Lexeme* lexeme = LookUp(lower)) {
        t.word = lexeme->word;
        t.number = lexeme->number;
        t.ambiguous = lexeme->ambiguous;
      }
    }
  } else {
    t.kind = Kind::kSymbol;
    t.symbol = UnifySymbol(c);
    pos_ += length;
  }
  t.end = pos_;
  tokens_.push_back(t);
  return true;
}

// ---------------------------------------------------------------------------------------------------
// What a date expression says, before the document's date resolves it.

struct DocumentDate {
  int year = 0;    // 0: unknown
  int month = 0;
};

// "2021", "2021-10" or "2021-10-05"; anything else is no date.
DocumentDate ParseDocumentDate(const std::optional<std::string>& date) {
  if (!date) return {};
  const std::string& s = *date;
  const auto digits = [&](std::size_t from, std::size_t n) {
    int value = 0;
    for (std::size_t k = from; k < from + n; ++k) {
      if (!IsDigit(static_cast<unsigned char>(s[k]))) return -1;
      value = value * 10 + (s[k] - '0');
    }
    return value;
  };
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return {};
  if ((s.size() >= 7 && s[4] != '-') || (s.size() == 10 && s[7] != '-')) return {};
  DocumentDate doc;
  doc.year = digits(0, 4);
  if (doc.year <= 0) return {};
  if (s.size() >= 7) {
    doc.month = digits(5, 2);
    if (doc.month < 1 || doc.month > 12) return {};
    if (s.size() == 10 && (digits(8, 2) < 1 || digits(8, 2) > 31)) return {};
  }
  return doc;
}

// How an expression names its year.
struct YearRef {
  enum Kind {
    kDocument,   // the document's year: "tháng 12", "this month"
    kAbsolute,   // "2021"
    kOffset,     // the document's year plus `value`: "năm nay" 0, "next year" 1, "năm ngoái" -1
    kUpcoming,   // the next such month or quarter: "tháng 8 tới", "octobre prochain", "next September"
    kPast,       // the last such month or quarter: "tháng 8 vừa qua", "octobre dernier"
                 // (both are the document's year when the document's date has no month)
  };
  Kind kind = kDocument;
  int value = 0;
};

enum class Grain { kYear, kQuarter, kMonth, kDay };

struct When {
  Grain grain = Grain::kYear;
  YearRef year;
  int quarter = 0;
  int month = 0;
  int day = 0;
  bool shifted = false;   // `shift` months or quarters from the document's own ("tháng tới": +1)
  int shift = 0;
};

When Year(YearRef year) { return When{Grain::kYear, year}; }
When Quarter(YearRef year, int quarter) { return When{Grain::kQuarter, year, quarter}; }
When Month(YearRef year, int month) { return When{Grain::kMonth, year, 0, month}; }
When Day(YearRef year, int month, int day) { return When{Grain::kDay, year, 0, month, day}; }
When Shifted(Grain grain, int shift) { return When{grain, {}, 0, 0, 0, true, shift}; }

constexpr int kMinYear = 1990;
constexpr int kMaxYear = 2100;

bool IsRealDay(int year, int month, int day) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return false;
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  return month != 2 || day != 29 || leap;
}

std::string TwoDigits(int n) {
  char digits[12];
  std::snprintf(digits, sizeof digits, "%02d", n);
  return digits;
}

// The value of `when` written as YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD; nullopt when it needs a document
// date it does not have, or is not a real date from kMinYear to kMaxYear.
std::optional<std::string> Resolve(const When& when, const DocumentDate& doc) {
  int year = 0;
  int month = when.month;
  int quarter = when.quarter;
  if (when.shifted) {
    if (doc.year == 0 || doc.month == 0) return std::nullopt;
    if (when.grain == Grain::kMonth) {
      const int index = doc.year * 12 + (doc.month - 1) + when.shift;
      year = index / 12;
      month = index % 12 + 1;
    } else {
      const int index = doc.year * 4 + (doc.month - 1) / 3 + when.shift;
      year = index / 4;
      quarter = index % 4 + 1;
    }
  } else if (when.year.kind == YearRef::kAbsolute) {
    year = when.year.value;
  } else {
    if (doc.year == 0) return std::nullopt;
    year = doc.year;
    // Which month or quarter of the document's year "upcoming" and "past" compare against.
    const bool quarterly = when.grain == Grain::kQuarter;
    const int own = quarterly ? quarter : month;
    const int document = quarterly ? (doc.month - 1) / 3 + 1 : doc.month;
    switch (when.year.kind) {
      case YearRef::kOffset: year += when.year.value; break;
      case YearRef::kUpcoming: if (doc.month != 0 && when.grain != Grain::kYear && own < document) ++year; break;
      case YearRef::kPast: if (doc.month != 0 && when.grain != Grain::kYear && own > document) --year; break;
      default: break;
    }
  }
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  switch (when.grain) {
    case Grain::kYear: return std::to_string(year);
    case Grain::kQuarter:
      if (quarter < 1 || quarter > 4) return std::nullopt;
      return std::to_string(year) + "-Q" + std::to_string(quarter);
    case Grain::kMonth:
      if (month < 1 || month > 12) return std::nullopt;
      return std::to_string(year) + "-" + TwoDigits(month);
    case Grain::kDay:
      if (!IsRealDay(year, month, when.day)) return std::nullopt;
      return std::to_string(year) + "-" + TwoDigits(month) + "-" + TwoDigits(when.day);
  }
  return std::nullopt;
}

// One date of a match, with its byte span.
struct Found {
  When when;
  std::size_t start = 0;
  std::size_t end = 0;
};

// What one rule read from a token on: the dates it found (several for "tháng 8 và tháng 9") and the
// token after the last one it used. A match may find nothing it can resolve ("31/2/2021", "năm nay"
// without a document date): its tokens are still used up, so no part of them is read as another date.
struct Match {
  std::size_t next = 0;
  std::vector<Found> found;
};

// A number read from a glued run like "13/8/2021".
struct Digits {
  enum Kind { kDayMonthYear, kDayMonth, kMonthYear };
  Kind kind = kDayMonthYear;
  int year = 0;
  int month = 0;
  int day = 0;
  std::size_t last = 0;   // the last token of the run
};

// The parts of a year phrase that follows a month, a quarter or a day: "/2021", "năm nay", "tới đây".
struct Tail {
  YearRef year;
  std::size_t last = 0;
};

// One item of a list of months or quarters: "tháng 8", "9", "IV".
struct Item {
  int number = 0;
  std::size_t first = 0;
  std::size_t last = 0;
  bool weak = false;   // a date only with a year after it: "tháng tám", "Sept"; "the last quarter"
};

constexpr std::size_t kNoToken = static_cast<std::size_t>(-1);
// Lists longer than this ("tháng 1, 2, 3, ...") are read in pieces: the reader stays linear.
constexpr std::size_t kMaxItems = 12;
// Tokens kept behind the reader for look-behind.
constexpr std::size_t kLookBehind = 8;

class DateReader {
 public:
  DateReader(std::string_view text, DocumentDate doc) : tokens_(text), doc_(doc) {}

  std::vector<DateMention> ReadAll();

 private:
  using Rule = bool (DateReader::*)(std::size_t i, bool modified, Match* m);

  // Indices just below 0 (i - 1 at the first token) have wrapped around: they name no token.
  const Token& T(std::size_t i) { return i >= kNoToken - 16 ? none_ : tokens_.At(i); }
  // The rules ask these at every turn: each looks the token up once.
  bool Is(std::size_t i, Word w) {
    const Token& t = T(i);
    return t.kind == Kind::kWord && t.word == w;
  }
  bool IsSymbol(std::size_t i, char32_t c) {
    const Token& t = T(i);
    return t.kind == Kind::kSymbol && t.symbol == c;
  }
  bool IsNumber(std::size_t i) { return T(i).kind == Kind::kNumber; }
  // The value of a number of at most `max_digits` digits, else -1.
  int Number(std::size_t i, int max_digits) {
    const Token& t = T(i);
    return t.kind == Kind::kNumber && t.digits <= max_digits ? t.number : -1;
  }
  int YearAt(std::size_t i) {
    const Token& t = T(i);
    const int n = t.kind == Kind::kNumber && t.digits == 4 ? t.number : -1;
    return n >= kMinYear && n <= kMaxYear ? n : -1;
  }

  bool CleanStart(std::size_t i);
  bool CleanEnd(std::size_t last);
  bool Quantified(std::size_t i);
  bool TimeWordOrNumber(std::size_t i);
  bool Cued(std::size_t i);
  std::size_t Connector(std::size_t i);
  std::size_t Modifier(std::size_t i);

  std::optional<Digits> ReadDigits(std::size_t i);
  std::optional<Tail> ReadTail(std::size_t i);
  std::optional<Tail> VietnameseYear(std::size_t nam);
  std::optional<Tail> EnglishYear(std::size_t i);
  std::optional<Tail> FrenchYear(std::size_t i);
  std::optional<int> VietnameseShift(std::size_t i, std::size_t* last);
  std::optional<Item> VietnameseMonth(std::size_t i);
  std::optional<Item> MonthName(std::size_t i);
  std::optional<Item> Ordinal(std::size_t i);
  std::optional<Item> QuarterNumber(std::size_t i);
  bool IsReference(std::size_t i);
  bool DayCue(std::size_t i, std::size_t last);
  bool ItemList(std::size_t i, std::optional<Item> (DateReader::*item)(std::size_t), Word repeated,
                std::vector<Item>* items, std::optional<Tail>* tail);

  // The rules: each reads one kind of expression starting at token i. `modified` says a modifier
  // ("cuối", "end of", "fin") came just before i, which lets bare words like "năm" or "the year" stand
  // for the document's own.
  bool VietnameseDay(std::size_t i, bool modified, Match* m);
  bool VietnameseDayNoNgay(std::size_t i, bool modified, Match* m);
  bool VietnameseMonths(std::size_t i, bool modified, Match* m);
  bool VietnameseQuarters(std::size_t i, bool modified, Match* m);
  bool VietnameseYears(std::size_t i, bool modified, Match* m);
  bool NumericDate(std::size_t i, bool modified, Match* m);
  bool DayMonthName(std::size_t i, bool modified, Match* m);
  bool MonthNameDay(std::size_t i, bool modified, Match* m);
  bool MonthNames(std::size_t i, bool modified, Match* m);
  bool OrdinalQuarters(std::size_t i, bool modified, Match* m);
  bool ShortQuarter(std::size_t i, bool modified, Match* m);
  bool CuedYears(std::size_t i, bool modified, Match* m);
  bool EnglishRelative(std::size_t i, bool modified, Match* m);
  bool FrenchRelative(std::size_t i, bool modified, Match* m);

  void Add(Match* m, const When& when, std::size_t first, std::size_t last) {
    m->found.push_back({when, T(first).start, T(last).end});
    m->next = last + 1;
  }
  bool AddList(Match* m, std::size_t first, const std::vector<Item>& items, const std::optional<Tail>& tail,
               Grain grain);
  Match Longest(std::size_t i, bool modified);

  TokenStream tokens_;
  DocumentDate doc_;
  Token none_;
  std::size_t last_day_ = kNoToken;   // the last token of the last day read: "từ ngày 31/10 - 3/11"
};

// A number may start a date only if it is not glued to the word or number before it ("COVID-19",
// "4521/BNG", "T8/2021"); brackets, quotes and a colon after a word are fine.
bool DateReader::CleanStart(std::size_t i) {
  if (!T(i).glued) return true;
  const Token& before = T(i - 1);
  if (before.kind != Kind::kSymbol) return before.kind == Kind::kNone;
  switch (before.symbol) {
    case '(': case '[': case '{': case '"': case '\'': return true;
    case ':': case ',': case ';': case '|': return !IsNumber(i - 2);
    default: return false;
  }
}

// A date may end at token `last` only if what is glued after it does not carry the number on: "2021." and
// "2021)" end a date; "2021/NĐ-CP", "2021.5", "13/8:30" and "2021-2022" do not.
bool DateReader::CleanEnd(std::size_t last) {
  const Token& next = T(last + 1);
  if (!next.glued || next.kind == Kind::kNone || next.kind == Kind::kBreak) return true;
  if (next.kind != Kind::kSymbol) return false;
  const Token& after = T(last + 2);
  switch (next.symbol) {
    case ')': case ']': case '}': case '"': case '\'': return true;
    case '.': case ',': case ';': case ':': case '!': case '?': case 0x2026:
      return !(after.glued && after.kind == Kind::kNumber);
    case '-': case kDash: return !after.glued || after.kind == Kind::kBreak || after.kind == Kind::kNone;
    default: return false;
  }
}

// "hai năm tới", "những tháng tới", "5 năm trước": a count of periods, not one period.
bool DateReader::Quantified(std::size_t i) {
  const Token& before = T(i - 1);
  if (before.kind == Kind::kNumber) return true;
  if (before.kind != Kind::kWord) return false;
  return before.word == Word::kViNumber || before.word == Word::kNam || before.word == Word::kQuantifier;
}

// After "tới", these make it the preposition "to" ("từ tháng 8 tới tháng 10", "tới nay"), not "upcoming".
bool DateReader::TimeWordOrNumber(std::size_t i) {
  if (IsNumber(i)) return true;
  for (Word w : {Word::kThang, Word::kNgay, Word::kNam, Word::kQuy, Word::kNay, Word::kCuoi, Word::kDau,
                 Word::kGiua, Word::kViNumber, Word::kHom}) {
    if (Is(i, w)) return true;
  }
  return false;
}

// A preposition that makes a bare month or year a date: "in October", "en 2021", "d'ici 2022".
bool DateReader::Cued(std::size_t i) {
  return Is(i - 1, Word::kCue) || Is(i - 1, Word::kEn) || Is(i - 1, Word::kTo);
}

// The token after a list separator at i (", ", "và", "and", "et", "-", ", and", "đến", "tới"), or kNoToken.
std::size_t DateReader::Connector(std::size_t i) {
  if (IsSymbol(i, ',')) return Is(i + 1, Word::kAnd) || Is(i + 1, Word::kOr) ? i + 2 : i + 1;
  if (IsSymbol(i, '-') || IsSymbol(i, kDash)) return i + 1;
  if (Is(i, Word::kAnd) || Is(i, Word::kOr) || Is(i, Word::kTo) || Is(i, Word::kToi)) return i + 1;
  return kNoToken;
}

// The token after a modifier at i ("cuối", "trung tuần", "end of", "early", "mid-", "fin", "début du"),
// or kNoToken. Modifiers narrow a date without changing its grain and belong to its span.
std::size_t DateReader::Modifier(std::size_t i) {
  const Token& t = T(i);
  if (t.kind != Kind::kWord) return kNoToken;
  switch (t.word) {
    case Word::kCuoi: case Word::kDau: case Word::kGiua: case Word::kEarly: case Word::kLater:
    case Word::kCourant:
      return i + 1;
    case Word::kThird: return Is(i + 1, Word::kTuan) ? i + 2 : kNoToken;
    case Word::kNua: return Is(i + 1, Word::kDau) || Is(i + 1, Word::kCuoi) ? i + 2 : kNoToken;
    case Word::kEnd: case Word::kBeginning: case Word::kMiddle: return Is(i + 1, Word::kOf) ? i + 2 : kNoToken;
    case Word::kMid: case Word::kMi:
      return IsSymbol(i + 1, '-') && T(i + 1).glued && T(i + 2).glued ? i + 2 : i + 1;
    case Word::kOrdinal:
      return t.number <= 2 && Is(i + 1, Word::kHalf) && Is(i + 2, Word::kOf) ? i + 3 : kNoToken;
    case Word::kFin: case Word::kDebut:
      if (Is(i + 1, Word::kDe)) return i + 2;
      if (Is(i + 1, Word::kD) && IsSymbol(i + 2, '\'')) return i + 3;
      return i + 1;
    default: return kNoToken;
  }
}

// "13/8/2021", "13.08.2021", "13-8-2021", "2021-09-30", "8/2021" and "13/8", glued, starting at i.
// "09/30/2021" is read month first only because 30 cannot be a month. The run must end cleanly: "1/1/1"
// and "12/2021/NĐ-CP" are not dates.
std::optional<Digits> DateReader::ReadDigits(std::size_t i) {
  if (!IsNumber(i)) return std::nullopt;
  const Token& separator = T(i + 1);
  const char32_t sep = separator.symbol;
  if (separator.kind != Kind::kSymbol || !separator.glued || (sep != '/' && sep != '.' && sep != '-')) {
    return std::nullopt;
  }
  if (!IsNumber(i + 2) || !T(i + 2).glued) return std::nullopt;
  const bool three = IsSymbol(i + 3, sep) && T(i + 3).glued && IsNumber(i + 4) && T(i + 4).glued;
  const int a = T(i).number, b = T(i + 2).number;
  if (T(i).digits == 4) {
    if (three && T(i + 2).digits <= 2 && T(i + 4).digits <= 2 && CleanEnd(i + 4)) {
      return Digits{Digits::kDayMonthYear, a, b, T(i + 4).number, i + 4};
    }
    return std::nullopt;
  }
  if (T(i).digits > 2 || (T(i + 2).digits > 2 && (three || T(i + 2).digits != 4))) return std::nullopt;
  if (three) {
    if (T(i + 4).digits != 4 || !CleanEnd(i + 4)) return std::nullopt;
    int day = a, month = b;
    if (sep == '/' && month > 12 && day <= 12) std::swap(day, month);
    return Digits{Digits::kDayMonthYear, T(i + 4).number, month, day, i + 4};
  }
  if (sep != '/' || !CleanEnd(i + 2)) return std::nullopt;
  if (T(i + 2).digits == 4) return Digits{Digits::kMonthYear, b, a, 0, i + 2};
  return Digits{Digits::kDayMonth, 0, b, a, i + 2};
}

// "năm 2021", "năm nay", "năm sau", "năm tới (đây)", "năm ngoái", "năm trước", with `nam` at "năm".
// Not "năm sau đó", "năm trước khi", "năm trước nữa": those count from another date than the document's.
std::optional<Tail> DateReader::VietnameseYear(std::size_t nam) {
  const std::size_t k = nam + 1;
  if (YearAt(k) >= 0 && !T(k).glued && CleanEnd(k)) return Tail{{YearRef::kAbsolute, YearAt(k)}, k};
  const bool anchored_elsewhere = Is(k + 1, Word::kDo) || Is(k + 1, Word::kKhi) || Is(k + 1, Word::kNuaMore);
  if (Is(k, Word::kNay)) return Tail{{YearRef::kOffset, 0}, k};
  if (Is(k, Word::kNgoai)) return Tail{{YearRef::kOffset, -1}, k};
  if (Is(k, Word::kTruoc) && !anchored_elsewhere) return Tail{{YearRef::kOffset, -1}, k};
  if (Is(k, Word::kSau) && !anchored_elsewhere) return Tail{{YearRef::kOffset, 1}, k};
  if (Is(k, Word::kToi) && Is(k + 1, Word::kDay)) return Tail{{YearRef::kOffset, 1}, k + 1};
  if (Is(k, Word::kToi) && !TimeWordOrNumber(k + 1) && !anchored_elsewhere) return Tail{{YearRef::kOffset, 1}, k};
  if (Is(k, Word::kKe) && Is(k + 1, Word::kTiep)) return Tail{{YearRef::kOffset, 1}, k + 1};
  return std::nullopt;
}

// "this year", "next year", "last year", "the current year" at i.
std::optional<Tail> DateReader::EnglishYear(std::size_t i) {
  if (Is(i, Word::kThe) && Is(i + 1, Word::kCurrent) && Is(i + 2, Word::kYear)) {
    return Tail{{YearRef::kOffset, 0}, i + 2};
  }
  if (!Is(i + 1, Word::kYear)) return std::nullopt;
  if (Is(i, Word::kThis) || Is(i, Word::kCurrent)) return Tail{{YearRef::kOffset, 0}, i + 1};
  if (Is(i, Word::kNext)) return Tail{{YearRef::kOffset, 1}, i + 1};
  if (Is(i, Word::kLast)) return Tail{{YearRef::kOffset, -1}, i + 1};
  return std::nullopt;
}

// "cette année", "l'année prochaine", "l'an dernier", "l'année en cours", "l'année 2021" at i. A bare
// "l'année" is the document's year only after "de" or "d'" ("fin de l'année", "fin d'année", "trimestre de
// l'année").
std::optional<Tail> DateReader::FrenchYear(std::size_t i) {
  if (Is(i, Word::kCette) && Is(i + 1, Word::kAnnee)) return Tail{{YearRef::kOffset, 0}, i + 1};
  std::size_t k = i;
  if (Is(k, Word::kL) && IsSymbol(k + 1, '\'') && T(k + 2).glued) k += 2;
  if (!Is(k, Word::kAnnee) && !Is(k, Word::kAn)) return std::nullopt;
  if (YearAt(k + 1) >= 0 && CleanEnd(k + 1)) return Tail{{YearRef::kAbsolute, YearAt(k + 1)}, k + 1};
  if (Is(k + 1, Word::kProchain)) return Tail{{YearRef::kOffset, 1}, k + 1};
  if (Is(k + 1, Word::kDernier) || Is(k + 1, Word::kPasse)) return Tail{{YearRef::kOffset, -1}, k + 1};
  if (Is(k + 1, Word::kEn) && Is(k + 2, Word::kCours)) return Tail{{YearRef::kOffset, 0}, k + 2};
  if (Is(i - 1, Word::kDe) || (IsSymbol(i - 1, '\'') && Is(i - 2, Word::kD))) return Tail{{YearRef::kOffset, 0}, k};
  return std::nullopt;
}

// The year phrase after a month, quarter or day, at i: "/2021", "-2021", ", 2021", "2021", "năm 2021",
// "năm nay", "of 2021", "of next year", "de l'année prochaine", or a direction: "tới", "tới đây", "sắp
// tới", "prochain" (upcoming), "vừa qua", "dernier" (past), "này" (this one).
std::optional<Tail> DateReader::ReadTail(std::size_t i) {
  if ((IsSymbol(i, '/') || IsSymbol(i, '-')) && T(i).glued && T(i + 1).glued && YearAt(i + 1) >= 0 &&
      CleanEnd(i + 1)) {
    return Tail{{YearRef::kAbsolute, YearAt(i + 1)}, i + 1};
  }
  if (IsSymbol(i, ',') && !T(i + 1).glued && YearAt(i + 1) >= 0 && CleanEnd(i + 1)) {
    return Tail{{YearRef::kAbsolute, YearAt(i + 1)}, i + 1};
  }
  if (!T(i).glued && YearAt(i) >= 0 && CleanEnd(i)) return Tail{{YearRef::kAbsolute, YearAt(i)}, i};
  if (Is(i, Word::kNam)) return VietnameseYear(i);
  if (Is(i, Word::kOf) || Is(i, Word::kDe)) {
    if (YearAt(i + 1) >= 0 && CleanEnd(i + 1)) return Tail{{YearRef::kAbsolute, YearAt(i + 1)}, i + 1};
    if (auto year = EnglishYear(i + 1)) return year;
    if (auto year = FrenchYear(i + 1)) return year;
    return std::nullopt;
  }
  if (auto year = EnglishYear(i)) return year;
  if (Is(i, Word::kToi) && Is(i + 1, Word::kDay)) return Tail{{YearRef::kUpcoming}, i + 1};
  if (Is(i, Word::kToi) && !TimeWordOrNumber(i + 1)) return Tail{{YearRef::kUpcoming}, i};
  if (Is(i, Word::kSap) && Is(i + 1, Word::kToi)) return Tail{{YearRef::kUpcoming}, i + 1};
  if (Is(i, Word::kVua) && Is(i + 1, Word::kQua)) return Tail{{YearRef::kPast}, i + 1};
  if (Is(i, Word::kNayThis)) return Tail{{YearRef::kDocument}, i};
  if (Is(i, Word::kProchain)) return Tail{{YearRef::kUpcoming}, i};
  if (Is(i, Word::kDernier) || Is(i, Word::kPasse)) return Tail{{YearRef::kPast}, i};
  return std::nullopt;
}

// "này" 0, "tới", "tới đây", "sắp tới", "sau", "kế tiếp" +1, "trước", "vừa qua" -1 after "tháng" or "quý".
std::optional<int> DateReader::VietnameseShift(std::size_t i, std::size_t* last) {
  const bool anchored_elsewhere = Is(i + 1, Word::kDo) || Is(i + 1, Word::kKhi) || Is(i + 1, Word::kNuaMore);
  *last = i;
  if (Is(i, Word::kNayThis)) return 0;
  if (Is(i, Word::kToi) && Is(i + 1, Word::kDay)) return *last = i + 1, 1;
  if (Is(i, Word::kToi) && !TimeWordOrNumber(i + 1) && !anchored_elsewhere) return 1;
  if (Is(i, Word::kSap) && Is(i + 1, Word::kToi)) return *last = i + 1, 1;
  if (Is(i, Word::kKe) && Is(i + 1, Word::kTiep)) return *last = i + 1, 1;
  if (Is(i, Word::kSau) && !anchored_elsewhere && !IsNumber(i + 1)) return 1;
  if (Is(i, Word::kTruoc) && !anchored_elsewhere && !IsNumber(i + 1)) return -1;
  if (Is(i, Word::kVua) && Is(i + 1, Word::kQua)) return *last = i + 1, -1;
  return std::nullopt;
}

// A month after "tháng": "8", "08", "Tám", "mười một", "Giêng". A word is weak: lower case, it is a date
// only with a year phrase after it ("tháng tám năm 2021"), since "mỗi tháng một lần" is not January.
std::optional<Item> DateReader::VietnameseMonth(std::size_t i) {
  if (IsNumber(i)) {
    const int n = Number(i, 2);
    if (n < 1 || n > 12) return std::nullopt;
    return Item{n, i, i, false};
  }
  const Token& t = T(i);
  if (t.kind != Kind::kWord) return std::nullopt;
  if (t.word != Word::kViNumber && t.word != Word::kNam && t.word != Word::kViMonthName) return std::nullopt;
  if (t.number == 10 && Is(i + 1, Word::kViNumber) && (T(i + 1).number == 1 || T(i + 1).number == 2)) {
    return Item{10 + T(i + 1).number, i, i + 1, !t.capital};
  }
  return Item{t.number, i, i, !t.capital};
}

// An English or French month name: "October", "octobre", "Sept.", "déc.". Abbreviations without their
// full stop are weak; "may", "march" and "august" in lower case are never months, nor "Mars" and "Mai"
// capitalised without a preposition before them (a planet, a Vietnamese given name).
std::optional<Item> DateReader::MonthName(std::size_t i) {
  const Token& t = T(i);
  if (t.kind != Kind::kWord) return std::nullopt;
  switch (t.word) {
    case Word::kMonthEn:
      if (t.ambiguous && !t.capital) return std::nullopt;
      return Item{t.number, i, i, false};
    case Word::kMonthFr:
      if (t.ambiguous && t.capital && !t.upper && !Cued(i)) return std::nullopt;
      return Item{t.number, i, i, false};
    case Word::kMonthShort:
      if (IsSymbol(i + 1, '.') && T(i + 1).glued) return Item{t.number, i, i + 1, false};
      return Item{t.number, i, i, true};
    default: return std::nullopt;
  }
}

// "first", "4th", "final", "quatrième", "4e", "1er", "dernier", "last": the ordinal of a quarter.
std::optional<Item> DateReader::Ordinal(std::size_t i) {
  if (Is(i, Word::kOrdinal) && T(i).number <= 4) return Item{T(i).number, i, i, false};
  // "le dernier trimestre" is the fourth; "the last quarter" may be the one before this one.
  if (Is(i, Word::kDernier)) return Item{4, i, i, false};
  if (Is(i, Word::kLast)) return Item{4, i, i, true};
  const int n = Number(i, 1);
  if (n >= 1 && n <= 4 && Is(i + 1, Word::kOrdinalSuffix) && T(i + 1).glued) return Item{n, i, i + 1, false};
  return std::nullopt;
}

// Items read by `item` from i on, joined by connectors, each optionally after the word `repeated`
// ("tháng 8 và tháng 9"), and the year phrase after the last, which all of them share.
bool DateReader::ItemList(std::size_t i, std::optional<Item> (DateReader::*item)(std::size_t), Word repeated,
                          std::vector<Item>* items, std::optional<Tail>* tail) {
  std::optional<Item> first = (this->*item)(i);
  if (!first) return false;
  items->push_back(*first);
  while (true) {
    const std::size_t after = items->back().last + 1;
    if ((*tail = ReadTail(after))) return true;
    if (items->size() >= kMaxItems) break;
    const std::size_t next = Connector(after);
    if (next == kNoToken) break;
    const std::size_t at = repeated != Word::kNone && Is(next, repeated) ? next + 1 : next;
    std::optional<Item> another = (this->*item)(at);
    if (!another) break;
    another->first = next;
    items->push_back(*another);
  }
  return CleanEnd(items->back().last);
}

// One date per item, at the grain given; the first span starts at `first`, the last ends with the tail.
bool DateReader::AddList(Match* m, std::size_t first, const std::vector<Item>& items,
                         const std::optional<Tail>& tail, Grain grain) {
  const YearRef year = tail ? tail->year : YearRef{};
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Item& item = items[k];
    const std::size_t start = k == 0 ? first : item.first;
    const std::size_t last = k + 1 == items.size() && tail ? tail->last : item.last;
    Add(m, grain == Grain::kMonth ? Month(year, item.number) : Quarter(year, item.number), start, last);
  }
  return true;
}

// "ngày 13/8/2021", "ngày 13/8", "ngày 2-9", "ngày 15 tháng 9 năm 2021", "mùng 2 tháng 9", "ngày 20/9 tới",
// and days sharing a month: "ngày 15 và 16/9", "ngày 5-6/11/2021", "ngày 6, 7 và 8 tháng 10".
bool DateReader::VietnameseDay(std::size_t i, bool, Match* m) {
  if (!Is(i, Word::kNgay) && !Is(i, Word::kMung)) return false;
  if (!CleanStart(i + 1)) return false;
  // "ngày 2-9", "ngày 30-4": day and month joined by a hyphen, only after "ngày".
  if (const int day = Number(i + 1, 2), month = Number(i + 3, 2);
      day >= 1 && day <= 31 && month >= 1 && month <= 12 && IsSymbol(i + 2, '-') && T(i + 2).glued &&
      T(i + 3).glued && CleanEnd(i + 3) && !Is(i + 4, Word::kThang)) {
    const std::optional<Tail> tail = ReadTail(i + 4);
    Add(m, Day(tail ? tail->year : YearRef{}, month, day), i, tail ? tail->last : i + 3);
    return true;
  }
  std::vector<Item> days;   // the days before the last, which carries the month
  std::size_t d = i + 1;
  while (days.size() < kMaxItems && !ReadDigits(d)) {
    const int day = Number(d, 2);
    if (day < 1 || day > 31 || Is(d + 1, Word::kThang)) break;
    const std::size_t next = Connector(d + 1);
    if (next == kNoToken) return false;
    days.push_back({day, days.empty() ? i : d, d, false});
    d = next;
  }
  int month = 0, day = 0;
  YearRef year;
  std::size_t last = 0;
  if (const std::optional<Digits> digits = ReadDigits(d)) {
    if (digits->kind == Digits::kMonthYear) return false;
    month = digits->month;
    day = digits->day;
    last = digits->last;
    if (digits->kind == Digits::kDayMonthYear) year = {YearRef::kAbsolute, digits->year};
  } else {
    day = Number(d, 2);
    if (day < 1 || day > 31 || !Is(d + 1, Word::kThang)) return false;
    const std::optional<Item> named = VietnameseMonth(d + 2);
    if (!named) return false;
    month = named->number;
    last = named->last;
  }
  if (year.kind != YearRef::kAbsolute) {
    if (const std::optional<Tail> tail = ReadTail(last + 1)) {
      year = tail->year;
      last = tail->last;
    } else if (!CleanEnd(last)) {
      return false;
    }
  }
  for (const Item& earlier : days) Add(m, Day(year, month, earlier.number), earlier.first, earlier.last);
  Add(m, Day(year, month, day), days.empty() ? i : d, last);
  return true;
}

// "15 tháng 9 năm 2021", "15 tháng 9, 2021": without "ngày" the year is required, since "3 tháng 6 ngày"
// is a duration.
bool DateReader::VietnameseDayNoNgay(std::size_t i, bool, Match* m) {
  const int day = Number(i, 2);
  if (day < 1 || day > 31 || !CleanStart(i) || !Is(i + 1, Word::kThang)) return false;
  const std::optional<Item> month = VietnameseMonth(i + 2);
  if (!month) return false;
  const std::optional<Tail> tail = ReadTail(month->last + 1);
  if (!tail || (tail->year.kind != YearRef::kAbsolute && tail->year.kind != YearRef::kOffset)) return false;
  Add(m, Day(tail->year, month->number, day), i, tail->last);
  return true;
}

// "tháng 8/2021", "tháng 8 năm 2021", "tháng Tám năm 2021", "tháng 12 năm nay", "tháng 8 và tháng 9 tới
// đây", "tháng 8, 9 và 10/2021", "tháng này", "tháng tới", "tháng sau", "tháng trước", "cuối tháng".
bool DateReader::VietnameseMonths(std::size_t i, bool modified, Match* m) {
  if (!Is(i, Word::kThang) || IsNumber(i - 1)) return false;   // "3 tháng 9 ngày": a duration
  std::size_t last = 0;
  if (!Quantified(i)) {
    if (const std::optional<int> shift = VietnameseShift(i + 1, &last)) {
      Add(m, Shifted(Grain::kMonth, *shift), i, last);
      return true;
    }
  }
  std::vector<Item> items;
  std::optional<Tail> tail;
  if (ItemList(i + 1, &DateReader::VietnameseMonth, Word::kThang, &items, &tail)) {
    bool weak = false;
    for (const Item& item : items) weak = weak || item.weak;
    // A weak month needs a year phrase that is not a bare number: "tháng năm 2021" is "năm 2021".
    if (!weak || (tail && !IsNumber(items.back().last + 1))) return AddList(m, i, items, tail, Grain::kMonth);
  }
  // "cuối tháng": the document's month.
  if (modified && !IsNumber(i + 1) && !VietnameseMonth(i + 1) && !Quantified(i)) {
    Add(m, Shifted(Grain::kMonth, 0), i, i);
    return true;
  }
  return false;
}

std::optional<Item> DateReader::QuarterNumber(std::size_t i) {
  const Token& t = T(i);
  if (t.kind == Kind::kWord && t.word == Word::kRoman) return Item{t.number, i, i, false};
  if (t.kind == Kind::kNumber && t.digits == 1 && t.number >= 1 && t.number <= 4) return Item{t.number, i, i, false};
  return std::nullopt;
}

// "quý IV/2021", "quý 4/2021", "quý IV năm 2021", "quý III", "quý III và IV năm 2021", "quý cuối năm 2021",
// "quý này", "quý tới". "Quý" is also the honorific of "Quý Bộ", "Quý Văn phòng": a quarter needs its number.
bool DateReader::VietnameseQuarters(std::size_t i, bool modified, Match* m) {
  if (!Is(i, Word::kQuy) || IsNumber(i - 1)) return false;
  std::size_t last = 0;
  if (!Quantified(i)) {
    if (const std::optional<int> shift = VietnameseShift(i + 1, &last)) {
      Add(m, Shifted(Grain::kQuarter, *shift), i, last);
      return true;
    }
  }
  std::vector<Item> items;
  std::optional<Tail> tail;
  if (ItemList(i + 1, &DateReader::QuarterNumber, Word::kQuy, &items, &tail)) {
    return AddList(m, i, items, tail, Grain::kQuarter);
  }
  if (Is(i + 1, Word::kCuoi) || Is(i + 1, Word::kDau)) {
    const int quarter = Is(i + 1, Word::kCuoi) ? 4 : 1;
    const std::size_t nam = Is(i + 2, Word::kCua) ? i + 3 : i + 2;
    if (!Is(nam, Word::kNam)) return false;
    if (const std::optional<Tail> year = VietnameseYear(nam)) {
      Add(m, Quarter(year->year, quarter), i, year->last);
      return true;
    }
    if (IsNumber(nam + 1)) return false;
    Add(m, Quarter({}, quarter), i, nam);
    return true;
  }
  // "cuối quý": the document's quarter.
  if (modified && !IsNumber(i + 1) && !Is(i + 1, Word::kRoman) && !Quantified(i)) {
    Add(m, Shifted(Grain::kQuarter, 0), i, i);
    return true;
  }
  return false;
}

// "năm 2021", "năm 2021 và 2022", "năm 2021-2022", "năm nay", "năm sau", "năm ngoái", "cuối năm".
bool DateReader::VietnameseYears(std::size_t i, bool modified, Match* m) {
  if (!Is(i, Word::kNam)) return false;
  if (YearAt(i + 1) >= 0 && !T(i + 1).glued) {
    struct Named { int year; std::size_t first, last; };
    std::vector<Named> years = {{YearAt(i + 1), i, i + 1}};
    while (years.size() < kMaxItems) {
      const std::size_t next = Connector(years.back().last + 1);
      if (next == kNoToken) break;
      const std::size_t at = Is(next, Word::kNam) ? next + 1 : next;
      if (YearAt(at) < 0) break;
      years.push_back({YearAt(at), next, at});
    }
    if (!CleanEnd(years.back().last)) return false;
    for (const Named& y : years) Add(m, Year({YearRef::kAbsolute, y.year}), y.first, y.last);
    return true;
  }
  if (Quantified(i)) return false;
  if (const std::optional<Tail> year = VietnameseYear(i)) {
    Add(m, Year(year->year), i, year->last);
    return true;
  }
  // "cuối năm", "đầu năm": the document's year; not "cuối năm học", nor "đầu năm 1945" (out of range).
  if (modified && !IsNumber(i + 1) && !Is(i + 1, Word::kHoc)) {
    Add(m, Year({}), i, i);
    return true;
  }
  return false;
}

// "Số 12/2021", "Nghị định 12/2021", "Thông tư 12/2021", "No. 12/2021", "N° 12/2021": a number, not a month.
bool DateReader::IsReference(std::size_t i) {
  if (IsSymbol(i - 1, 0xB0) || IsSymbol(i - 1, 0xBA) || IsSymbol(i - 1, '#')) return true;
  std::size_t before = i - 1;
  if (IsSymbol(before, ':') || IsSymbol(before, '.')) --before;
  if (Is(before, Word::kSo) || Is(before, Word::kReference) || Is(before, Word::kNo)) return true;
  return Is(before, Word::kViNumber) && T(before).number == 4 && Is(before - 1, Word::kThong);
}

// A day and month without a year ("13/8") could be a fraction or a score; it is a date after a part of the
// day ("Chiều 22/3", "hôm 17/8") or a weekday ("Thứ Hai, 13/9"), in brackets after a word ("sáng nay
// (13/8)"), or as the end of a range whose start was a date ("từ ngày 31/10 - 3/11"). After "ngày" it is
// read by VietnameseDay.
bool DateReader::DayCue(std::size_t i, std::size_t last) {
  if (Is(i - 1, Word::kPartOfDay) || Is(i - 1, Word::kHom) || Is(i - 1, Word::kNay)) return true;
  // "Thứ Hai, 13/9", "Chủ nhật 12/9", "Monday, 13/9"
  const std::size_t weekday = IsSymbol(i - 1, ',') ? i - 2 : i - 1;
  if (Is(weekday, Word::kWeekday) || (Is(weekday, Word::kNhat) && Is(weekday - 1, Word::kChu))) return true;
  // "Thứ Hai" capitalised: "thứ hai, 2/3 số liều" is "secondly, two thirds of the doses".
  if ((Is(weekday, Word::kViNumber) || Is(weekday, Word::kNam)) && T(weekday).capital && Is(weekday - 1, Word::kThu)) {
    return true;
  }
  if (IsSymbol(i - 1, '(') && T(i).glued && IsSymbol(last + 1, ')') && T(last + 1).glued) return true;
  return last_day_ != kNoToken && last_day_ + 1 < i && Connector(last_day_ + 1) == i;
}

// "13/8/2021", "30/09/2021", "2021-09-30", "8/2021", and "13/8" with a cue (DayCue).
bool DateReader::NumericDate(std::size_t i, bool, Match* m) {
  if (!IsNumber(i) || !CleanStart(i)) return false;
  const std::optional<Digits> digits = ReadDigits(i);
  if (!digits) return false;
  switch (digits->kind) {
    case Digits::kDayMonthYear:
      Add(m, Day({YearRef::kAbsolute, digits->year}, digits->month, digits->day), i, digits->last);
      return true;
    case Digits::kMonthYear:
      if (IsReference(i)) return false;
      Add(m, Month({YearRef::kAbsolute, digits->year}, digits->month), i, digits->last);
      return true;
    case Digits::kDayMonth: {
      if (!DayCue(i, digits->last)) return false;
      const std::optional<Tail> tail = ReadTail(digits->last + 1);
      Add(m, Day(tail ? tail->year : YearRef{}, digits->month, digits->day), i, tail ? tail->last : digits->last);
      return true;
    }
  }
  return false;
}

// "30 September 2021", "30th of September, 2021", "18 novembre 2021", "1er décembre", "20 August", and
// days sharing a month: "les 6 et 13 novembre 2021".
bool DateReader::DayMonthName(std::size_t i, bool, Match* m) {
  if (!CleanStart(i)) return false;
  std::vector<Item> days;
  for (std::size_t k = i; days.size() < kMaxItems;) {
    const int day = Number(k, 2);
    if (day < 1 || day > 31) break;
    const std::size_t last = Is(k + 1, Word::kOrdinalSuffix) && T(k + 1).glued ? k + 1 : k;
    days.push_back({day, k, last, false});
    k = Connector(last + 1);
    if (k == kNoToken) break;
  }
  if (days.empty()) return false;
  std::size_t k = days.back().last;
  if (Is(k + 1, Word::kOf)) ++k;
  const std::optional<Item> month = MonthName(k + 1);
  if (!month || T(k + 1).glued) return false;
  const std::optional<Tail> tail = ReadTail(month->last + 1);
  if (month->weak && !tail) return false;
  const YearRef year = tail ? tail->year : YearRef{};
  for (std::size_t d = 0; d + 1 < days.size(); ++d) {
    Add(m, Day(year, month->number, days[d].number), days[d].first, days[d].last);
  }
  Add(m, Day(year, month->number, days.back().number), days.back().first, tail ? tail->last : month->last);
  return true;
}

// "September 30, 2021", "Sept. 30", "October 1st". English only: French puts the day first.
bool DateReader::MonthNameDay(std::size_t i, bool, Match* m) {
  if (Is(i, Word::kMonthFr)) return false;
  const std::optional<Item> month = MonthName(i);
  if (!month) return false;
  const std::size_t d = month->last + 1;
  const int day = Number(d, 2);
  if (day < 1 || day > 31 || T(d).glued) return false;
  const std::size_t last = Is(d + 1, Word::kOrdinalSuffix) && T(d + 1).glued ? d + 1 : d;
  if (!CleanEnd(last)) return false;
  std::optional<Tail> tail = ReadTail(last + 1);
  if (tail && tail->year.kind != YearRef::kAbsolute) tail.reset();
  Add(m, Day(tail ? tail->year : YearRef{}, month->number, day), i, tail ? tail->last : last);
  return true;
}

// "October 2021", "September and October 2021", "in October", "novembre 2021", "octobre prochain",
// "(end of) October". A bare month needs a preposition before it or a year phrase after it.
bool DateReader::MonthNames(std::size_t i, bool modified, Match* m) {
  std::vector<Item> items;
  std::optional<Tail> tail;
  if (!ItemList(i, &DateReader::MonthName, Word::kNone, &items, &tail)) return false;
  if (!tail && !modified && !Cued(i)) return false;
  for (const Item& item : items) {
    if (item.weak && !tail) return false;   // "Jan", "Dec": names as often as months
  }
  return AddList(m, i, items, tail, Grain::kMonth);
}

// "the fourth quarter of 2021", "Q4"-less forms in words: "third and fourth quarters of 2021", "au
// quatrième trimestre 2021", "4e trimestre", "the last quarter of 2021". Without a year: the document's.
bool DateReader::OrdinalQuarters(std::size_t i, bool, Match* m) {
  std::vector<Item> items;
  std::optional<Item> first = Ordinal(i);
  if (!first) return false;
  items.push_back(*first);
  while (items.size() < kMaxItems) {
    const std::size_t next = Connector(items.back().last + 1);
    if (next == kNoToken) break;
    std::optional<Item> another = Ordinal(next);
    if (!another) break;
    another->first = next;
    items.push_back(*another);
  }
  const std::size_t noun = items.back().last + 1;
  if (!Is(noun, Word::kQuarter) && !Is(noun, Word::kTrimestre)) return false;
  items.back().last = noun;
  const std::optional<Tail> tail = ReadTail(noun + 1);
  for (const Item& item : items) {
    if (item.weak && !tail) return false;   // "last quarter": the one before this one, or Q4?
  }
  return AddList(m, i, items, tail, Grain::kQuarter);
}

// "Q4 2021", "Q4/2021", "Q3 of next year". A bare "Q1" is not read: in Vietnamese addresses it is Quận 1.
bool DateReader::ShortQuarter(std::size_t i, bool, Match* m) {
  if (!Is(i, Word::kQ) || !T(i).upper || !CleanStart(i)) return false;
  const int quarter = Number(i + 1, 1);
  if (quarter < 1 || quarter > 4 || !T(i + 1).glued) return false;
  const std::optional<Tail> tail = ReadTail(i + 2);
  if (!tail || (tail->year.kind != YearRef::kAbsolute && tail->year.kind != YearRef::kOffset)) return false;
  Add(m, Quarter(tail->year, quarter), i, tail->last);
  return true;
}

// "in 2021", "en 2021", "d'ici 2022", "early 2022", "mid-2021", "fin 2021", "in 2021 and 2022". A year
// alone ("2021 doses") is not a date mention.
bool DateReader::CuedYears(std::size_t i, bool modified, Match* m) {
  if (YearAt(i) < 0) return false;
  if (!modified && (!CleanStart(i) || !Cued(i))) return false;
  std::vector<std::pair<std::size_t, std::size_t>> years = {{i, i}};
  while (years.size() < kMaxItems) {
    const std::size_t next = Connector(years.back().second + 1);
    if (next == kNoToken || YearAt(next) < 0) break;
    years.push_back({next, next});
  }
  if (!CleanEnd(years.back().second)) return false;
  for (const auto& [first, last] : years) Add(m, Year({YearRef::kAbsolute, YearAt(last)}), first, last);
  return true;
}

// "this year", "next year", "last year", "this month", "next month", "next quarter", "next September",
// "the current year", "year-end", "the year 2021", and after a modifier "(end of) the year", "(end of) the
// month".
bool DateReader::EnglishRelative(std::size_t i, bool modified, Match* m) {
  if (Is(i, Word::kThis) || Is(i, Word::kNext) || Is(i, Word::kLast) || Is(i, Word::kCurrent)) {
    const int offset = Is(i, Word::kNext) ? 1 : Is(i, Word::kLast) ? -1 : 0;
    if (Is(i + 1, Word::kYear)) {
      Add(m, Year({YearRef::kOffset, offset}), i, i + 1);
      return true;
    }
    if (Is(i + 1, Word::kMonth)) {
      Add(m, Shifted(Grain::kMonth, offset), i, i + 1);
      return true;
    }
    if (Is(i + 1, Word::kQuarter) && !Is(i, Word::kLast)) {
      Add(m, Shifted(Grain::kQuarter, offset), i, i + 1);
      return true;
    }
    const std::optional<Item> month = MonthName(i + 1);
    if (!month || month->weak || Is(i + 1, Word::kMonthFr)) return false;
    const YearRef::Kind kind = offset > 0 ? YearRef::kUpcoming : offset < 0 ? YearRef::kPast : YearRef::kDocument;
    Add(m, Month({kind}, month->number), i, month->last);
    return true;
  }
  std::size_t k = i;
  if (Is(k, Word::kThe)) {
    if (!modified && !Is(k + 1, Word::kYear)) return false;
    ++k;
  }
  if (Is(k, Word::kYear)) {
    if (YearAt(k + 1) >= 0 && !T(k + 1).glued && CleanEnd(k + 1)) {
      Add(m, Year({YearRef::kAbsolute, YearAt(k + 1)}), k, k + 1);
      return true;
    }
    if (IsSymbol(k + 1, '-') && T(k + 1).glued && Is(k + 2, Word::kEnd) && T(k + 2).glued) {
      Add(m, Year({}), k, k + 2);
      return true;
    }
    if (Is(k + 1, Word::kEnd)) {
      Add(m, Year({}), k, k + 1);
      return true;
    }
    if (modified) {
      Add(m, Year({}), i, k);
      return true;
    }
    return false;
  }
  if (Is(k, Word::kMonth) && modified) {
    Add(m, Shifted(Grain::kMonth, 0), i, k);
    return true;
  }
  return false;
}

// "cette année", "l'année prochaine", "l'an dernier", "(fin de) l'année", "ce mois-ci", "le mois prochain"
// (read from "mois"), "(au début du) mois d'octobre", "(fin du) mois", "ce trimestre", "le trimestre
// prochain", "le trimestre dernier" (the one before this one; "le dernier trimestre" is the fourth).
bool DateReader::FrenchRelative(std::size_t i, bool modified, Match* m) {
  if (const std::optional<Tail> year = FrenchYear(i)) {
    Add(m, Year(year->year), i, year->last);
    return true;
  }
  if (Is(i, Word::kCe) && Is(i + 1, Word::kMois)) {
    const bool ci = IsSymbol(i + 2, '-') && T(i + 2).glued && Is(i + 3, Word::kCi) && T(i + 3).glued;
    Add(m, Shifted(Grain::kMonth, 0), i, ci ? i + 3 : i + 1);
    return true;
  }
  if (Is(i, Word::kCe) && Is(i + 1, Word::kTrimestre)) {
    Add(m, Shifted(Grain::kQuarter, 0), i, i + 1);
    return true;
  }
  if (Is(i, Word::kTrimestre) && (Is(i + 1, Word::kProchain) || Is(i + 1, Word::kDernier))) {
    Add(m, Shifted(Grain::kQuarter, Is(i + 1, Word::kProchain) ? 1 : -1), i, i + 1);
    return true;
  }
  if (!Is(i, Word::kMois)) return false;
  if (Is(i + 1, Word::kProchain)) {
    Add(m, Shifted(Grain::kMonth, 1), i, i + 1);
    return true;
  }
  if (Is(i + 1, Word::kDernier) || Is(i + 1, Word::kPasse)) {
    Add(m, Shifted(Grain::kMonth, -1), i, i + 1);
    return true;
  }
  const std::size_t month = Is(i + 1, Word::kDe)                                      ? i + 2
                            : Is(i + 1, Word::kD) && IsSymbol(i + 2, '\'') && T(i + 3).glued ? i + 3
                                                                                      : kNoToken;
  std::vector<Item> items;
  std::optional<Tail> tail;
  if (month != kNoToken && ItemList(month, &DateReader::MonthName, Word::kNone, &items, &tail)) {
    return AddList(m, i, items, tail, Grain::kMonth);
  }
  if (modified) {
    Add(m, Shifted(Grain::kMonth, 0), i, i);
    return true;
  }
  return false;
}

Match DateReader::Longest(std::size_t i, bool modified) {
  static constexpr Rule kRules[] = {
      &DateReader::VietnameseDay,   &DateReader::VietnameseDayNoNgay, &DateReader::VietnameseMonths,
      &DateReader::VietnameseQuarters, &DateReader::VietnameseYears, &DateReader::NumericDate,
      &DateReader::DayMonthName,    &DateReader::MonthNameDay,       &DateReader::MonthNames,
      &DateReader::OrdinalQuarters, &DateReader::ShortQuarter,       &DateReader::CuedYears,
      &DateReader::EnglishRelative, &DateReader::FrenchRelative,
  };
  Match best;
  for (const Rule rule : kRules) {
    Match m;
    if ((this->*rule)(i, modified, &m) && m.next > best.next) best = std::move(m);
  }
  return best;
}

std::vector<DateMention> DateReader::ReadAll() {
  std::vector<DateMention> dates;
  for (std::size_t i = 0; T(i).kind != Kind::kNone;) {
    tokens_.Forget(i > kLookBehind ? i - kLookBehind : 0);
    const Token& t = T(i);
    if (t.kind != Kind::kNumber && (t.kind != Kind::kWord || t.word == Word::kNone)) {
      ++i;   // every date starts with a number or a word of the lexicon
      continue;
    }
    Match best = Longest(i, false);
    if (const std::size_t head = Modifier(i); head != kNoToken) {
      Match modified = Longest(head, true);
      if (!modified.found.empty() && modified.next > best.next) {
        modified.found.front().start = T(i).start;
        best = std::move(modified);
      }
    }
    if (best.found.empty()) {
      ++i;
      continue;
    }
    for (const Found& found : best.found) {
      if (std::optional<std::string> value = Resolve(found.when, doc_)) {
        dates.push_back({std::move(*value), Span{found.start, found.end}});
      }
      if (found.when.grain == Grain::kDay) last_day_ = best.next - 1;
    }
    i = best.next;
  }
  return dates;
}

}  // namespace

std::vector<DateMention> FindDates(std::string_view text, const std::optional<std::string>& document_date) {
  return DateReader(text, ParseDocumentDate(document_date)).ReadAll();
}

}  // namespace dipdoc
