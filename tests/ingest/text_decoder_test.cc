#include "ingest/text_decoder.h"

#include <catch2/catch.hpp>
#include <iconv.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/embedded_data.h"
#include "ingest/text_normaliser.h"

// The test data are encoded here from Unicode sentences with ICU and glibc's iconv, or written as byte
// literals (VNI, which no library has), never with the decoder's own tables.

#include "test_util.h"

namespace dipdoc {
namespace {

// --- Encoders --------------------------------------------------------------------------------------------

std::u16string ToUtf16(std::string_view utf8) {
  const icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  return std::u16string(s.getBuffer(), s.getBuffer() + s.length());
}

// ICU's converter, failing the test on any character the code page cannot hold.
std::string EncodeWithIcu(const char* converter, std::u16string_view text) {
  UErrorCode error = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(converter, &error);
  REQUIRE(U_SUCCESS(error));
  ucnv_setFromUCallBack(cnv, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &error);
  std::string out(text.size() * 4 + 16, '\0');
  const int32_t length = ucnv_fromUChars(cnv, out.data(), static_cast<int32_t>(out.size()), text.data(),
                                         static_cast<int32_t>(text.size()), &error);
  ucnv_close(cnv);
  REQUIRE(U_SUCCESS(error));
  out.resize(static_cast<std::size_t>(length));
  return out;
}

// Windows-1258 as ICU and Word write it: a letter with at most its circumflex, breve or horn precomposed,
// then the tone as a combining mark ("ệ" is ê + U+0323).
std::string ToWindows1258(std::string_view utf8) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(error);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  REQUIRE(U_SUCCESS(error));
  const icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString::fromUTF8(utf8), error);
  std::u16string out;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 base = decomposed.char32At(i);
    i += U16_LENGTH(base);
    std::u16string tones;
    while (i < decomposed.length() && u_getCombiningClass(decomposed.char32At(i)) != 0) {
      const UChar32 mark = decomposed.char32At(i);
      i += U16_LENGTH(mark);
      if (mark == 0x0302 || mark == 0x0306 || mark == 0x031B) {
        base = nfc->composePair(base, mark);
      } else {
        tones += static_cast<char16_t>(mark);
      }
    }
    icu::UnicodeString letter(base);
    out.append(letter.getBuffer(), static_cast<std::size_t>(letter.length()));
    out += tones;
  }
  return EncodeWithIcu("windows-1258", out);
}

