#include "ingest/html_extractor.h"

#include <gumbo.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

// How a page becomes an article, in four passes over a flat copy of gumbo's tree (no recursion anywhere, so
// 10,000 nested <div>s cost nothing but memory):
//   1. Flatten: every node in document order, with its parent, the index one past its last descendant, and
//      what its tag and attributes say (furniture, article body, dateline). Scripts, styles, forms' controls,
//      embedded media and SVG are left out here; <meta>, <title> and JSON-LD are read on the way.
//   2. Raw counts, bottom-up: text, link text and paragraph text of every subtree, furniture included,
//      for the rules that need them (a <form> wrapping a whole ASP.NET page is not furniture; a list of links
//      is), and to find the article-body container that no furniture rule may remove.
//   3. Furniture, top-down: an element is furniture when its parent is, or when one of its own rules says so.
//   4. Kept counts, bottom-up, furniture left out; then the main content is chosen (explicit markers first,
//      readability-style scoring otherwise) and rendered as text.
// When the rules leave no text at all the page is read again with only tags removed, so an over-eager class
// rule cannot lose a page.

namespace dipdoc {
namespace {

constexpr std::size_t kSniffBytes = 1024;
// Larger pages are refused: text counts are 32-bit (see Count).
constexpr std::size_t kMaxPageBytes = std::size_t{1} << 31;
constexpr std::size_t kMaxDatelineBytes = 120;
constexpr std::size_t kMaxDatelineCandidates = 32;
constexpr std::size_t kMaxH1Candidates = 16;
// Shorter blocks are labels, dates and cells, not paragraphs, when containers are scored.
constexpr std::size_t kMinParagraphBytes = 25;
// A sibling of the main content this long may continue it (a lead paragraph is longer; a dateline is not).
constexpr std::size_t kMinSiblingBytes = 80;
// A <form> holding this many bytes of paragraph text is a page wrapper (ASP.NET, SharePoint), not a form.
constexpr std::size_t kFormWrapperParagraphBytes = 200;
// Lists and boxes whose text is at least this share of link text are navigation.
constexpr double kLinkListDensity = 0.7;

// ---------------------------------------------------------------------------------------------------------
// Characters

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

std::string Lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

// The byte length of the white-space character at s[i]: ASCII white space, no-break space and the other
// Unicode space separators pages use for padding; 0 when s[i] starts anything else.
std::size_t SpaceLength(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return IsAsciiSpace(static_cast<char>(c)) ? 1 : 0;
  if (c == 0xC2 && i + 1 < s.size() && byte(i + 1) == 0xA0) return 2;  // U+00A0
  if (i + 2 >= s.size()) return 0;
  if (c == 0xE2 && byte(i + 1) == 0x80 && ((byte(i + 2) >= 0x80 && byte(i + 2) <= 0x8A) || byte(i + 2) == 0xAF)) {
    return 3;  // U+2000..U+200A, U+202F
  }
  if (c == 0xE2 && byte(i + 1) == 0x81 && byte(i + 2) == 0x9F) return 3;  // U+205F
  if (c == 0xE3 && byte(i + 1) == 0x80 && byte(i + 2) == 0x80) return 3;  // U+3000
  return 0;
}

// The byte length of an invisible character at s[i] that pages scatter in text (zero width space, word
// joiner, BOM, soft hyphen); 0 otherwise. Joiners are kept: emoji need them.
std::size_t InvisibleLength(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  if (byte(i) == 0xC2 && i + 1 < s.size() && byte(i + 1) == 0xAD) return 2;
  if (i + 2 >= s.size()) return 0;
  if (byte(i) == 0xE2 && byte(i + 1) == 0x80 && byte(i + 2) == 0x8B) return 3;
  if (byte(i) == 0xE2 && byte(i + 1) == 0x81 && byte(i + 2) == 0xA0) return 3;
  if (byte(i) == 0xEF && byte(i + 1) == 0xBB && byte(i + 2) == 0xBF) return 3;
  return 0;
}

// How much readable text `s` holds, in bytes of visible characters: the unit of every count below.
std::size_t TextWeight(std::string_view s) {
  std::size_t weight = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = SpaceLength(s, i);
    if (n == 0) n = InvisibleLength(s, i);
    if (n == 0) {
      ++weight;
      n = 1;
    }
    i += n;
  }
  return weight;
}

std::size_t CodePointCount(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// ---------------------------------------------------------------------------------------------------------
// Text assembly: lines and paragraphs from a stream of text and block boundaries.

enum class Gap { kNone, kLine, kParagraph };

class TextBuilder {
 public:
  // single_line: blocks become spaces (titles, datelines); max_bytes: stop growing past this (0: no limit).
  explicit TextBuilder(bool single_line = false, std::size_t max_bytes = 0)
      : single_line_(single_line), max_bytes_(max_bytes) {}

  // Appends text, white-space runs collapsed to one space; in `preformatted` text a newline ends the line.
  void AddText(std::string_view s, bool preformatted) {
    for (std::size_t i = 0; i < s.size() && !Full();) {
      if (preformatted && s[i] == '\n') {
        LineBreak();
        ++i;
        continue;
      }
      if (const std::size_t n = SpaceLength(s, i); n != 0) {
        if (line_open_) space_pending_ = true;
        i += n;
        continue;
      }
      if (const std::size_t n = InvisibleLength(s, i); n != 0) {
        i += n;
        continue;
      }
      if (!line_open_) {
        if (!out_.empty()) out_.append(gap_ == Gap::kParagraph ? "\n\n" : "\n");
        line_open_ = true;
        gap_ = Gap::kNone;
      } else if (cell_pending_) {
        out_.append(" | ");
      } else if (space_pending_) {
        out_.push_back(' ');
      }
      space_pending_ = cell_pending_ = false;
      out_.push_back(s[i]);
      ++i;
    }
  }

  // A block boundary: the next text starts on a new line, after a blank line for kParagraph.
  void Break(Gap gap) {
    if (single_line_) {
      if (line_open_) space_pending_ = true;
      return;
    }
    if (line_open_) {
      line_open_ = false;
      gap_ = gap;
    } else {
      gap_ = std::max(gap_, gap);
    }
    space_pending_ = cell_pending_ = false;
  }

  // <br>: ends the line; a second one in a row leaves a blank line (pages separate paragraphs with <br><br>).
  void LineBreak() {
    if (single_line_ || line_open_) {
      Break(Gap::kLine);
    } else if (gap_ == Gap::kLine) {
      gap_ = Gap::kParagraph;
    }
  }

  // A table cell after another in the same row: " | " before its text, if the row already has text.
  void CellSeparator() {
    if (line_open_) cell_pending_ = true;
  }

  bool Full() const { return max_bytes_ != 0 && out_.size() > max_bytes_; }
  std::string Take() { return std::move(out_); }

 private:
  bool single_line_;
  std::size_t max_bytes_;
  std::string out_;
  bool line_open_ = false;
  bool space_pending_ = false;
  bool cell_pending_ = false;
  Gap gap_ = Gap::kNone;
};

std::string CollapseSpace(std::string_view s) {
  TextBuilder builder(/*single_line=*/true);
  builder.AddText(s, false);
  return builder.Take();
}

// ---------------------------------------------------------------------------------------------------------
// Tags

// Never text: code, media, controls, and what gumbo keeps as raw text. Their subtrees are not even flattened.
bool IsDroppedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_FRAME: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_MAP: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_DATALIST: case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_LABEL: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_OUTPUT:
    case GUMBO_TAG_PROGRESS: case GUMBO_TAG_METER: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_META: case GUMBO_TAG_LINK: case GUMBO_TAG_BASE:
      return true;
    default:
      return false;
  }
}

