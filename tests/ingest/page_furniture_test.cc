#include "ingest/page_furniture.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "ingest/text_normaliser.h"
#include "test_util.h"

namespace dipdoc {
namespace {

TEST_CASE("text without furniture comes back unchanged", "[ingest]") {
  const std::string letter =
      "BỘ NGOẠI GIAO\nSố: 4521/BNG-LT\n\nHà Nội, ngày 05 tháng 10 năm 2021\n\nKính gửi: Công ty Pfizer\n\n"
      "Bộ Ngoại giao trân trọng đề nghị Quý Công ty đẩy nhanh tiến độ bàn giao vaccine cho Việt Nam.\n\n"
      "Trân trọng./.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n";
  CHECK(RemovePageFurniture(letter) == letter);
  CHECK(RemovePageFurniture("").empty());
}

TEST_CASE("furniture lines, cards and end headings go", "[ingest]") {
  const std::string body =
      "Bộ trưởng Ngoại giao đã chủ trì cuộc họp đầu tiên của Tổ công tác về ngoại giao vaccine với đại diện "
      "nhiều bộ, ngành liên quan.";
  const std::string capture =
      "https://example.vn/bai-viet-123.html\n"
      "Trang chủ Chính trị - Xã hội Chào ngày mới\n"
      "Tiêu đề bài viết về ngoại giao vaccine\n"
      "aa\n" +
      body + "\n" +
      "Tin cũ về một chủ đề khác hẳn Tin cũ về một chủ đề khác hẳn\n"
      "Đoạn giới thiệu của tin cũ về một chủ đề khác hẳn kết thúc bằng ba chấm ...\n" +
      body + "\n\n" +
      "Một tin liên quan được in hai lần\n\nMột tin liên quan được in hai lần\n\nĐoạn giới thiệu tin liên quan ...\n\n"
      "Xem nhiều\n\nTin thời tiết ngày mai\n\nTin thời tiết ngày mai\n\nDự báo có mưa rào ở nhiều nơi.\n"
      "Phiên bản di động\n";
  const std::string kept = RemovePageFurniture(capture);
  CHECK(kept == "Tiêu đề bài viết về ngoại giao vaccine\n" + body + "\n" + body + "\n");
}

TEST_CASE("an end heading before the article is only a line", "[ingest]") {
  const std::string text = "Đọc thêm\nTiêu đề\nMột đoạn văn bản dài với rất nhiều từ để cho thấy rằng bài viết "
                           "đã thực sự bắt đầu ở đây.\n";
  CHECK(RemovePageFurniture(text) == "Tiêu đề\nMột đoạn văn bản dài với rất nhiều từ để cho thấy rằng bài viết "
                                     "đã thực sự bắt đầu ở đây.\n");
}

// Each seed's body stays and its furniture goes: phrases read from the seeds themselves.
TEST_CASE("the seeds keep their article and lose their furniture", "[ingest][seeds]") {
  const auto seeds = testing::SeedsDir();
  if (!seeds) return;
  struct Case {
    const char* file;
    std::vector<std::string> kept;
    std::vector<std::string> gone;
  };
  const Case cases[] = {
      {"000_5c1898aba2fd2099.txt",
       {"Bộ trưởng Bùi Thanh Sơn: Phương châm của ngoại giao vaccine là chủ động tiến công",
        "chiều ngày 16/8, tại Trụ sở Bộ", "Cuộc họp của Tổ công tác của Chính phủ về ngoại giao vaccine diễn ra"},
       {"Hungary", "Israel", "Ukraine", "Lebanon", "Dự báo thời tiết", "cúp điện", "500.000 bộ xét nghiệm",
        "Thụy Sỹ", "Xem nhiều", "Đọc thêm", "Phiên bản di động", "Theo dõi Baoquocte.vn", "1399/QĐ-TTg"}},
      {"001_6fa73dfdce35525c.txt",
       {"Ngoại giao vaccine chủ trương đúng đắn của Đảng và Nhà nước", "16:22 | 17/08/2021",
        "1,05 triệu liều vaccine Abdala của Cuba", "31 triệu liều vaccine", "Nhờ sự nỗ lực không biết mệt mỏi"},
       {"Afghanistan", "Thành lập Tổ công tác của Chính phủ về ngoại giao vaccine Thành lập",
        "Đối ngoại 6 tháng đầu năm", "Hội thảo khoa học", "Tin bài liên quan", "Quân y Vùng 5", "Đọc nhiều",
        "Hàn Quốc viện trợ", "[Video]", "infographic", "Trang chủ", "Phiên bản di động", "\naa\n"}},
      {"002_87a740815dfc81a8.txt",
       {"Hội nghị tổng kết công tác Ngoại giao vaccine", "Chiều tối 30/11/2022",
        "trao huy chương hữu nghị và bằng khen"},
       {"Trang chủ", "Monday, ngày 23 tháng 12 năm 2024", "Tìm kiếm", "Back Top", "Bản quyền", "Copyright",
        "Banbientap@mofa.gov.vn", "Internet Explorer"}},
      {"003_d9551dc017fbbf15.txt",
       {"Cuộc họp có sự tham dự của lãnh đạo", "Tổ công tác sẽ họp định kỳ và đột xuất"},
       {}},
      {"004_78b93bac6a1e3205.txt",
       {"Việt Nam đang tìm đối tác sản xuất vaccine, thuốc trị Covid-19", "Ngày 17/8, Bộ trưởng Ngoại giao",
        "543 chuyến bay", "sớm đẩy lùi dịch Covid-19 và phục hồi, phát triển kinh tế - xã hội."},
       {"https://zingnews.vn"}},
  };
  const TextNormaliser normaliser;
  for (const Case& c : cases) {
    INFO(c.file);
    const std::string text = RemovePageFurniture(normaliser.Normalise(testing::ReadFileBytes(*seeds / c.file)));
    for (const std::string& phrase : c.kept) {
      INFO("kept: " << phrase);
      CHECK(text.find(phrase) != std::string::npos);
    }
    for (const std::string& phrase : c.gone) {
      INFO("gone: " << phrase);
      CHECK(text.find(phrase) == std::string::npos);
    }
  }
}

}  // namespace
}  // namespace dipdoc