// TCVN3 through glibc's iconv.
std::string ToTcvn3(std::string_view utf8) {
  iconv_t cd = iconv_open("TCVN5712-1", "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* target = out.data();
  std::size_t out_left = out.size();
  const std::size_t converted = iconv(cd, &in, &in_left, &target, &out_left);
  const std::size_t flushed = iconv(cd, nullptr, nullptr, &target, &out_left);
  iconv_close(cd);
  REQUIRE(converted != static_cast<std::size_t>(-1));
  REQUIRE(flushed != static_cast<std::size_t>(-1));
  out.resize(static_cast<std::size_t>(target - out.data()));
  return out;
}

std::string ToUtf16Bytes(std::string_view utf8, bool big_endian, bool bom) {
  std::u16string units = ToUtf16(utf8);
  if (bom) units.insert(units.begin(), u'\uFEFF');
  std::string out;
  for (char16_t u : units) {
    const char high = static_cast<char>(u >> 8);
    const char low = static_cast<char>(u & 0xFF);
    out += big_endian ? high : low;
    out += big_endian ? low : high;
  }
  return out;
}

std::string Windows1252(std::string_view utf8) { return EncodeWithIcu("windows-1252", ToUtf16(utf8)); }

std::string Normalised(std::string_view utf8) {
  static const TextNormaliser normaliser;
  return normaliser.Normalise(utf8);
}

std::string ReadFile(const std::string& path) { return testing::ReadFileBytes(path); }

// --- Sentences ---------------------------------------------------------------------------------------------

constexpr const char* kNationalTitle = "Cộng hòa xã hội chủ nghĩa Việt Nam";
constexpr const char* kRequest =
    "Bộ Ngoại giao trân trọng đề nghị Quý Đại sứ quán thông báo lịch giao 1,05 triệu liều vaccine trong tháng 10 "
    "năm 2021.";
constexpr const char* kEmbassy = "Đại sứ quán";
constexpr const char* kPartners =
    "Đức và Vương quốc Anh khẳng định sẽ tiếp tục hỗ trợ; ý kiến của Thuỵ Sĩ được ghi nhận ở kỳ họp";
constexpr const char* kMotto = "ĐỘC LẬP - TỰ DO - HẠNH PHÚC";
// Every capital that TCVN3 puts on a C0 byte: Ú Ụ Ừ Ử Ữ Ứ Ự Ỳ Ỷ Ỹ Ý Ỵ.
constexpr const char* kControlCapitals =
    "NHỮNG VIỆC CẦN LÀM: TỰ KIỂM TRA, ỨNG PHÓ, SỬ DỤNG ĐÚNG, TỪ CHỐI, KỲ HỌP, KỶ NIỆM, QUỸ VACCINE, Ý KIẾN, THUỴ SĨ";
constexpr const char* kFrench =
    "Hanoï, le 14 octobre 2021\nMonsieur le Ministre,\nJe vous prie d'agréer l'assurance de ma très haute "
    "considération.";
constexpr const char* kEnglishQuotes = "Viet Nam’s request – “1.05 million doses” – was noted.";

// The same sentences in VNI-Windows, as their bytes read in Windows-1252, typed from the VNI key rules.
struct VniSentence {
  const char* text;
  const char* vni_as_cp1252;
};
const VniSentence kVniSentences[] = {
    {kNationalTitle, "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"},
    {kRequest,
     "Boä Ngoaïi giao traân troïng ñeà nghò Quyù Ñaïi söù quaùn thoâng baùo lòch giao 1,05 trieäu lieàu vaccine "
     "trong thaùng 10 naêm 2021."},
    {kEmbassy, "Ñaïi söù quaùn"},
    {kPartners,
     "Ñöùc vaø Vöông quoác Anh khaúng ñònh seõ tieáp tuïc hoã trôï; yù kieán cuûa Thuî Só ñöôïc ghi nhaän ôû kyø "
     "hoïp"},
    {kMotto, "ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC"},
    {"VIỆT NAM - VƯƠNG QUỐC ANH: Ý KIẾN, KỲ HỌP, ĐƯỢC, MỸ, THUỴ SĨ, ẤN ĐỘ, ẮC QUY, Ở, ỦY BAN, ĂN",
     "VIEÄT NAM - VÖÔNG QUOÁC ANH: YÙ KIEÁN, KYØ HOÏP, ÑÖÔÏC, MYÕ, THUÎ SÓ, AÁN ÑOÄ, AÉC QUY, ÔÛ, UÛY BAN, AÊN"},
};

struct Case {
  std::string name;
  std::string bytes;
  Encoding encoding;
  std::string text;  // what the bytes say, UTF-8
};

std::vector<Case> AllCases() {
  std::vector<Case> cases;
  const auto add = [&](std::string name, std::string bytes, Encoding encoding, std::string text) {
    cases.push_back(Case{std::move(name), std::move(bytes), encoding, std::move(text)});
  };
  for (const char* text : {kNationalTitle, kRequest, kEmbassy, kPartners, kMotto, kControlCapitals, kFrench}) {
    const std::string t = text;
    add("UTF-8: " + t, t, Encoding::kUtf8, t);
    add("UTF-8 with BOM: " + t, "\xEF\xBB\xBF" + t, Encoding::kUtf8, t);
    add("UTF-16LE with BOM: " + t, ToUtf16Bytes(t, false, true), Encoding::kUtf16Le, t);
    add("UTF-16BE with BOM: " + t, ToUtf16Bytes(t, true, true), Encoding::kUtf16Be, t);
    add("UTF-16LE without BOM: " + t, ToUtf16Bytes(t, false, false), Encoding::kUtf16Le, t);
    add("UTF-16BE without BOM: " + t, ToUtf16Bytes(t, true, false), Encoding::kUtf16Be, t);
  }
  for (const char* text : {kNationalTitle, kRequest, kEmbassy, kPartners, kMotto, kControlCapitals}) {
    const std::string t = text;
    add("Windows-1258: " + t, ToWindows1258(t), Encoding::kWindows1258, t);
    add("TCVN3: " + t, ToTcvn3(t), Encoding::kTcvn3, t);
  }
  for (const VniSentence& s : kVniSentences) {
    add(std::string("VNI: ") + s.text, Windows1252(s.vni_as_cp1252), Encoding::kVni, s.text);
  }
  add("Windows-1252 French", Windows1252(kFrench), Encoding::kWindows1252, kFrench);
  add("Windows-1252 English with curly quotes", Windows1252(kEnglishQuotes), Encoding::kWindows1252, kEnglishQuotes);
  add("Windows-1252 French with CR LF", Windows1252("Réunion du comité\r\nÀ noter : la livraison a été reportée.\r\n"),
      Encoding::kWindows1252, "Réunion du comité\r\nÀ noter : la livraison a été reportée.\r\n");
  // Outputs more than half as long again as their input, past the decoders' first buffer.
  const std::string euros = "Prix unitaire : €€€€€€€€€€€€€€€€€€€€€€€€ (été)";
  add("Windows-1252 that grows threefold", Windows1252(euros), Encoding::kWindows1252, euros);
  std::string here = "Tự do:";
  for (int i = 0; i < 100; ++i) here += " ở";
  add("TCVN3 that grows threefold", ToTcvn3(here), Encoding::kTcvn3, here);
  const std::string english = "Ref. No.: 318/ĐSQ-NB. Dear Mr. Morimoto, thank you for the 1,000,000 doses.";
  add("Windows-1258 English with a Vietnamese reference", ToWindows1258(english), Encoding::kWindows1258, english);
  add("pure ASCII", "Moderna: 5 million doses\n", Encoding::kUtf8, "Moderna: 5 million doses\n");
  add("UTF-8 with a form feed between pages", "Trang 1\fTrang 2", Encoding::kUtf8, "Trang 1\fTrang 2");
  add("TCVN3 capitals on control bytes alone", "T\x12 DO", Encoding::kTcvn3, "TỰ DO");
  return cases;
}

TEST_CASE("every encoding is detected and decoded to the original text", "[decode]") {
  for (const Case& c : AllCases()) {
    INFO(c.name);
    const Result<DecodedText> decoded = DecodeText(c.bytes);
    REQUIRE(decoded.ok());
    CHECK(ToString(decoded.value().encoding) == ToString(c.encoding));
    CHECK(Normalised(decoded.value().utf8) == Normalised(c.text));
  }
}

TEST_CASE("the VNI table holds every Vietnamese letter, and every line of it decodes", "[decode]") {
  // The 134 letters: 12 vowels with each of 6 tones (bare a e i o u y are ASCII, so not in the table) and đ,
  // in both cases.
  const icu::UnicodeString lower = icu::UnicodeString::fromUTF8(
      "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ");
  std::set<UChar32> expected;
  for (int32_t i = 0; i < lower.length(); i = lower.moveIndex32(i, 1)) {
    expected.insert(lower.char32At(i));
    expected.insert(u_toupper(lower.char32At(i)));
  }
  REQUIRE(expected.size() == 134);

  // Each entry inside a syllable that is valid whatever its tone ("bán", "BỊN", "đan"), so the text reads
  // as Vietnamese only through the table.
  std::set<UChar32> letters;
  std::string vni_as_cp1252;
  std::string text;
  std::istringstream lines{std::string(data::kVniTable)};
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    const std::string key = line.substr(0, tab);
    const std::string letter = line.substr(tab + 1);
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(letter);
    REQUIRE(u.countChar32() == 1);
    letters.insert(u.char32At(0));
    const bool upper = u_isupper(u.char32At(0));
    const bool d = u_tolower(u.char32At(0)) == 0x0111;
    vni_as_cp1252 += (d ? key + (upper ? "AN" : "an") : (upper ? "B" : "b") + key + (upper ? "N" : "n")) + " ";
    text += (d ? letter + (upper ? "AN" : "an") : (upper ? "B" : "b") + letter + (upper ? "N" : "n")) + " ";
  }
  CHECK(letters == expected);
  const Result<DecodedText> decoded = DecodeText(Windows1252(vni_as_cp1252));
  REQUIRE(decoded.ok());
  CHECK(decoded.value().encoding == Encoding::kVni);
  CHECK(Normalised(decoded.value().utf8) == Normalised(text));
}