// Blocks rendered with a blank line before and after.
bool IsParagraphBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_HTML:
    case GUMBO_TAG_LISTING: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_TABLE: case GUMBO_TAG_UL: case GUMBO_TAG_XMP:
      return true;
    default:
      return false;
  }
}

// Blocks rendered on a line of their own, without blank lines.
bool IsLineBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_LI: case GUMBO_TAG_TR: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_LEGEND:
      return true;
    default:
      return false;
  }
}

bool IsSubheading(GumboTag tag) {
  return tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 || tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

bool IsCell(GumboTag tag) { return tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH; }

bool IsBlock(GumboTag tag) {
  return IsParagraphBlock(tag) || IsLineBlock(tag) || IsCell(tag) || tag == GUMBO_TAG_TBODY ||
         tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TFOOT;
}

// Containers that may hold an article body when nothing marks it.
bool IsScoringCandidate(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_TD: case GUMBO_TAG_BODY: case GUMBO_TAG_FORM: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_FONT: case GUMBO_TAG_BLOCKQUOTE:
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Names: class and id values, aria labels. Matched on word parts, never on substrings, so "thread" is not
// "ad", "header-article-title" is not a site header, and "has-sidebar" on a page wrapper is not a sidebar.

using Parts = std::vector<std::string>;

// "detail-content" {detail, content}; "article__body" {article, body}; "relatedNews" {related, news};
// "ads300" {ads, 300}; aria labels split on spaces. Lower-cased (ASCII only; other bytes are kept).
Parts SplitName(std::string_view name) {
  Parts parts;
  std::string part;
  const auto flush = [&] {
    if (!part.empty()) parts.push_back(std::move(part));
    part.clear();
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool ascii = static_cast<unsigned char>(c) < 0x80;
    if (ascii && !IsAsciiAlnum(c)) {
      flush();
      continue;
    }
    if (!part.empty() && ascii) {
      const char prev = name[i - 1];
      const bool camel = IsAsciiUpper(c) && !IsAsciiUpper(prev) && !IsAsciiDigit(prev);
      const bool digit_edge = IsAsciiDigit(c) != IsAsciiDigit(prev) && static_cast<unsigned char>(prev) < 0x80;
      if (camel || digit_edge) flush();
    }
    part.push_back(LowerAscii(c));
  }
  flush();
  return parts;
}

template <typename Words>
bool IsOneOf(std::string_view part, const Words& words) {
  return std::find(std::begin(words), std::end(words), part) != std::end(words);
}
bool IsOneOf(std::string_view part, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), part) != words.end();
}

// Whether parts[i], parts[i + 1] is one of `pairs` (each written "first second").
template <typename Pairs>
bool PairAt(const Parts& parts, std::size_t i, const Pairs& pairs) {
  if (i + 1 >= parts.size()) return false;
  const std::string joined = parts[i] + " " + parts[i + 1];
  return IsOneOf(joined, pairs);
}
bool PairAt(const Parts& parts, std::size_t i, std::initializer_list<std::string_view> pairs) {
  return PairAt<std::initializer_list<std::string_view>>(parts, i, pairs);
}

