#include "ingest/office_reader.h"

#include <zip.h>

#include <pugixml.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Both formats are zip archives of XML parts. libzip reads the archive from memory (each part read whole,
// within a size budget, so a zip bomb is refused before it is inflated); pugixml parses each part without
// recursion, and the walk over the tree below is iterative too, so no file can exhaust the stack however
// deeply it nests its elements.
//
// pugixml knows nothing of namespaces: element names carry the prefix the file chose. The prefix of each
// namespace the reader cares about is read from the part's root element (where Word and LibreOffice
// declare them all), falling back to the conventional one.

namespace dipdoc {
namespace {

// A part inflating to more than this is refused (TooLarge): the largest document.xml of a real letter is a
// few MiB, and the loader's own limit on the whole file is 32 MiB.
constexpr zip_uint64_t kMaxPartBytes = 64u << 20;
// All parts read from one archive together.
constexpr zip_uint64_t kMaxTotalBytes = 256u << 20;
// A part of kRatioCheckBytes or more that inflates more than kMaxRatio times its compressed size is a zip
// bomb, not a document: XML compresses 5 to 30 times, deflate at most about 1,030 times.
constexpr zip_uint64_t kRatioCheckBytes = 1u << 20;
constexpr zip_uint64_t kMaxRatio = 200;
// An ODF <text:s text:c="..."/> stands for at most this many spaces.
constexpr long kMaxRepeatedSpaces = 1000;

constexpr std::string_view kOleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr const char* kEncrypted = "encrypted or password-protected document";

std::string Damaged(const std::string& detail) { return "damaged document: " + detail; }

bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::string_view Trim(std::string_view s, const char* chars) {
  const std::size_t first = s.find_first_not_of(chars);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(chars) - first + 1);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

// An OLE compound file holding an OOXML document is how Office stores a password-protected file (the zip
// sits encrypted in its "EncryptedPackage" stream); one with a "WordDocument" stream and no such package is
// a Word 97-2003 .doc. Stream names are UTF-16LE in the file's directory sectors.
Status RefuseOle(std::string_view bytes, const std::string& not_this_format) {
  const auto has_utf16 = [bytes](std::string_view ascii) {
    std::string utf16;
    for (char c : ascii) {
      utf16 += c;
      utf16 += '\0';
    }
    return bytes.find(utf16) != std::string_view::npos;
  };
  if (!has_utf16("EncryptedPackage") && has_utf16("WordDocument")) {
    return Status::InvalidInput(not_this_format + ": a Word 97-2003 .doc file");
  }
  return Status::InvalidInput(kEncrypted);
}

// ---------------------------------------------------------------------------------------------------------
// The archive

class Archive {
 public:
  // `bytes` must outlive the Archive. `not_this_format` ("not a DOCX file") begins the messages that say
  // the file is something else.
  static Result<Archive> Open(std::string_view bytes, const std::string& not_this_format) {
    if (bytes.substr(0, kOleMagic.size()) == kOleMagic) return RefuseOle(bytes, not_this_format);
    const std::string not_a_zip = not_this_format + ": not a zip archive";
    if (bytes.substr(0, 2) != "PK") return Status::InvalidInput(not_a_zip);

    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
      zip_error_fini(&error);
      return Status::InvalidInput(not_a_zip);
    }
    zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (zip == nullptr) {
      zip_source_free(source);
      zip_error_fini(&error);
      // It starts like a zip (a local file header) but its central directory is missing or unreadable: the
      // usual result of a download or copy cut short.
      return Status::InvalidInput(Damaged("truncated or corrupt zip archive"));
    }
    zip_error_fini(&error);
    return Archive(zip);
  }

  bool Has(const std::string& name) const { return zip_name_locate(zip_.get(), name.c_str(), 0) >= 0; }

  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    const zip_int64_t count = zip_get_num_entries(zip_.get(), 0);
    for (zip_int64_t i = 0; i < count; ++i) {
      if (const char* name = zip_get_name(zip_.get(), static_cast<zip_uint64_t>(i), 0)) names.emplace_back(name);
    }
    return names;
  }

