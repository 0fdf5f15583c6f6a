#ifndef DIPDOC_INGEST_EMBEDDED_DATA_H_
#define DIPDOC_INGEST_EMBEDDED_DATA_H_

// Data files compiled into the binary by dipdoc_embed (CMakeLists.txt). Each is the file's bytes, UTF-8.

#include <string_view>

namespace dipdoc::data {

extern const std::string_view kVniTable;        // ingest/data/vni.tsv: VNI-Windows sequences -> Unicode
extern const std::string_view kPageFurniture;   // ingest/data/page_furniture.tsv: web-capture furniture

}  // namespace dipdoc::data

#endif  // DIPDOC_INGEST_EMBEDDED_DATA_H_
