#include "nlp/name_finder.h"

namespace dipdoc {

struct NameFinder::Trie {};

NameFinder::NameFinder() : trie_(new Trie) {}
NameFinder::~NameFinder() { delete trie_; }

const NameFinder& NameFinder::Default() {
  static const NameFinder finder;
  return finder;
}

std::vector<NameMatch> NameFinder::Find(std::string_view /*text*/) const { return {}; }

std::string_view NameFinder::PartnerKind(std::string_view /*id*/) const { return {}; }

}  // namespace dipdoc