  // The inflated bytes of the part `name`. REQUIRES: Has(name)
  Result<std::string> Read(const std::string& name) {
    const zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), 0);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (index < 0 || zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &stat) != 0 ||
        (stat.valid & ZIP_STAT_SIZE) == 0 || (stat.valid & ZIP_STAT_COMP_SIZE) == 0) {
      return Status::InvalidInput(Damaged(name + " has no readable directory entry"));
    }
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && stat.encryption_method != ZIP_EM_NONE) {
      return Status::InvalidInput(kEncrypted);
    }
    if (stat.size > kMaxPartBytes) {
      return Status::TooLarge(name + " is " + std::to_string(stat.size) + " bytes uncompressed, over the limit of " +
                              std::to_string(kMaxPartBytes >> 20) + " MiB");
    }
    const zip_uint64_t ratio = stat.size / std::max<zip_uint64_t>(stat.comp_size, 1);
    if (stat.size >= kRatioCheckBytes && ratio > kMaxRatio) {
      return Status::InvalidInput(
          Damaged(name + " inflates " + std::to_string(ratio) + " times its compressed size (a zip bomb)"));
    }
    if (stat.size > kMaxTotalBytes - total_) {
      return Status::TooLarge("the document's parts are over " + std::to_string(kMaxTotalBytes >> 20) +
                              " MiB uncompressed in all");
    }
    total_ += stat.size;

    zip_file_t* file = zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0);
    if (file == nullptr) {
      if (zip_error_code_zip(zip_get_error(zip_.get())) == ZIP_ER_NOPASSWD) return Status::InvalidInput(kEncrypted);
      return Status::InvalidInput(Damaged(name + " cannot be opened (" + zip_strerror(zip_.get()) + ")"));
    }
    // Read one byte past the declared size: libzip checks the CRC when it reaches the end of the data, and
    // a part with more data than declared is refused rather than read beyond the budget.
    std::string bytes(static_cast<std::size_t>(stat.size) + 1, '\0');
    std::size_t got = 0;
    std::string failure;
    while (got < bytes.size()) {
      const zip_int64_t n = zip_fread(file, bytes.data() + got, bytes.size() - got);
      if (n < 0) {
        failure = Damaged(name + " cannot be read (" + zip_error_strerror(zip_file_get_error(file)) + ")");
        break;
      }
      if (n == 0) break;
      got += static_cast<std::size_t>(n);
    }
    if (failure.empty() && got < stat.size) failure = Damaged(name + " is truncated");
    if (failure.empty() && got > stat.size) failure = Damaged(name + " is longer than its directory entry says");
    bytes.resize(static_cast<std::size_t>(stat.size));
    zip_fclose(file);
    if (!failure.empty()) return Status::InvalidInput(failure);
    return bytes;
  }

 private:
  struct Discard {
    void operator()(zip_t* zip) const { zip_discard(zip); }
  };

  explicit Archive(zip_t* zip) : zip_(zip) {}

  std::unique_ptr<zip_t, Discard> zip_;
  zip_uint64_t total_ = 0;
};

// ---------------------------------------------------------------------------------------------------------
// XML

Status ParseXml(const std::string& bytes, const std::string& name, pugi::xml_document& doc) {
  // parse_ws_pcdata keeps text made only of spaces (<w:t xml:space="preserve"> </w:t>). No DOCTYPE is
  // processed, so no entity can expand.
  const pugi::xml_parse_result parsed =
      doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_auto);
  if (!parsed || !doc.document_element()) {
    return Status::InvalidInput(Damaged(name + " is not well-formed XML"));
  }
  return Status::Ok();
}

// The prefix ("w:", or "" for the default namespace) that `root` binds to one of `uris`, else `fallback`.
std::string PrefixOf(pugi::xml_node root, std::initializer_list<std::string_view> uris, std::string fallback) {
  for (pugi::xml_attribute attribute : root.attributes()) {
    const std::string_view name = attribute.name();
    if (std::find(uris.begin(), uris.end(), std::string_view(attribute.value())) == uris.end()) continue;
    if (name == "xmlns") return "";
    if (name.substr(0, 6) == "xmlns:") return std::string(name.substr(6)) + ":";
  }
  return fallback;
}

// The local name of `node` when it is an element with `prefix`, else "".
std::string_view LocalName(pugi::xml_node node, std::string_view prefix) {
  const std::string_view name = node.name();
  if (node.type() != pugi::node_element || name.size() <= prefix.size() || name.substr(0, prefix.size()) != prefix) {
    return {};
  }
  const std::string_view local = name.substr(prefix.size());
  return local.find(':') == std::string_view::npos ? local : std::string_view();
}

// The local name of any element, whatever its prefix.
std::string_view AnyLocalName(pugi::xml_node node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Visits the descendants of `root` in document order without recursion. `visitor.Enter(node)` returns whether
// to visit the node's children; `visitor.Leave(node)` is called after them for every node entered with true.
template <typename Visitor>
void Walk(pugi::xml_node root, Visitor& visitor) {
  pugi::xml_node node = root.first_child();
  while (node) {
    if (visitor.Enter(node)) {
      if (pugi::xml_node child = node.first_child()) {
        node = child;
        continue;
      }
      visitor.Leave(node);
    }
    while (true) {
      if (pugi::xml_node next = node.next_sibling()) {
        node = next;
        break;
      }
      node = node.parent();
      if (!node || node == root) {
        node = pugi::xml_node();
        break;
      }
      visitor.Leave(node);
    }
  }
}

// The first element under `root` (at any depth) with the local name `local`, found without recursion.
pugi::xml_node FindByLocalName(pugi::xml_node root, std::string_view local) {
  struct Finder {
    std::string_view local;
    pugi::xml_node found;
    bool Enter(pugi::xml_node node) {
      if (found || node.type() != pugi::node_element) return false;
      if (AnyLocalName(node) == local) {
        found = node;
        return false;
      }
      return true;
    }
    void Leave(pugi::xml_node) {}
  } finder{local, {}};
  Walk(root, finder);
  return finder.found;
}

// The text of a simple element such as <dc:title>, trimmed.
std::string SimpleText(pugi::xml_node element) {
  std::string text;
  for (pugi::xml_node child : element.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) text += child.value();
  }
  return std::string(Trim(text, " \t\r\n"));
}

