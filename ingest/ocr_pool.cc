#include "ingest/ocr_pool.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <fstream>
#include <iterator>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>

#include "ingest/content_hash.h"

namespace dipdoc {
namespace {

namespace fs = std::filesystem;

// Part of every cache key: change it when preprocessing or the engine set-up changes what a page reads as,
// so results cached by an older dipdoc are not served.
constexpr std::string_view kCacheVersion = "dipdoc-ocr-cache-2";

// Results kept in memory; the oldest go first (the disk cache, when set, keeps them all).
constexpr std::size_t kMaxMemoryEntries = 4096;

std::string CacheKey(const PageImage& page, const OcrOptions& options) {
  const std::string pixels =
      Sha256Hex(std::string_view(reinterpret_cast<const char*>(page.gray.data()), page.gray.size()));
  std::string material(kCacheVersion);
  material += '\n' + std::to_string(page.width) + 'x' + std::to_string(page.height) + '@' + std::to_string(page.dpi);
  material += '\n' + pixels + '\n' + options.languages + '\n' + (options.preprocess ? "preprocess" : "raw") +
              (options.reread_vietnamese ? "+reread-vi" : "");
  return Sha256Hex(material);
}

// ---- The disk cache: <cache_dir>/<key>.json, {"text": "...", "confidence": 0.93} -------------------------
// Entries are written to a temporary file and renamed into place, so a reader sees a whole entry or none.
// A cache that cannot be read or written only costs time: errors are misses, never failures.

std::optional<OcrPage> ReadCacheFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  rapidjson::Document document;
  document.Parse(json.data(), json.size());
  if (document.HasParseError() || !document.IsObject()) return std::nullopt;
  const auto text = document.FindMember("text");
  const auto confidence = document.FindMember("confidence");
  if (text == document.MemberEnd() || !text->value.IsString() || confidence == document.MemberEnd() ||
      !confidence->value.IsNumber()) {
    return std::nullopt;
  }
  OcrPage page;
  page.text.assign(text->value.GetString(), text->value.GetStringLength());
  page.mean_confidence = confidence->value.GetDouble();
  return page;
}

void WriteCacheFile(const fs::path& file, const OcrPage& page) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("text");
  writer.String(page.text.data(), static_cast<rapidjson::SizeType>(page.text.size()));
  writer.Key("confidence");
  writer.Double(page.mean_confidence);
  writer.EndObject();

  thread_local std::mt19937_64 random{std::random_device{}()};
  fs::path temporary = file;
  temporary += ".tmp-" + std::to_string(getpid()) + "-" + std::to_string(random());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
    out.close();
    if (!out) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      return;
    }
  }
  std::error_code error;
  fs::rename(temporary, file, error);
  if (error) fs::remove(temporary, error);
}

// One Recognise call: its results and how many of its tasks are still out.
struct Batch {
  std::vector<std::optional<Result<OcrPage>>> results;  // by page
  std::size_t remaining = 0;
  std::condition_variable finished;
};

struct Task {
  Batch* batch = nullptr;
  const PageImage* page = nullptr;
  std::string key;
  std::vector<std::size_t> indices;  // the pages of the batch with this key (identical pages are read once)
};

}  // namespace

struct OcrPool::State {
  OcrOptions options;
  EngineFactory make_engine;
  fs::path cache_dir;  // empty: no disk cache

  std::mutex mutex;  // guards everything below, and every Batch
  std::condition_variable work_ready;
  std::deque<Task> queue;
  bool stopping = false;
  std::unordered_map<std::string, OcrPage> memory;
  std::deque<std::string> memory_order;  // oldest first

  std::atomic<std::size_t> recognised{0};
  std::vector<std::thread> workers;

