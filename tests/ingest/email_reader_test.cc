#include "ingest/email_reader.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <future>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

// Fixtures under tests/data/email: one .eml per kind of message, and the files attached to them
// (attachment_*) byte for byte, to compare the decoded attachments with.

#include "test_util.h"

namespace dipdoc {
namespace {

std::string ReadFixture(const std::string& name) { return testing::ReadFileBytes(testing::TestData("email/" + name)); }

Email Read(std::string_view bytes) {
  Result<Email> email = ReadEmail(bytes);
  INFO((email.ok() ? std::string() : email.status().message()));
  REQUIRE(email.ok());
  return std::move(email).value();
}

// One line per attachment: "name | type | size".
std::string ListAttachments(const Email& email) {
  std::string out;
  for (const EmailAttachment& a : email.attachments) {
    out += a.file_name + " | " + a.content_type + " | " + std::to_string(a.bytes.size()) + "\n";
  }
  return out;
}

// --- Headers and bodies ---------------------------------------------------------------------------------------

struct MessageCase {
  const char* file;
  const char* from;
  const char* to;
  const char* cc;
  const char* subject;
  std::optional<std::string> date;
  bool body_is_html;
  const char* body;
  const char* attachments;  // ListAttachments
};

const std::vector<MessageCase>& MessageCases() {
  static const std::vector<MessageCase> cases = {
      {"vi_plain.eml", "Nguyễn Thị Lan <lan.nt@mofa.gov.vn>",
       "Trần Văn Minh <minh.tv@mofa.gov.vn>, vulettan@mofa.gov.vn", "Phòng Lễ tân <letan@mofa.gov.vn>",
       "V/v tiếp nhận 1 triệu liều vaccine AstraZeneca",  // two base64 words, the first padded
       "2021-08-16", false,
       "Kính gửi anh Minh,\n\n"
       "Bộ Ngoại giao đã tiếp nhận lô vaccine AstraZeneca thứ tư do Chính phủ Nhật Bản trao tặng,\n"
       "nâng tổng số vaccine Nhật Bản hỗ trợ Việt Nam lên hơn 3 triệu liều.\n\n"
       "Đề nghị anh chuẩn bị dự thảo công hàm cảm ơn gửi Đại sứ quán Nhật Bản trước ngày 18/8/2021.\n\n"
       "Trân trọng,\nNguyễn Thị Lan\nVụ Lễ tân – Bộ Ngoại giao\n",
       ""},
      {"alternative.eml", "Embassy of Japan <political@hn.mofa.go.jp>", "Nguyen, Thi Lan <lan.nt@mofa.gov.vn>", "",
       "Delivery of AstraZeneca vaccine (4th batch)", "2021-08-17", false,
       "Dear colleagues,\n\n"
       "The fourth batch of 1,000,000 doses of AstraZeneca vaccine arrived in Hanoi on 16 August 2021.\n"
       "Please find the schedule of further deliveries below.\n\n"
       "Best regards,\nEmbassy of Japan in Viet Nam\n",
       ""},  // the HTML alternative is neither the body nor an attachment
      {"two_attachments.eml", "Phòng Lễ tân <letan@mofa.gov.vn>", "Trần Văn Minh <minh.tv@mofa.gov.vn>", "",
       "Danh sách lô hàng và công hàm số 4521/BNG-LT", "2021-08-18", false,
       "Gửi anh Minh danh sách các lô hàng và bản chụp công hàm.\n",  // CRLF in the file, "\n" here
       "danh sách lô hàng.txt | text/plain | 66\n"  // RFC 2231 file name
       "Công hàm 4521.pdf | application/pdf | 148\n"},  // RFC 2047 file name folded over two words
      {"fr_quoted_printable.eml", "Ambassade de France <chancellerie@ambafrance-vn.org>",
       "Département Europe <europe@mofa.gov.vn>", "", "Note verbale n° 2021-457 : don de vaccins",
       "2021-09-03",  // as the sender dated it (23:30 -0500), not the next day in UTC
       false,
       "Monsieur le Directeur,\n\n"
       "L'Ambassade de France a l'honneur de vous informer que la France fait don au Viêt Nam de 500 000 doses de "
       "vaccin AstraZeneca, livrées à Hô Chi Minh-Ville le 10 septembre 2021.\n\n"
       "Veuillez agréer, Monsieur le Directeur, l'expression de ma considération distinguée.\n\n"
       "Le Premier conseiller\n",
       ""},
      {"html_only.eml", "thongbao@mofa.gov.vn", "Các đơn vị <donvi@mofa.gov.vn>", "", "Thông báo lễ tiếp nhận",
       "2021-08-19", true,
       "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Thông báo</title></head>\n"
       "<body><p>Lễ tiếp nhận vaccine sẽ diễn ra lúc 9 giờ ngày 20/8/2021 tại sân bay Nội Bài.</p></body></html>\n",
       ""},
      {"forwarded.eml", "Nguyễn Thị Lan <lan.nt@mofa.gov.vn>", "minh.tv@mofa.gov.vn", "",
       "Fwd: Schedule of deliveries", "2021-08-18", true,
       // The line end before a boundary belongs to the boundary.
       "<p>Chuyển tiếp lịch giao hàng. <img src=\"cid:logo@mofa\"></p>",
       "attachment-1 | image/png | 70\n"          // the inline image, which names no file
       "attachment-2 | message/rfc822 | 230\n"},  // the forwarded message
  };
  return cases;
}

TEST_CASE("e-mail headers, body and attachments are read from each fixture", "[email]") {
  for (const MessageCase& c : MessageCases()) {
    INFO(c.file);
    const Email email = Read(ReadFixture(c.file));
    CHECK(email.from == c.from);
    CHECK(email.to == c.to);
    CHECK(email.cc == c.cc);
    CHECK(email.subject == c.subject);
    CHECK(email.date == c.date);
    CHECK(email.body_is_html == c.body_is_html);
    CHECK(email.body == c.body);
    CHECK(ListAttachments(email) == c.attachments);
  }
}

TEST_CASE("attachments are decoded to their exact bytes", "[email]") {
  struct Case {
    const char* message;
    std::size_t index;
    const char* file;  // the attached file as committed beside the message
  };
  const Case cases[] = {
      {"two_attachments.eml", 0, "attachment_list.txt"},
      {"two_attachments.eml", 1, "attachment_cong_ham.pdf"},
      {"forwarded.eml", 0, "attachment_pixel.png"},
      {"forwarded.eml", 1, "attachment_forwarded.eml"},
  };
  for (const Case& c : cases) {
    INFO(c.message << " #" << c.index);
    const Email email = Read(ReadFixture(c.message));
    REQUIRE(email.attachments.size() > c.index);
    CHECK(email.attachments[c.index].bytes == ReadFixture(c.file));
  }
}

TEST_CASE("an enclosed message is itself an e-mail", "[email]") {
  const Email forwarded = Read(ReadFixture("forwarded.eml"));
  REQUIRE(forwarded.attachments.size() == 2);
  const Email inner = Read(forwarded.attachments[1].bytes);
  CHECK(inner.from == "Embassy of Japan <political@hn.mofa.go.jp>");
  CHECK(inner.subject == "Schedule of deliveries");
  CHECK(inner.body == "Batch 5: 1,000,000 doses, 1 September 2021.\n");
}

// --- Header and body details ------------------------------------------------------------------------------------

TEST_CASE("encoded words in headers are decoded", "[email]") {
  struct Case {
    const char* subject_header;
    const char* subject;
  };
  const Case cases[] = {
      {"=?UTF-8?B?SGVsbG8=?= =?UTF-8?B?IHdvcmxk?=", "Hello world"},  // padded base64 word, then another
      {"=?utf-8?b?VuG7gSB2aeG7h2M=?=\n =?UTF-8?B?IHRp4bq/cCBuaOG6rW4=?=", "Về việc tiếp nhận"},
      {"=?UTF-8?Q?C=C3=B4ng_h=C3=A0m?= =?UTF-8?B?IHPhu5EgMQ==?=", "Công hàm số 1"},
      {"=?ISO-8859-1?Q?Minist=E8re?= des =?ISO-8859-1?Q?Affaires_=E9trang=E8res?=",
       "Ministère des Affaires étrangères"},
      {"=?windows-1258?Q?B=F4=F2_Ngoa=F2i_giao?=", "Bộ Ngoại giao"},  // tone marks as combining bytes
      {"Re: =?UTF-8?B?Q8O0bmcgaMOgbQ==?= 4521", "Re: Công hàm 4521"},
      {"Subject with no encoding", "Subject with no encoding"},
  };
  for (const Case& c : cases) {
    INFO(c.subject_header);
    const Email email = Read(std::string("From: a@mofa.gov.vn\nSubject: ") + c.subject_header + "\n\nbody\n");
    CHECK(email.subject == c.subject);
  }
}

TEST_CASE("a group's members are listed as addresses", "[email]") {
  const Email email =
      Read("From: a@mofa.gov.vn\nTo: =?UTF-8?Q?V=E1=BB=A5_L=E1=BB=85_t=C3=A2n?=: lan.nt@mofa.gov.vn, "
           "\"Minh\" <minh.tv@mofa.gov.vn>;\nCc: undisclosed-recipients:;\n\nbody\n");
  CHECK(email.to == "lan.nt@mofa.gov.vn, Minh <minh.tv@mofa.gov.vn>");
  CHECK(email.cc == "");
  CHECK_FALSE(email.date.has_value());
}

TEST_CASE("text bodies come out as UTF-8 with Unix line ends", "[email]") {
  struct Case {
    const char* what;
    std::string message;
    const char* body;
  };
  const Case cases[] = {
      {"CRLF line ends", "From: a@b.vn\r\nSubject: x\r\n\r\nD\xC3\xB2ng 1\r\nD\xC3\xB2ng 2\r\n", "Dòng 1\nDòng 2\n"},
      {"a declared legacy charset",
       "From: a@b.vn\nSubject: x\nContent-Type: text/plain; charset=windows-1252\n\nMinist\xE8re\n", "Ministère\n"},
      {"no charset and Windows-1252 bytes",
       "From: a@b.vn\nSubject: x\nContent-Type: text/plain\n\nL'Ambassade de France pr\xE9sente ses compliments au "
       "Minist\xE8re des Affaires \xE9trang\xE8res et a l'honneur de l'informer que les doses seront livr\xE9"
       "es \xE0 H\xF4 Chi Minh-Ville.\n",
       "L'Ambassade de France présente ses compliments au Ministère des Affaires étrangères et a l'honneur de "
       "l'informer que les doses seront livrées à Hô Chi Minh-Ville.\n"},
      {"an empty text part beside HTML gives way to the HTML",
       "From: a@b.vn\nSubject: x\nContent-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/plain\n\n"
       "\n--b\nContent-Type: text/html\n\n<p>Nội dung</p>\n--b--\n",
       "<p>Nội dung</p>"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CHECK(Read(c.message).body == c.body);
  }
}

TEST_CASE("a part with a file name or a non-text type is an attachment, even inline", "[email]") {
  const Email email = Read(
      "From: a@b.vn\nSubject: x\nContent-Type: multipart/mixed; boundary=b\n\n"
      "--b\nContent-Type: text/plain; charset=utf-8\n\nThân thư\n"
      "--b\nContent-Type: text/plain; charset=utf-8\nContent-Disposition: inline; filename=\"ghi_chu.txt\"\n\nGhi chú\n"
      "--b\nContent-Type: text/csv\nContent-Disposition: attachment\n\nSTT,Liều\n1,500\n"
      "--b\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\nAAECAw==\n"
      "--b--\n");
  CHECK(email.body == "Thân thư");
  CHECK(ListAttachments(email) ==
        "ghi_chu.txt | text/plain | 8\n"
        "attachment-2 | text/csv | 16\n"
        "attachment-3 | application/octet-stream | 4\n");
  REQUIRE(email.attachments.size() == 3);
  CHECK(email.attachments[2].bytes == std::string("\0\1\2\3", 4));
}

// --- Refusals and threads ------------------------------------------------------------------------------------------

TEST_CASE("what is not an e-mail is refused", "[email]") {
  const std::string cases[] = {
      ReadFixture("not_an_email.txt"),
      "",
      "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
      std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16),
      "X-Mailer: nothing else\n\nbody\n",
  };
  for (const std::string& bytes : cases) {
    INFO(bytes.substr(0, 30));
    const Result<Email> email = ReadEmail(bytes);
    REQUIRE_FALSE(email.ok());
    CHECK(email.status().code() == Status::Code::kInvalidInput);
    CHECK(email.status().message() == "not an e-mail message (no headers)");
  }
}

TEST_CASE("messages are read on several threads at once", "[email]") {
  std::vector<std::string> messages;
  for (const MessageCase& c : MessageCases()) messages.push_back(ReadFixture(c.file));
  std::vector<std::future<std::vector<std::string>>> runs;
  for (int thread = 0; thread < 4; ++thread) {
    runs.push_back(std::async(std::launch::async, [&messages] {
      std::vector<std::string> subjects;
      for (int round = 0; round < 20; ++round) {
        for (const std::string& message : messages) {
          Result<Email> email = ReadEmail(message);
          subjects.push_back(email.ok() ? email.value().subject + "|" + email.value().body : "failed");
        }
      }
      return subjects;
    }));
  }
  const std::vector<std::string> first = runs[0].get();
  for (std::size_t i = 1; i < runs.size(); ++i) CHECK(runs[i].get() == first);
  CHECK(first.at(0) == std::string(MessageCases()[0].subject) + "|" + MessageCases()[0].body);
}

}  // namespace
}  // namespace dipdoc