const std::unordered_set<std::string_view>& FurnitureWords() {
  static const std::unordered_set<std::string_view> words = {
      // navigation
      "menu", "menus", "menubar", "submenu", "megamenu", "nav", "navbar", "navigation", "navi", "breadcrumb",
      "breadcrumbs", "breadcrum", "pagination", "pager", "toolbar", "topbar", "masthead", "skip",
      // page frame
      "footer", "copyright", "sidebar", "sidebars", "widget", "widgets",
      // other articles
      "related", "relate", "lienquan", "tinlienquan", "xemnhieu", "docnhieu", "mostread", "mostviewed",
      "mostpopular", "readmore", "docthem", "xemthem", "trending", "ticker", "hotnews",
      // sharing, tags, comments
      "share", "shares", "sharing", "sharebar", "social", "socials", "partage", "partager", "facebook",
      "twitter", "zalo", "tag", "tags", "hashtag", "hashtags", "comment", "comments", "commentaires",
      "binhluan", "disqus",
      // advertising and prompts
      "ads", "advert", "adverts", "advertising", "advertisement", "adsense", "quangcao", "publicite",
      "sponsor", "sponsored", "outbrain", "taboola", "subscribe", "subscription",
      "newsletter", "cookie", "cookies", "consent", "gdpr", "popup", "modal", "login", "signin", "signup",
      "search", "rss",
  };
  return words;
}

// Word pairs that say furniture in Vietnamese, English and French class names and labels.
constexpr std::string_view kFurniturePairs[] = {
    "lien quan", "liên quan", "xem nhieu", "xem nhiều", "doc nhieu", "most read", "most viewed",
    "most popular", "doc them", "xem them", "read more", "read also", "also read", "see also", "binh luan",
    "bình luận", "hot news", "tin nong", "quang cao", "fil ariane", "lire aussi", "plus lus", "voir aussi",
    "savoir plus", "may like", "top bar", "sign up", "log in", "tin khac", "bai khac", "chia se", "chia sẻ"};

// Furniture only when nothing in the same name says article: "header" is a site header, "header-article-title"
// is not; "banner-top" is an advertisement, "article-banner" the article's picture and headline; "box-news"
// is a teaser box, "box-news-detail" is not. (An element inside an <article> is never a site header.)
constexpr std::string_view kWeakFurnitureWords[] = {"banner", "banners"};
constexpr std::string_view kWeakFurniturePairs[] = {"box news", "list news", "news list", "tin moi"};
constexpr std::string_view kArticleWords[] = {"article", "post",    "entry", "detail", "details", "story",
                                              "content", "body",    "title", "noidung"};
// A part before a furniture word that describes the element's state, not what it is: "has-sidebar", "no-ads".
constexpr std::string_view kModifierWords[] = {"has", "with", "without", "no",     "not",
                                               "is",  "show", "hide",    "enable", "disable"};

bool NameIsFurniture(const Parts& parts, bool in_article) {
  const bool article_named =
      std::any_of(parts.begin(), parts.end(), [](const std::string& p) { return IsOneOf(p, kArticleWords); });
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0 && IsOneOf(parts[i - 1], kModifierWords)) continue;
    if (FurnitureWords().count(parts[i]) != 0) return true;
    if (PairAt(parts, i, kFurniturePairs)) return true;
    if (article_named) continue;
    if (parts[i] == "header" && !in_article) return true;
    if (IsOneOf(parts[i], kWeakFurnitureWords) || PairAt(parts, i, kWeakFurniturePairs)) return true;
  }
  return false;
}

// The names sites give the container of an article's body.
bool NameIsArticleBody(const Parts& parts) {
  static constexpr std::string_view kPairs[] = {
      "article body", "article content", "article detail", "article text", "content article",
      "detail content", "content detail", "detail body", "detail text", "post content", "post body",
      "entry content", "entry body", "story body", "story content", "news content", "content news",
      "news body", "noi dung", "fck detail", "singular content", "cms body"};
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (IsOneOf(parts[i], {"noidung", "articlebody", "articlecontent", "newscontent", "detailcontent",
                           "postcontent", "entrycontent", "storybody"})) {
      return true;
    }
    if (PairAt(parts, i, kPairs)) return true;
  }
  return false;
}

// The names of datelines: class="date", "time", "post-date", "detail-time", "ngay-dang"...
bool NameIsDateline(const Parts& parts) {
  bool date = false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (IsOneOf(parts[i], {"read", "reading", "duration"})) return false;  // "reading-time: 5 min"
    date = date || IsOneOf(parts[i], {"date", "time", "datetime", "dateline", "publish", "published",
                                      "publishdate", "pubdate", "timestamp", "posted", "ngaydang", "ngay",
                                      "thoigian"}) ||
           PairAt(parts, i, {"ngay dang", "thoi gian"});
  }
  return date;
}

// Each class name, and the id, as parts.
template <typename F>
void ForEachName(const GumboElement& element, F&& f) {
  if (const GumboAttribute* cls = gumbo_get_attribute(&element.attributes, "class")) {
    const std::string_view value = cls->value;
    std::size_t i = 0;
    while (i < value.size()) {
      while (i < value.size() && IsAsciiSpace(value[i])) ++i;
      const std::size_t start = i;
      while (i < value.size() && !IsAsciiSpace(value[i])) ++i;
      if (i > start) f(SplitName(value.substr(start, i - start)));
    }
  }
  if (const GumboAttribute* id = gumbo_get_attribute(&element.attributes, "id")) f(SplitName(id->value));
}

