#ifndef DIPDOC_INGEST_DOCUMENT_PROFILER_H_
#define DIPDOC_INGEST_DOCUMENT_PROFILER_H_

// What a document is: its language, type, own date, title and, for letters, reference number and
// addressee, read from its normalised text.

#include <optional>
#include <string>
#include <string_view>

#include "ingest/document.h"

namespace dipdoc {

struct DocumentProfile {
  std::optional<std::string> language;   // ISO 639-1 (language_identifier.h)
  DocType doc_type = DocType::kOther;
  std::optional<std::string> date;       // document_date.h
  std::string title;
  std::optional<std::string> reference;  // "4521/BNG-LT" from "Số: 4521/BNG-LT", "Ref. No.: ...", "N° ..."
  std::optional<std::string> addressee;  // "Kính gửi: ...", or the block above "Dear ..."/"Monsieur le ..."
};

// doc_type is decided by cues in the header (the lines above the first paragraph), the closing and the
// body, weighed: a letter has a reference number, "Kính gửi", "Dear ...", "Monsieur le Ministre", a
// courtesy close and signature block, "Nơi nhận"; a call note opens with "Ghi chép cuộc điện đàm", "Biên
// bản", "Minutes of", "Compte rendu" and lists time, place and participants; a press text has a dateline,
// an agency tag, photo credits and reported speech. Too few cues of any kind: `other`.
// The title is the letter's subject line ("V/v ...", "Subject:", "Objet :"), the call note's heading, or
// the article's headline (the first line above the body that is neither a dateline nor an all-capitals
// kicker); failing those, the first sentence, cut at a word.
// REQUIRES: text is the normalised main text (TextNormaliser, RemovePageFurniture)
DocumentProfile ProfileDocument(std::string_view text);

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_DOCUMENT_PROFILER_H_
