#!/usr/bin/env node
// compare.mjs --stridecare EXE [--corpus DIR] [--only SUBSTRING] [--all-diffs] [--no-bench] [--require-gpsbabel]
//
// Differential test of stridecare's FIT decoder against the official Garmin
// FIT SDK for JavaScript. For every .fit/.FIT file under the corpus it decodes
// the file with the SDK in-process (fitsdk_dump.mjs) and runs
// `EXE inspect --json --records FILE`, then compares the record count, every
// sample's time, position, altitude, distance, speed, heart rate and cadence
// (integers exact, floats 1e-9 relative or 1e-9 absolute near zero), and the
// sessions (count; sport, start, totals).
//
// Files listed in expected-divergences.json are files the SDK cannot decode
// (SOURCES.md's known gaps). Those are checked against a second source: the
// fitdecode CSV exported by FitCSVTool when there is one, else gpsbabel (when
// installed), their record times against the FIT protocol's own arithmetic
// when they use compressed-timestamp headers, and a file with damaged framing
// must make stridecare report a recovery warning. See references.mjs.
//
// One line per file: "PATH: ok", "PATH: expected divergence: REASON; checked
// against ...", or "PATH: MISMATCH: <at most 5 differences>"; then the SDK's
// speed (bench_fitsdk.mjs) unless --no-bench, and last "N passed, M failed".
// Exit 1 if any file failed.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { benchmark, formatBench } from "./bench_fitsdk.mjs";
import { DEFAULT_CORPUS, listFitFiles } from "./corpus.mjs";
import { decodeWithSdk, toInspectShape } from "./fitsdk_dump.mjs";
import { walkFit } from "./fit_walk.mjs";
import {
  SAMPLE_FIELDS,
  closeFloat,
  compareTimesWithProtocol,
  compareWithCsv,
  compareWithGpsbabel,
  csvPathFor,
  fitFraming,
  fmt,
  gpsbabelAvailable,
  hasRecoveryWarning,
  sameValue,
} from "./references.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SHOWN_DIFFS = 5;
const SESSION_TOTALS = ["total_distance_m", "total_elapsed_s", "total_timer_s"];

function usage(message) {
  if (message) process.stderr.write(`compare.mjs: ${message}\n`);
  process.stderr.write(
    "usage: node compare.mjs --stridecare EXE [--corpus DIR] [--only SUBSTRING] [--all-diffs] [--no-bench] [--require-gpsbabel]\n",
  );
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { stridecare: null, corpus: DEFAULT_CORPUS, only: null, allDiffs: false, bench: true, requireGpsbabel: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === "--stridecare") opts.stridecare = value();
    else if (a === "--corpus") opts.corpus = value();
    else if (a === "--only") opts.only = value();
    else if (a === "--all-diffs") opts.allDiffs = true;
    else if (a === "--no-bench") opts.bench = false;
    else if (a === "--require-gpsbabel") opts.requireGpsbabel = true;
    else if (a === "-h" || a === "--help") usage();
    else usage(`unknown argument ${a}`);
  }
  if (!opts.stridecare) usage("--stridecare is required");
  opts.stridecare = path.resolve(opts.stridecare);
  opts.corpus = path.resolve(opts.corpus);
  if (!existsSync(opts.stridecare)) usage(`no such program ${opts.stridecare}`);
  if (!existsSync(opts.corpus) || !statSync(opts.corpus).isDirectory()) usage(`no such corpus folder ${opts.corpus}`);
  // ctest passes it: there the second-source check must not quietly shrink to "it decodes".
  if (opts.requireGpsbabel && !gpsbabelAvailable()) usage("gpsbabel is required (--require-gpsbabel) but not installed");
  return opts;
}

