#include "ingest/line_wraps.h"

#include <catch2/catch.hpp>

#include <string>

namespace dipdoc {
namespace {

std::string Joined(std::string text) {
  const std::size_t size = text.size();
  JoinWrappedLines(text);
  REQUIRE(text.size() == size);  // page spans stay valid
  return text;
}

TEST_CASE("a paragraph wrapped to a measure is joined into one line", "[ingest][wraps]") {
  // A scanned letter as OCR gives it: a letterhead, an address block, wrapped paragraphs and a list.
  const std::string letter =
      "EMBASSY OF THE SOCIALIST REPUBLIC OF VIET NAM IN JAPAN\n"
      "Tokyo\n\n"
      "Kenji Morimoto\n"
      "Southeast and Southwest Asian Affairs Department\n"
      "Ministry of Foreign Affairs of Japan\n\n"
      "Dear Director-General,\n\n"
      "Since June 2021, Japan has donated to Viet Nam a total of 3.9 million\n"
      "doses of the AstraZeneca vaccine, the latest 1,000,000 doses delivered on\n"
      "30 September 2021. These doses have been distributed to the localities\n"
      "most affected by the recent outbreak, including Ho Chi Minh City.\n\n"
      "We would be grateful to know whether the further doses pledged could be\n"
      "delivered by the end of December 2021, in particular:\n"
      "- the expected quantity and the shipment schedule of the doses;\n"
      "1. the airport of arrival and the expected date and time of landing;\n"
      "2. the contact person.\n";
  CHECK(Joined(letter) ==
        "EMBASSY OF THE SOCIALIST REPUBLIC OF VIET NAM IN JAPAN\n"
        "Tokyo\n\n"
        "Kenji Morimoto\n"
        "Southeast and Southwest Asian Affairs Department\n"
        "Ministry of Foreign Affairs of Japan\n\n"
        "Dear Director-General,\n\n"
        "Since June 2021, Japan has donated to Viet Nam a total of 3.9 million "
        "doses of the AstraZeneca vaccine, the latest 1,000,000 doses delivered on "
        "30 September 2021. These doses have been distributed to the localities "
        "most affected by the recent outbreak, including Ho Chi Minh City.\n\n"
        "We would be grateful to know whether the further doses pledged could be "
        "delivered by the end of December 2021, in particular:\n"
        "- the expected quantity and the shipment schedule of the doses;\n"
        "1. the airport of arrival and the expected date and time of landing;\n"
        "2. the contact person.\n");
}

TEST_CASE("wrapped Vietnamese is measured in characters, not bytes", "[ingest][wraps]") {
  const std::string note =
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Kính gửi: Đại sứ quán Nhật Bản tại Hà Nội\n\n"
      "Bộ Ngoại giao trân trọng cảm ơn Chính phủ Nhật Bản đã trao tặng Việt Nam\n"
      "1 triệu liều vaccine AstraZeneca, dự kiến bàn giao trong tháng 12 năm\n"
      "2021 theo cơ chế chia sẻ liều song phương giữa hai nước bạn bè.\n"
      "Nhân dịp này, Bộ Ngoại giao xin gửi lời chào trân trọng tới Đại sứ quán\n"
      "và đề nghị Quý Đại sứ quán thông báo lịch trình cụ thể của lô hàng.\n";
  const std::string joined = Joined(note);
  CHECK(joined.find("Việt Nam 1 triệu liều") != std::string::npos);
  CHECK(joined.find("tháng 12 năm 2021 theo") != std::string::npos);
  CHECK(joined.find("bè.\nNhân dịp") != std::string::npos);  // a sentence's end keeps its line break
  CHECK(joined.find("VIỆT NAM\nKính gửi") != std::string::npos);
}

TEST_CASE("text with a paragraph a line, page breaks and short lines are left alone", "[ingest][wraps]") {
  // Lines far wider than a page's are paragraphs, even without a full stop.
  std::string press;
  for (int i = 0; i < 6; ++i) {
    press += "Việt Nam tiếp nhận 1 triệu liều vaccine do Nhật Bản trao tặng trong khuôn khổ hợp tác song phương, "
             "nâng tổng số vaccine Nhật Bản trao tặng Việt Nam lên 3,9 triệu liều kể từ tháng 6/2021 tới nay\n";
  }
  CHECK(Joined(press) == press);
  // Too few lines to see a measure.
  const std::string list = "Nơi nhận:\n- Như trên;\n- Lưu: VT, LT.\n";
  CHECK(Joined(list) == list);
  // A page break is never joined, even inside a sentence.
  const std::string pages =
      "The Government of Japan has decided to donate a further one million doses\n"
      "of the AstraZeneca vaccine to Viet Nam through the COVAX Facility, to be\n"
      "delivered in the fourth quarter of this year, in addition to the doses\f"
      "already handed over in June, July and September of this year at Noi Bai\n"
      "international airport and Tan Son Nhat international airport respectively.\n";
  const std::string joined = Joined(pages);
  CHECK(joined.find("doses\falready") != std::string::npos);
  CHECK(joined.find("million doses of the") != std::string::npos);
  CHECK(Joined("") == "");
}

}  // namespace
}  // namespace dipdoc
