#ifndef DIPDOC_NLP_SENTENCE_SPLITTER_H_
#define DIPDOC_NLP_SENTENCE_SPLITTER_H_

#include <string_view>
#include <vector>

#include "ingest/span.h"

namespace dipdoc {

// The sentences of `text`, in order, from ICU's sentence rules (which also end a sentence at a line break,
// so list items and heading lines stand alone), with surrounding white space trimmed and empty ones left
// out. A sentence longer than `max_bytes` is cut at a space near the limit, so one 5 MB line does not make
// one 5 MB sentence. Spans are UTF-8 byte offsets into `text`.
// REQUIRES: text is well-formed UTF-8 (Document::text always is)
std::vector<Span> SplitSentences(std::string_view text, std::size_t max_bytes = 4096);

}  // namespace dipdoc

#endif  // DIPDOC_NLP_SENTENCE_SPLITTER_H_
