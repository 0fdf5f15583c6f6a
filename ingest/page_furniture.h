#ifndef DIPDOC_INGEST_PAGE_FURNITURE_H_
#define DIPDOC_INGEST_PAGE_FURNITURE_H_

// Web pages captured as plain text carry their page furniture: menus and breadcrumbs, "follow us" lines,
// related-article cards (a headline printed twice, then its teaser), "Tin bài liên quan" / "Xem nhiều" /
// "Read more" lists, copyright footers. This finds the lines that are the article and drops the rest, so
// nothing in the furniture is indexed as body text or reaches extraction.
//
// Rules, in order (phrases in ingest/data/page_furniture.tsv):
//  1. A related-article card: a line that is one headline printed twice ("X X"), or a line repeated on the
//     next non-blank line; the card's headline(s) and the teaser under them go.
//  2. An end heading ("Tin bài liên quan", "Xem nhiều", "Read more", ...) on a line of its own, once the
//     article has begun (a paragraph of 15 words or more seen above it): it and everything below go.
//  3. Furniture lines: listed whole lines, lines of 20 words or fewer starting with a listed phrase
//     ("Trang chủ ...", "© ..."), lines of 12 words or fewer containing one ("... Tìm kiếm").
//  4. A line that is only a URL, and widget debris of one or two letters ("aa").
// Text without any furniture (letters, notes, clean articles) comes back unchanged.

#include <string>
#include <string_view>

namespace dipdoc {

// REQUIRES: text is the output of TextNormaliser (LF line ends, trimmed lines)
std::string RemovePageFurniture(std::string_view text);

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_PAGE_FURNITURE_H_
