#include "ingest/language_identifier.h"

#include <catch2/catch.hpp>

namespace dipdoc {
namespace {

TEST_CASE("languages are told apart", "[ingest]") {
  struct Case {
    const char* expected;
    const char* text;
  };
  const Case cases[] = {
      {"vi", "Bộ Ngoại giao trân trọng đề nghị Quý Đại sứ quán chuyển lời cảm ơn chân thành tới Chính phủ Nhật Bản "
             "vì đã trao tặng vaccine cho Việt Nam."},
      {"en", "The Embassy of Viet Nam presents its compliments to the Ministry of Foreign Affairs and has the honour "
             "to convey the gratitude of the Government for the vaccine doses delivered last week."},
      {"fr", "L'Ambassade du Viet Nam présente ses compliments au ministère de l'Europe et des Affaires étrangères et "
             "a l'honneur de lui transmettre les remerciements du gouvernement pour les doses livrées."},
      {"ru", "Посольство Вьетнама выражает благодарность Министерству иностранных дел за поставку вакцины и "
             "надеется на дальнейшее сотрудничество в борьбе с пандемией."},
      {"zh", "越南驻华大使馆感谢中华人民共和国外交部向越南捐赠新冠疫苗，并希望双方继续在抗击疫情方面加强合作。"},
      {"de", "Die Botschaft der Sozialistischen Republik Vietnam dankt dem Auswärtigen Amt für die Lieferung der "
             "Impfstoffe und hofft auf eine weitere enge Zusammenarbeit."},
      {"ja", "ベトナム大使館は、日本政府によるワクチンの供与に対し、心から感謝の意を表します。今後とも協力を続けたいと考えています。"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(IdentifyLanguage(c.text) == std::optional<std::string>(c.expected));
  }
}

TEST_CASE("text without letters has no language", "[ingest]") {
  CHECK_FALSE(IdentifyLanguage("").has_value());
  CHECK_FALSE(IdentifyLanguage("12/08/2021 1.000.000 -- 42").has_value());
}

}  // namespace
}  // namespace dipdoc