// The name of a tag gumbo does not know, lower-cased ("dialog", "amp-img").
std::string UnknownTagName(const GumboElement& element) {
  GumboStringPiece name = element.original_tag;
  gumbo_tag_from_original_text(&name);
  return Lowered(std::string_view(name.data == nullptr ? "" : name.data, name.length));
}

std::string_view Attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
  return attribute == nullptr ? std::string_view() : std::string_view(attribute->value);
}

bool IsHidden(const GumboElement& element) {
  if (gumbo_get_attribute(&element.attributes, "hidden") != nullptr) return true;
  if (Lowered(Attribute(element, "aria-hidden")) == "true") return true;
  std::string style;
  for (const char c : Attribute(element, "style")) {
    if (!IsAsciiSpace(c)) style.push_back(LowerAscii(c));
  }
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

// ---------------------------------------------------------------------------------------------------------
// The flat tree

// Item positions, and counts of text bytes. 32 bits halve the flat tree of a large page: kMaxPageBytes keeps
// counts in range, and Flatten stops before an index could wrap.
using Index = std::uint32_t;
using Count = std::uint32_t;
constexpr Index kNone = static_cast<Index>(-1);

// One node of the page, in document order: an element or a text.
struct Item {
  const GumboNode* node = nullptr;
  Index parent = kNone;
  Index end = 0;  // one past the last descendant
  Index depth = 0;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  bool is_text = false;

  // Pass 1: what the element itself says.
  bool in_article = false;       // inside <article>, <main> or an article-body container
  bool article_scope = false;    // <article>, <main>, role="main" or an article-body container
  bool in_head = false;
  bool named_furniture = false;  // tag, class, id, role, aria-label or hidden says furniture
  bool article_body = false;     // class/id or itemprop="articleBody" marks the article's body
  bool dateline = false;         // class/id names a date
  bool cell_follows = false;     // a <td>/<th> after another cell of its row

  // Pass 2: the subtree, furniture included. A text's raw_text is its TextWeight.
  Count raw_text = 0;
  Count raw_link = 0;   // text inside <a>
  Count raw_para = 0;   // text inside <p>
  Count raw_links = 0;  // number of <a>
  bool kept_for_body = false;  // on the path to the article body: no furniture rule applies

  // Passes 3 and 4: the subtree without furniture.
  bool furniture = false;
  bool has_block = false;  // a block element below
  Count text = 0;
  Count link = 0;          // text inside <a>
  Count own = 0;           // text directly inside, or in inline children: the element's own paragraph
  Count paragraphs = 0;    // text of child paragraphs (<p>, or blocks with no block inside)
};

struct PageMeta {
  std::string og_title;
  std::string title;  // <title>
  // Publication dates stated by metadata, in page order.
  struct Date {
    int rank;  // MetaDateRank; 3 for JSON-LD
    std::string value;
    Index owner;  // the item holding it; checked against furniture when not in <head>
    bool in_head;
  };
  std::vector<Date> dates;
};

// How much a <meta> date is worth, lower first (-1: not a publication date). Ranks 0 to 2 come before an
// itemprop="datePublished" element in the body, JSON-LD (3) and the generic names (4) after it.
int MetaDateRank(std::string_view key) {
  const std::string k = Lowered(key);
  if (k == "article:published_time" || k == "og:article:published_time") return 0;
  if (k == "pubdate" || k == "publishdate" || k == "publish-date" || k == "publish_date") return 1;
  if (k == "datepublished") return 2;
  if (k == "dc.date.issued" || k == "dcterms.issued" || k == "dc.date" || k == "date") return 4;
  return -1;
}

// The first "datePublished": "..." of a JSON-LD block (a plain scan: pages put it in a string literal).
std::string JsonLdDatePublished(std::string_view json) {
  const std::size_t key = json.find("\"datePublished\"");
  if (key == std::string_view::npos) return {};
  std::size_t i = key + 15;
  while (i < json.size() && (IsAsciiSpace(json[i]) || json[i] == ':')) ++i;
  if (i >= json.size() || json[i] != '"') return {};
  const std::size_t close = json.find('"', i + 1);
  if (close == std::string_view::npos) return {};
  return CollapseSpace(json.substr(i + 1, close - i - 1));
}

std::string TextOfChildren(const GumboElement& element) {
  std::string text;
  for (unsigned i = 0; i < element.children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(element.children.data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE || child->type == GUMBO_NODE_CDATA) {
      text += child->v.text.text;
    }
  }
  return text;
}

class Page {
 public:
  explicit Page(const GumboNode* root) {
    Flatten(root);
    CountRaw();
  }

  // Passes 2 to 4. lenient: only tags and <head> are furniture (the retry when the rules left nothing).
  void Classify(bool lenient);

  // The article as text, with its title and date; empty text when the page has none.
  HtmlArticle Extract() const;

 private:
  void Flatten(const GumboNode* root);
  void ReadMetadata(const GumboElement& element, Index parent, bool in_head);
  void DescribeElement(Item& item, const Item* parent);
  void CountRaw();
  bool IsFurnitureByRule(const Item& item) const;

  Index ChooseMain() const;
  double Score(const Item& item) const;
  std::vector<Index> BodyParts(Index main) const;
  Index FindTitleHeading(Index main) const;
  std::optional<std::string> FindPublished(Index main, Index heading) const;
  void Render(Index begin, TextBuilder& builder) const;
  std::string SingleLine(Index item, std::size_t max_bytes = 0) const {
    TextBuilder builder(/*single_line=*/true, max_bytes);
    Render(item, builder);
    return builder.Take();
  }
  Index CommonAncestor(Index a, Index b) const;
  Index Size() const { return static_cast<Index>(items_.size()); }
  bool IsPageFrame(Index i) const { return items_[i].tag == GUMBO_TAG_HTML || items_[i].tag == GUMBO_TAG_BODY; }
  double LinkDensity(const Item& item) const {
    return item.text == 0 ? 0.0 : static_cast<double>(item.link) / static_cast<double>(item.text);
  }

  std::vector<Item> items_;
  PageMeta meta_;
  Index body_ = kNone;
};

void Page::Flatten(const GumboNode* root) {
  struct Frame {
    Index item;
    unsigned next_child;
    GumboTag last_child_tag;
  };
  std::vector<Frame> stack;
  const auto visit = [&](const GumboNode* node, Index parent) {
    if (Size() >= kNone - 1) return;  // see Index
    const Item* parent_item = parent == kNone ? nullptr : &items_[parent];
    const Index depth = parent_item == nullptr ? 0 : parent_item->depth + 1;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      if (parent == kNone) return;
      Item item;
      item.node = node;
      item.parent = parent;
      item.end = Size() + 1;
      item.depth = depth;
      item.is_text = true;
      item.raw_text = static_cast<Count>(TextWeight(node->v.text.text));
      items_.push_back(item);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return;  // comments; <template> contents
    const GumboElement& element = node->v.element;
    const bool in_head = parent_item != nullptr && (parent_item->in_head || parent_item->tag == GUMBO_TAG_HEAD);
    ReadMetadata(element, parent, in_head);
    if (IsDroppedTag(element.tag)) return;
    Item item;
    item.node = node;
    item.parent = parent;
    item.depth = depth;
    item.tag = element.tag;
    item.in_head = in_head;
    if (parent != kNone) {
      item.cell_follows = IsCell(element.tag) && IsCell(stack.back().last_child_tag);
      stack.back().last_child_tag = element.tag;
    }
    DescribeElement(item, parent_item);
    if (element.tag == GUMBO_TAG_BODY && body_ == kNone) body_ = Size();
    items_.push_back(item);
    stack.push_back(Frame{Size() - 1, 0, GUMBO_TAG_LAST});
  };
  visit(root, kNone);
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboElement& element = items_[frame.item].node->v.element;
    if (frame.next_child < element.children.length) {
      const auto* child = static_cast<const GumboNode*>(element.children.data[frame.next_child++]);
      visit(child, frame.item);
    } else {
      items_[frame.item].end = Size();
      stack.pop_back();
    }
  }
}

