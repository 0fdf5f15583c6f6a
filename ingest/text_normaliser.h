#ifndef DIPDOC_INGEST_TEXT_NORMALISER_H_
#define DIPDOC_INGEST_TEXT_NORMALISER_H_

#include <string>
#include <string_view>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace dipdoc {

// Turns decoded text into the one form every later stage sees:
//  - no byte-order mark; LF line ends; Unicode NFC, so decomposed input (macOS, OCR, Windows-1258) is
//    byte-identical to its composed twin;
//  - typographic noise that breaks matching removed: no-break, narrow no-break and other Unicode spaces
//    become ' ' (French "450 000" reads as "450 000"); soft hyphens and zero-width characters are dropped;
//    ligatures (ﬁ, ﬂ, ...) are spelled out; the look-alike Ð (U+00D0) becomes Đ;
//  - lines trimmed, runs of spaces and tabs collapsed, runs of blank lines collapsed to one;
//  - a word hyphenated at a line end is joined ("vac-\ncine" -> "vaccine"), but hyphenated compounds keep
//    their hyphen ("Ô-xtrây-\nli-a" -> "Ô-xtrây-li-a");
//  - sentences glued by a lost paragraph break ("Covid-19.Ngày 17/8") are split onto two lines.
// Tone-mark placement is left as written: see tone_marks.h for the form used for matching.
// Thread-safe: one instance can serve every worker.
class TextNormaliser {
 public:
  TextNormaliser();

  // REQUIRES: utf8 is well-formed UTF-8 (see FindInvalidUtf8)
  std::string Normalise(std::string_view utf8) const;

 private:
  const icu::Normalizer2* nfc_;  // owned by ICU, lives for the process
};

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_TEXT_NORMALISER_H_
