#ifndef DIPDOC_INGEST_HTML_EXTRACTOR_H_
#define DIPDOC_INGEST_HTML_EXTRACTOR_H_

// An HTML page in, its article out: the headline, the publication date as the page states it, and the body
// as plain text. Navigation, tickers, related-article lists, "most read" blocks, comments, footers, forms,
// scripts and styles are page furniture and never reach the text.

#include <optional>
#include <string>
#include <string_view>

#include "ingest/status.h"

namespace dipdoc {

struct HtmlArticle {
  std::string title;                      // og:title, else the article's <h1>, else <title> (site name cut)
  std::optional<std::string> published;   // as the page gives it: article:published_time, <time datetime>,
                                          // or a dateline's text; empty when the page states none
  std::string text;                       // the body: one paragraph per block, separated by blank lines;
                                          // headings, list items and table rows on lines of their own
};

// Whether `bytes` look like an HTML document (a doctype, <html>, <head> or <body> near the start,
// after any BOM and white space).
bool LooksLikeHtml(std::string_view bytes);

// REQUIRES: html is well-formed UTF-8 (see DecodeText)
// An InvalidInput status when the page has no readable text at all; TooLarge for a page of 2 GiB or more.
Result<HtmlArticle> ExtractHtmlArticle(std::string_view html);

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_HTML_EXTRACTOR_H_