// The document's title from a metadata part (docProps/core.xml, meta.xml); "" when it has none. A damaged
// metadata part costs the title, not the document.
Result<std::string> ReadTitle(Archive& archive, const std::string& part) {
  if (!archive.Has(part)) return std::string();
  Result<std::string> bytes = archive.Read(part);
  if (!bytes.ok()) return bytes.status();
  pugi::xml_document doc;
  if (!ParseXml(bytes.value(), part, doc).ok()) return std::string();
  const std::string dc = PrefixOf(doc.document_element(), {"http://purl.org/dc/elements/1.1/"}, "dc:");
  struct TitleFinder {
    std::string_view dc;
    pugi::xml_node found;
    bool Enter(pugi::xml_node node) {
      if (found || node.type() != pugi::node_element) return false;
      if (LocalName(node, dc) == "title") {
        found = node;
        return false;
      }
      return true;
    }
    void Leave(pugi::xml_node) {}
  } finder{dc, {}};
  Walk(doc.document_element(), finder);
  return finder.found ? SimpleText(finder.found) : std::string();
}

// ---------------------------------------------------------------------------------------------------------
// Text in reading order

// Collects text as the walk opens and closes paragraphs, tables, rows and cells, and gives the blocks of
// the text: paragraphs and whole tables (one line per row). Paragraphs in a cell are joined with a space; a
// paragraph inside a paragraph (a text box anchored in it) becomes a line of it; a table inside a cell is
// flattened into the cell's text. Notes (ODF footnotes, inline in the text) are kept apart.
class TextBuilder {
 public:
  enum class Kind { kDocument, kNote, kParagraph, kTable, kRow, kCell };

  TextBuilder() { stack_.push_back({Kind::kDocument, {}, {}}); }

  void Begin(Kind kind) {
    stack_.push_back({kind, {}, {}});
    if (kind == Kind::kCell) ++open_cells_;
  }

  // REQUIRES: the innermost open context is of `kind` (Begin and End are paired by element).
  void End(Kind kind) {
    Context done = std::move(stack_.back());
    stack_.pop_back();
    switch (kind) {
      case Kind::kParagraph: {
        const std::string_view text = Trim(done.text, " \r\n");
        if (!IsBlank(text)) DeliverBlock(std::string(text));
        break;
      }
      case Kind::kCell: {
        --open_cells_;
        Context* row = Nearest(Kind::kRow);
        std::string text = Join(done.parts, " ");
        if (row != nullptr) {
          row->parts.push_back(std::move(text));
        } else if (!IsBlank(text)) {
          DeliverBlock(std::move(text));
        }
        break;
      }
      case Kind::kRow: {
        if (std::all_of(done.parts.begin(), done.parts.end(), [](const std::string& s) { return IsBlank(s); })) break;
        std::string line = Join(done.parts, InCell() ? " " : " | ");
        if (Context* table = Nearest(Kind::kTable)) {
          table->parts.push_back(std::move(line));
        } else {
          DeliverBlock(std::move(line));
        }
        break;
      }
      case Kind::kTable:
        if (!done.parts.empty()) DeliverBlock(Join(done.parts, InCell() ? " " : "\n"));
        break;
      case Kind::kNote:
        for (std::string& block : done.parts) notes_.push_back(std::move(block));
        break;
      case Kind::kDocument:
        break;
    }
  }

  // The open paragraph's text, or nullptr outside a paragraph (text there is not part of the document's text).
  std::string* Paragraph() { return stack_.back().kind == Kind::kParagraph ? &stack_.back().text : nullptr; }

  void Append(std::string_view text) {
    if (std::string* paragraph = Paragraph()) paragraph->append(text);
  }

