#include "ingest/text_normaliser.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cctype>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "ingest/line_shape.h"
#include "ingest/utf8.h"

namespace dipdoc {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool IsInvisible(UChar32 c) {
  switch (c) {
    case 0x00AD:  // soft hyphen
    case 0x180E:  // Mongolian vowel separator
    case 0x200B:  // zero width space
    case 0x200C:  // zero width non-joiner
    case 0x200D:  // zero width joiner
    case 0x2060:  // word joiner
    case 0xFEFF:  // zero width no-break space (a BOM inside the text)
      return true;
    default:
      return false;
  }
}

// Every space separator (no-break, narrow no-break, figure, thin, ideographic...) and tab becomes ' '.
bool IsSpace(UChar32 c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\v';  // ASCII, most of every text: no need to ask ICU
  return u_charType(c) == U_SPACE_SEPARATOR;
}

std::string_view Ligature(UChar32 c) {
  switch (c) {
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0xFB03: return "ffi";
    case 0xFB04: return "ffl";
    case 0xFB05:
    case 0xFB06: return "st";
    default: return {};
  }
}

// Pass 1: characters. CR LF and lone CR become LF; noise is removed or replaced.
std::string CleanCharacters(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int64_t>(text.size());
  for (int64_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT_UNSAFE(s, i, c);
    if (c == '\r') {
      out += '\n';
      if (i < length && s[i] == '\n') ++i;
    } else if (IsInvisible(c)) {
      continue;
    } else if (IsSpace(c)) {
      out += ' ';
    } else if (c == 0x00D0) {
      AppendUtf8(out, 0x0110);  // Ð (eth) for Đ (d with stroke): a look-alike in Vietnamese text
    } else if (const std::string_view ligature = Ligature(c); !ligature.empty()) {
      out += ligature;
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      AppendUtf8(out, c);
    }
  }
  return out;
}

// The code point starting at text[i], and its length in bytes.
UChar32 CodePointAt(std::string_view text, std::size_t i, int32_t* length) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT_UNSAFE(s, j, c);
  *length = j - static_cast<int32_t>(i);
  return c;
}

// The code point ending just before text[end].
UChar32 CodePointBefore(std::string_view text, std::size_t end) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t j = static_cast<int32_t>(end);
  UChar32 c;
  U8_PREV_UNSAFE(s, j, c);
  return c;
}

bool IsLetter(UChar32 c) { return u_isalpha(c) != 0; }

// The word (letters, digits, hyphens) that ends at `end`.
std::string_view WordBefore(std::string_view line, std::size_t end) {
  std::size_t start = end;
  while (start > 0) {
    const std::size_t prev = start - 1;
    const unsigned char b = static_cast<unsigned char>(line[prev]);
    if (b == ' ') break;
    if (b < 0x80 && !(std::isalnum(b) || b == '-')) break;
    start = prev;
  }
  return line.substr(start, end - start);
}