TEST_CASE("Windows-1258 decodes as well when letters are precomposed", "[decode]") {
  // "Hà Nội": à is one byte (E0) in Windows-1258; ộ is ô (F4) + dot below (F2).
  const Result<DecodedText> decoded = DecodeText("H\xE0 N\xF4\xF2i, ng\xE0y 20 th\xE1ng 10 n\xE3m 2021");
  REQUIRE(decoded.ok());
  CHECK(decoded.value().encoding == Encoding::kWindows1258);
  CHECK(Normalised(decoded.value().utf8) == "Hà Nội, ngày 20 tháng 10 năm 2021\n");
}

TEST_CASE("UTF-8 output keeps the text and drops only the BOM", "[decode]") {
  const Result<DecodedText> ascii = DecodeText("Pfizer, 31 million doses");
  REQUIRE(ascii.ok());
  CHECK(ascii.value().utf8 == "Pfizer, 31 million doses");
  const Result<DecodedText> bom = DecodeText("\xEF\xBB\xBFKính gửi");
  REQUIRE(bom.ok());
  CHECK(bom.value().encoding == Encoding::kUtf8);
  CHECK(bom.value().utf8 == "Kính gửi");
}

TEST_CASE("long legacy files are decoded whole, not just the part used to choose", "[decode]") {
  // About 200 KB each, well past the part the detector reads.
  const std::string line = std::string(kRequest) + "\r\n" + kNationalTitle + " " + kMotto + "\r\n";
  const std::string vni_line = std::string(kVniSentences[1].vni_as_cp1252) + "\r\n" +
                               kVniSentences[0].vni_as_cp1252 + " " + kVniSentences[4].vni_as_cp1252 + "\r\n";
  std::string text;
  std::string vni;
  for (int i = 0; i < 1000; ++i) {
    text += line;
    vni += vni_line;
  }
  struct Long {
    const char* name;
    std::string bytes;
    Encoding encoding;
  };
  const Long cases[] = {
      {"Windows-1258", ToWindows1258(text), Encoding::kWindows1258},
      {"TCVN3", ToTcvn3(text), Encoding::kTcvn3},
      {"VNI", Windows1252(vni), Encoding::kVni},
  };
  for (const Long& c : cases) {
    INFO(c.name);
    REQUIRE(c.bytes.size() > 128 * 1024);
    const Result<DecodedText> decoded = DecodeText(c.bytes);
    REQUIRE(decoded.ok());
    CHECK(decoded.value().encoding == c.encoding);
    CHECK(Normalised(decoded.value().utf8) == Normalised(text));
  }
}

