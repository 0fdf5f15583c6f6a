#ifndef DIPDOC_INGEST_TEXT_DECODER_H_
#define DIPDOC_INGEST_TEXT_DECODER_H_

// Bytes of a text file in, UTF-8 out: the encoding is found from the bytes themselves, never assumed.

#include <string>
#include <string_view>

#include "ingest/status.h"

namespace dipdoc {

enum class Encoding {
  kUtf8,          // with or without BOM
  kUtf16Le,       // with BOM
  kUtf16Be,       // with BOM
  kWindows1258,   // Vietnamese Windows code page (ICU's converter; tone marks come out decomposed)
  kWindows1252,   // Western European (French, English) legacy files
  kTcvn3,         // TCVN 5712 "ABC" (glibc's iconv TCVN5712-1; some capitals sit on C0 control bytes)
  kVni,           // VNI-Windows (table in ingest/data/vni.tsv)
};

// "utf-8", "utf-16le", "utf-16be", "windows-1258", "windows-1252", "tcvn3", "vni".
std::string_view ToString(Encoding encoding);

struct DecodedText {
  std::string utf8;     // well-formed UTF-8, BOM removed; not yet NFC (TextNormaliser does that)
  Encoding encoding;
};

// Detects the encoding of `bytes` and decodes them. An InvalidInput status naming the reason when the bytes
// are empty, binary, or not text in any encoding above (never mojibake: a guess that does not read as
// Vietnamese, French or English text is refused).
Result<DecodedText> DecodeText(std::string_view bytes);

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_TEXT_DECODER_H_