void Page::ReadMetadata(const GumboElement& element, Index parent, bool in_head) {
  if (element.tag == GUMBO_TAG_META) {
    std::string_view key = Attribute(element, "property");
    if (key.empty()) key = Attribute(element, "name");
    if (key.empty()) key = Attribute(element, "itemprop");
    const std::string content = CollapseSpace(Attribute(element, "content"));
    if (content.empty()) return;
    if (Lowered(key) == "og:title") {
      if (meta_.og_title.empty()) meta_.og_title = content;
    } else if (const int rank = MetaDateRank(key); rank >= 0) {
      meta_.dates.push_back(PageMeta::Date{rank, content, parent, in_head});
    }
  } else if (element.tag == GUMBO_TAG_TITLE && element.tag_namespace == GUMBO_NAMESPACE_HTML) {
    if (meta_.title.empty()) meta_.title = CollapseSpace(TextOfChildren(element));
  } else if (element.tag == GUMBO_TAG_SCRIPT && Lowered(Attribute(element, "type")).find("ld+json") != std::string::npos) {
    if (std::string date = JsonLdDatePublished(TextOfChildren(element)); !date.empty()) {
      meta_.dates.push_back(PageMeta::Date{3, std::move(date), parent, in_head});
    }
  }
}

void Page::DescribeElement(Item& item, const Item* parent) {
  const GumboElement& element = item.node->v.element;
  item.in_article = parent != nullptr && (parent->in_article || parent->article_scope);
  if (item.tag == GUMBO_TAG_HTML || item.tag == GUMBO_TAG_BODY) return;  // never furniture, whatever they say
  const std::string role = Lowered(Attribute(element, "role"));
  switch (item.tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_MENU:
      item.named_furniture = true;
      break;
    case GUMBO_TAG_HEADER:  // the site's header; an article's own <header> holds its headline and dateline
      item.named_furniture = !item.in_article;
      break;
    case GUMBO_TAG_UNKNOWN:  // gumbo 0.10 predates <dialog>
      item.named_furniture = UnknownTagName(element) == "dialog";
      break;
    default:
      break;
  }
  if (IsOneOf(role, {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
                     "dialog", "alertdialog", "toolbar"}) ||
      IsHidden(element)) {
    item.named_furniture = true;
  }
  item.article_body = Lowered(Attribute(element, "itemprop")) == "articlebody";
  ForEachName(element, [&](const Parts& parts) {
    if (NameIsFurniture(parts, item.in_article)) {
      item.named_furniture = true;
    } else if (NameIsArticleBody(parts)) {
      item.article_body = true;
    }
    if (NameIsDateline(parts)) item.dateline = true;
  });
  if (const std::string_view label = Attribute(element, "aria-label"); !label.empty()) {
    if (NameIsFurniture(SplitName(label), item.in_article)) item.named_furniture = true;
  }
  if (item.named_furniture) item.article_body = false;
  item.article_scope = item.tag == GUMBO_TAG_ARTICLE || item.tag == GUMBO_TAG_MAIN || role == "main" ||
                       item.article_body;
}