  // ODF white space: a run of spaces, tabs and line ends in the XML is one space, none at a paragraph's start.
  void AppendCollapsed(std::string_view text) {
    std::string* paragraph = Paragraph();
    if (paragraph == nullptr) return;
    for (char c : text) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (paragraph->empty() || paragraph->back() == ' ' || paragraph->back() == '\n') continue;
        c = ' ';
      }
      paragraph->push_back(c);
    }
  }

  std::vector<std::string> TakeBlocks() { return std::move(stack_.front().parts); }
  std::vector<std::string> TakeNotes() { return std::move(notes_); }

 private:
  struct Context {
    Kind kind;
    std::string text;                // a paragraph's text
    std::vector<std::string> parts;  // blocks (document, note), paragraphs (cell), cells (row), rows (table)
  };

  // The innermost open context of `kind`, unless a block-holding context (document, note, paragraph, cell)
  // comes first.
  Context* Nearest(Kind kind) {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      if (it->kind == kind) return &*it;
      if (it->kind != Kind::kRow && it->kind != Kind::kTable) return nullptr;
    }
    return nullptr;
  }

  bool InCell() const { return open_cells_ > 0; }

  // A finished paragraph or table goes to the innermost document, note, cell or paragraph.
  void DeliverBlock(std::string text) {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      switch (it->kind) {
        case Kind::kDocument:
        case Kind::kNote:
        case Kind::kCell:
          it->parts.push_back(std::move(text));
          return;
        case Kind::kParagraph:
          if (!it->text.empty() && it->text.back() != '\n') it->text += '\n';
          it->text += text;
          it->text += '\n';
          return;
        case Kind::kTable:
        case Kind::kRow:
          break;
      }
    }
  }

  std::vector<Context> stack_;
  int open_cells_ = 0;
  std::vector<std::string> notes_;
};

// Appends `part`'s blocks to `blocks` unless an identical part was already added (Word and LibreOffice
// often repeat one header for the first, odd and even pages).
void AddPart(std::vector<std::string> part, std::vector<std::string>& blocks, std::vector<std::string>& seen) {
  const std::string joined = Join(part, "\n\n");
  if (joined.empty() || std::find(seen.begin(), seen.end(), joined) != seen.end()) return;
  seen.push_back(joined);
  for (std::string& block : part) blocks.push_back(std::move(block));
}

// ---------------------------------------------------------------------------------------------------------
// DOCX (WordprocessingML)

constexpr std::string_view kWordMain = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kWordMainStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr std::string_view kRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view kRelationshipsStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships";
constexpr std::string_view kMarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

struct HeaderReference {
  enum Type { kFirst, kDefault, kEven };  // the order they are read in
  bool header;      // else a footer
  Type type;
  bool title_page;  // the section gives its first page a header and footer of its own (<w:titlePg/>)
  std::string id;   // the relationship id
};

// A WordprocessingML on/off property: <w:titlePg/> is on, <w:titlePg w:val="0"/> (or "false", "off") is not.
bool IsOn(pugi::xml_node property, const std::string& w) {
  const std::string_view value = property.attribute((w + "val").c_str()).value();
  return value != "0" && value != "false" && value != "off";
}

// Text of a WordprocessingML part (document body, header, footer, footnotes) into a TextBuilder.
class WordVisitor {
 public:
  WordVisitor(pugi::xml_node root, TextBuilder& out)
      : w_(PrefixOf(root, {kWordMain, kWordMainStrict}, "w:")),
        r_(PrefixOf(root, {kRelationships, kRelationshipsStrict}, "r:")),
        mc_(PrefixOf(root, {kMarkupCompatibility}, "mc:")),
        out_(out) {}

  bool Enter(pugi::xml_node node) {
    if (node.type() != pugi::node_element) return false;
    // Markup compatibility: a drawing's text box is given twice, as DrawingML (mc:Choice) and as VML for
    // older readers (mc:Fallback). Read it once.
    if (LocalName(node, mc_) == "Fallback") return false;
    const std::string_view local = LocalName(node, w_);
    if (local.empty()) return true;
    if (local == "p") {
      out_.Begin(TextBuilder::Kind::kParagraph);
    } else if (local == "tbl") {
      out_.Begin(TextBuilder::Kind::kTable);
    } else if (local == "tr") {
      out_.Begin(TextBuilder::Kind::kRow);
    } else if (local == "tc") {
      out_.Begin(TextBuilder::Kind::kCell);
    } else if (local == "t") {
      for (pugi::xml_node child : node.children()) out_.Append(child.value());
      return false;
    } else if (local == "tab" || local == "ptab") {
      out_.Append("\t");
      return false;
    } else if (local == "br" || local == "cr") {
      out_.Append("\n");
      return false;
    } else if (local == "noBreakHyphen") {
      out_.Append("-");
      return false;
    } else if (local == "sectPr") {
      NoteReferences(node);
      return false;
    } else if (local == "del" || local == "moveFrom" || local == "delText" || local == "instrText" ||
               local == "delInstrText" || local == "fldData" || local == "pPr" || local == "rPr" ||
               local == "tblPr" || local == "trPr" || local == "tcPr" || local == "tblGrid" || local == "sym") {
      // Deleted revisions, field codes (their results are ordinary runs) and properties: no text.
      return false;
    }
    return true;
  }

