#include "index/variant_map.h"

#include <algorithm>

#include <catch2/catch.hpp>

#include "index/schema.h"
#include "ingest/tone_marks.h"
#include "test_util.h"

namespace dipdoc {
namespace {

TEST_CASE("folding drops every mark, đ included, and keeps the rest", "[index][variants]") {
  CHECK(FoldDiacritics("Ngoại giao") == "Ngoai giao");
  CHECK(FoldDiacritics("ĐẠI SỨ đức") == "DAI SU duc");
  CHECK(FoldDiacritics("\xC3\x90" "à Nẵng") == "Da Nang");  // Ð, the look-alike of Đ
  CHECK(FoldDiacritics("négociation, façade, Zürich") == "negociation, facade, Zurich");
  CHECK(FoldDiacritics("ho\xCC\x80" "a") == "hoa");  // decomposed
  CHECK(FoldDiacritics("1,05 triệu – “liều”") == "1,05 trieu – “lieu”");
  CHECK(FoldDiacritics("中文 русский") == "中文 русский");
}

TEST_CASE("elisions and possessives are not part of the word looked up", "[index][variants]") {
  CHECK(WithoutElision("l'australie") == "australie");
  CHECK(WithoutElision("d\u2019état") == "état");
  CHECK(WithoutElision("jusqu'au") == "au");
  CHECK(WithoutElision("vietnam's") == "vietnam");
  CHECK(WithoutElision("aujourd'hui") == "aujourd'hui");
  CHECK(WithoutElision("l'") == "l'");
  CHECK(FoldedWord("l'état") == "etat");
}

TEST_CASE("the writer records each word under its folded form", "[index][variants]") {
  Xapian::WritableDatabase db = testing::ScratchDatabase();
  VariantRecorder recorder;
  Xapian::Document doc;
  for (const char* word : {"ngoại", "ngoài", "giao", "l'état", "Sngoại", "XPARTNER:CU"}) doc.add_term(word);
  recorder.Record(db, WordCollector().Collect(doc, "vi", Xapian::Stem()));
  db.add_document(doc);
  db.commit();

  std::vector<std::string> variants = Variants(db, "ngoai");
  std::sort(variants.begin(), variants.end());
  CHECK(variants == std::vector<std::string>{"ngoài", "ngoại"});
  CHECK(Variants(db, "ngoại") == std::vector<std::string>{"ngoài"});
  CHECK(Variants(db, "etat") == std::vector<std::string>{"l'état"});
  CHECK(Variants(db, "giao").empty());  // a word with no marks folds to itself: nothing to record
  // Prefixed terms are not words.
  CHECK(db.synonym_keys_begin(std::string(schema::kFoldedKey) + "Sngoai") ==
        db.synonym_keys_end(std::string(schema::kFoldedKey) + "Sngoai"));
  CHECK(db.get_spelling_suggestion("ngoaj") == "ngoai");
}

TEST_CASE("words of English and French documents are recorded under their folded stems", "[index][variants]") {
  Xapian::WritableDatabase db = testing::ScratchDatabase();
  VariantRecorder recorder;
  WordCollector collector;
  const Xapian::Stem english("english");
  const Xapian::Stem french("french");
  auto store = [&](std::initializer_list<const char*> words, const std::string& language, const Xapian::Stem& stem) {
    Xapian::Document doc;
    for (const char* word : words) doc.add_term(word);
    const DictionaryWords collected = collector.Collect(doc, language, stem);
    recorder.Record(db, collected);
    db.add_document(doc);
    return collected;
  };
  store({"giao", "deliveries"}, "vi", Xapian::Stem());  // Vietnamese: no stems
  const DictionaryWords english_words = store({"delivery", "deliveries", "pledged"}, "en", english);
  // "deliveries" was collected from the Vietnamese document, but not with a stem: collected again.
  CHECK(english_words.words.size() == 3);
  CHECK(store({"delivery"}, "en", english).words.empty());  // passed on once per collector
  store({"l'union", "européennes", "europeenne"}, "fr", french);
  db.commit();

  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  CHECK(sorted(StemSiblings(db, "en", english("deliveries"))) == std::vector<std::string>{"deliveries", "delivery"});
  CHECK(StemSiblings(db, "en", english("pledge")) == std::vector<std::string>{"pledged"});
  CHECK(StemSiblings(db, "fr", english("giao")).empty());
  // Elisions are not part of the stem, and stems are folded: marks lost by OCR are siblings too.
  CHECK(StemSiblings(db, "fr", french("union")) == std::vector<std::string>{"l'union"});
  CHECK(sorted(StemSiblings(db, "fr", french("européen"))) == std::vector<std::string>{"europeenne", "européennes"});
  CHECK(StemSiblings(db, "en", french("européen")).empty());  // per language
}

TEST_CASE("an index from before the dictionary gets it from its words", "[index][variants]") {
  Xapian::WritableDatabase db = testing::ScratchDatabase();
  Xapian::Document doc;
  doc.add_term("hòa");
  doc.add_term("bình");
  db.add_document(doc);
  VariantRecorder().RecordAll(db);
  db.commit();
  CHECK(Variants(db, "hoa") == std::vector<std::string>{"hòa"});
  CHECK(Variants(db, "binh") == std::vector<std::string>{"bình"});
}

}  // namespace
}  // namespace dipdoc
