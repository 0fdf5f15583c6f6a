#include "ingest/email_reader.h"

#include <gmime/gmime.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/text_decoder.h"
#include "ingest/utf8.h"

// GMime parses the message (RFC 2047 words in headers, RFC 2231 file names, transfer encodings, charsets);
// this file only chooses what to keep, and works around one GMime bug (RepairEncodedWords). GMime's parser
// bounds how deeply parts nest (in 3.2: 1,024 multiparts, 512 enclosed messages), and the MIME tree is
// walked here with an explicit stack, so no message can exhaust the stack.

namespace dipdoc {
namespace {

constexpr const char* kNotAnEmail = "not an e-mail message (no headers)";

void InitGMime() {
  static const bool initialised = [] {
    g_mime_init();
    return true;
  }();
  (void)initialised;
}

struct GObjectUnref {
  void operator()(gpointer object) const { g_object_unref(object); }
};
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct GFree {
  void operator()(gpointer p) const { g_free(p); }
};
using OwnedChars = std::unique_ptr<char, GFree>;

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// ---------------------------------------------------------------------------------------------------------
// Encoded words

// GMime joins adjacent encoded words of one charset before decoding them (so a character split between two
// words survives), but in 3.2.13 (the version installed here) its base64 decoder then stops at the first
// word's padding and the rest of the header is lost: "=?UTF-8?B?Q8O0bmcgaMOgbQ==?= =?UTF-8?B?IDQ1MjEucGRm?=" decodes to "Công hàm", not
// "Công hàm 4521.pdf" (jstedfast/gmime#133). Mail programs fold every long Vietnamese subject, name and
// file name that way. RepairEncodedWords joins such runs into one base64 word, which every GMime decodes.

struct EncodedWord {
  std::size_t begin, end;  // in the header value
  std::string charset;     // lower case
  char encoding;           // 'b' or 'q'
  std::string_view text;
};

std::vector<EncodedWord> FindEncodedWords(std::string_view value) {
  std::vector<EncodedWord> words;
  std::size_t at = 0;
  while ((at = value.find("=?", at)) != std::string_view::npos) {
    const std::size_t charset_end = value.find('?', at + 2);
    if (charset_end == std::string_view::npos || charset_end + 3 > value.size() || value[charset_end + 2] != '?') {
      at += 2;
      continue;
    }
    const std::size_t text_begin = charset_end + 3;
    const std::size_t text_end = value.find("?=", text_begin);
    const std::string_view charset = value.substr(at + 2, charset_end - at - 2);
    const char encoding = static_cast<char>(std::tolower(static_cast<unsigned char>(value[charset_end + 1])));
    if (text_end == std::string_view::npos || charset.empty() || (encoding != 'b' && encoding != 'q') ||
        value.substr(at, text_end - at).find_first_of(" \t\r\n") != std::string_view::npos) {
      at += 2;
      continue;
    }
    words.push_back({at, text_end + 2, Lower(std::string(charset)), encoding,
                     value.substr(text_begin, text_end - text_begin)});
    at = text_end + 2;
  }
  return words;
}

// `value` with each run of base64 words in one charset, separated only by white space and padded before
// their end, joined into one word; nullopt when there is no such run.
std::optional<std::string> RepairEncodedWords(std::string_view value) {
  const std::vector<EncodedWord> words = FindEncodedWords(value);
  const auto joins = [&](std::size_t i) {  // whether words[i] and words[i + 1] form one run
    return i + 1 < words.size() && words[i].encoding == 'b' && words[i + 1].encoding == 'b' &&
           words[i].charset == words[i + 1].charset &&
           value.substr(words[i].end, words[i + 1].begin - words[i].end).find_first_not_of(" \t\r\n") ==
               std::string_view::npos;
  };
  std::string out;
  std::size_t copied = 0;
  bool repaired = false;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t last = i;
    bool padded_inside = false;
    while (joins(last)) {
      padded_inside = padded_inside || words[last].text.find('=') != std::string_view::npos;
      ++last;
    }
    if (padded_inside) {
      std::string bytes;
      for (std::size_t k = i; k <= last; ++k) {
        std::string text(words[k].text);
        while (text.size() % 4 != 0) text += '=';
        gsize length = 0;
        std::unique_ptr<guchar, GFree> decoded(g_base64_decode(text.c_str(), &length));
        bytes.append(reinterpret_cast<const char*>(decoded.get()), length);
      }
      OwnedChars encoded(g_base64_encode(reinterpret_cast<const guchar*>(bytes.data()), bytes.size()));
      out.append(value.substr(copied, words[i].begin - copied));
      const std::string_view charset = value.substr(words[i].begin + 2, words[i].charset.size());
      out += "=?" + std::string(charset) + "?B?" + encoded.get() + "?=";
      copied = words[last].end;
      repaired = true;
    }
    i = last + 1;
  }
  if (!repaired) return std::nullopt;
  out.append(value.substr(copied));
  return out;
}

// The raw value of the header `name` of `object` repaired as above, or nullopt when it needs no repair.
std::optional<std::string> RepairedHeader(GMimeObject* object, const char* name) {
  GMimeHeader* header = g_mime_header_list_get_header(g_mime_object_get_header_list(object), name);
  const char* raw = header != nullptr ? g_mime_header_get_raw_value(header) : nullptr;
  return raw != nullptr ? RepairEncodedWords(raw) : std::nullopt;
}

// "Name <addr>, addr2, ...": the members of groups are listed as mailboxes of their own.
std::string FormatAddressList(InternetAddressList* list) {
  std::string out;
  if (list == nullptr) return out;
  std::vector<std::pair<InternetAddressList*, int>> stack = {{list, 0}};
  while (!stack.empty()) {
    auto& [current, index] = stack.back();
    if (index >= internet_address_list_length(current)) {
      stack.pop_back();
      continue;
    }
    InternetAddress* address = internet_address_list_get_address(current, index++);
    if (INTERNET_ADDRESS_IS_GROUP(address)) {
      stack.push_back({internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)), 0});
      continue;
    }
    if (!INTERNET_ADDRESS_IS_MAILBOX(address)) continue;
    const char* name = internet_address_get_name(address);
    const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
    std::string formatted;
    if (name != nullptr && *name != '\0') formatted = name;
    if (addr != nullptr && *addr != '\0') {
      formatted += formatted.empty() ? std::string(addr) : " <" + std::string(addr) + ">";
    }
    if (formatted.empty()) continue;
    if (!out.empty()) out += ", ";
    out += formatted;
  }
  return out;
}

