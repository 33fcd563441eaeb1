// GPX and TCX parse throughput, files preloaded in memory (issue 3: at least
// 10x python3-gpxpy, compared by bench/xml_parse.sh): every GPX, resp. TCX,
// file of the shared corpus, and the generated 100,000-point big_track.gpx /
// big_track.tcx (bench/make_big_tracks.py). Each iteration parses with
// parse_xml_activity, which copies the bytes first: the copy is counted.
// Usage: xml_parse_bench [--benchmark_...]; STRIDECARE_CORPUS overrides
// ../shared/corpus, STRIDECARE_BIG_TRACKS names the folder of the big files
// (their benchmarks are skipped without it).

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "importers/xml/huge_pages.hpp"
#include "importers/xml/xml_activity.hpp"

namespace {

namespace fs = std::filesystem;
using stridecare::importers::parse_xml_activity;

fs::path corpus() {
  const char* env = std::getenv("STRIDECARE_CORPUS");
  return env ? fs::path(env) : fs::path(STRIDECARE_SOURCE_DIR) / ".." / "shared" / "corpus";
}

std::string read_file(const fs::path& p) {
  std::string bytes(static_cast<std::size_t>(fs::file_size(p)), '\0');
  std::ifstream in(p, std::ios::binary);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

std::vector<std::string> corpus_files(const std::string& extension) {
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(corpus())) {
    auto ext = e.path().extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (e.is_regular_file() && ext == extension) paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> out;
  for (const auto& p : paths) out.push_back(read_file(p));
  return out;
}

void parse(benchmark::State& state, const std::vector<std::string>& files) {
  if (files.empty()) {
    state.SkipWithError("no input files (set STRIDECARE_BIG_TRACKS?)");
    return;
  }
  std::size_t bytes = 0;
  std::size_t points = 0;
  for (auto _ : state) {
    for (const auto& f : files) {
      const auto r = parse_xml_activity(f, "bench");
      bytes += f.size();
      if (r) {
        for (const auto& s : r->sessions) points += s.samples.size();
      }
      benchmark::DoNotOptimize(r);
    }
  }
  state.counters["MB/s"] = benchmark::Counter(static_cast<double>(bytes) / 1e6, benchmark::Counter::kIsRate);
  state.counters["points/s"] = benchmark::Counter(static_cast<double>(points), benchmark::Counter::kIsRate);
  state.counters["files"] = static_cast<double>(files.size());
}

std::vector<std::string> big_file(const char* name) {
  const char* dir = std::getenv("STRIDECARE_BIG_TRACKS");
  if (dir == nullptr || !fs::exists(fs::path(dir) / name)) return {};
  return {read_file(fs::path(dir) / name)};
}

void BM_GpxParseCorpus(benchmark::State& state) {
  static const auto files = corpus_files(".gpx");
  parse(state, files);
}
void BM_TcxParseCorpus(benchmark::State& state) {
  static const auto files = corpus_files(".tcx");
  parse(state, files);
}
void BM_GpxParseBigTrack(benchmark::State& state) {
  static const auto files = big_file("big_track.gpx");
  parse(state, files);
}
void BM_TcxParseBigTrack(benchmark::State& state) {
  static const auto files = big_file("big_track.tcx");
  parse(state, files);
}

BENCHMARK(BM_GpxParseCorpus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TcxParseCorpus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GpxParseBigTrack)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TcxParseBigTrack)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  stridecare::importers::xml::install_huge_page_arena();  // as the stridecare program does
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