  void Leave(pugi::xml_node node) {
    const std::string_view local = LocalName(node, w_);
    if (local == "p") {
      out_.End(TextBuilder::Kind::kParagraph);
    } else if (local == "tbl") {
      out_.End(TextBuilder::Kind::kTable);
    } else if (local == "tr") {
      out_.End(TextBuilder::Kind::kRow);
    } else if (local == "tc") {
      out_.End(TextBuilder::Kind::kCell);
    }
  }

  // Headers and footers the sections refer to, in section order.
  const std::vector<HeaderReference>& references() const { return references_; }

 private:
  void NoteReferences(pugi::xml_node section) {
    std::vector<HeaderReference> found;
    bool title_page = false;
    for (pugi::xml_node child : section.children()) {
      const std::string_view local = LocalName(child, w_);
      if (local == "titlePg") title_page = IsOn(child, w_);
      if (local != "headerReference" && local != "footerReference") continue;
      const std::string_view type = child.attribute((w_ + "type").c_str()).value();
      found.push_back({local == "headerReference",
                       type == "first"  ? HeaderReference::kFirst
                       : type == "even" ? HeaderReference::kEven
                                        : HeaderReference::kDefault,
                       false, child.attribute((r_ + "id").c_str()).value()});
    }
    for (HeaderReference& reference : found) reference.title_page = title_page;
    std::stable_sort(found.begin(), found.end(),
                     [](const HeaderReference& a, const HeaderReference& b) { return a.type < b.type; });
    references_.insert(references_.end(), found.begin(), found.end());
  }

  const std::string w_, r_, mc_;
  TextBuilder& out_;
  std::vector<HeaderReference> references_;
};

struct Relationship {
  std::string type;    // the type URI
  std::string target;  // the part's name in the archive
};

// "word/" + "header1.xml" → "word/header1.xml"; "/word/x.xml" → "word/x.xml"; ".." steps up.
std::string ResolvePartName(std::string_view base_folder, std::string_view target) {
  const std::string joined = target.substr(0, 1) == "/" ? std::string(target.substr(1))
                                                        : std::string(base_folder) + std::string(target);
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t slash = joined.find('/', start);
    if (slash == std::string::npos) slash = joined.size();
    const std::string segment = joined.substr(start, slash - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = slash + 1;
  }
  return Join(segments, "/");
}

// The relationships of the part `part` ("word/document.xml" → "word/_rels/document.xml.rels"), by id. A
// missing or damaged relationships part gives none: the text is still there to read.
Result<std::map<std::string, Relationship>> ReadRelationships(Archive& archive, const std::string& part) {
  const std::size_t slash = part.rfind('/');
  const std::string folder = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  const std::string name = slash == std::string::npos ? part : part.substr(slash + 1);
  const std::string rels_part = folder + "_rels/" + name + ".rels";
  std::map<std::string, Relationship> relationships;
  if (!archive.Has(rels_part)) return relationships;
  Result<std::string> bytes = archive.Read(rels_part);
  if (!bytes.ok()) return bytes.status();
  pugi::xml_document doc;
  if (!ParseXml(bytes.value(), rels_part, doc).ok()) return relationships;
  for (pugi::xml_node child : doc.document_element().children()) {
    if (AnyLocalName(child) != "Relationship") continue;
    if (std::string_view(child.attribute("TargetMode").value()) == "External") continue;
    relationships[child.attribute("Id").value()] = {child.attribute("Type").value(),
                                                    ResolvePartName(folder, child.attribute("Target").value())};
  }
  return relationships;
}

// The target of the first relationship whose type ends with `type_suffix` ("/footnotes"), else "".
std::string TargetOfType(const std::map<std::string, Relationship>& relationships, std::string_view type_suffix) {
  for (const auto& [id, relationship] : relationships) {
    if (EndsWith(relationship.type, type_suffix)) return relationship.target;
  }
  return "";
}

// The number in "word/header12.xml", for ordering parts as Word numbers them.
long PartNumber(const std::string& name) {
  const std::size_t end = name.rfind('.');
  std::size_t start = end;
  while (start > 0 && name[start - 1] >= '0' && name[start - 1] <= '9') --start;
  return start == end ? 0 : std::strtol(name.substr(start, end - start).c_str(), nullptr, 10);
}