/// Runs `EXE inspect --json --records FILE` in the corpus folder. Returns
/// {doc} (element 0 of the printed array) or {failure}.
function runStridecare(exe, corpus, rel) {
  const r = spawnSync(exe, ["inspect", "--json", "--records", rel], {
    cwd: corpus,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const stderr = (r.stderr ?? "").trim();
  if (r.error) return { failure: `could not run ${exe}: ${r.error.message}` };
  if (r.status !== 0) return { failure: `stridecare exited ${r.status ?? r.signal}: ${stderr || "(no message)"}` };
  let parsed;
  try {
    parsed = JSON.parse(r.stdout);
  } catch (e) {
    return { failure: `stridecare printed no JSON: ${e.message}` };
  }
  if (!Array.isArray(parsed) || parsed.length !== 1 || typeof parsed[0] !== "object") {
    return { failure: `stridecare printed ${Array.isArray(parsed) ? `an array of ${parsed.length}` : typeof parsed}, not [one object]` };
  }
  return { doc: parsed[0] };
}

/// Differences between the SDK's document and stridecare's, in reading order.
export function compareDocs(sdk, sc) {
  const diffs = [];
  if (sc.format !== "fit") diffs.push(`format: sdk="fit" stridecare=${fmt(sc.format)}`);
  if (sc.records !== sdk.records) diffs.push(`records: sdk=${sdk.records} stridecare=${fmt(sc.records)}`);

  const ss = sdk.sessions;
  const cs = Array.isArray(sc.sessions) ? sc.sessions : [];
  if (cs.length !== ss.length) diffs.push(`sessions: sdk=${ss.length} stridecare=${cs.length}`);
  for (let i = 0; i < Math.min(ss.length, cs.length); i++) {
    for (const f of ["sport", "start"]) {
      if ((ss[i][f] ?? null) !== (cs[i][f] ?? null)) diffs.push(`session[${i}].${f}: sdk=${fmt(ss[i][f])} stridecare=${fmt(cs[i][f])}`);
    }
    for (const f of SESSION_TOTALS) {
      const a = ss[i][f] ?? null;
      const b = cs[i][f] ?? null;
      const ok = a === null || b === null ? a === b : typeof b === "number" && closeFloat(a, b);
      if (!ok) diffs.push(`session[${i}].${f}: sdk=${fmt(a)} stridecare=${fmt(b)}`);
    }
  }

  const sa = sdk.samples;
  const ca = Array.isArray(sc.samples) ? sc.samples : [];
  if (ca.length !== sa.length) diffs.push(`samples: sdk=${sa.length} stridecare=${ca.length}`);
  for (let i = 0; i < Math.min(sa.length, ca.length); i++) {
    for (const f of SAMPLE_FIELDS) {
      if (!sameValue(f, sa[i][f], ca[i][f])) diffs.push(`#${i} ${f}: sdk=${fmt(sa[i][f])} stridecare=${fmt(ca[i][f])}`);
    }
  }
  return diffs;
}

/// "field×count" summary of a difference list, busiest first.
function diffSummary(diffs) {
  const by = new Map();
  for (const d of diffs) {
    const key = d.startsWith("#") ? d.split(" ")[1].replace(/:$/, "") : d.split(":")[0];
    by.set(key, (by.get(key) ?? 0) + 1);
  }
  return [...by.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}×${n}`).join(", ");
}

function mismatchLine(diffs, allDiffs, prefix = "") {
  const shown = allDiffs ? diffs : diffs.slice(0, SHOWN_DIFFS);
  let line = `MISMATCH: ${prefix}${shown.join("; ")}`;
  if (diffs.length > shown.length) line += ` (${diffs.length} differences in all: ${diffSummary(diffs)})`;
  return line;
}

/// The check of a file the SDK cannot decode.
function checkDivergent(opts, rel, bytes, reason, sc) {
  const checks = [];
  const notes = [];
  const diffs = [];
  const framing = fitFraming(bytes);
  if (framing.damaged) {
    checks.push(`recovery warning for damaged framing (${framing.reason})`);
    if (!hasRecoveryWarning(sc)) diffs.push(`no recovery warning (framing: ${framing.reason}); warnings=${fmt(sc.warnings ?? null)}`);
  }
  if (!(sc.records > 0) || !Array.isArray(sc.samples) || sc.samples.length !== sc.records) {
    diffs.push(`records=${fmt(sc.records)} with ${Array.isArray(sc.samples) ? sc.samples.length : "no"} samples`);
  }
  const walk = walkFit(bytes);
  if (walk.stoppedAt === null && walk.recordMessages !== sc.records) {
    // Not a failure: recorded so the line shows it (stridecare leaves out
    // record messages whose definition has no field at all).
    notes.push(`the file holds ${walk.recordMessages} record messages (${walk.emptyRecordMessages} without any field), stridecare reports ${sc.records}`);
  }
  if (walk.compressedHeaders > 0 && walk.stoppedAt === null) {
    const r = compareTimesWithProtocol(walk, sc);
    checks.push(r.what);
    diffs.push(...r.diffs);
  }
  const csv = csvPathFor(opts.corpus, rel);
  if (csv) {
    const r = compareWithCsv(csv, sc);
    checks.push(r.what);
    diffs.push(...r.diffs);
  } else if (gpsbabelAvailable()) {
    try {
      const r = compareWithGpsbabel(path.join(opts.corpus, rel), sc, walk);
      checks.push(r.what);
      diffs.push(...r.diffs);
    } catch (e) {
      diffs.push(`gpsbabel: ${e.message}`);
    }
  } else {
    checks.push(`only that stridecare decodes ${sc.records} records (no fitdecode CSV; gpsbabel not installed)`);
  }
  return { diffs, checks, notes };
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const divergences = JSON.parse(readFileSync(path.join(HERE, "expected-divergences.json"), "utf8"));
  let files = listFitFiles(opts.corpus);
  let passed = 0;
  let failed = 0;

  if (!opts.only) {
    for (const listed of Object.keys(divergences)) {
      if (!files.includes(listed)) {
        console.log(`expected-divergences.json: MISMATCH: "${listed}" names no FIT file of the corpus`);
        failed++;
      }
    }
  } else {
    files = files.filter((f) => f.includes(opts.only));
  }
  if (files.length === 0) usage(`no FIT file under ${opts.corpus}${opts.only ? ` matching ${opts.only}` : ""}`);

  for (const rel of files) {
    const bytes = readFileSync(path.join(opts.corpus, rel));
    const sdk = toInspectShape(rel, decodeWithSdk(bytes));
    const run = runStridecare(opts.stridecare, opts.corpus, rel);
    const reason = divergences[rel] ?? null;
    let line;
    let ok;

    if (run.failure) {
      ok = false;
      line = `MISMATCH: ${run.failure}` + (sdk.error ? ` (the SDK also fails: ${sdk.error})` : ` (the SDK decodes ${sdk.records} records)`);
    } else if (!sdk.error) {
      const diffs = compareDocs(sdk, run.doc);
      ok = diffs.length === 0;
      const stale = reason ? " (listed in expected-divergences.json, but the SDK now decodes it: drop the entry)" : "";
      line = ok ? `ok${stale}` : mismatchLine(diffs, opts.allDiffs) + stale;
    } else if (reason === null) {
      ok = false;
      line = `MISMATCH: the SDK fails (${sdk.error}) and the file is not in expected-divergences.json`;
    } else {
      const { diffs, checks, notes } = checkDivergent(opts, rel, bytes, reason, run.doc);
      ok = diffs.length === 0;
      const noted = notes.map((n) => `; note: ${n}`).join("");
      line = ok
        ? `expected divergence: ${reason}; checked against ${checks.join(" and ")}${noted}`
        : mismatchLine(diffs, opts.allDiffs, `expected divergence (${reason}), but against ${checks.join(" and ")}: `) + noted;
    }
    if (ok) passed++;
    else failed++;
    console.log(`${rel}: ${line}`);
  }

  if (opts.bench) {
    for (const line of formatBench(benchmark(opts.corpus))) console.log(line);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main();