void Page::CountRaw() {
  for (Index i = Size(); i-- > 0;) {
    Item& item = items_[i];
    if (item.is_text) {
      // raw_text was set by Flatten
    } else if (item.tag == GUMBO_TAG_A) {
      item.raw_link = item.raw_text;
      ++item.raw_links;
    } else if (item.tag == GUMBO_TAG_P) {
      item.raw_para = item.raw_text;
    }
    if (item.parent == kNone) continue;
    Item& parent = items_[item.parent];
    parent.raw_text += item.raw_text;
    parent.raw_link += item.raw_link;
    parent.raw_para += item.raw_para;
    parent.raw_links += item.raw_links;
  }
  // The largest marked article body, and every element around it, is out of the furniture rules' reach:
  // a page wrapper named "has-sidebar" or "layout-ads" must not take the article with it.
  Index body = kNone;
  for (Index i = 0; i < Size(); ++i) {
    if (items_[i].article_body && (body == kNone || items_[i].raw_text > items_[body].raw_text)) body = i;
  }
  for (Index i = body; i != kNone; i = items_[i].parent) items_[i].kept_for_body = true;
}

bool Page::IsFurnitureByRule(const Item& item) const {
  if (item.named_furniture) return true;
  if (item.tag == GUMBO_TAG_FORM) return item.raw_para < kFormWrapperParagraphBytes;
  // Lists and boxes of links: menus, related headlines, tag clouds that no name gives away.
  const bool list = item.tag == GUMBO_TAG_UL || item.tag == GUMBO_TAG_OL || item.tag == GUMBO_TAG_DL ||
                    item.tag == GUMBO_TAG_DIR;
  const bool box = item.tag == GUMBO_TAG_DIV || item.tag == GUMBO_TAG_SECTION || item.tag == GUMBO_TAG_TABLE ||
                   item.tag == GUMBO_TAG_TD || item.tag == GUMBO_TAG_ARTICLE;  // an <article> teaser card
  if (!list && !box) return false;
  return item.raw_text > 0 && item.raw_links >= (list ? 1u : 2u) &&
         static_cast<double>(item.raw_link) >= kLinkListDensity * static_cast<double>(item.raw_text);
}

bool IsParagraphLike(const Item& item) {
  if (item.tag == GUMBO_TAG_P) return true;
  if (item.has_block) return false;
  switch (item.tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_ADDRESS:
      return true;
    default:
      return false;
  }
}

void Page::Classify(bool lenient) {
  for (Item& item : items_) {
    const bool inherited = item.parent != kNone && items_[item.parent].furniture;
    if (item.is_text) {
      item.furniture = inherited;
    } else if (lenient) {
      item.furniture = inherited || item.tag == GUMBO_TAG_HEAD;
    } else {
      item.furniture = inherited || (!item.kept_for_body && IsFurnitureByRule(item));
    }
    item.has_block = false;
    item.text = item.link = item.own = item.paragraphs = 0;
  }
  for (Index i = Size(); i-- > 0;) {
    Item& item = items_[i];
    if (item.furniture || item.parent == kNone) continue;
    Item& parent = items_[item.parent];
    if (item.is_text) {
      parent.text += item.raw_text;
      parent.own += item.raw_text;
      continue;
    }
    if (item.tag == GUMBO_TAG_A) item.link = item.text;
    parent.text += item.text;
    parent.link += item.link;
    const bool block = IsBlock(item.tag);
    if (block || item.has_block) parent.has_block = true;
    if (!block && !item.has_block) {  // inline: part of the parent's own paragraph
      parent.own += item.text;
    } else if (IsParagraphLike(item)) {
      if (item.text >= kMinParagraphBytes) parent.paragraphs += item.text;
    } else if (!block) {  // an inline element around blocks (<font>, an unclosed <i>) does not count as a level
      parent.own += item.own;
      parent.paragraphs += item.paragraphs;
    }
  }
}

Index Page::ChooseMain() const {
  Index marked = kNone;
  Index scored = kNone;
  double best_score = 0;
  for (Index i = 0; i < Size(); ++i) {
    const Item& item = items_[i];
    if (item.is_text || item.furniture || item.text == 0) continue;
    if ((item.tag == GUMBO_TAG_ARTICLE || item.article_body) && (marked == kNone || item.text > items_[marked].text)) {
      marked = i;
    }
    if (IsScoringCandidate(item.tag)) {
      const double score = Score(item);
      if (score > best_score) {
        best_score = score;
        scored = i;
      }
    }
  }
  // A marked container wins unless it is a teaser beside a much larger unmarked body.
  if (marked != kNone && (scored == kNone || 10.0 * static_cast<double>(items_[marked].text) >= 3.0 * best_score)) {
    return marked;
  }
  // Scores only mean something when the best container holds a fair share of the page's text; otherwise
  // (a page of tables or lists, a short note) the whole page is the content.
  const Index page = body_ != kNone && !items_[body_].furniture ? body_ : 0;
  if (scored == kNone || 5 * items_[scored].text < items_[page].text) return page;
  return scored;
}

// Readability's measure: paragraph text (paragraphs shorter than kMinParagraphBytes are not prose) less the
// share of it that is links.
double Page::Score(const Item& item) const {
  const Count own = item.own >= kMinParagraphBytes ? item.own : 0;
  return static_cast<double>(own + item.paragraphs) * (1.0 - LinkDensity(item));
}

