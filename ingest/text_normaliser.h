#ifndef DIPDOC_INGEST_TEXT_NORMALISER_H_
#define DIPDOC_INGEST_TEXT_NORMALISER_H_

#include <string>
#include <string_view>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace dipdoc {

// Turns decoded text into the one form every later stage sees: no byte-order mark, LF line ends, Unicode
// NFC (so decomposed input, as from macOS or OCR, is byte-identical to its composed twin).
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