// Every "word/header*.xml" (or footer), in Word's numbering order: for files whose sections name none.
std::vector<std::string> PartsNamed(const Archive& archive, const std::string& folder, const std::string& stem) {
  std::vector<std::string> parts;
  for (const std::string& name : archive.Names()) {
    if (name.size() > folder.size() + stem.size() && name.compare(0, folder.size(), folder) == 0 &&
        name.compare(folder.size(), stem.size(), stem) == 0 && EndsWith(name, ".xml") &&
        name.find('/', folder.size()) == std::string::npos) {
      parts.push_back(name);
    }
  }
  std::sort(parts.begin(), parts.end(), [](const std::string& a, const std::string& b) {
    return std::make_pair(PartNumber(a), a) < std::make_pair(PartNumber(b), b);
  });
  return parts;
}

// Whether the document prints different headers on even pages (<w:evenAndOddHeaders/> in its settings).
Result<bool> EvenAndOddHeaders(Archive& archive, const std::map<std::string, Relationship>& relationships,
                               const std::string& folder) {
  std::string part = TargetOfType(relationships, "/settings");
  if (part.empty()) part = folder + "settings.xml";
  if (!archive.Has(part)) return false;
  Result<std::string> bytes = archive.Read(part);
  if (!bytes.ok()) return bytes.status();
  pugi::xml_document doc;
  if (!ParseXml(bytes.value(), part, doc).ok()) return false;
  const pugi::xml_node root = doc.document_element();
  const std::string w = PrefixOf(root, {kWordMain, kWordMainStrict}, "w:");
  for (pugi::xml_node setting : root.children()) {
    if (LocalName(setting, w) == "evenAndOddHeaders") return IsOn(setting, w);
  }
  return false;
}

// Reads a header, footer or notes part. For notes, the separator pseudo-notes Word adds are skipped.
Result<std::vector<std::string>> ReadWordPart(Archive& archive, const std::string& part) {
  Result<std::string> bytes = archive.Read(part);
  if (!bytes.ok()) return bytes.status();
  pugi::xml_document doc;
  if (Status parsed = ParseXml(bytes.value(), part, doc); !parsed.ok()) return parsed;
  const pugi::xml_node root = doc.document_element();
  TextBuilder out;
  WordVisitor visitor(root, out);
  const std::string_view root_name = AnyLocalName(root);
  if (root_name == "footnotes" || root_name == "endnotes") {
    const std::string type_attribute = PrefixOf(root, {kWordMain, kWordMainStrict}, "w:") + "type";
    for (pugi::xml_node note : root.children()) {
      const std::string_view type = note.attribute(type_attribute.c_str()).value();
      if (!type.empty() && type != "normal") continue;
      Walk(note, visitor);
    }
  } else {
    Walk(root, visitor);
  }
  return out.TakeBlocks();
}

// ---------------------------------------------------------------------------------------------------------
// ODT (OpenDocument Text)

constexpr std::string_view kOdfOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr std::string_view kOdfText = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view kOdfTable = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr std::string_view kOdfStyle = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
constexpr std::string_view kOdfSvg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";

class OdfVisitor {
 public:
  OdfVisitor(pugi::xml_node root, TextBuilder& out)
      : office_(PrefixOf(root, {kOdfOffice}, "office:")),
        text_(PrefixOf(root, {kOdfText}, "text:")),
        table_(PrefixOf(root, {kOdfTable}, "table:")),
        svg_(PrefixOf(root, {kOdfSvg}, "svg:")),
        out_(out) {}

  bool Enter(pugi::xml_node node) {
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      out_.AppendCollapsed(node.value());
      return false;
    }
    if (node.type() != pugi::node_element) return false;
    if (const std::string_view local = LocalName(node, text_); !local.empty()) {
      if (local == "p" || local == "h") {
        out_.Begin(TextBuilder::Kind::kParagraph);
      } else if (local == "s") {
        const long count = std::clamp<long>(node.attribute((text_ + "c").c_str()).as_int(1), 1, kMaxRepeatedSpaces);
        out_.Append(std::string(static_cast<std::size_t>(count), ' '));
        return false;
      } else if (local == "tab") {
        out_.Append("\t");
        return false;
      } else if (local == "line-break") {
        out_.Append("\n");
        return false;
      } else if (local == "note-body") {
        out_.Begin(TextBuilder::Kind::kNote);
      } else if (local == "note-citation" || local == "tracked-changes" || local == "sequence-decls" ||
                 local == "variable-decls" || local == "user-field-decls" || local == "ruby-text") {
        return false;
      }
      return true;
    }
    if (const std::string_view local = LocalName(node, table_); !local.empty()) {
      if (local == "table") {
        out_.Begin(TextBuilder::Kind::kTable);
      } else if (local == "table-row") {
        out_.Begin(TextBuilder::Kind::kRow);
      } else if (local == "table-cell" || local == "covered-table-cell") {
        out_.Begin(TextBuilder::Kind::kCell);
      } else if (local == "table-columns" || local == "table-column") {
        return false;
      }
      return true;
    }
    const std::string_view office = LocalName(node, office_);
    if (office == "annotation" || office == "forms" || office == "event-listeners") return false;
    if (!LocalName(node, svg_).empty()) return false;  // a drawing's title and description
    return true;
  }

  void Leave(pugi::xml_node node) {
    if (const std::string_view local = LocalName(node, text_); !local.empty()) {
      if (local == "p" || local == "h") out_.End(TextBuilder::Kind::kParagraph);
      if (local == "note-body") out_.End(TextBuilder::Kind::kNote);
    } else if (const std::string_view local = LocalName(node, table_); !local.empty()) {
      if (local == "table") out_.End(TextBuilder::Kind::kTable);
      if (local == "table-row") out_.End(TextBuilder::Kind::kRow);
      if (local == "table-cell" || local == "covered-table-cell") out_.End(TextBuilder::Kind::kCell);
    }
  }

 private:
  const std::string office_, text_, table_, svg_;
  TextBuilder& out_;
};

