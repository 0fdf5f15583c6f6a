#ifndef DIPDOC_INGEST_EMBEDDED_DATA_H_
#define DIPDOC_INGEST_EMBEDDED_DATA_H_

// Data files compiled into the binary by dipdoc_embed (CMakeLists.txt). Each is the file's bytes, UTF-8.

#include <string_view>

namespace dipdoc::data {

extern const std::string_view kVniTable;        // ingest/data/vni.tsv: VNI-Windows sequences -> Unicode
extern const std::string_view kPageFurniture;   // ingest/data/page_furniture.tsv: web-capture furniture

// Compiled into dipdoc_query: the follow-up letters' wording (query/letter_draft.h).
extern const std::string_view kDraftVi;             // query/templates/draft_vi.mustache
extern const std::string_view kDraftEn;             // query/templates/draft_en.mustache
extern const std::string_view kDraftFr;             // query/templates/draft_fr.mustache
extern const std::string_view kDraftVaccineNames;   // query/templates/vaccines.tsv: vaccine id -> name
extern const std::string_view kReportCss;           // query/templates/report.css: the HTML report's style
extern const std::string_view kWebIndexHtml;        // query/web/index.html: the web UI's page
extern const std::string_view kWebAppJs;            // query/web/app.js: its script
extern const std::string_view kWebStyleCss;         // query/web/style.css: its style

}  // namespace dipdoc::data

#endif  // DIPDOC_INGEST_EMBEDDED_DATA_H_