// The main content and those of its siblings that continue it (readability's sibling rule): a lead paragraph
// beside the body, or a second run of paragraphs after an advertisement; never the headline, a dateline or a
// box of links. An <article> stands alone.
std::vector<Index> Page::BodyParts(Index main) const {
  const Index parent = items_[main].parent;
  if (items_[main].tag == GUMBO_TAG_ARTICLE || IsPageFrame(main) || parent == kNone) return {main};
  const double main_score = Score(items_[main]);
  std::vector<Index> parts;
  for (Index i = parent + 1; i < items_[parent].end; i = items_[i].end) {
    const Item& sibling = items_[i];
    if (sibling.is_text || sibling.furniture) continue;
    const bool continues =
        sibling.tag != GUMBO_TAG_H1 && sibling.text >= kMinSiblingBytes && LinkDensity(sibling) < 0.25 &&
        (IsParagraphLike(sibling) || IsSubheading(sibling.tag) || (Score(sibling) > 0 && Score(sibling) >= 0.2 * main_score));
    if (i == main || continues) parts.push_back(i);
  }
  return parts;
}

Index Page::CommonAncestor(Index a, Index b) const {
  while (items_[a].depth > items_[b].depth) a = items_[a].parent;
  while (items_[b].depth > items_[a].depth) b = items_[b].parent;
  while (a != b) {
    a = items_[a].parent;
    b = items_[b].parent;
  }
  return a;
}

// The headline: the first <h1> of the main content, else the <h1> nearest to it (sharing a container below
// <body>, so a logo's <h1> elsewhere on the page is not taken).
Index Page::FindTitleHeading(Index main) const {
  for (Index i = main; i < items_[main].end;) {
    if (items_[i].furniture) {
      i = items_[i].end;
      continue;
    }
    if (items_[i].tag == GUMBO_TAG_H1 && items_[i].text > 0) return i;
    ++i;
  }
  Index best = kNone;
  Index best_depth = 0;
  std::size_t seen = 0;
  for (Index i = 0; i < Size() && seen < kMaxH1Candidates;) {
    if (items_[i].furniture) {
      i = items_[i].end;
      continue;
    }
    if (items_[i].tag == GUMBO_TAG_H1 && items_[i].text > 0) {
      ++seen;
      const Index ancestor = CommonAncestor(i, main);
      if (!IsPageFrame(ancestor) && (best == kNone || items_[ancestor].depth > best_depth)) {
        best = i;
        best_depth = items_[ancestor].depth;
      }
    }
    ++i;
  }
  return best;
}

bool HasDigit(std::string_view s) { return std::any_of(s.begin(), s.end(), IsAsciiDigit); }

std::optional<std::string> Page::FindPublished(Index main, Index heading) const {
  // Metadata first, by rank, then in page order.
  const PageMeta::Date* best = nullptr;
  for (const PageMeta::Date& date : meta_.dates) {
    const bool valid = date.in_head || date.owner == kNone || !items_[date.owner].furniture;
    if (valid && (best == nullptr || date.rank < best->rank)) best = &date;
  }
  if (best != nullptr && best->rank <= 2) return best->value;
  std::size_t candidates = 0;
  for (Index i = 0; i < Size() && candidates < kMaxDatelineCandidates;) {
    const Item& item = items_[i];
    if (item.furniture) {
      i = item.end;
      continue;
    }
    if (!item.is_text && Lowered(Attribute(item.node->v.element, "itemprop")) == "datepublished") {
      ++candidates;
      for (const char* name : {"content", "datetime"}) {
        if (std::string value = CollapseSpace(Attribute(item.node->v.element, name)); !value.empty()) return value;
      }
      if (std::string value = SingleLine(i, kMaxDatelineBytes); !value.empty() && HasDigit(value)) return value;
    }
    ++i;
  }
  if (best != nullptr) return best->value;

  // Then the article area: the main content with its headline, widened twice at most.
  Index area = heading == kNone ? main : CommonAncestor(main, heading);
  for (int widening = 0; widening < 3; ++widening) {
    for (Index i = area; i < items_[area].end;) {
      const Item& item = items_[i];
      if (item.furniture) {
        i = item.end;
        continue;
      }
      if (item.tag == GUMBO_TAG_TIME) {
        if (std::string value = CollapseSpace(Attribute(item.node->v.element, "datetime")); !value.empty()) {
          return value;
        }
      }
      ++i;
    }
    candidates = 0;
    for (Index i = area; i < items_[area].end && candidates < kMaxDatelineCandidates;) {
      const Item& item = items_[i];
      if (item.furniture) {
        i = item.end;
        continue;
      }
      if (item.dateline || item.tag == GUMBO_TAG_TIME) {
        ++candidates;
        const std::string value = SingleLine(i, kMaxDatelineBytes);
        if (!value.empty() && value.size() <= kMaxDatelineBytes && HasDigit(value)) return value;
      }
      ++i;
    }
    const Index parent = items_[area].parent;
    if (parent == kNone || items_[parent].tag == GUMBO_TAG_HTML) break;
    area = parent;
  }
  return std::nullopt;
}

