#include "ingest/image_reader.h"

#include <leptonica/allheaders.h>

#include <array>
#include <cstdint>
#include <memory>
#include <set>
#include <string>

namespace dipdoc {
namespace {

struct PixDeleter {
  void operator()(PIX* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

// Leptonica reports every failure on stderr as well as in its return value; we report through Status.
void SilenceLeptonica() {
  static const bool silenced = [] {
    setMsgSeverity(L_SEVERITY_NONE);
    return true;
  }();
  (void)silenced;
}

const std::uint8_t* Data(std::string_view bytes) { return reinterpret_cast<const std::uint8_t*>(bytes.data()); }

std::string FormatName(l_int32 format) {
  if (format == IFF_PNG) return "PNG";
  if (format == IFF_JFIF_JPEG) return "JPEG";
  if (L_FORMAT_IS_TIFF(format)) return "TIFF";
  const char* extension = getFormatExtension(format);
  std::string name = extension != nullptr ? extension : "unknown";
  for (char& c : name) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return name;
}

Status CheckSize(std::uint64_t width, std::uint64_t height, const ImageLimits& limits, const std::string& what) {
  if (width == 0 || height == 0) {
    return Status::InvalidInput(what + " has no pixels (" + std::to_string(width) + " x " + std::to_string(height) +
                                ")");
  }
  // Leptonica's own limit on a side; also keeps width * height far from overflowing.
  constexpr std::uint64_t kMaxSide = 1'000'000;
  if (width > kMaxSide || height > kMaxSide || width * height > limits.max_pixels) {
    return Status::TooLarge(what + " is " + std::to_string(width) + " x " + std::to_string(height) +
                            " pixels, over the limit of " + std::to_string(limits.max_pixels));
  }
  return Status::Ok();
}

// ---- TIFF directory walk ------------------------------------------------------------------------------
// Leptonica decodes a TIFF page as soon as it reads its directory, so the page count and each page's size
// are read here first, from the image file directories (IFDs), classic and BigTIFF alike.

struct TiffPageSize {
  std::uint64_t width = 0;
  std::uint64_t height = 0;
};

class TiffWalker {
 public:
  explicit TiffWalker(std::string_view bytes) : bytes_(bytes) {}

  // The size of every page, in order. InvalidInput for a damaged or truncated directory chain, TooLarge past
  // `max_pages`.
  Result<std::vector<TiffPageSize>> Pages(std::size_t max_pages) {
    if (bytes_.size() < 8) return Truncated("the header is cut short");
    little_endian_ = bytes_[0] == 'I';
    const std::uint64_t magic = Read(2, 2);
    std::uint64_t offset = 0;
    if (magic == 42) {
      offset = Read(4, 4);
    } else if (magic == 43) {
      big_ = true;
      if (bytes_.size() < 16) return Truncated("the header is cut short");
      if (Read(4, 2) != 8) return Damaged("BigTIFF header with an unexpected offset size");
      offset = Read(8, 8);
    } else {
      return Damaged("bad version number " + std::to_string(magic));
    }

    std::vector<TiffPageSize> pages;
    std::set<std::uint64_t> seen;
    while (offset != 0) {
      const std::string page = "page " + std::to_string(pages.size() + 1);
      if (pages.size() == max_pages) {
        return Status::TooLarge("TIFF image has more than " + std::to_string(max_pages) + " pages, over the limit");
      }
      if (!seen.insert(offset).second) return Damaged("its page list loops back to an earlier page");
      const std::size_t count_size = big_ ? 8 : 2;
      const std::size_t entry_size = big_ ? 20 : 12;
      const std::size_t next_size = big_ ? 8 : 4;
      if (!Fits(offset, count_size)) return Truncated(page + "'s directory lies past the end of the file");
      const std::uint64_t entries = Read(offset, count_size);
      if (entries > 65535 || !Fits(offset + count_size, entries * entry_size + next_size)) {
        return Truncated(page + "'s directory runs past the end of the file");
      }
      TiffPageSize size;
      for (std::uint64_t i = 0; i < entries; ++i) {
        const std::uint64_t entry = offset + count_size + i * entry_size;
        const std::uint64_t tag = Read(entry, 2);
        if (tag != 256 && tag != 257) continue;  // ImageWidth, ImageLength
        const std::uint64_t type = Read(entry + 2, 2);
        const std::size_t value_at = entry + (big_ ? 12 : 8);
        std::uint64_t value = 0;
        if (type == 3) {
          value = Read(value_at, 2);  // SHORT
        } else if (type == 4) {
          value = Read(value_at, 4);  // LONG
        } else if (type == 16 && big_) {
          value = Read(value_at, 8);  // LONG8
        } else {
          return Damaged(page + " gives its size with an unexpected type");
        }
        (tag == 256 ? size.width : size.height) = value;
      }
      pages.push_back(size);
      offset = Read(offset + count_size + entries * entry_size, next_size);
    }
    if (pages.empty()) return Damaged("it has no pages");
    return pages;
  }

 private:
  bool Fits(std::uint64_t offset, std::uint64_t size) const {
    return offset <= bytes_.size() && size <= bytes_.size() - offset;
  }

  // REQUIRES: Fits(offset, size), size <= 8
  std::uint64_t Read(std::uint64_t offset, std::size_t size) const {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < size; ++i) {
      const std::uint64_t byte = static_cast<std::uint8_t>(bytes_[offset + i]);
      value |= little_endian_ ? byte << (8 * i) : byte << (8 * (size - 1 - i));
    }
    return value;
  }

  static Status Truncated(const std::string& why) { return Status::InvalidInput("truncated TIFF image: " + why); }
  static Status Damaged(const std::string& why) { return Status::InvalidInput("damaged TIFF image: " + why); }

  std::string_view bytes_;
  bool little_endian_ = true;
  bool big_ = false;
};

// ---- PNG and JPEG structure ------------------------------------------------------------------------
// libpng and libjpeg print their complaints about cut-short or damaged files on stderr, and Leptonica
// gives no way to stop them, so files are walked first and only structurally whole ones are decoded.
// The walk also names the reason a file is refused.

std::uint32_t Crc32(std::string_view bytes) {
  static const auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  std::uint32_t crc = 0xFFFFFFFFu;
  for (char b : bytes) crc = table[(crc ^ static_cast<std::uint8_t>(b)) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

std::uint32_t BigEndian(std::string_view bytes, std::size_t at, std::size_t size) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < size; ++i) value = (value << 8) | static_cast<std::uint8_t>(bytes[at + i]);
  return value;
}

// Every chunk from the signature to IEND is present and matches its checksum.
Status CheckPng(std::string_view bytes) {
  std::size_t at = 8;  // the signature, already recognised
  bool seen_header = false;
  for (;;) {
    if (bytes.size() - at < 12) {
      return Status::InvalidInput(std::string("truncated PNG image: it stops ") +
                                  (seen_header ? "before its end chunk" : "inside its header"));
    }
    const std::uint32_t length = BigEndian(bytes, at, 4);
    const std::string type(bytes.substr(at + 4, 4));
    if (length > bytes.size() - at - 12) {
      return Status::InvalidInput("truncated PNG image: its " + type + " chunk runs past the end of the file");
    }
    if (Crc32(bytes.substr(at + 4, 4 + length)) != BigEndian(bytes, at + 8 + length, 4)) {
      return Status::InvalidInput("damaged PNG image: its " + type + " chunk fails its checksum");
    }
    if (!seen_header && type != "IHDR") return Status::InvalidInput("damaged PNG image: it does not start with IHDR");
    seen_header = true;
    if (type == "IEND") return Status::Ok();
    at += 12 + length;
  }
}

// The markers from SOI to EOI are all there, with the compressed data between them.
Status CheckJpeg(std::string_view bytes) {
  const auto truncated = [](const std::string& where) {
    return Status::InvalidInput("truncated JPEG image: it stops " + where);
  };
  std::size_t at = 2;    // SOI, already recognised
  bool in_scan = false;  // after a start-of-scan header: compressed data until the next marker
  bool seen_scan = false;
  for (;;) {
    if (in_scan) {
      // Compressed data: FF 00 is a literal FF, FF D0..D7 restart markers; any other FF xx ends it.
      for (;; ++at) {
        if (at + 1 >= bytes.size()) return truncated("inside its compressed data, before its end marker");
        const auto byte = static_cast<std::uint8_t>(bytes[at]);
        const auto next = static_cast<std::uint8_t>(bytes[at + 1]);
        const bool restart = next >= 0xD0 && next <= 0xD7;
        if (byte == 0xFF && next != 0x00 && next != 0xFF && !restart) break;
      }
      in_scan = false;
    }
    if (at >= bytes.size()) return truncated(seen_scan ? "before its end marker" : "inside its header");
    if (static_cast<std::uint8_t>(bytes[at]) != 0xFF) {
      return Status::InvalidInput("damaged JPEG image: a marker is missing where one should start");
    }
    while (at < bytes.size() && static_cast<std::uint8_t>(bytes[at]) == 0xFF) ++at;  // and fill bytes
    if (at >= bytes.size()) return truncated(seen_scan ? "before its end marker" : "inside its header");
    const auto marker = static_cast<std::uint8_t>(bytes[at++]);
    if (marker == 0xD9) {
      if (!seen_scan) return Status::InvalidInput("damaged JPEG image: it ends before any image data");
      return Status::Ok();
    }
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;  // no length
    if (bytes.size() - at < 2) return truncated(seen_scan ? "before its end marker" : "inside its header");
    const std::uint32_t length = BigEndian(bytes, at, 2);
    if (length < 2) return Status::InvalidInput("damaged JPEG image: a segment has an impossible length");
    if (length > bytes.size() - at) return truncated(seen_scan ? "before its end marker" : "inside its header");
    at += length;
    if (marker == 0xDA) in_scan = seen_scan = true;
  }
}

// ---- Decoding -----------------------------------------------------------------------------------------

PageImage ToPageImage(PIX* decoded) {
  l_int32 xres = 0;
  l_int32 yres = 0;
  pixGetResolution(decoded, &xres, &yres);
  PixPtr flattened;
  if (pixGetDepth(decoded) == 32 && pixGetSpp(decoded) == 4) {
    flattened.reset(pixAlphaBlendUniform(decoded, 0xffffff00));  // transparent means paper, not ink
    if (flattened != nullptr) decoded = flattened.get();
  }
  PixPtr gray(pixConvertTo8(decoded, 0));
  PageImage page;
  if (gray == nullptr) return page;
  page.width = pixGetWidth(gray.get());
  page.height = pixGetHeight(gray.get());
  // Files without a stated resolution carry 0 (or 1, a bare aspect ratio); anything outside what a
  // scanner produces is treated as unknown.
  page.dpi = xres >= 20 && xres <= 10000 ? xres : 0;
  page.gray.resize(static_cast<std::size_t>(page.width) * page.height);
  const l_uint32* data = pixGetData(gray.get());
  const l_int32 wpl = pixGetWpl(gray.get());
  std::uint8_t* out = page.gray.data();
  for (int y = 0; y < page.height; ++y) {
    const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (int x = 0; x < page.width; ++x) *out++ = static_cast<std::uint8_t>(GET_DATA_BYTE(line, x));
  }
  return page;
}

Result<std::vector<PageImage>> ReadSingle(std::string_view bytes, l_int32 format, const ImageLimits& limits) {
  if (Status whole = format == IFF_PNG ? CheckPng(bytes) : CheckJpeg(bytes); !whole.ok()) return whole;
  const std::string name = FormatName(format);
  l_int32 header_format = 0, width = 0, height = 0, bps = 0, spp = 0, colormap = 0;
  if (pixReadHeaderMem(Data(bytes), bytes.size(), &header_format, &width, &height, &bps, &spp, &colormap) != 0) {
    return Status::InvalidInput("damaged " + name + " image: its header cannot be read");
  }
  if (Status size = CheckSize(width, height, limits, "image"); !size.ok()) return size;
  PixPtr decoded(pixReadMem(Data(bytes), bytes.size()));
  if (decoded == nullptr) return Status::InvalidInput("damaged " + name + " image: its pixels cannot be decoded");
  PageImage page = ToPageImage(decoded.get());
  if (page.gray.empty()) return Status::InvalidInput("damaged " + name + " image: unsupported pixel format");
  std::vector<PageImage> pages;
  pages.push_back(std::move(page));
  return pages;
}

Result<std::vector<PageImage>> ReadTiff(std::string_view bytes, const ImageLimits& limits) {
  Result<std::vector<TiffPageSize>> sizes = TiffWalker(bytes).Pages(limits.max_pages);
  if (!sizes.ok()) return sizes.status();
  const std::size_t count = sizes.value().size();
  for (std::size_t i = 0; i < count; ++i) {
    const std::string what = count == 1 ? "image" : "page " + std::to_string(i + 1) + " of the TIFF image";
    if (Status size = CheckSize(sizes.value()[i].width, sizes.value()[i].height, limits, what); !size.ok()) {
      return size;
    }
  }
  std::vector<PageImage> pages;
  std::size_t offset = 0;
  for (std::size_t i = 0; i < count; ++i) {
    PixPtr decoded(pixReadMemFromMultipageTiff(Data(bytes), bytes.size(), &offset));
    const std::string where = "page " + std::to_string(i + 1) + " of " + std::to_string(count);
    if (decoded == nullptr) {
      return Status::InvalidInput("damaged or truncated TIFF image: " + where + " cannot be decoded");
    }
    PageImage page = ToPageImage(decoded.get());
    if (page.gray.empty()) {
      return Status::InvalidInput("damaged TIFF image: " + where + " has an unsupported pixel format");
    }
    pages.push_back(std::move(page));
    if (offset == 0 && i + 1 < count) {
      return Status::InvalidInput("damaged TIFF image: " + where + " does not lead to the next page");
    }
  }
  return pages;
}

}  // namespace

Result<std::vector<PageImage>> ReadImages(std::string_view bytes, const ImageLimits& limits) {
  SilenceLeptonica();
  if (bytes.empty()) return Status::InvalidInput("empty image file (0 bytes)");
  // findFileFormatBuffer looks at the first 12 bytes.
  if (bytes.size() < 12) {
    return Status::InvalidInput("truncated image: " + std::to_string(bytes.size()) +
                                " bytes is too short for any image");
  }
  l_int32 format = IFF_UNKNOWN;
  if (findFileFormatBuffer(Data(bytes), &format) != 0 || format == IFF_UNKNOWN) {
    return Status::InvalidInput("not an image: the bytes are not PNG, JPEG or TIFF");
  }
  if (L_FORMAT_IS_TIFF(format)) return ReadTiff(bytes, limits);
  if (format == IFF_PNG || format == IFF_JFIF_JPEG) return ReadSingle(bytes, format, limits);
  return Status::InvalidInput("unsupported image format " + FormatName(format) + " (PNG, JPEG and TIFF are read)");
}

}  // namespace dipdoc
