#ifndef DIPDOC_INGEST_IMAGE_READER_H_
#define DIPDOC_INGEST_IMAGE_READER_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "ingest/page_image.h"
#include "ingest/status.h"

namespace dipdoc {

struct ImageLimits {
  // Larger images are refused before they are decoded (a 20000 x 20000 page is 400 megapixels).
  std::size_t max_pixels = std::size_t{100} << 20;
  std::size_t max_pages = 500;
};

// The pages of a PNG, JPEG or TIFF (every frame of a multi-page TIFF, in order), as grayscale. An
// InvalidInput status naming the reason for truncated, damaged or unsupported images; TooLarge past
// `limits`. Thread-safe.
Result<std::vector<PageImage>> ReadImages(std::string_view bytes, const ImageLimits& limits = {});

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_IMAGE_READER_H_
