#include "ingest/html_extractor.h"

// Placeholder until the HTML extractor lands (being written now).
namespace dipdoc {

bool LooksLikeHtml(std::string_view) { return false; }

Result<HtmlArticle> ExtractHtmlArticle(std::string_view) { return Status::InvalidInput("HTML is not supported yet"); }

}  // namespace dipdoc
