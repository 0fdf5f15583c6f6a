#include "ingest/document_profiler.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <bitset>
#include <vector>

#include "ingest/document_date.h"
#include "ingest/language_identifier.h"
#include "ingest/line_shape.h"
#include "ingest/text_pattern.h"
#include "ingest/utf8.h"

namespace dipdoc {
namespace {

constexpr std::size_t kHeaderLines = 16;      // the header: at most this many lines above the first paragraph
constexpr std::size_t kClosingLines = 20;     // the courtesy close and signature block live here
constexpr std::size_t kMaxTitleBytes = 300;
constexpr int kMinCueScore = 3;
constexpr std::size_t kMaxCueBytes = 400;
constexpr std::size_t kPressCueLines = 200;  // reporting cues are looked for in the first lines only

// The heading a note of a call or meeting opens with, in lower case.
constexpr const char* kCallHeading =
    R"(^(ghi chép|biên bản|ghi nhớ|nội dung tiếp xúc|bản ghi|tóm tắt (cuộc|nội dung))|^(minutes|record|notes?|summary|readout) of |^(note for the record|readout)|^(compte rendu|compte-rendu|procès-verbal|relevé de conclusions|note d'entretien|note de conversation|note d'audience))";

struct Lines {
  std::vector<std::string_view> all;     // non-empty lines
  std::vector<std::string> lower;        // the same, lower case
  std::size_t body = 0;                  // index of the first paragraph (all.size() when none)
};

Lines SplitLines(std::string_view text) {
  Lines lines;
  lines.all = NonEmptyLines(text);
  // Cues are looked for in the first bytes of a line only: a 5 MB line must cost no more than a short one.
  for (std::string_view line : lines.all) lines.lower.push_back(LowerCase(TruncateUtf8(line, kMaxCueBytes)));
  while (lines.body < lines.all.size() && lines.body < kHeaderLines && !IsParagraph(lines.all[lines.body])) ++lines.body;
  return lines;
}

// A cheap test a line must pass before a cue's pattern can match it: it starts with one of `starts` (when
// any are given) and contains one of `contains` (when any are given). Each is a necessary condition read
// off the pattern, never a sufficient one: the pattern still decides. Most lines match no cue, and a
// substring search costs a small fraction of a regex search over the line.
class Prefilter {
 public:
  // `test`, when given, is a test of its own, instead of the two lists.
  Prefilter(std::vector<std::string_view> starts, std::vector<std::string_view> contains,
            bool (*test)(std::string_view line) = nullptr)
      : starts_(std::move(starts)), contains_(std::move(contains)), test_(test) {
    for (std::string_view s : starts_) first_bytes_.set(static_cast<unsigned char>(s.front()));
  }

  bool Passes(std::string_view line) const {
    if (test_ != nullptr) return test_(line);
    // Most lines are turned away on their first byte.
    if (!starts_.empty() &&
        (line.empty() || !first_bytes_.test(static_cast<unsigned char>(line.front())) ||
         std::none_of(starts_.begin(), starts_.end(), [line](std::string_view s) { return line.starts_with(s); }))) {
      return false;
    }
    return contains_.empty() || std::any_of(contains_.begin(), contains_.end(), [line](std::string_view s) {
             return line.find(s) != std::string_view::npos;
           });
  }

