#ifndef DIPDOC_INGEST_LANGUAGE_IDENTIFIER_H_
#define DIPDOC_INGEST_LANGUAGE_IDENTIFIER_H_

#include <optional>
#include <string>
#include <string_view>

namespace dipdoc {

// The main language of `text` as an ISO 639-1 code ("vi", "en", "fr", "ru", "zh", ...), from Google's
// Compact Language Detector 2 (Debian's libcld2: 83 languages); nullopt when it cannot tell
// (too little text, or no letters). Reads at most the first 64 KiB. Thread-safe.
// REQUIRES: text is well-formed UTF-8
std::optional<std::string> IdentifyLanguage(std::string_view text);

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_LANGUAGE_IDENTIFIER_H_
