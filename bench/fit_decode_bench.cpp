// FIT decode throughput: every FIT file of the shared corpus preloaded in memory
// (issue 3: at least 30x the official JavaScript SDK), and big_activity.fit alone.
// Usage: fit_decode_bench [--benchmark_...] with STRIDECARE_CORPUS pointing at ../shared/corpus.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#include <benchmark/benchmark.h>

#include "importers/fit/decode.hpp"

namespace {

namespace fs = std::filesystem;
using stridecare::importers::fit::decode_fit;

fs::path corpus() {
  const char* env = std::getenv("STRIDECARE_CORPUS");
  return env ? fs::path(env) : fs::path(STRIDECARE_SOURCE_DIR) / ".." / "shared" / "corpus";
}

std::vector<std::uint8_t> read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const std::vector<std::vector<std::uint8_t>>& all_fit_files() {
  static const auto files = [] {
    std::vector<fs::path> paths;
    for (const auto& e : fs::recursive_directory_iterator(corpus())) {
      auto ext = e.path().extension().string();
      std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
      if (e.is_regular_file() && ext == ".fit") paths.push_back(e.path());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<std::vector<std::uint8_t>> out;
    for (const auto& p : paths) out.push_back(read_file(p));
    return out;
  }();
  return files;
}

void decode(benchmark::State& state, const std::vector<std::vector<std::uint8_t>>& files) {
  std::size_t bytes = 0;
  std::size_t records = 0;
  for (auto _ : state) {
    for (const auto& f : files) {
      const auto r = decode_fit(f, "bench.fit");
      bytes += f.size();
      if (r) {
        for (const auto& s : r->sessions) records += s.samples.size();
      }
      benchmark::DoNotOptimize(r);
    }
  }
  state.counters["MB/s"] = benchmark::Counter(static_cast<double>(bytes) / 1e6, benchmark::Counter::kIsRate);
  state.counters["records/s"] = benchmark::Counter(static_cast<double>(records), benchmark::Counter::kIsRate);
  state.counters["files"] = static_cast<double>(files.size());
}

void BM_FitDecodeCorpus(benchmark::State& state) { decode(state, all_fit_files()); }

void BM_FitDecodeBigActivity(benchmark::State& state) {
  static const std::vector<std::vector<std::uint8_t>> big{
      read_file(corpus() / "muktihari-fit" / "testdata" / "big_activity.fit")};
  decode(state, big);
}

BENCHMARK(BM_FitDecodeCorpus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FitDecodeBigActivity)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
