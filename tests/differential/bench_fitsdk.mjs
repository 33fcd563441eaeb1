#!/usr/bin/env node
// bench_fitsdk.mjs [--corpus DIR] [--seconds S]
//
// Decode speed of the official FIT SDK for JavaScript over every .fit/.FIT
// file of the corpus, preloaded in memory: only Decoder.read (with the same
// options as fitsdk_dump.mjs) is timed, not process start, file reading or
// JSON shaping. One warm-up pass, then whole passes until S seconds (default
// 5) and at least 3 passes; the figure is the median pass. MB = 10^6 bytes;
// records = record messages the SDK returns (files it cannot decode count
// their bytes, and the records it returned before failing).
//
// Prints:
//   fitsdk: X MB/s, Y records/s over N files (Z MB)
//   fitsdk big_activity.fit: X MB/s, Y records/s over 1 file (Z MB)

import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

import { DEFAULT_CORPUS, listFitFiles } from "./corpus.mjs";
import { decodeWithSdk } from "./fitsdk_dump.mjs";

export const BIG_FILE = "muktihari-fit/testdata/big_activity.fit";

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/// Times passes over `buffers`; returns {files, bytes, records, seconds, passes}.
export function timeDecode(buffers, { seconds = 5, minPasses = 3 } = {}) {
  const bytes = buffers.reduce((n, b) => n + b.length, 0);
  let records = 0;
  let failedBytes = 0; // bytes of files the SDK stops on with an error
  for (const b of buffers) { // warm-up
    const r = decodeWithSdk(b);
    records += r.messages.recordMesgs?.length ?? 0;
    if (r.errors.length > 0) failedBytes += b.length;
  }
  const times = [];
  const deadline = performance.now() + seconds * 1000;
  while (times.length < minPasses || performance.now() < deadline) {
    const t0 = performance.now();
    for (const b of buffers) decodeWithSdk(b);
    times.push((performance.now() - t0) / 1000);
  }
  return { files: buffers.length, bytes, records, failedBytes, seconds: median(times), passes: times.length };
}

/// Both measurements over a corpus folder.
export function benchmarkFiles(corpus, files, opts) {
  const buffers = files.map((f) => readFileSync(path.join(corpus, f)));
  const all = timeDecode(buffers, opts);
  const bigIndex = files.indexOf(BIG_FILE);
  const big = bigIndex >= 0 ? timeDecode([buffers[bigIndex]], opts) : null;
  return { all, big };
}

export function benchmark(corpus = DEFAULT_CORPUS, opts = {}) {
  return benchmarkFiles(corpus, listFitFiles(corpus), opts);
}

function line(label, r) {
  const mb = r.bytes / 1e6;
  const files = r.files === 1 ? "1 file" : `${r.files} files`;
  return `${label}: ${(mb / r.seconds).toFixed(2)} MB/s, ${Math.round(r.records / r.seconds)} records/s over ${files} (${mb.toFixed(2)} MB)`;
}

export function formatBench({ all, big }) {
  const lines = [line("fitsdk", all)];
  if (big) lines.push(line(`fitsdk ${path.basename(BIG_FILE)}`, big));
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  let corpus = DEFAULT_CORPUS;
  let seconds = 5;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--corpus" && i + 1 < args.length) corpus = path.resolve(args[++i]);
    else if (args[i] === "--seconds" && i + 1 < args.length) seconds = Number(args[++i]);
    else {
      process.stderr.write("usage: node bench_fitsdk.mjs [--corpus DIR] [--seconds S]\n");
      process.exit(2);
    }
  }
  const files = listFitFiles(corpus);
  const result = benchmarkFiles(corpus, files, { seconds });
  for (const l of formatBench(result)) console.log(l);
  const detail = (r) => `${r.passes} passes, median ${(r.seconds * 1000).toFixed(1)} ms, ${r.records} records, ${(r.failedBytes / 1e6).toFixed(2)} MB in files the SDK stops on with an error`;
  console.error(`# node ${process.version}; all files: ${detail(result.all)}; big_activity.fit: ${result.big ? detail(result.big) : "absent"}`);
}