// Splits sentences glued by a lost paragraph break: "Covid-19.Ngày" -> "Covid-19.\nNgày". Needs a word of
// three or more characters before the full stop and a capital followed by a small letter after it, so
// abbreviations ("TP.HCM", "Mr.Smith", "U.S.A") and domain names ("baoquocte.vn") are left alone.
void SplitGluedSentences(std::string& line) {
  std::string out;
  std::size_t copied = 0;
  for (std::size_t dot = line.find('.'); dot != std::string::npos; dot = line.find('.', dot + 1)) {
    if (dot == 0 || dot + 2 >= line.size()) continue;
    const UChar32 before = CodePointBefore(line, dot);
    if (!(u_islower(before) || u_isdigit(before))) continue;
    if (WordBefore(line, dot).size() < 3) continue;
    int32_t first_length = 0;
    const UChar32 first = CodePointAt(line, dot + 1, &first_length);
    if (!u_isupper(first) || dot + 1 + first_length >= line.size()) continue;
    int32_t second_length = 0;
    const UChar32 second = CodePointAt(line, dot + 1 + first_length, &second_length);
    if (!u_islower(second)) continue;
    out.append(line, copied, dot + 1 - copied);
    out += '\n';
    copied = dot + 1;
  }
  if (copied == 0) return;
  out.append(line, copied, std::string::npos);
  line = std::move(out);
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

// Whether `line` ends with a word hyphenated across the line end that should be joined with the next line:
// a letter, then '-', and the word before the hyphen is not itself a hyphenated compound.
bool EndsWithSplitWord(std::string_view line) {
  if (line.size() < 2 || line.back() != '-') return false;
  const std::size_t hyphen = line.size() - 1;
  if (!IsLetter(CodePointBefore(line, hyphen))) return false;
  const std::string_view word = WordBefore(line, hyphen);
  return word.find('-') == std::string_view::npos;
}

bool StartsWithSmallLetter(std::string_view line) {
  if (line.empty()) return false;
  int32_t length = 0;
  return u_islower(CodePointAt(line, 0, &length)) != 0;
}

// Pass 2: lines. Trim, collapse, join hyphenated words, collapse blank lines, split glued sentences.
// Form feeds (page breaks) are kept on lines of their own.
std::string CleanLines(std::string_view text) {
  std::vector<std::string> lines;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = LineEnd(text, start);
    lines.push_back(CollapseSpaces(TrimSpaces(text.substr(start, end - start))));
    if (end < text.size() && text[end] == '\f') lines.push_back("\f");
    start = end + 1;
  }
  // Join "vac-" + "cine ...": the next line loses its first word to this one.
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    std::string& line = lines[i];
    std::string& next = lines[i + 1];
    if (next == "\f") continue;
    if (line.size() >= 2 && line.back() == '-' && IsLetter(CodePointBefore(line, line.size() - 1)) &&
        StartsWithSmallLetter(next)) {
      const std::size_t word_end = std::min(next.find(' '), next.size());
      if (EndsWithSplitWord(line)) line.pop_back();
      line.append(next, 0, word_end);
      next.erase(0, word_end == next.size() ? word_end : word_end + 1);
    }
  }
  std::string out;
  out.reserve(text.size());
  bool previous_blank = true;  // drops blank lines at the start
  for (std::string& line : lines) {
    if (line == "\f") {
      while (!out.empty() && out.back() == '\n') out.pop_back();
      out += '\f';
      previous_blank = true;
      continue;
    }
    if (line.empty()) {
      if (!previous_blank) out += '\n';
      previous_blank = true;
      continue;
    }
    SplitGluedSentences(line);
    out += line;
    out += '\n';
    previous_blank = false;
  }
  while (!out.empty() && (out.back() == '\n')) out.pop_back();
  if (!out.empty()) out += '\n';
  return out;
}

}  // namespace

TextNormaliser::TextNormaliser() {
  UErrorCode error = U_ZERO_ERROR;
  nfc_ = icu::Normalizer2::getNFCInstance(error);
  if (U_FAILURE(error)) throw std::runtime_error(std::string("ICU NFC data unavailable: ") + u_errorName(error));
}

std::string TextNormaliser::Normalise(std::string_view utf8) const {
  if (utf8.starts_with(kUtf8Bom)) utf8.remove_prefix(kUtf8Bom.size());
  const std::string cleaned = CleanCharacters(utf8);
  std::string composed;
  composed.reserve(cleaned.size());
  icu::StringByteSink<std::string> sink(&composed);
  UErrorCode error = U_ZERO_ERROR;
  nfc_->normalizeUTF8(0, icu::StringPiece(cleaned.data(), static_cast<int32_t>(cleaned.size())), sink, nullptr,
                      error);
  if (U_FAILURE(error)) throw std::runtime_error(std::string("NFC normalisation failed: ") + u_errorName(error));
  return CleanLines(composed);
}

}  // namespace dipdoc