  std::optional<OcrPage> Cached(const std::string& key) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (auto it = memory.find(key); it != memory.end()) return it->second;
    }
    if (cache_dir.empty()) return std::nullopt;
    std::optional<OcrPage> page = ReadCacheFile(cache_dir / (key + ".json"));
    if (page) Remember(key, *page);
    return page;
  }

  void Remember(const std::string& key, const OcrPage& page) {
    std::lock_guard<std::mutex> lock(mutex);
    if (!memory.emplace(key, page).second) return;
    memory_order.push_back(key);
    if (memory_order.size() > kMaxMemoryEntries) {
      memory.erase(memory_order.front());
      memory_order.pop_front();
    }
  }

  void Store(const std::string& key, const OcrPage& page) {
    Remember(key, page);
    if (!cache_dir.empty()) WriteCacheFile(cache_dir / (key + ".json"), page);
  }

  // A worker: takes tasks until the pool stops, with its own engine, made on its first task.
  void Work() {
    std::unique_ptr<OcrEngine> engine;
    for (;;) {
      Task task;
      {
        std::unique_lock<std::mutex> lock(mutex);
        work_ready.wait(lock, [this] { return stopping || !queue.empty(); });
        if (queue.empty()) return;  // stopping
        task = std::move(queue.front());
        queue.pop_front();
      }
      Result<OcrPage> result = RecogniseWith(engine, *task.page);
      if (result.ok()) Store(task.key, result.value());
      std::lock_guard<std::mutex> lock(mutex);
      for (std::size_t index : task.indices) task.batch->results[index] = result;
      if (--task.batch->remaining == 0) task.batch->finished.notify_all();
    }
  }

  Result<OcrPage> RecogniseWith(std::unique_ptr<OcrEngine>& engine, const PageImage& page) {
    try {
      if (engine == nullptr) {
        // Retried on the next page after a failure, so a passing problem does not stop a worker for good.
        Result<std::unique_ptr<OcrEngine>> made = make_engine();
        if (!made.ok()) return made.status();
        if (made.value() == nullptr) return Status::InvalidInput("OCR engine could not be made");
        engine = std::move(made).value();
      }
      recognised.fetch_add(1, std::memory_order_relaxed);
      return engine->Recognise(page);
    } catch (const std::exception& e) {
      return Status::InvalidInput(std::string("OCR failed: ") + e.what());
    } catch (...) {
      return Status::InvalidInput("OCR failed: unknown error");
    }
  }
};

OcrPool::OcrPool(unsigned threads, OcrOptions options, EngineFactory make_engine, fs::path cache_dir)
    : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
  state_->make_engine = std::move(make_engine);
  state_->cache_dir = std::move(cache_dir);
  if (!state_->cache_dir.empty()) {
    std::error_code error;
    fs::create_directories(state_->cache_dir, error);  // on failure every read misses and writes are dropped
  }
  threads = std::max(threads, 1u);
  state_->workers.reserve(threads);
  for (unsigned i = 0; i < threads; ++i) state_->workers.emplace_back([state = state_.get()] { state->Work(); });
}

OcrPool::~OcrPool() {
  {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->stopping = true;
  }
  state_->work_ready.notify_all();
  for (std::thread& worker : state_->workers) worker.join();
}

Result<std::vector<OcrPage>> OcrPool::Recognise(const std::vector<PageImage>& pages) {
  Batch batch;
  batch.results.resize(pages.size());
  std::vector<Task> tasks;
  std::unordered_map<std::string, std::size_t> task_of_key;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    std::string key = CacheKey(pages[i], state_->options);
    if (auto it = task_of_key.find(key); it != task_of_key.end()) {
      tasks[it->second].indices.push_back(i);
      continue;
    }
    if (std::optional<OcrPage> cached = state_->Cached(key)) {
      batch.results[i] = std::move(*cached);
      continue;
    }
    task_of_key.emplace(key, tasks.size());
    tasks.push_back(Task{&batch, &pages[i], std::move(key), {i}});
  }

  if (!tasks.empty()) {
    std::unique_lock<std::mutex> lock(state_->mutex);
    batch.remaining = tasks.size();
    for (Task& task : tasks) state_->queue.push_back(std::move(task));
    state_->work_ready.notify_all();
    batch.finished.wait(lock, [&batch] { return batch.remaining == 0; });
  }

  std::vector<OcrPage> texts;
  texts.reserve(pages.size());
  for (std::optional<Result<OcrPage>>& result : batch.results) {
    if (!result->ok()) return result->status();  // the first failing page
    texts.push_back(std::move(*result).value());
  }
  return texts;
}

std::size_t OcrPool::pages_recognised() const { return state_->recognised.load(std::memory_order_relaxed); }

const OcrOptions& OcrPool::options() const { return state_->options; }

}  // namespace dipdoc
