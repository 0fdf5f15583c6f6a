#include "index/indexer.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <pthread.h>
#include <system_error>
#include <thread>

#include <xapian.h>

#include "index/database.h"
#include "index/document_builder.h"
#include "index/file_walker.h"
#include "index/index_writer.h"
#include "index/schema.h"
#include "index/variant_map.h"
#include "ingest/content_hash.h"
#include "nlp/extractor.h"

namespace dipdoc {
namespace {

// How many prepared results may wait for the writer. The writer stops for a while at each commit (a tenth of
// a second for 500 small documents); a window that holds longer than that keeps the workers busy meanwhile.
// The byte budget keeps memory bounded when the files are large.
struct Window {
  std::size_t items;  // at most this many results wait at once
  std::size_t bytes;  // and none is claimed while those waiting weigh more than this (by `weigh`)
};

// Runs prepare(thread, item) for every item next() gives (until it gives nullopt) on `threads` threads, the
// calling one included, and hands each result to consume(item, result) on the calling thread, in the order
// next() gave the items. next() is called in order, one call at a time. The calling thread prepares an item
// itself only while the result it is to consume next is not ready, so with one thread per core every core
// stays busy and none is shared. At most `window` results wait at once, and items are taken from next() only
// as they are prepared, so memory stays bounded however many items there are. When consume returns false
// the other threads stop after their current item.
template <typename T, typename Item, typename Next, typename Prepare, typename Weigh, typename Consume>
void RunOrdered(Next next, unsigned threads, Window window, Prepare prepare, Weigh weigh, Consume consume) {
  struct Slot {
    std::optional<Item> item;  // claimed and not yet consumed
    std::optional<T> result;
    std::size_t weight = 0;
  };
  std::mutex mu;
  std::condition_variable changed;
  std::vector<Slot> ring(window.items);
  std::size_t next_claim = 0;
  std::size_t next_write = 0;
  std::size_t waiting_bytes = 0;  // the weight of the results in `ring`
  bool exhausted = false;         // next() has no more items
  bool stop = false;

  // Under `mu`. The item the writer waits for is always claimable: until it is claimed nothing waits in the
  // ring, so neither bound holds it back.
  auto can_claim = [&] {
    return !exhausted && next_claim < next_write + window.items && waiting_bytes < window.bytes;
  };
  // Under `mu`, when can_claim(): takes the next item into the ring; nullopt when there is none.
  auto claim = [&]() -> std::optional<std::size_t> {
    std::optional<Item> item = next();
    if (!item) {
      exhausted = true;
      changed.notify_all();
      return std::nullopt;
    }
    ring[next_claim % window.items].item = std::move(item);
    return next_claim++;
  };
  // Prepares item i and puts its result in the ring. Called without `mu`; the item stays where it is until
  // the writer has consumed it.
  auto deliver = [&](unsigned thread, std::size_t i, const Item& item) {
    T result = prepare(thread, item);
    const std::size_t weight = weigh(result);
    std::lock_guard lock(mu);
    Slot& slot = ring[i % window.items];
    slot.result = std::move(result);
    slot.weight = weight;
    waiting_bytes += weight;
    changed.notify_all();
  };
  auto work = [&](unsigned thread) {
    pthread_setname_np(pthread_self(), "dipdoc-worker");  // tells workers from the writer in top and perf
    for (;;) {
      std::size_t i;
      const Item* item;
      {
        std::unique_lock lock(mu);
        changed.wait(lock, [&] { return stop || exhausted || can_claim(); });
        if (stop || exhausted) return;
        const std::optional<std::size_t> claimed = claim();
        if (!claimed) return;
        i = *claimed;
        item = &*ring[i % window.items].item;
      }
      deliver(thread, i, *item);
    }
  };
  // However the loop below ends (done, consume said stop, or an exception), the workers are told to stop
  // before they are joined: a worker waiting for room in the window would otherwise wait for ever.
  auto stop_workers = [&] {
    std::lock_guard lock(mu);
    stop = true;
    changed.notify_all();
  };
  const unsigned writer = threads - 1;  // the calling thread's number for prepare()
  std::vector<std::jthread> workers;
  for (unsigned w = 0; w < writer; ++w) workers.emplace_back(work, w);

  try {
    for (std::size_t i = 0;; ++i) {
      Item item;
      T result;
      {
        std::unique_lock lock(mu);
        Slot& slot = ring[i % window.items];
        while (!slot.result) {
          if (i == next_claim && exhausted) break;  // every item consumed
          if (can_claim()) {
            const std::optional<std::size_t> k = claim();
            if (!k) continue;
            const Item* claimed = &*ring[*k % window.items].item;
            lock.unlock();
            deliver(writer, *k, *claimed);
            lock.lock();
          } else {
            changed.wait(lock);
          }
        }
        if (!slot.result) break;
        item = std::move(*slot.item);
        result = std::move(*slot.result);
        slot.item.reset();
        slot.result.reset();
        waiting_bytes -= slot.weight;
        next_write = i + 1;
        changed.notify_all();
      }
      if (!consume(item, std::move(result))) break;
    }
  } catch (...) {
    stop_workers();
    throw;  // after the workers are joined, as `workers` goes out of scope
  }
  stop_workers();
}

// One document ready for the writer, or why it is not.
struct PreparedDocument {
  std::string source;
  std::string error;  // empty when ready
  Record record;
  BuiltDocument built;
};

// One file after the parallel stage: its documents (an e-mail brings its attachments).
struct Prepared {
  enum class Kind { kFailed, kUnchanged, kReady } kind = Kind::kFailed;
  std::string error;
  std::vector<PreparedDocument> documents;
};

// What each thread that prepares documents owns: Xapian objects are not thread-safe.
struct WorkerState {
  DocumentBuilder builder;
  std::optional<Xapian::Database> snapshot;  // the index as it was when the run began
};

std::string Canonical(const std::string& source) {
  std::error_code ec;
  const auto canonical = std::filesystem::weakly_canonical(std::filesystem::absolute(source), ec);
  return ec ? source : canonical.string();
}

// Whether `snapshot` holds this content from this file. A snapshot is an old revision: once the writer has
// committed twice its blocks may be reused, which a lookup meets as DatabaseModifiedError or, caught in the
// middle of a block being rewritten, as DatabaseCorruptError ("Expected block 25 to be level 1, not 0", seen
// under CI); the latest revision answers as well. A writer that commits faster than a lookup can finish (a
// slow machine, small transactions) can discard the reopened revision too: after a few tries, or on any
// other error, the answer is "not known", and the file is prepared in full for the writer, which checks
// again against the index it writes. The snapshot only saves work; it never decides.
bool IsIndexedIn(Xapian::Database& snapshot, const std::string& doc_id, const std::string& path) {
  constexpr int kTries = 5;
  for (int attempt = 0; attempt < kTries; ++attempt) {
    try {
      const Xapian::docid held = FindDocument(snapshot, std::string(schema::kDocId) + doc_id);
      return held != 0 && FindDocument(snapshot, schema::PathTerm(path)) == held;
    } catch (const Xapian::DatabaseModifiedError&) {
    } catch (const Xapian::DatabaseCorruptError&) {
    } catch (const Xapian::Error&) {
      return false;
    }
    try {
      snapshot.reopen();
    } catch (const Xapian::Error&) {
      return false;
    }
  }
  return false;
}

}  // namespace

Indexer::Indexer(std::filesystem::path db_dir, IngestOptions options)
    : db_dir_(std::move(db_dir)), options_(options) {}

Result<IngestReport> Indexer::Ingest(const std::vector<std::string>& inputs, const IngestProgress& progress) {
  const auto started = std::chrono::steady_clock::now();
  IngestReport report;
  // The files are found as the workers take them, so that memory does not grow with the batch; a first walk
  // only counts them, for the progress shown (a walk costs little beside ingesting what it finds).
  std::size_t expected = 0;
  if (progress) {
    FileWalker counter(inputs);
    while (counter.Next()) ++expected;
  }
  FileWalker walker(inputs);
  std::size_t walked = 0;

  Result<Xapian::WritableDatabase> opened = OpenWritableDatabase(db_dir_);
  if (!opened.ok()) return opened.status();
  IndexWriter writer(std::move(opened).value());
  // An index written by an older dipdoc gets its documents written again as their files come by, and its
  // accent-free dictionary built from the words it already holds. The new version is recorded only when a
  // run completes, so an interrupted upgrade is taken up again by the next run.
  bool upgrade = false;
  try {
    Xapian::WritableDatabase& db = writer.database();
    const bool current = db.get_metadata(std::string(schema::kSchemaVersionKey)) == schema::kSchemaVersion;
    if (!current && db.get_doccount() != 0) {
      upgrade = true;
      VariantRecorder().RecordAll(db);
      db.commit();
    } else if (!current) {
      // A new index: say which layout it has before the first document goes in.
      db.set_metadata(std::string(schema::kSchemaVersionKey), std::string(schema::kSchemaVersion));
      db.commit();
    }
  } catch (const Xapian::Error& e) {
    return Status::Database("cannot write the index in " + db_dir_.string() + ": " + e.get_description());
  }

  const unsigned jobs = options_.jobs != 0 ? options_.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::unique_ptr<WorkerState>> states;
  for (unsigned w = 0; w < jobs; ++w) {
    states.push_back(std::make_unique<WorkerState>());
    try {
      states.back()->snapshot.emplace(db_dir_.string());
    } catch (const Xapian::Error&) {
      // No snapshot: this thread prepares every file and lets the writer decide.
    }
  }

  OcrOptions ocr_options = options_.ocr;
  OcrPool::EngineFactory make_engine = options_.make_ocr_engine;
  if (!make_engine) make_engine = [ocr_options] { return MakeTesseractEngine(ocr_options); };
  OcrPool ocr(jobs, ocr_options, make_engine, options_.ocr_cache ? db_dir_ / "ocr-cache" : std::filesystem::path());
  const DocumentLoader loader(options_.loader, &ocr);
  const Extractor extractor;
  auto prepare = [&](unsigned thread, const std::string& file) -> Prepared {
    Prepared out;
    try {
      WorkerState& state = *states[thread];
      Result<std::string> bytes = loader.ReadFile(file);
      if (!bytes.ok()) {
        out.error = bytes.status().message();
        return out;
      }
      const std::string path = Canonical(file);
      const std::string doc_id = ContentId(bytes.value());
      if (state.snapshot && !upgrade && IsIndexedIn(*state.snapshot, doc_id, path)) {
        out.kind = Prepared::Kind::kUnchanged;
        return out;
      }
      Result<LoadedFile> loaded = loader.LoadFile(bytes.value(), file, path);
      if (!loaded.ok()) {
        out.error = loaded.status().message();
        return out;
      }
      auto prepare_document = [&](Document document) {
        PreparedDocument prepared{document.source, {}, {}, {}};
        Extraction extraction = extractor.Extract(document);
        prepared.record = MakeRecord(std::move(document), std::move(extraction));
        prepared.built = state.builder.Build(prepared.record);
        return prepared;
      };
      out.documents.push_back(prepare_document(std::move(loaded.value().document)));
      for (std::size_t k = 0; k < loaded.value().attachments.size(); ++k) {
        LoadedFile::Attachment& attachment = loaded.value().attachments[k];
        if (attachment.document.ok()) {
          out.documents.push_back(prepare_document(std::move(attachment.document).value()));
        } else {
          // Named as the loader names attachments: "<e-mail>#<n>/<file name>".
          const std::string source = file + "#" + std::to_string(k + 1) + "/" + attachment.name;
          out.documents.push_back({source, attachment.document.status().message(), {}, {}});
        }
      }
      out.kind = Prepared::Kind::kReady;
    } catch (const Xapian::Error& e) {
      out.error = "index error: " + e.get_description();
    } catch (const std::exception& e) {
      out.error = std::string("internal error: ") + e.what();
    }
    return out;
  };

  std::optional<Status> write_error;
  std::size_t in_transaction = 0;
  auto consume = [&](const std::string& file, Prepared&& prepared) -> bool {
    ++walked;
    try {
      switch (prepared.kind) {
        case Prepared::Kind::kFailed:
          report.failed.push_back({file, prepared.error});
          break;
        case Prepared::Kind::kUnchanged:
          ++report.unchanged;
          break;
        case Prepared::Kind::kReady:
          for (PreparedDocument& document : prepared.documents) {
            if (!document.error.empty()) {
              report.failed.push_back({document.source, document.error});
              continue;
            }
            if (in_transaction == 0) writer.database().begin_transaction();
            switch (writer.Store(document.record, std::move(document.built), upgrade)) {
              case StoreOutcome::kAdded:
              case StoreOutcome::kReplaced:
                ++report.ingested;
                break;
              case StoreOutcome::kUnchanged:
                ++report.unchanged;
                break;
              case StoreOutcome::kSourceAdded:
                ++report.duplicates;
                break;
            }
            if (++in_transaction >= options_.commit_every) {
              writer.database().commit_transaction();
              in_transaction = 0;
            }
          }
          break;
      }
    } catch (const Xapian::Error& e) {
      write_error = Status::Database("writing the index failed at " + file + ": " + e.get_description());
      return false;
    } catch (const std::exception& e) {
      // A bug of ours; what was committed stays, the open transaction is cancelled, the run stops.
      write_error = Status::Database("internal error writing " + file + ": " + e.what());
      return false;
    }
    if (progress) progress(walked, std::max(walked, expected), file);
    return true;
  };

  // A prepared document holds its text a few dozen times over (record, terms with positions, JSON).
  auto weigh = [](const Prepared& prepared) {
    std::size_t bytes = 0;
    for (const PreparedDocument& document : prepared.documents) bytes += document.record.document.text.size();
    return bytes;
  };
  const Window window{std::size_t{128} * jobs, std::size_t{4} << 20};
  RunOrdered<Prepared, std::string>([&walker] { return walker.Next(); }, jobs, window, prepare, weigh, consume);
  for (const WalkFailure& failure : walker.failures()) report.failed.push_back({failure.path, failure.error});
  report.files = walked + walker.failures().size();

  try {
    if (write_error) {
      if (in_transaction != 0) writer.database().cancel_transaction();
      return *write_error;
    }
    if (in_transaction != 0) writer.database().commit_transaction();
    if (upgrade) {
      writer.database().set_metadata(std::string(schema::kSchemaVersionKey), std::string(schema::kSchemaVersion));
      writer.database().commit();
    }
    writer.database().close();
  } catch (const Xapian::Error& e) {
    return Status::Database("committing the index failed: " + e.get_description());
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace dipdoc