// The message's addresses in the header `name` ("From", "To", "Cc").
std::string FormatAddresses(GMimeMessage* message, const char* name, GMimeAddressType type) {
  if (std::optional<std::string> repaired = RepairedHeader(GMIME_OBJECT(message), name)) {
    GObjectPtr<InternetAddressList> list(internet_address_list_parse(nullptr, repaired->c_str()));
    return FormatAddressList(list.get());
  }
  return FormatAddressList(g_mime_message_get_addresses(message, type));
}

std::string Subject(GMimeMessage* message) {
  if (std::optional<std::string> repaired = RepairedHeader(GMIME_OBJECT(message), "Subject")) {
    OwnedChars unfolded(g_mime_utils_header_unfold(repaired->c_str()));
    OwnedChars decoded(g_mime_utils_header_decode_text(nullptr, unfolded.get()));
    return decoded != nullptr ? std::string(g_strstrip(decoded.get())) : std::string();
  }
  const char* subject = g_mime_message_get_subject(message);
  return subject != nullptr ? subject : "";
}

// The bytes a GMime stream holds.
std::string StreamBytes(GMimeStream* stream) {
  GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
  if (array == nullptr || array->len == 0) return std::string();
  return std::string(reinterpret_cast<const char*>(array->data), array->len);
}

// A leaf part's content, decoded from its transfer encoding (base64, quoted-printable, ...).
std::string DecodedContent(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return std::string();
  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, stream.get());
  return StreamBytes(stream.get());
}

// Line ends as "\n": MIME text travels with CRLF.
std::string UnixLineEnds(std::string text) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    text[out++] = text[i];
  }
  text.resize(out);
  return text;
}

// A text part's content as UTF-8 with "\n" line ends: converted from its declared charset by GMime; a part
// that declares none (or declares ASCII or UTF-8 but is not) is decoded as an undeclared text file would be.
std::string TextContent(GMimePart* part) {
  const std::string raw = DecodedContent(part);
  const char* declared = g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset");
  const std::string charset = declared != nullptr ? Lower(declared) : "";
  if (GMIME_IS_TEXT_PART(part) && !charset.empty() && charset != "utf-8" && charset != "utf8" &&
      charset != "us-ascii" && charset != "ascii") {
    OwnedChars converted(g_mime_text_part_get_text(GMIME_TEXT_PART(part)));
    if (converted != nullptr && !FindInvalidUtf8(converted.get()).has_value()) return UnixLineEnds(converted.get());
  }
  if (!FindInvalidUtf8(raw).has_value()) return UnixLineEnds(raw);
  if (Result<DecodedText> decoded = DecodeText(raw); decoded.ok()) return UnixLineEnds(std::move(decoded).value().utf8);
  OwnedChars valid(g_utf8_make_valid(raw.data(), static_cast<gssize>(raw.size())));
  return UnixLineEnds(valid.get());
}

std::string MimeType(GMimeObject* object) {
  GMimeContentType* type = g_mime_object_get_content_type(object);
  if (type == nullptr) return "application/octet-stream";
  OwnedChars mime_type(g_mime_content_type_get_mime_type(type));
  return mime_type != nullptr ? Lower(mime_type.get()) : "application/octet-stream";
}

