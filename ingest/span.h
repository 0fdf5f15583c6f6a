#ifndef DIPDOC_INGEST_SPAN_H_
#define DIPDOC_INGEST_SPAN_H_

#include <cstddef>
#include <string_view>

namespace dipdoc {

// A half-open range [start, end) of UTF-8 byte offsets into Document::text. Offsets are set once, by the
// stage that finds the thing they point at, and never move: only ingest edits text, and it does so before
// any span exists.
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;

  std::size_t size() const { return end - start; }
  // REQUIRES: end <= text.size()
  std::string_view In(std::string_view text) const { return text.substr(start, end - start); }
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_SPAN_H_