void Page::Render(Index begin, TextBuilder& builder) const {
  const auto is_pre = [](GumboTag tag) {
    return tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING || tag == GUMBO_TAG_PLAINTEXT || tag == GUMBO_TAG_XMP;
  };
  int preformatted = 0;
  const auto close = [&](const Item& item) {
    if (IsParagraphBlock(item.tag)) {
      builder.Break(Gap::kParagraph);
    } else if (IsLineBlock(item.tag)) {
      builder.Break(Gap::kLine);
    }
    if (is_pre(item.tag)) --preformatted;
  };
  std::vector<Index> open;
  const Index end = items_[begin].end;
  for (Index i = begin; i < end && !builder.Full();) {
    while (!open.empty() && items_[open.back()].end <= i) {
      close(items_[open.back()]);
      open.pop_back();
    }
    const Item& item = items_[i];
    if (item.furniture) {
      i = item.end;
      continue;
    }
    if (item.is_text) {
      builder.AddText(item.node->v.text.text, preformatted > 0);
      ++i;
      continue;
    }
    if (item.tag == GUMBO_TAG_BR) {
      builder.LineBreak();
    } else if (IsParagraphBlock(item.tag)) {
      builder.Break(Gap::kParagraph);
    } else if (IsLineBlock(item.tag)) {
      builder.Break(Gap::kLine);
    } else if (item.cell_follows) {
      builder.CellSeparator();
    }
    if (is_pre(item.tag)) ++preformatted;
    open.push_back(i);
    ++i;
  }
  for (auto it = open.rbegin(); it != open.rend(); ++it) close(items_[*it]);
}

// "Headline - Báo Quốc tế" -> "Headline": the last " - ", " | ", " – " segment goes when what remains is
// still a title (two words and ten characters at least), so "Việt Nam - Nhật Bản" stays whole.
std::string CutSiteName(const std::string& title) {
  std::size_t cut = std::string::npos;
  std::size_t separator_size = 0;
  for (const std::string_view separator : {" - ", " | ", " – ", " — ", " :: ", " » ", " · "}) {
    const std::size_t at = title.rfind(separator);
    if (at != std::string::npos && (cut == std::string::npos || at > cut)) {
      cut = at;
      separator_size = separator.size();
    }
  }
  if (cut == std::string::npos || cut + separator_size >= title.size()) return title;
  const std::string_view rest(title.data(), cut);
  if (CodePointCount(rest) < 10 || rest.find(' ') == std::string_view::npos) return title;
  return std::string(rest);
}

HtmlArticle Page::Extract() const {
  HtmlArticle article;
  if (items_.empty()) return article;
  const Index main = ChooseMain();
  TextBuilder builder;
  for (const Index part : BodyParts(main)) {
    builder.Break(Gap::kParagraph);
    Render(part, builder);
  }
  article.text = builder.Take();
  if (article.text.empty()) return article;
  const Index heading = FindTitleHeading(main);
  if (!meta_.og_title.empty()) {
    article.title = meta_.og_title;
  } else if (heading != kNone) {
    article.title = SingleLine(heading);
  } else {
    article.title = CutSiteName(meta_.title);
  }
  article.published = FindPublished(main, heading);
  return article;
}

}  // namespace

bool LooksLikeHtml(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  while (!bytes.empty() && IsAsciiSpace(bytes.front())) bytes.remove_prefix(1);
  const std::string s = Lowered(bytes.substr(0, kSniffBytes));
  // Whether s has the tag `name` at `at`: "<html" but not "<htmlx".
  const auto tag_at = [&s](std::size_t at, std::string_view name) {
    if (s.compare(at, name.size(), name) != 0) return false;
    const std::size_t next = at + name.size();
    return next == s.size() || IsAsciiSpace(s[next]) || s[next] == '>' || s[next] == '/';
  };
  // Comments, <?xml ...?> and <link>/<base> may come first; then a doctype or the first tag decides. Text, or
  // any other tag (<rss>, <svg>, "<Bản dịch>"), says this is not an HTML page.
  std::size_t at = 0;
  for (;;) {
    while (at < s.size() && IsAsciiSpace(s[at])) ++at;
    if (at >= s.size() || s[at] != '<') return false;
    std::string_view closing;
    if (s.compare(at, 4, "<!--") == 0) {
      closing = "-->";
    } else if (s.compare(at, 2, "<?") == 0) {
      closing = "?>";
    } else if (tag_at(at, "<link") || tag_at(at, "<base")) {
      closing = ">";
    } else if (tag_at(at, "<!doctype")) {
      return tag_at(at, "<!doctype html");
    } else {
      for (const std::string_view marker : {"<html", "<head", "<body", "<meta", "<title"}) {
        if (tag_at(at, marker)) return true;
      }
      return false;
    }
    const std::size_t close = s.find(closing, at + 2);
    if (close == std::string::npos) return false;
    at = close + closing.size();
  }
}

Result<HtmlArticle> ExtractHtmlArticle(std::string_view html) {
  if (html.size() >= kMaxPageBytes) return Status::TooLarge("an HTML page of 2 GiB or more");
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not reported; recording them costs memory on broken pages
  const auto destroy = [&options](GumboOutput* output) { gumbo_destroy_output(&options, output); };
  const std::unique_ptr<GumboOutput, decltype(destroy)> output(
      gumbo_parse_with_options(&options, html.empty() ? "" : html.data(), html.size()), destroy);
  if (output == nullptr || output->root == nullptr) return Status::InvalidInput("the HTML parser gave up");
  Page page(output->root);
  page.Classify(/*lenient=*/false);
  HtmlArticle article = page.Extract();
  if (article.text.empty()) {  // the furniture rules took everything: read it again with tags alone removed
    page.Classify(/*lenient=*/true);
    article = page.Extract();
  }
  if (article.text.empty()) return Status::InvalidInput("the page has no readable text");
  return article;
}

}  // namespace dipdoc