 private:
  std::vector<std::string_view> starts_;  // none empty
  std::vector<std::string_view> contains_;
  bool (*test_)(std::string_view line);
  std::bitset<256> first_bytes_;          // the first bytes of starts_
};

struct Cue {
  TextPattern pattern;
  int weight;
  Prefilter prefilter;
};

// Sums the weights of the cues found in lines [from, to); each cue counts once.
int Score(const std::vector<Cue>& cues, const Lines& lines, std::size_t from, std::size_t to) {
  int score = 0;
  for (const Cue& cue : cues) {
    for (std::size_t i = from; i < to && i < lines.lower.size(); ++i) {
      if (cue.prefilter.Passes(lines.lower[i]) && cue.pattern.Search(lines.lower[i])) {
        score += cue.weight;
        break;
      }
    }
  }
  return score;
}

TextPattern Re(const char* pattern) { return TextPattern(pattern); }

// Prefilters: a line starting with one of...
Prefilter Starts(std::vector<std::string_view> starts) { return Prefilter(std::move(starts), {}); }
// ...or containing one of...
Prefilter Contains(std::vector<std::string_view> contains) { return Prefilter({}, std::move(contains)); }

DocType Classify(const Lines& lines) {
  static const std::vector<Cue> kLetterHeader = {
      {Re(R"(^(số|so|ref\.?( no\.?)?|reference|our ref\.?|n°|no\.)\s*:?\s*\d+[^ ]*/)"), 3,
       {{"số", "so", "ref", "our ref", "n°", "no."}, {"/"}}},
      {Re(R"(^kính gửi)"), 4, Starts({"kính gửi"})},
      {Re(R"(^v/v\b)"), 2, Starts({"v/v"})},
      {Re(R"(^dear )"), 4, Starts({"dear "})},
      {Re(R"(^(monsieur|madame) (le|la) )"), 3, Starts({"monsieur l", "madame l"})},
      {Re(R"(^(son |votre )?excellence)"), 2, Starts({"son excellence", "votre excellence", "excellence"})},
      {Re(R"(^your excellency)"), 3, Starts({"your excellency"})},
      {Re(R"(^(công hàm|note verbale|diplomatic note))"), 4, Starts({"công hàm", "note verbale", "diplomatic note"})},
      {Re(R"(^[^\d,]{2,40},\s*(le\s+|ngày\s+)?\d)"), 1, Contains({","})},
  };
  static const std::vector<Cue> kLetterAnywhere = {
      {Re(R"(has the honou?r|a l'honneur de)"), 2, Contains({"has the hono", "a l'honneur de"})},
      {Re(R"(trân trọng|yours (sincerely|faithfully)|sincerely yours|je vous prie d'agréer|veuillez agréer)"), 3,
       Contains({"trân trọng", "yours ", "sincerely yours", "je vous prie d'agréer", "veuillez agréer"})},
      {Re(R"(haute considération|highest consideration|assurances of (my|its) )"), 3,
       Contains({"haute considération", "highest consideration", "assurances of "})},
      {Re(R"(^nơi nhận)"), 3, Starts({"nơi nhận"})},
      {Re(R"(^(kt|tl|tm|tuq)\. )"), 2, Starts({"kt. ", "tl. ", "tm. ", "tuq. "})},
  };
  static const std::vector<Cue> kCallHeader = {
      {Re(kCallHeading), 5,
       Starts({"ghi chép", "biên bản", "ghi nhớ", "nội dung tiếp xúc", "bản ghi", "tóm tắt ", "minutes of ",
               "record of ", "note", "summary of ", "readout", "compte rendu", "compte-rendu", "procès-verbal",
               "relevé de conclusions"})},
      {Re(R"(^(thành phần|participants|attendees|present|thời gian|địa điểm|hình thức|format|date/time|date et heure|lieu|objet)\s*:)"), 2,
       {{"thành phần", "participants", "attendees", "present", "thời gian", "địa điểm", "hình thức", "format",
         "date/time", "date et heure", "lieu", "objet"},
        {":"}}},
  };
  static const std::vector<Cue> kPress = {
      {Re(R"(\d{1,2}:\d{2}.*\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{1,2}/\d{4}.*\d{1,2}:\d{2}|gmt\s*\+\s*7)"), 3,
       Prefilter({}, {}, [](std::string_view line) {
                   return (line.find(':') != std::string_view::npos && line.find('/') != std::string_view::npos) ||
                          line.find("gmt") != std::string_view::npos;
                 })},
      {Re(R"(^(media release|press release|news release|communiqué|thông cáo báo chí|thông cáo))"), 5,
       Starts({"media release", "press release", "news release", "communiqué", "thông cáo"})},
      {Re(R"(\((ttxvn|vna|mofa|vov|vtv|afp|reuters|ap|baoquocte\.vn|chinhphu\.vn)\))"), 3,
       Contains({"(ttxvn)", "(vna)", "(mofa)", "(vov)", "(vtv)", "(afp)", "(reuters)", "(ap)", "(baoquocte.vn)",
                 "(chinhphu.vn)"})},
      {Re(R"(\(ảnh:|^ảnh:|ảnh: |\(photo|^photo:)"), 2, Contains({"ảnh:", "photo"})},
      // Reported speech, one point per verb.
      {Re(R"(cho biết)"), 1, Contains({"cho biết"})},
      {Re(R"(nhấn mạnh)"), 1, Contains({"nhấn mạnh"})},
      {Re(R"(phát biểu)"), 1, Contains({"phát biểu"})},
      {Re(R"(cho rằng)"), 1, Contains({"cho rằng"})},
      {Re(R"(\b(said|told reporters)\b)"), 1, Contains({"said", "told reporters"})},
      {Re(R"(\b(announced|according to)\b)"), 1, Contains({"announced", "according to"})},
      {Re(R"(a (déclaré|annoncé|indiqué))"), 1, Contains({"a déclaré", "a annoncé", "a indiqué"})},
      {Re(R"(\bselon )"), 1, Contains({"selon "})},
      {Re(R"(^(theo|nguồn:|source:))"), 1, Starts({"theo", "nguồn:", "source:"})},
  };
  const std::size_t n = lines.all.size();
  const std::size_t header_end = std::max<std::size_t>(lines.body, std::min<std::size_t>(n, 6));
  const std::size_t closing_start = n > kClosingLines ? n - kClosingLines : 0;
  const int letter = Score(kLetterHeader, lines, 0, header_end) + Score(kLetterAnywhere, lines, closing_start, n);
  const int call = Score(kCallHeader, lines, 0, std::max<std::size_t>(header_end, std::min<std::size_t>(n, 12)));
  const int press = Score(kPress, lines, 0, std::min<std::size_t>(n, kPressCueLines));
  const int best = std::max({letter, call, press});
  if (best < kMinCueScore) return DocType::kOther;
  if (best == letter) return DocType::kLetter;
  if (best == call) return DocType::kCallNote;
  return DocType::kPress;
}

std::string CutTitle(std::string_view text) {
  if (text.size() <= kMaxTitleBytes) return std::string(text);
  std::string_view cut = TruncateUtf8(text, kMaxTitleBytes);
  if (const std::size_t space = cut.rfind(' '); space != std::string_view::npos && space > kMaxTitleBytes / 2) {
    cut = cut.substr(0, space);
  }
  return std::string(cut) + "…";
}

// "cảm ơn Hung-ga-ri ..." -> "Cảm ơn Hung-ga-ri ...": subject lines follow "V/v" in lower case.
std::string CapitaliseFirst(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (u.isEmpty()) return {};
  const UChar32 first = u.char32At(0);
  u.replace(0, U16_LENGTH(first), static_cast<UChar32>(u_toupper(first)));
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string FirstSentence(std::string_view paragraph) {
  const std::size_t end = paragraph.find(". ");
  return CutTitle(end == std::string_view::npos ? paragraph : paragraph.substr(0, end + 1));
}

std::string_view AfterLabel(std::string_view line) {
  const std::size_t colon = line.find(':');
  std::string_view rest = colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return rest;
}

std::string FindTitle(const Lines& lines, DocType type) {
  static const TextPattern kSubject = Re(R"(^(v/v|subject\s*:|re\s*:|objet\s*:|về việc\s*:?))");
  static const TextPattern kCallHeadingLine = Re(kCallHeading);
  static const TextPattern kContinuation = Re(R"(^(giữa|với|và|between|with|and|entre|avec|et) )");
  const std::size_t header = std::min(lines.body, lines.all.size());
  if (type == DocType::kLetter) {
    for (std::size_t i = 0; i < header; ++i) {
      if (!kSubject.Search(lines.lower[i])) continue;
      std::string_view subject = lines.all[i];
      if (lines.lower[i].starts_with("v/v")) {
        subject.remove_prefix(3);
      } else if (subject.find(':') != std::string_view::npos) {
        subject = AfterLabel(subject);
      } else {
        subject.remove_prefix(std::string_view("về việc").size());
      }
      while (!subject.empty() && (subject.front() == ' ' || subject.front() == ':')) subject.remove_prefix(1);
      if (!subject.empty()) return CutTitle(CapitaliseFirst(subject));
    }
  }
  if (type == DocType::kCallNote) {
    for (std::size_t i = 0; i < header; ++i) {
      if (!kCallHeadingLine.Search(lines.lower[i])) continue;
      std::string title(lines.all[i]);
      for (std::size_t j = i + 1; j < header && j <= i + 2 && kContinuation.Search(lines.lower[j]); ++j) {
        title += ' ';
        title += lines.all[j];
      }
      return CutTitle(title);
    }
  }
  if (type != DocType::kLetter) {
    // The headline: a line above the body that is not a dateline, a kicker in capitals or a byline.
    for (std::size_t i = 0; i < header; ++i) {
      const std::string_view line = lines.all[i];
      if (FindFullDate(line) || IsAllCapitals(line) || WordCount(line) < 4) continue;
      return CutTitle(line);
    }
  }
  for (std::size_t i = lines.body; i < lines.all.size(); ++i) {
    if (IsParagraph(lines.all[i])) return FirstSentence(lines.all[i]);
  }
  return lines.all.empty() ? std::string() : CutTitle(lines.all.front());
}

std::optional<std::string> FindReference(const Lines& lines) {
  static const TextPattern kReference =
      Re(R"(^(?:số|so|ref\.?(?: no\.?)?|reference|our ref\.?|n°|no\.)\s*:?\s*(\d+[^\s,;]*/[^\s,;]+))");
  for (std::size_t i = 0; i < std::min(lines.body, lines.all.size()); ++i) {
    const std::optional<TextMatch> m = kReference.Find(lines.lower[i]);
    if (!m) continue;
    // Take the reference from the original line: lower-casing may have changed byte lengths before it.
    const std::string_view line = lines.all[i];
    const std::size_t at = line.find(m->str(1).substr(0, m->str(1).find('/')));
    if (at == std::string_view::npos) continue;
    const std::size_t end = std::min(line.find_first_of(" ,;", at), line.size());
    return std::string(line.substr(at, end - at));
  }
  return std::nullopt;
}

std::optional<std::string> FindAddressee(const Lines& lines) {
  static const TextPattern kKinhGui = Re(R"(^kính gửi\s*:?)");
  static const TextPattern kSalutation =
      Re(R"(^(dear |your excellency|excellency|(monsieur|madame) (le|la) [^,]*,$|monsieur,|madame,|excellence,))");
  const std::size_t header = std::min(lines.body, lines.all.size());
  for (std::size_t i = 0; i < header; ++i) {
    if (!kKinhGui.Search(lines.lower[i])) continue;
    const std::string_view rest = AfterLabel(lines.all[i]);
    if (!rest.empty()) return CutTitle(rest);
    if (i + 1 < lines.all.size()) return CutTitle(lines.all[i + 1]);
  }
  // English and French letters: the block between the date line and the salutation.
  for (std::size_t s = 0; s < std::min(lines.all.size(), kHeaderLines + 4); ++s) {
    if (!kSalutation.Search(lines.lower[s])) continue;
    for (std::size_t d = 0; d < s; ++d) {
      if (!FindFullDate(lines.all[d])) continue;
      if (d + 1 < s) return CutTitle(lines.all[d + 1]);
    }
    break;
  }
  return std::nullopt;
}

}  // namespace

DocumentProfile ProfileDocument(std::string_view text) {
  const Lines lines = SplitLines(text);
  DocumentProfile profile;
  profile.language = IdentifyLanguage(text);
  profile.doc_type = Classify(lines);
  profile.date = FindDocumentDate(text);
  profile.title = FindTitle(lines, profile.doc_type);
  if (profile.doc_type == DocType::kLetter) {
    profile.reference = FindReference(lines);
    profile.addressee = FindAddressee(lines);
  }
  return profile;
}

}  // namespace dipdoc
