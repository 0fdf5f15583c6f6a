#include "ingest/html_extractor.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "test_util.h"

namespace dipdoc {
namespace {

std::string ReadFixture(const std::string& name) { return testing::ReadFileBytes(testing::TestData("html/" + name)); }

HtmlArticle Extract(std::string_view html) {
  Result<HtmlArticle> article = ExtractHtmlArticle(html);
  INFO((article.ok() ? std::string() : article.status().message()));
  REQUIRE(article.ok());
  return std::move(article).value();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool HasLine(const std::string& text, std::string_view line) {
  for (const std::string& l : Lines(text)) {
    if (l == line) return true;
  }
  return false;
}

// The shape every extracted text has: no blank line at either end, never two blank lines in a row, and no
// line with white space at its ends or doubled inside.
void CheckTidy(const std::string& text) {
  INFO(text);
  REQUIRE(!text.empty());
  CHECK(text.front() != '\n');
  CHECK(text.back() != '\n');
  CHECK(text.find("\n\n\n") == std::string::npos);
  CHECK(text.find("  ") == std::string::npos);
  CHECK(text.find('\t') == std::string::npos);
  CHECK(text.find("\xC2\xA0") == std::string::npos);  // no-break spaces are collapsed too
  for (const std::string& line : Lines(text)) {
    if (line.empty()) continue;
    CHECK(line.front() != ' ');
    CHECK(line.back() != ' ');
  }
}

// --- Fixture pages ------------------------------------------------------------------------------------------

struct PageCase {
  const char* file;
  const char* title;
  std::optional<std::string> published;
  std::vector<std::string> paragraphs;  // each must be a whole line of the text
  std::vector<std::string> furniture;   // none may appear anywhere in the text
};

const std::vector<PageCase>& PageCases() {
  static const std::vector<PageCase> cases = {
      {"vi_news_article.html",
       "Nhật Bản trao thêm 1 triệu liều vaccine AstraZeneca cho Việt Nam & cam kết hỗ trợ dài hạn",  // og:title
       "16:22 | 17/08/2021",  // the dateline's text, as the page gives it
       {"TGVN. Sáng 17/8, tại Hà Nội, Bộ Y tế đã tiếp nhận lô vaccine AstraZeneca thứ tư do Chính phủ Nhật Bản "
        "trao tặng, nâng tổng số vaccine Nhật Bản hỗ trợ Việt Nam lên hơn 3 triệu liều.",
        "Phát biểu tại buổi lễ, Thứ trưởng Bộ Ngoại giao cảm ơn Chính phủ và nhân dân Nhật Bản đã kịp thời hỗ trợ "
        "Việt Nam trong giai đoạn dịch bệnh diễn biến phức tạp tại các tỉnh phía Nam.",
        "Đại sứ Nhật Bản tại Việt Nam khẳng định, Nhật Bản sẽ tiếp tục đồng hành cùng Việt Nam, đồng thời cho biết "
        "lô vaccine sẽ được phân bổ theo kế hoạch của Bộ Y tế tới các địa phương có nhu cầu cấp bách.",
        "Lễ tiếp nhận vaccine tại sân bay Nội Bài, ngày 17/8.",
        "Theo thỏa thuận, phía Nhật Bản sẽ chuyển giao thêm 1.000.000 liều trong tháng 9, cùng với thiết bị bảo "
        "quản lạnh trị giá khoảng 1,2 tỷ yên.",
        "“Tình hữu nghị được thử thách qua hoạn nạn”, Đại sứ nhấn mạnh.",
        "Minh Quân"},
       {// cookie banner, site header, menu, ticker, breadcrumb
        "cookie", "Đồng ý", "Thứ Ba, 17/08/2021", "Tìm kiếm", "Trang chủ", "Thời sự", "Ngoại giao Vaccine",
        "Kinh tế đối ngoại", "Người Việt bốn phương", "Tin nóng", "Thủ tướng tiếp Đại sứ Hoa Kỳ",
        "Giá xăng dầu",
        // share bar, advertisement, tags inside the article
        "Chia sẻ", "Zalo", "Quảng cáo", "Vay mua nhà", "Từ khóa",
        // related, most read, banner
        "Tin liên quan", "Việt Nam tiếp nhận 400.000 liều vaccine từ Australia", "Hungary tặng Việt Nam",
        "Xem nhiều", "Lịch nghỉ lễ Quốc khánh", "Tổng thống Philippines", "hộ chiếu quyền lực",
        "Khuyến mãi",
        // comments
        "Bình luận", "Nguyễn Văn An", "mong sớm được tiêm mũi hai", "Nội dung bình luận", "Gửi bình luận",
        // footer
        "Cơ quan của Bộ Ngoại giao", "Giấy phép", "Bản quyền", "phát hành lại",
        // code
        "dataLayer", "gtag", "googletag", "createElement", "font-family", "line-height"}},
      {"en_press_release.html",
       "Joint statement on the second delivery of vaccine doses to Viet Nam",  // the <h1>; no og:title
       "2021-08-20T09:30:00+07:00",  // article:published_time beats JSON-LD and modified_time
       {"The Government of the United Kingdom and the Government of the Socialist Republic of Viet Nam today "
        "welcomed the arrival in Ha Noi of a second consignment of vaccine doses donated through bilateral "
        "arrangements.",
        "Commitments",
        "The two sides reaffirmed the following commitments:",
        "a further 415,000 doses to be delivered before the end of September;",
        "technical support for cold-chain storage in the southern provinces;",
        "regular consultations between the two health ministries.",
        "Delivery schedule",
        "Batch | Doses | Arrival",
        "First | 415,000 | 28 July 2021",
        "Second | 800,000 | 20 August 2021",
        "The Ambassador said the partnership showed what close friends can achieve together, and thanked the "
        "COVAX Facility for its logistical help.",
        "Media enquiries: press office, telephone +84 24 3936 0500."},
       {"Skip to main content", "cookies", "Accept additional", "Reject", "News and communications",
        "Consular services", "About the Ministry", "Home", "Share", "Twitter", "LinkedIn", "Related content",
        "Foreign Secretary visits", "UK donates doses", "Sign up for email alerts", "Email address", "Subscribe",
        "Open Government Licence", "Crown copyright", "analytics", "pageview", "skip-link"}},
      {"fr_article.html",
       "Le Vietnam reçoit un nouveau lot de 1,2 million de doses",  // the <h1>, no-break space collapsed
       "2021-09-03T10:15:00+02:00",  // <time datetime>
       {"La France a livré vendredi à Hanoï un nouveau lot de vaccins, dans le cadre du mécanisme COVAX et de ses "
        "engagements bilatéraux.",
        "L’ambassadeur de France au Vietnam a remis les doses au ministère de la Santé lors d’une cérémonie à "
        "l’aéroport de Nội Bài.",
        "Selon le ministère, les doses seront d’abord destinées à Hô Chi Minh-Ville et aux provinces du delta du "
        "Mékong, où l’épidémie reste active.",
        "Une coopération de longue date",
        "Les deux pays ont célébré en 2018 le 45e anniversaire de leurs relations diplomatiques ; la santé figure "
        "parmi les priorités de leur partenariat stratégique."},
       {"cookies", "J’accepte", "Monde", "Asie-Pacifique", "Économie", "Accueil", "Partager", "Facebook",
        "Courriel", "À lire aussi", "Le Japon annonce", "Mots-clés", "Les plus lus", "Sommet de l’ASEAN",
        "Visite d’État", "Commentaires", "Excellente nouvelle", "Tous droits réservés", "Mentions légales", "_paq",
        "piège", "Activez JavaScript"}},
      {"vi_portal_no_article.html",
       "Trả lời phỏng vấn về việc tiếp nhận vaccine từ các đối tác",  // <title> with " | site" cut; no <h1>
       "Ngày đăng: 20/09/2021",
       {"Trả lời câu hỏi của phóng viên về việc tiếp nhận vaccine phòng COVID-19 từ các đối tác trong tháng 9, "
        "Người Phát ngôn cho biết:",
        "“Trong tháng 9 năm 2021, Việt Nam đã tiếp nhận tổng cộng hơn 20 triệu liều vaccine, trong đó có các lô "
        "vaccine viện trợ từ Nhật Bản, Hoa Kỳ, Australia, Pháp và nhiều đối tác khác.",
        "Chúng tôi đánh giá cao sự hỗ trợ quý báu của cộng đồng quốc tế, thể hiện tình hữu nghị và quan hệ đối "
        "tác tốt đẹp giữa Việt Nam với các nước.",
        "Bộ Ngoại giao sẽ tiếp tục phối hợp chặt chẽ với Bộ Y tế để thúc đẩy việc tiếp cận nguồn vaccine, đồng "
        "thời nghiên cứu khả năng chuyển giao công nghệ sản xuất vaccine tại Việt Nam.”"},
       {"Quốc huy", "English", "Français", "Trang chủ", "Giới thiệu chung", "Tin tức - Sự kiện",
        "Công tác lãnh sự", "Chuyên mục", "Hoạt động của Lãnh đạo", "Họp báo thường kỳ", "Các tin khác",
        "điện đàm với Bộ trưởng Ngoại giao Hàn Quốc", "Liên kết website", "Báo Điện tử Chính phủ",
        "Số lượt truy cập", "Lượt xem", "Bản quyền", "Tôn Thất Đàm", "_spPageContextInfo", "VIEWSTATE"}},
      {"malformed.html",
       "Thông cáo báo chí về chuyến thăm chính thức",  // the <h1>, although its <i> is never closed
       std::nullopt,
       {"Nhận lời mời của Bộ trưởng Ngoại giao, Bộ trưởng Ngoại giao Pháp thăm chính thức Việt Nam từ ngày 12 "
        "đến 14/10/2021.",
        "Hai bên nhất trí thúc đẩy hợp tác y tế, trong đó có việc chuyển giao 1,5 triệu liều vaccine",
        "Hai Bộ trưởng cũng trao đổi về tình hình khu vực và quốc tế.",
        "Chuyến thăm góp phần làm sâu sắc thêm quan hệ Đối tác chiến lược Việt Nam – Pháp.",
        "Ngày | Hoạt động", "12/10 | Hội đàm chính thức"},
       {"Trang chủ", "Tin tức", "Không hiển thị", "document.write", "Bản quyền"}},
  };
  return cases;
}

TEST_CASE("fixture pages give their title, date and body, and no furniture", "[html]") {
  for (const PageCase& c : PageCases()) {
    INFO(c.file);
    const std::string html = ReadFixture(c.file);
    CHECK(LooksLikeHtml(html));
    const HtmlArticle article = Extract(html);
    INFO(article.text);
    CHECK(article.title == c.title);
    CHECK(article.published == c.published);
    CheckTidy(article.text);
    for (const std::string& paragraph : c.paragraphs) {
      INFO("paragraph: " << paragraph);
      CHECK(HasLine(article.text, paragraph));
    }
    for (const std::string& furniture : c.furniture) {
      INFO("furniture: " << furniture);
      CHECK(article.text.find(furniture) == std::string::npos);
    }
  }
}

TEST_CASE("body paragraphs are separated by one blank line", "[html]") {
  const HtmlArticle article = Extract(ReadFixture("vi_news_article.html"));
  CHECK(article.text.find(
            "tại các tỉnh phía Nam.\n\nĐại sứ Nhật Bản tại Việt Nam khẳng định") != std::string::npos);
  const HtmlArticle release = Extract(ReadFixture("en_press_release.html"));
  CHECK(release.text.find("commitments:\n\na further 415,000 doses") != std::string::npos);
  CHECK(release.text.find("September;\ntechnical support") != std::string::npos);  // list items: one line each
}

// --- Text layout --------------------------------------------------------------------------------------------

TEST_CASE("blocks become lines and paragraphs", "[html]") {
  struct Case {
    const char* html;
    const char* text;
  };
  const Case cases[] = {
      {"<body><p>One</p><p>Two</p></body>", "One\n\nTwo"},
      {"<body><p>  lots   of\n\t space  </p></body>", "lots of space"},
      {"<body><p>a&nbsp;&nbsp;b &amp; c&#8239;!</p></body>", "a b & c !"},
      {"<body><p>line one<br>line two<br><br>new paragraph</p></body>", "line one\nline two\n\nnew paragraph"},
      {"<body><p><br>leading break</p><p>last<br></p></body>", "leading break\n\nlast"},
      {"<body><ul><li>first</li><li>second</li></ul><p>after</p></body>", "first\nsecond\n\nafter"},
      {"<body><h2>Heading</h2><p>Text with <a href=\"/x\">a link</a> inside.</p></body>",
       "Heading\n\nText with a link inside."},
      {"<body><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td> </td><td>3</td></tr></table></body>",
       "A | B\n1 | 3"},
      {"<body><div>Direct text in a div</div><div><div>nested</div></div></body>", "Direct text in a div\n\nnested"},
      {"<body><p>x</p><p>&nbsp;</p><p></p><p>y</p></body>", "x\n\ny"},
      {"<body><blockquote>Quoted</blockquote><p>said <b>bold</b><i>italic</i> words</p></body>",
       "Quoted\n\nsaid bolditalic words"},
      {"<body><pre>line 1\n  line 2</pre></body>", "line 1\nline 2"},
      {"<body><dl><dt>Term</dt><dd>Meaning</dd></dl></body>", "Term\nMeaning"},
      {"\n\n<body>\n\n  Bare text in the body.  \n\n</body>\n", "Bare text in the body."},
  };
  for (const Case& c : cases) {
    INFO(c.html);
    CHECK(Extract(c.html).text == c.text);
  }
}

// --- Furniture rules ----------------------------------------------------------------------------------------

TEST_CASE("furniture is recognised by tag, class and id word parts, role, label and visibility", "[html]") {
  struct Case {
    const char* snippet;
    bool kept;
  };
  const Case cases[] = {
      // dropped by tag
      {"<nav><p>SNIPPET</p></nav>", false},
      {"<aside><p>SNIPPET</p></aside>", false},
      {"<footer><p>SNIPPET</p></footer>", false},
      {"<header><p>SNIPPET</p></header>", false},
      {"<form><p>SNIPPET</p><input name=q></form>", false},
      {"<div><button>SNIPPET</button><select><option>SNIPPET</option></select></div>", false},
      {"<div><script>SNIPPET</script><style>SNIPPET</style><noscript>SNIPPET</noscript></div>", false},
      {"<div><iframe>SNIPPET</iframe><svg><text>SNIPPET</text></svg><template>SNIPPET</template></div>", false},
      // dropped by class or id word parts
      {"<div class=\"main-menu\">SNIPPET</div>", false},
      {"<div class=\"navbar navbar-expand\">SNIPPET</div>", false},
      {"<div class=\"breadcrumb\">SNIPPET</div>", false},
      {"<div class=\"site-header\">SNIPPET</div>", false},
      {"<div class=\"main-header\">SNIPPET</div>", false},
      {"<div id=\"footer\">SNIPPET</div>", false},
      {"<div class=\"col sidebar\">SNIPPET</div>", false},
      {"<div class=\"relatedNews\">SNIPPET</div>", false},
      {"<div class=\"box-relate\">SNIPPET</div>", false},
      {"<div id=\"tin-lien-quan\">SNIPPET</div>", false},
      {"<div class=\"lienquan\">SNIPPET</div>", false},
      {"<div class=\"box-xem-nhieu\">SNIPPET</div>", false},
      {"<div class=\"most-read\">SNIPPET</div>", false},
      {"<div class=\"mostread\">SNIPPET</div>", false},
      {"<div class=\"doc-them\">SNIPPET</div>", false},
      {"<div class=\"read_more\">SNIPPET</div>", false},
      {"<div class=\"post-tags\">SNIPPET</div>", false},
      {"<div class=\"share-buttons\">SNIPPET</div>", false},
      {"<div class=\"social\">SNIPPET</div>", false},
      {"<div id=\"comments\">SNIPPET</div>", false},
      {"<div class=\"binh-luan\">SNIPPET</div>", false},
      {"<div class=\"ads300\">SNIPPET</div>", false},
      {"<div class=\"advert\">SNIPPET</div>", false},
      {"<div class=\"banner-top\">SNIPPET</div>", false},
      {"<div class=\"subscribe-box\">SNIPPET</div>", false},
      {"<div class=\"newsletter\">SNIPPET</div>", false},
      {"<div class=\"cookie-notice\">SNIPPET</div>", false},
      {"<div class=\"popup\">SNIPPET</div>", false},
      {"<div class=\"modal fade\">SNIPPET</div>", false},
      {"<div class=\"widget\">SNIPPET</div>", false},
      {"<div class=\"ticker\">SNIPPET</div>", false},
      {"<div class=\"trending\">SNIPPET</div>", false},
      {"<div class=\"hot-news\">SNIPPET</div>", false},
      {"<div class=\"box-news\">SNIPPET</div>", false},
      {"<div class=\"list-news\">SNIPPET</div>", false},
      // dropped by role, aria-label, visibility
      {"<div role=\"navigation\">SNIPPET</div>", false},
      {"<div role=\"contentinfo\">SNIPPET</div>", false},
      {"<div aria-label=\"Tin liên quan\">SNIPPET</div>", false},
      {"<div aria-label=\"Related articles\">SNIPPET</div>", false},
      {"<div style=\"display: none\">SNIPPET</div>", false},
      {"<div hidden>SNIPPET</div>", false},
      // a list of links
      {"<ul><li><a href=\"/1\">SNIPPET</a></li><li><a href=\"/2\">other</a></li></ul>", false},
      // kept: word parts, not substrings, and names that say article
      {"<div class=\"thread\">SNIPPET</div>", true},
      {"<div class=\"shadow\">SNIPPET</div>", true},
      {"<div class=\"header-article-title\">SNIPPET</div>", true},
      {"<div class=\"article__header\">SNIPPET</div>", true},
      {"<div class=\"article-banner\">SNIPPET</div>", true},
      {"<div class=\"box-news-detail\">SNIPPET</div>", true},
      {"<div class=\"content has-sidebar\">SNIPPET</div>", true},
      {"<div class=\"no-ads\">SNIPPET</div>", true},
      {"<article><header><h2>SNIPPET</h2></header></article>", true},
      {"<div class=\"headline\">SNIPPET</div>", true},
      {"<ul><li>SNIPPET, a plain list item</li></ul>", true},
      {"<p>A sentence with <a href=\"/x\">SNIPPET</a> as its link.</p>", true},
  };
  for (const Case& c : cases) {
    INFO(c.snippet);
    const std::string html = std::string("<html><body><p>Đoạn văn chính của bài viết, đủ dài để làm nội dung.</p>") +
                             c.snippet + "</body></html>";
    const HtmlArticle article = Extract(html);
    INFO(article.text);
    CHECK(article.text.find("Đoạn văn chính") != std::string::npos);
    CHECK((article.text.find("SNIPPET") != std::string::npos) == c.kept);
  }
}

TEST_CASE("a form wrapping the whole page is not furniture", "[html]") {
  // ASP.NET and SharePoint pages put everything inside one <form>.
  std::string html = "<html><body><form id=\"aspnetForm\"><input type=hidden name=__VIEWSTATE value=x>"
                     "<div class=\"ms-rtestate-field\">";
  for (int i = 0; i < 3; ++i) html += "<p>Một đoạn văn dài của thông cáo báo chí, đủ dài để là nội dung chính.</p>";
  html += "</div></form></body></html>";
  const HtmlArticle article = Extract(html);
  CHECK(HasLine(article.text, "Một đoạn văn dài của thông cáo báo chí, đủ dài để là nội dung chính."));
}

TEST_CASE("an article body wrapped in a container with a furniture name survives", "[html]") {
  const HtmlArticle article = Extract(
      "<body><div class=\"layout-sidebar\"><div class=\"sidebar-right\"><p>Sidebar text</p></div>"
      "<div class=\"detail-content\"><p>The body of the article, in a wrapper the rules would drop.</p></div>"
      "</div></body>");
  CHECK(article.text == "The body of the article, in a wrapper the rules would drop.");
}

TEST_CASE("the main content is the explicit article body, else the best scored container", "[html]") {
  SECTION("the marked container with most text wins") {
    const HtmlArticle article = Extract(
        "<body><article><p>A short teaser of another story, with a few words.</p></article>"
        "<article><h1>Headline</h1><p>The first paragraph of the real story, which is longer.</p>"
        "<p>The second paragraph of the real story.</p></article></body>");
    CHECK(article.title == "Headline");
    CHECK(article.text.find("teaser") == std::string::npos);
    CHECK(HasLine(article.text, "The second paragraph of the real story."));
  }
  SECTION("scoring prefers paragraphs to links") {
    std::string html = "<body><div class=\"col1\">";
    for (int i = 0; i < 8; ++i) html += "<p><a href=\"/n\">A headline of another story on the portal</a> (12/9)</p>";
    html += "</div><div class=\"col2\">";
    for (int i = 0; i < 3; ++i) html += "<p>A paragraph of the statement, with no link in it at all.</p>";
    html += "</div></body>";
    const HtmlArticle article = Extract(html);
    CHECK(article.text.find("A headline of another story") == std::string::npos);
    CHECK(HasLine(article.text, "A paragraph of the statement, with no link in it at all."));
  }
  SECTION("a lead paragraph beside the body is kept; a short dateline beside it is not") {
    const HtmlArticle article = Extract(
        "<body><div class=\"wrap\"><div class=\"when\">Cập nhật lúc 09:00</div>"
        "<div class=\"lead\">Đoạn dẫn đầu bài báo, nằm ngoài phần thân nhưng là một phần của bài viết.</div>"
        "<div class=\"text\"><p>Đoạn thứ nhất của phần thân bài, khá dài để được chấm điểm cao.</p>"
        "<p>Đoạn thứ hai của phần thân bài, cũng khá dài để được chấm điểm cao.</p></div>"
        "<div class=\"note\">Bài viết liên hệ</div></div></body>");
    CHECK(article.text ==
          "Đoạn dẫn đầu bài báo, nằm ngoài phần thân nhưng là một phần của bài viết.\n\n"
          "Đoạn thứ nhất của phần thân bài, khá dài để được chấm điểm cao.\n\n"
          "Đoạn thứ hai của phần thân bài, cũng khá dài để được chấm điểm cao.");
  }
}

// --- Title and date -----------------------------------------------------------------------------------------

TEST_CASE("the title is og:title, else the article's h1, else <title> without the site name", "[html]") {
  constexpr const char* kBody = "<p>Nội dung bài viết đủ dài để trở thành phần thân của trang.</p>";
  struct Case {
    std::string head;
    std::string body_prefix;
    const char* title;
  };
  const Case cases[] = {
      {"<meta property=\"og:title\" content=\" OG  title &amp; more \"><title>Page title - Site</title>",
       "<h1>Heading</h1>", "OG title & more"},
      {"<title>Page title - Site</title>", "<h1>Heading  with\n <em>emphasis</em></h1>", "Heading with emphasis"},
      {"<title>Nhật Bản trao vaccine cho Việt Nam - Báo Quốc tế</title>", "", "Nhật Bản trao vaccine cho Việt Nam"},
      {"<title>Thủ tướng tiếp Đại sứ Hoa Kỳ | VietnamPlus</title>", "", "Thủ tướng tiếp Đại sứ Hoa Kỳ"},
      {"<title>La France et le Vietnam renforcent leur coopération – Site</title>", "",
       "La France et le Vietnam renforcent leur coopération"},
      {"<title>Hợp tác Việt Nam - Nhật Bản về y tế - Báo Nhân Dân</title>", "",
       "Hợp tác Việt Nam - Nhật Bản về y tế"},
      {"<title>Việt Nam - Nhật Bản</title>", "", "Việt Nam - Nhật Bản"},  // too short to lose a segment
      {"<title>Press release</title>", "", "Press release"},
      {"<title>  Spaces   and&nbsp;entities &amp; more | Site </title>", "", "Spaces and entities & more"},
      {"", "", ""},
      // a logo's <h1> in the site header is not the article's
      {"<title>Tiêu đề bài viết về ngoại giao - Báo</title>", "<header><h1>Báo Điện tử</h1></header>",
       "Tiêu đề bài viết về ngoại giao"},
  };
  for (const Case& c : cases) {
    const std::string html = "<html><head>" + c.head + "</head><body>" + c.body_prefix + kBody + "</body></html>";
    INFO(html);
    CHECK(Extract(html).title == c.title);
  }
}

TEST_CASE("the publication date comes from metadata, <time>, or a dateline", "[html]") {
  constexpr const char* kBody = "<p>Nội dung bài viết đủ dài để trở thành phần thân của trang.</p>";
  struct Case {
    std::string head;
    std::string body;
    std::optional<std::string> published;
  };
  const Case cases[] = {
      {"<meta property=\"article:published_time\" content=\"2021-08-17T16:22:00+07:00\">"
       "<meta name=\"pubdate\" content=\"2021-08-16\">",
       "<time datetime=\"2021-01-01\">1/1</time>", "2021-08-17T16:22:00+07:00"},
      {"<meta name=\"pubdate\" content=\"2021-08-16\">", "", "2021-08-16"},
      {"<meta itemprop=\"datePublished\" content=\"2021-08-15\">", "", "2021-08-15"},
      {"", "<span itemprop=\"datePublished\" content=\"2021-08-14\">14/8</span>", "2021-08-14"},
      {"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\" : \"2021-08-13\"}</script>",
       "", "2021-08-13"},
      {"", "<article><time datetime=\"2021-08-12T08:00\">12/8</time>" + std::string(kBody) + "</article>",
       "2021-08-12T08:00"},
      {"", "<div class=\"post-date\"> 11/08/2021 </div>", "11/08/2021"},
      {"", "<span class=\"detail-time\">16:22 | 17/08/2021</span>", "16:22 | 17/08/2021"},
      {"", "<p class=\"ngay-dang\">Thứ Ba, 10/08/2021 09:15</p>", "Thứ Ba, 10/08/2021 09:15"},
      {"", "<time>9 août 2021</time>", "9 août 2021"},
      {"", "", std::nullopt},
      {"", "<span class=\"reading-time\">5 phút đọc</span>", std::nullopt},
      {"", "<span class=\"date\">Hôm nay</span>", std::nullopt},  // no digit: not a date
      // dates of other articles, in furniture, are not this article's
      {"", "<div class=\"tin-lien-quan\"><time datetime=\"2020-01-01\">1/1/2020</time>"
           "<span class=\"date\">02/01/2020</span></div>", std::nullopt},
  };
  for (const Case& c : cases) {
    const std::string html = "<html><head>" + c.head + "</head><body>" + c.body + kBody + "</body></html>";
    INFO(html);
    CHECK(Extract(html).published == c.published);
  }
}

// --- Sniffing -----------------------------------------------------------------------------------------------

TEST_CASE("LooksLikeHtml sniffs the start of the bytes", "[html]") {
  struct Case {
    std::string bytes;
    bool html;
  };
  const Case cases[] = {
      {"<!DOCTYPE html>\n<html><body>x</body></html>", true},
      {"<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">", true},
      {"\xEF\xBB\xBF  \r\n\t<html lang=\"vi\">", true},
      {"<HTML>", true},
      {"<head><title>Tin tức</title></head>", true},
      {"<body>Nội dung</body>", true},
      {"<meta charset=\"utf-8\"><p>Tin</p>", true},
      {"<title>Thông cáo</title>", true},
      {"<!-- saved from url=(0014)about:internet -->\n<html>", true},
      {"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\">", true},
      {"", false},
      {"   \n  ", false},
      {"Giá vàng < 60 triệu đồng, theo <b>thông báo</b> <html>", false},  // text that merely contains '<'
      {"<Bản dịch không chính thức>\nNội dung công hàm.", false},
      {"<headline>Not a tag we know</headline>", false},
      {"<bodyguard>", false},
      {"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Tin mới</title>", false},
      {"<!DOCTYPE note SYSTEM \"note.dtd\"><note><title>x</title></note>", false},
      {"<!-- no end", false},
      {"<link rel=\"stylesheet\" href=\"a.css\">\n<title>Tin</title>", true},
      {"<p>" + std::string(2000, 'x') + "<html>", false},  // the marker must come first
      {"<!--" + std::string(2000, '-') + "-->\n<html>", false},  // ... and early
      {"\xEF\xBB\xBF" "Kính gửi Đại sứ quán,", false},
  };
  for (const Case& c : cases) {
    INFO(c.bytes.substr(0, 80));
    CHECK(LooksLikeHtml(c.bytes) == c.html);
  }
}

// --- Robustness ---------------------------------------------------------------------------------------------

TEST_CASE("a page without readable text is invalid input", "[html]") {
  const char* const cases[] = {
      "",
      "   \n",
      "<!-- only a comment -->",
      "<html><head><title>Only a title</title></head><body></body></html>",
      "<html><body>\n  \n</body></html>",
      "<script>var a = 1; document.write('x');</script><style>p { color: red }</style>",
      "<body><script>track();</script><noscript>Enable JavaScript</noscript><img src=x.png alt=\"Ảnh\"></body>",
      "<body><form><input name=q><button>Tìm</button><select><option>Một</option></select></form></body>",
      "<body><p>&nbsp; &#8203;</p></body>",
  };
  for (const char* html : cases) {
    INFO(html);
    const Result<HtmlArticle> article = ExtractHtmlArticle(html);
    REQUIRE(!article.ok());
    CHECK(article.status().code() == Status::Code::kInvalidInput);
  }
}

TEST_CASE("a page whose only text is marked as furniture still gives that text", "[html]") {
  // Better a menu than nothing: the rules are retried with tags alone when they leave no text.
  CHECK(Extract("<body><div class=\"sidebar\"><p>Chỉ có văn bản này</p></div></body>").text == "Chỉ có văn bản này");
}

TEST_CASE("deeply nested documents do not exhaust the stack", "[html]") {
  constexpr int kDepth = 10000;
  SECTION("closed") {
    std::string html = "<html><body>";
    for (int i = 0; i < kDepth; ++i) html += "<div>";
    html += "<p>Deep text</p>";
    for (int i = 0; i < kDepth; ++i) html += "</div>";
    html += "<p>Shallow text after the nest.</p></body></html>";
    const HtmlArticle article = Extract(html);
    CHECK(HasLine(article.text, "Deep text"));
  }
  SECTION("never closed, with text at every level") {
    std::string html = "<body>";
    for (int i = 0; i < kDepth; ++i) html += "<div class=\"level\">t ";
    CHECK(Extract(html).text.size() >= static_cast<std::size_t>(kDepth));
  }
  SECTION("nested inline elements and lists") {
    std::string html = "<body><p>start ";
    for (int i = 0; i < kDepth; ++i) html += i % 2 == 0 ? "<span>" : "<ul><li>";
    html += "bottom";
    CHECK(Extract(html).text.find("bottom") != std::string::npos);
  }
}

TEST_CASE("a five megabyte page is read in one pass", "[html]") {
  std::string html = ReadFixture("vi_news_article.html");
  const std::size_t body = html.find("<div class=\"detail-content\">") + 28;
  std::string filler;
  int paragraphs = 0;
  while (filler.size() < 5u << 20) {
    filler += "<p>Đoạn văn số " + std::to_string(++paragraphs) +
              " của một bài rất dài, có <a href=\"/x\">liên kết</a> và <b>chữ đậm</b>, để kiểm tra tốc độ.</p>\n";
  }
  html.insert(body, filler);
  REQUIRE(html.size() > 5u << 20);
  const HtmlArticle article = Extract(html);
  CHECK(article.title == "Nhật Bản trao thêm 1 triệu liều vaccine AstraZeneca cho Việt Nam & cam kết hỗ trợ dài hạn");
  CHECK(HasLine(article.text, "Đoạn văn số 1 của một bài rất dài, có liên kết và chữ đậm, để kiểm tra tốc độ."));
  CHECK(HasLine(article.text, "Đoạn văn số " + std::to_string(paragraphs) +
                                  " của một bài rất dài, có liên kết và chữ đậm, để kiểm tra tốc độ."));
  CHECK(article.text.find("Xem nhiều") == std::string::npos);
}

}  // namespace
}  // namespace dipdoc
