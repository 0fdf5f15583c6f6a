// The baseline dipdoc's ingest is measured against: plain Xapian indexing of the same files, one thread,
// Xapian::TermGenerator with positions, one commit at the end. No normalisation, no extraction, no
// idempotence bookkeeping.
//
// Usage: xapian_baseline DB_DIR FOLDER   (prints "<documents> <seconds>")

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <xapian.h>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: xapian_baseline DB_DIR FOLDER\n";
    return 2;
  }
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[2])) {
    if (entry.is_regular_file()) files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  int documents = 0;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(text.str());
    doc.set_data(text.str());
    doc.add_boolean_term("Q" + file);
    db.replace_document("Q" + file, doc);
    ++documents;
  }
  db.commit();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << documents << ' ' << seconds << '\n';
}
