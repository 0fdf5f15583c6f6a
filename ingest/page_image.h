#ifndef DIPDOC_INGEST_PAGE_IMAGE_H_
#define DIPDOC_INGEST_PAGE_IMAGE_H_

#include <cstdint>
#include <vector>

namespace dipdoc {

// One page as pixels, library-neutral: how image files and rendered PDF pages reach OCR.
struct PageImage {
  int width = 0;
  int height = 0;
  int dpi = 0;                   // 0 when the file does not say
  std::vector<std::uint8_t> gray;  // width * height bytes, row by row, 0 black .. 255 white
};

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_PAGE_IMAGE_H_