// A parameter of the Content-Disposition or Content-Type header, decoded; "" when absent.
std::string Parameter(GMimeObject* object, const char* header, const char* parameter) {
  const bool disposition = std::string_view(header) == "Content-Disposition";
  const char* value = nullptr;
  if (std::optional<std::string> repaired = RepairedHeader(object, header)) {
    if (disposition) {
      GObjectPtr<GMimeContentDisposition> parsed(g_mime_content_disposition_parse(nullptr, repaired->c_str()));
      value = parsed ? g_mime_content_disposition_get_parameter(parsed.get(), parameter) : nullptr;
      return value != nullptr ? value : "";
    }
    GObjectPtr<GMimeContentType> parsed(g_mime_content_type_parse(nullptr, repaired->c_str()));
    value = parsed ? g_mime_content_type_get_parameter(parsed.get(), parameter) : nullptr;
    return value != nullptr ? value : "";
  }
  value = disposition ? g_mime_object_get_content_disposition_parameter(object, parameter)
                      : g_mime_object_get_content_type_parameter(object, parameter);
  return value != nullptr ? value : "";
}

// The file name the part gives itself: Content-Disposition's filename, else Content-Type's name.
std::string FileName(GMimeObject* object) {
  std::string name = Parameter(object, "Content-Disposition", "filename");
  return name.empty() ? Parameter(object, "Content-Type", "name") : name;
}

bool HasHeaders(GMimeMessage* message) {
  for (const char* header : {"From", "To", "Subject", "Date"}) {
    if (g_mime_object_get_header(GMIME_OBJECT(message), header) != nullptr) return true;
  }
  return false;
}

// The body candidates and attachments, in message order.
struct Parts {
  std::optional<std::string> plain, html;
  std::vector<EmailAttachment> attachments;
};

void AddAttachment(GMimeObject* object, std::string bytes, Parts& parts) {
  std::string name = FileName(object);
  if (name.empty()) name = "attachment-" + std::to_string(parts.attachments.size() + 1);
  parts.attachments.push_back({std::move(name), MimeType(object), std::move(bytes)});
}

void CollectParts(GMimeObject* root, Parts& parts) {
  std::vector<GMimeObject*> stack = {root};
  while (!stack.empty()) {
    GMimeObject* object = stack.back();
    stack.pop_back();
    if (object == nullptr) continue;
    if (GMIME_IS_MULTIPART(object)) {
      GMimeMultipart* multipart = GMIME_MULTIPART(object);
      for (int i = g_mime_multipart_get_count(multipart) - 1; i >= 0; --i) {
        stack.push_back(g_mime_multipart_get_part(multipart, i));
      }
      continue;
    }
    if (GMIME_IS_MESSAGE_PART(object)) {  // a forwarded message: its own bytes, as a file of its own
      GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new());
      g_mime_object_write_content_to_stream(object, nullptr, stream.get());
      AddAttachment(object, StreamBytes(stream.get()), parts);
      continue;
    }
    if (!GMIME_IS_PART(object)) continue;  // message/partial and the like: nothing to read
    GMimePart* part = GMIME_PART(object);
    GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(object);
    const bool attached = disposition != nullptr && g_mime_content_disposition_is_attachment(disposition);
    const std::string type = MimeType(object);
    if (attached || !FileName(object).empty() || type.rfind("text/", 0) != 0) {
      AddAttachment(object, DecodedContent(part), parts);
    } else if (type == "text/plain" && !parts.plain) {
      parts.plain = TextContent(part);
    } else if (type == "text/html" && !parts.html) {
      parts.html = TextContent(part);
    }
  }
}

}  // namespace

Result<Email> ReadEmail(std::string_view bytes) {
  InitGMime();
  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
  GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  GObjectPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
  if (message == nullptr || !HasHeaders(message.get())) return Status::InvalidInput(kNotAnEmail);

  Email email;
  email.from = FormatAddresses(message.get(), "From", GMIME_ADDRESS_TYPE_FROM);
  email.to = FormatAddresses(message.get(), "To", GMIME_ADDRESS_TYPE_TO);
  email.cc = FormatAddresses(message.get(), "Cc", GMIME_ADDRESS_TYPE_CC);
  email.subject = Subject(message.get());
  if (GDateTime* date = g_mime_message_get_date(message.get())) {  // not ours to unref
    OwnedChars formatted(g_date_time_format(date, "%Y-%m-%d"));
    if (formatted != nullptr) email.date = formatted.get();
  }

  Parts parts;
  CollectParts(g_mime_message_get_mime_part(message.get()), parts);
  // The plain text, unless it is empty and there is HTML (a "text/plain" placeholder beside the real body).
  const bool plain_is_blank =
      !parts.plain || parts.plain->find_first_not_of(" \t\r\n") == std::string::npos;
  if (parts.html && plain_is_blank) {
    email.body = std::move(*parts.html);
    email.body_is_html = true;
  } else if (parts.plain) {
    email.body = std::move(*parts.plain);
  }
  email.attachments = std::move(parts.attachments);
  return email;
}

}  // namespace dipdoc
