#ifndef DIPDOC_INGEST_LINE_WRAPS_H_
#define DIPDOC_INGEST_LINE_WRAPS_H_

// Soft line breaks. OCR output, PDF text and hard-wrapped mail break a paragraph wherever the line was
// full; every later stage reads a line break as a boundary (ICU ends a sentence there, the number and name
// readers do not join words across it), so "Japan will donate 700,000 doses ... \n by December 2021."
// would lose its date and "3.9 million\ndoses" its unit.

#include <string>

namespace dipdoc {

// Turns each soft line break of `text` into a space, in place: the text keeps its length, so page spans
// stay valid. A break is soft when the text is visibly wrapped to a measure (the longest line but one in
// ten among lines of four words or more, at most 160 characters; text with one paragraph a line has
// none) and the line before it ran to at least 70% of that measure without ending a sentence (. ! ? : ;
// …). Headings in capitals, list items ("- ", "• ", "1. ", "a) "), blank lines and page breaks stay.
void JoinWrappedLines(std::string& text);

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_LINE_WRAPS_H_
