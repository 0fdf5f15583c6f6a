#include "nlp/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>

namespace dipdoc {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Appends [start, end) trimmed, cut into pieces of at most max_bytes at a space (or a UTF-8 boundary when a
// piece has no space).
void AddSentence(std::string_view text, std::size_t start, std::size_t end, std::size_t max_bytes,
                 std::vector<Span>& out) {
  while (start < end) {
    while (start < end && IsSpace(text[start])) ++start;
    std::size_t stop = end;
    while (stop > start && IsSpace(text[stop - 1])) --stop;
    if (start >= stop) return;
    if (stop - start <= max_bytes) {
      out.push_back(Span{start, stop});
      return;
    }
    std::size_t cut = start + max_bytes;
    std::size_t space = cut;
    while (space > start + max_bytes / 2 && !IsSpace(text[space])) --space;
    if (IsSpace(text[space])) {
      cut = space;
    } else {
      while (cut > start && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // a code point's start
    }
    out.push_back(Span{start, cut});
    start = cut;
  }
}

}  // namespace

std::vector<Span> SplitSentences(std::string_view text, std::size_t max_bytes) {
  std::vector<Span> sentences;
  if (text.empty()) return sentences;
  UErrorCode status = U_ZERO_ERROR;
  // The root locale's rules: Vietnamese, English and French end sentences alike. Making an iterator loads
  // and builds its rules, which costs more than splitting a short document, so each thread keeps one;
  // setText() starts it afresh on every text.
  thread_local std::unique_ptr<icu::BreakIterator> breaker;
  if (breaker == nullptr) {
    UErrorCode create_status = U_ZERO_ERROR;
    breaker.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), create_status));
    if (U_FAILURE(create_status)) breaker.reset();
  }
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status) || breaker == nullptr || utext == nullptr) {
    utext_close(utext);
    AddSentence(text, 0, text.size(), max_bytes, sentences);
    return sentences;
  }
  // With UTF-8 UText, the iterator's positions are byte offsets into `text`.
  breaker->setText(utext, status);
  if (U_FAILURE(status)) {
    utext_close(utext);
    AddSentence(text, 0, text.size(), max_bytes, sentences);
    return sentences;
  }
  std::size_t start = 0;
  for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE; end = breaker->next()) {
    AddSentence(text, start, static_cast<std::size_t>(end), max_bytes, sentences);
    start = static_cast<std::size_t>(end);
  }
  AddSentence(text, start, text.size(), max_bytes, sentences);
  // The iterator must not keep pointing into `text`.
  UText* empty = utext_openUTF8(utext, "", 0, &status);
  breaker->setText(empty, status);
  utext_close(empty);
  return sentences;
}

}  // namespace dipdoc