// The master pages' headers and footers from styles.xml, each list in master-page order.
Status ReadOdfHeaders(Archive& archive, std::vector<std::string>& headers, std::vector<std::string>& footers) {
  const std::string part = "styles.xml";
  if (!archive.Has(part)) return Status::Ok();
  Result<std::string> bytes = archive.Read(part);
  if (!bytes.ok()) return bytes.status();
  pugi::xml_document doc;
  if (Status parsed = ParseXml(bytes.value(), part, doc); !parsed.ok()) return parsed;
  const pugi::xml_node root = doc.document_element();
  const std::string office = PrefixOf(root, {kOdfOffice}, "office:");
  const std::string style = PrefixOf(root, {kOdfStyle}, "style:");
  std::vector<std::string> seen;
  for (pugi::xml_node master_styles : root.children()) {
    if (LocalName(master_styles, office) != "master-styles") continue;
    for (pugi::xml_node master_page : master_styles.children()) {
      if (LocalName(master_page, style) != "master-page") continue;
      for (const bool header : {true, false}) {
        for (pugi::xml_node region : master_page.children()) {
          const std::string_view local = LocalName(region, style);
          const std::string_view kind = header ? "header" : "footer";
          if (local.substr(0, kind.size()) != kind) continue;
          if (std::string_view(region.attribute((style + "display").c_str()).value()) == "false") continue;
          TextBuilder out;
          OdfVisitor visitor(root, out);
          Walk(region, visitor);
          AddPart(out.TakeBlocks(), header ? headers : footers, seen);
        }
      }
    }
  }
  return Status::Ok();
}

// Whether META-INF/manifest.xml says the parts are encrypted (a password-protected ODF file).
Result<bool> OdfIsEncrypted(Archive& archive) {
  const std::string part = "META-INF/manifest.xml";
  if (!archive.Has(part)) return false;
  Result<std::string> bytes = archive.Read(part);
  if (!bytes.ok()) return bytes.status();
  pugi::xml_document doc;
  if (!ParseXml(bytes.value(), part, doc).ok()) return false;
  return static_cast<bool>(FindByLocalName(doc.document_element(), "encryption-data"));
}

std::string JoinBlocks(const std::vector<std::vector<std::string>>& groups) {
  std::string text;
  for (const std::vector<std::string>& group : groups) {
    for (const std::string& block : group) {
      if (!text.empty()) text += "\n\n";
      text += block;
    }
  }
  return text;
}

}  // namespace