TEST_CASE("empty, binary, truncated and unreadable input is refused with the reason", "[decode]") {
  struct Refusal {
    const char* name;
    std::string bytes;
    const char* message;
  };
  const Refusal cases[] = {
      {"empty", "", "file is empty"},
      {"NUL bytes", std::string("\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3E\0", 20),
       "binary data, not text (NUL byte at offset 7)"},
      {"NUL after text", std::string("Kính gửi\0\x01\x02", 14), "binary data, not text (NUL byte at offset 11)"},
      {"control bytes in ASCII", "\x1B[1m\x01\x02\x03\x04\x05\x06\x07\x08", "binary data, not text"},
      {"UTF-16 with an odd number of bytes", std::string("\xFF\xFE" "a\0b\0c", 7),
       "truncated UTF-16 (odd number of bytes: 7)"},
      {"UTF-16 with a lone high surrogate", std::string("\xFF\xFE" "a\0\x3D\xD8" "b\0", 8),
       "invalid UTF-16 (unpaired surrogate 0xD83D at byte 4)"},
      {"UTF-16BE ending in a high surrogate", std::string("\xFE\xFF\0a\xD8\x3D", 6),
       "invalid UTF-16 (unpaired surrogate 0xD83D at byte 4)"},
      {"UTF-16 with a lone low surrogate", std::string("\xFF\xFE\x00\xDC", 4),
       "invalid UTF-16 (unpaired surrogate 0xDC00 at byte 2)"},
      {"UTF-8 BOM then Latin-1", "\xEF\xBB\xBF" "caf\xE9", "not valid UTF-8 after its BOM"},
      {"mojibake symbols", "\xA4\xA6\xA8 \xB1\xB2\xB3 \xBC\xBD\xBE", "encoding not recognised"},
  };
  for (const Refusal& c : cases) {
    INFO(c.name);
    const Result<DecodedText> decoded = DecodeText(c.bytes);
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.status().code() == Status::Code::kInvalidInput);
    CHECK_THAT(decoded.status().message(), Catch::StartsWith(c.message));
  }
}

