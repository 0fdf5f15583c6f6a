#ifndef DIPDOC_INGEST_LINE_SHAPE_H_
#define DIPDOC_INGEST_LINE_SHAPE_H_

// How a line of normalised text reads, for the stages that look at a document's layout (page furniture,
// profile, date): its words, its case, whether it is prose.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dipdoc {

// Words separated by single spaces, as TextNormaliser leaves them.
std::size_t WordCount(std::string_view line);

// Unicode lower case (ICU), for matching cue phrases in any script.
std::string LowerCase(std::string_view text);

// Every letter is a capital ("GHI CHÉP CUỘC ĐIỆN ĐÀM", "MEDIA RELEASE"), and there is at least one.
bool IsAllCapitals(std::string_view line);

// A line of body prose: at least `min_words` words and a sentence end inside or at the end of it.
// Headlines and headings, however long, have no full stop.
bool IsParagraph(std::string_view line, std::size_t min_words = 20);

// Where the line that goes on at text[from] ends: the first '\n' or '\f' from there, or text.size(). (Faster
// than find_first_of("\n\f"), which asks memchr about every byte.)
std::size_t LineEnd(std::string_view text, std::size_t from);

// The non-empty lines of `text`; form feeds end lines too.
std::vector<std::string_view> NonEmptyLines(std::string_view text);

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_LINE_SHAPE_H_