Result<OfficeText> ReadDocx(std::string_view bytes) {
  Result<Archive> opened = Archive::Open(bytes, "not a DOCX file");
  if (!opened.ok()) return opened.status();
  Archive& archive = opened.value();

  // The main part is named by the package's relationships; Word always calls it word/document.xml.
  std::string main_part = "word/document.xml";
  if (Result<std::map<std::string, Relationship>> package = ReadRelationships(archive, ""); package.ok()) {
    const std::string target = TargetOfType(package.value(), "/officeDocument");
    if (!target.empty() && archive.Has(target)) main_part = target;
  } else {
    return package.status();
  }
  if (!archive.Has(main_part)) return Status::InvalidInput("not a DOCX file: no " + main_part);

  Result<std::string> main_bytes = archive.Read(main_part);
  if (!main_bytes.ok()) return main_bytes.status();
  pugi::xml_document doc;
  if (Status parsed = ParseXml(main_bytes.value(), main_part, doc); !parsed.ok()) return parsed;
  const pugi::xml_node root = doc.document_element();

  TextBuilder body_text;
  WordVisitor visitor(root, body_text);
  for (pugi::xml_node body : root.children()) {
    if (AnyLocalName(body) == "body") Walk(body, visitor);
  }
  const std::vector<std::string> body = body_text.TakeBlocks();

  Result<std::map<std::string, Relationship>> relationships = ReadRelationships(archive, main_part);
  if (!relationships.ok()) return relationships.status();
  const std::string folder = main_part.substr(0, main_part.rfind('/') + 1);

  // Headers and footers as the sections refer to them (a first-page one only when the section has a first
  // page of its own, an even-page one only when the settings distinguish even pages, as Word prints them);
  // all of them in numbering order when no section refers to any.
  Result<bool> even_and_odd = EvenAndOddHeaders(archive, relationships.value(), folder);
  if (!even_and_odd.ok()) return even_and_odd.status();
  std::vector<std::string> header_parts, footer_parts;
  for (const HeaderReference& reference : visitor.references()) {
    if (reference.type == HeaderReference::kFirst && !reference.title_page) continue;
    if (reference.type == HeaderReference::kEven && !even_and_odd.value()) continue;
    const auto found = relationships.value().find(reference.id);
    if (found == relationships.value().end() || !archive.Has(found->second.target)) continue;
    std::vector<std::string>& parts = reference.header ? header_parts : footer_parts;
    if (std::find(parts.begin(), parts.end(), found->second.target) == parts.end()) {
      parts.push_back(found->second.target);
    }
  }
  if (header_parts.empty() && footer_parts.empty()) {
    header_parts = PartsNamed(archive, folder, "header");
    footer_parts = PartsNamed(archive, folder, "footer");
  }

  std::vector<std::string> headers, footers, notes, seen;
  for (const std::string& part : header_parts) {
    Result<std::vector<std::string>> blocks = ReadWordPart(archive, part);
    if (!blocks.ok()) return blocks.status();
    AddPart(std::move(blocks).value(), headers, seen);
  }
  for (const std::string& part : footer_parts) {
    Result<std::vector<std::string>> blocks = ReadWordPart(archive, part);
    if (!blocks.ok()) return blocks.status();
    AddPart(std::move(blocks).value(), footers, seen);
  }
  for (const char* kind : {"footnotes", "endnotes"}) {
    std::string part = TargetOfType(relationships.value(), std::string("/") + kind);
    if (part.empty()) part = folder + kind + ".xml";
    if (!archive.Has(part)) continue;
    Result<std::vector<std::string>> blocks = ReadWordPart(archive, part);
    if (!blocks.ok()) return blocks.status();
    for (std::string& block : blocks.value()) notes.push_back(std::move(block));
  }

  Result<std::string> title = ReadTitle(archive, "docProps/core.xml");
  if (!title.ok()) return title.status();
  return OfficeText{std::move(title).value(), JoinBlocks({headers, body, notes, footers})};
}

Result<OfficeText> ReadOdt(std::string_view bytes) {
  Result<Archive> opened = Archive::Open(bytes, "not an ODT file");
  if (!opened.ok()) return opened.status();
  Archive& archive = opened.value();

  if (archive.Has("mimetype")) {
    Result<std::string> mimetype = archive.Read("mimetype");
    if (!mimetype.ok()) return mimetype.status();
    const std::string_view type = Trim(mimetype.value(), " \t\r\n");
    if (type.substr(0, 39) != "application/vnd.oasis.opendocument.text") {
      return Status::InvalidInput("not an ODT file: " + std::string(type.substr(0, 100)));
    }
  }
  Result<bool> encrypted = OdfIsEncrypted(archive);
  if (!encrypted.ok()) return encrypted.status();
  if (encrypted.value()) return Status::InvalidInput(kEncrypted);

  const std::string content_part = "content.xml";
  if (!archive.Has(content_part)) return Status::InvalidInput("not an ODT file: no content.xml");
  Result<std::string> content = archive.Read(content_part);
  if (!content.ok()) return content.status();
  pugi::xml_document doc;
  if (Status parsed = ParseXml(content.value(), content_part, doc); !parsed.ok()) return parsed;
  const pugi::xml_node root = doc.document_element();
  const std::string office = PrefixOf(root, {kOdfOffice}, "office:");

  pugi::xml_node text_root;
  for (pugi::xml_node body : root.children()) {
    if (LocalName(body, office) != "body") continue;
    for (pugi::xml_node child : body.children()) {
      if (LocalName(child, office) == "text") text_root = child;
    }
  }
  if (!text_root) return Status::InvalidInput("not an ODT file: content.xml has no office:text");

  TextBuilder body_text;
  OdfVisitor visitor(root, body_text);
  Walk(text_root, visitor);
  const std::vector<std::string> body = body_text.TakeBlocks();
  const std::vector<std::string> notes = body_text.TakeNotes();

  std::vector<std::string> headers, footers;
  if (Status read = ReadOdfHeaders(archive, headers, footers); !read.ok()) return read;

  Result<std::string> title = ReadTitle(archive, "meta.xml");
  if (!title.ok()) return title.status();
  return OfficeText{std::move(title).value(), JoinBlocks({headers, body, notes, footers})};
}

}  // namespace dipdoc