TEST_CASE("random high bytes are refused, not decoded as mojibake", "[decode]") {
  std::mt19937 random(20211020);
  std::uniform_int_distribution<int> high(0x80, 0xFF);
  std::uniform_int_distribution<int> word_length(1, 6);
  std::uniform_int_distribution<int> printable(0x20, 0xFF);
  for (int round = 0; round < 20; ++round) {
    std::string solid;     // high bytes only
    std::string words;     // high bytes in short words, as if text
    std::string mixed;     // printable ASCII and high bytes
    for (int i = 0; i < 2000; ++i) solid += static_cast<char>(high(random));
    while (words.size() < 2000) {
      for (int n = word_length(random); n > 0; --n) words += static_cast<char>(high(random));
      words += ' ';
    }
    for (int i = 0; i < 2000; ++i) {
      int c = printable(random);
      if (c == 0x7F) c = ' ';
      mixed += static_cast<char>(c);
    }
    for (const std::string& bytes : {solid, words, mixed}) {
      INFO("round " << round << ", " << bytes.size() << " bytes");
      const Result<DecodedText> decoded = DecodeText(bytes);
      if (decoded.ok()) FAIL("decoded as " << ToString(decoded.value().encoding) << ": " << decoded.value().utf8);
      CHECK_THAT(decoded.status().message(), Catch::StartsWith("encoding not recognised"));
    }
  }
}

TEST_CASE("the corpus documents in legacy encodings decode to their UTF-8 sources", "[decode]") {
  struct Document {
    const char* name;
    const char* suffix;
    Encoding encoding;
  };
  const Document documents[] = {
      {"letter_vi_hungary_2021-10-20", "cp1258", Encoding::kWindows1258},
      {"call_note_vi_uk_2021-09-28", "tcvn3", Encoding::kTcvn3},
      {"letter_vi_germany_2021-11-08", "vni", Encoding::kVni},
      {"call_note_en_moderna_2021-10-12", "utf16le", Encoding::kUtf16Le},
      {"letter_fr_unicef_2021-11-16", "utf16be", Encoding::kUtf16Be},
  };
  for (const Document& d : documents) {
    const std::string encoded = DIPDOC_SOURCE_DIR "/corpora/documents/" + std::string(d.name) + "." + d.suffix + ".txt";
    const std::string source = DIPDOC_SOURCE_DIR "/corpora/sources/" + std::string(d.name) + ".txt";
    INFO(encoded);
    const Result<DecodedText> decoded = DecodeText(ReadFile(encoded));
    REQUIRE(decoded.ok());
    CHECK(decoded.value().encoding == d.encoding);
    CHECK(Normalised(decoded.value().utf8) == Normalised(ReadFile(source)));
  }
}

TEST_CASE("encodings are named", "[decode]") {
  CHECK(ToString(Encoding::kUtf8) == "utf-8");
  CHECK(ToString(Encoding::kUtf16Le) == "utf-16le");
  CHECK(ToString(Encoding::kUtf16Be) == "utf-16be");
  CHECK(ToString(Encoding::kWindows1258) == "windows-1258");
  CHECK(ToString(Encoding::kWindows1252) == "windows-1252");
  CHECK(ToString(Encoding::kTcvn3) == "tcvn3");
  CHECK(ToString(Encoding::kVni) == "vni");
}

}  // namespace
}  // namespace dipdoc
