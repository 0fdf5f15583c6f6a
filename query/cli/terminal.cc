#include "query/cli/terminal.h"

#include <unistd.h>

#include <cstdio>

#include "ingest/utf8.h"

namespace dipdoc::cli {

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }
bool StdoutIsTerminal() { return isatty(STDOUT_FILENO) == 1; }

ProgressBar::ProgressBar(std::string_view label) : label_(label), enabled_(StderrIsTerminal()) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fputs("\r\033[K", stderr);
}

void ProgressBar::Update(std::size_t done, std::size_t total, std::string_view item) {
  if (!enabled_ || total == 0) return;
  constexpr std::size_t kWidth = 30;
  const std::size_t filled = done * kWidth / total;
  std::string bar(filled, '#');
  bar.resize(kWidth, '.');
  const std::string shown(TruncateUtf8(item, 40));
  std::fprintf(stderr, "\r\033[K%s [%s] %zu/%zu %s", label_.c_str(), bar.c_str(), done, total, shown.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

std::string SnippetForTerminal(std::string_view html, bool bold) {
  struct Replacement {
    std::string_view from, plain, styled;
  };
  static constexpr Replacement kReplacements[] = {
      {"<mark>", "[", "\033[1m"}, {"</mark>", "]", "\033[0m"}, {"&amp;", "&", "&"},   {"&lt;", "<", "<"},
      {"&gt;", ">", ">"},         {"&quot;", "\"", "\""},      {"&#39;", "'", "'"},
  };
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    bool replaced = false;
    for (const Replacement& r : kReplacements) {
      if (html.compare(i, r.from.size(), r.from) == 0) {
        out += bold ? r.styled : r.plain;
        i += r.from.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) {
      const char c = html[i++];
      out += (c == '\n') ? ' ' : c;
    }
  }
  return out;
}

}  // namespace dipdoc::cli
