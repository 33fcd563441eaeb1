// Second sources for the files the FIT SDK cannot decode (expected
// divergences), and the comparison rules shared with compare.mjs.
//
//  - fitdecode/expected/<name>-records.csv: per-record values exported by the
//    FIT SDK's FitCSVTool (see ../shared/corpus/SOURCES.md). Its conventions,
//    taken from fitdecode's own test (tests/test_reader.py,
//    _fitparse_csv_test_helper and test_fitparse_component_field_accumulaters):
//    an invalid position carries the last valid one forward, an invalid
//    cadence is written 0, an absent field is an empty cell (or "null");
//    relative timestamps (< 0x10000000) are written as the raw seconds; the
//    compressed-speed-distance CSV leaves out the first, timestamp-only record.
//  - gpsbabel (Debian package, `-i garmin_fit,allpoints,recoverymode`): GPX 1.0
//    for time, position (9 decimals), elevation (3 decimals) and speed
//    (6 decimals); unicsv for heart rate and cadence. With `allpoints` a point
//    without a position is written at 0,0; a cadence of 0 is written empty.
//  - the file's framing (headers, sizes, CRCs of each chained file), read here
//    directly: a file whose framing is damaged must make stridecare report a
//    recovery warning.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

export const FIT_EPOCH_S = 631065600;
const SEMI_TO_DEG = 180 / 2 ** 31;

export const SAMPLE_FIELDS = [
  "time",
  "lat_deg",
  "lon_deg",
  "altitude_m",
  "distance_m",
  "speed_m_per_s",
  "heart_rate_bpm",
  "cadence_rpm",
];
export const INTEGER_FIELDS = new Set(["heart_rate_bpm", "cadence_rpm"]);
export const STRING_FIELDS = new Set(["time"]);

/// Floats: 1e-9 relative, or 1e-9 absolute near zero.
export function closeFloat(a, b) {
  if (a === b) return true;
  const d = Math.abs(a - b);
  return d <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) || d <= 1e-9;
}

export function fmt(v) {
  return v === undefined ? "absent" : JSON.stringify(v);
}

/// One field of a sample: null must meet null; integers exact; strings exact;
/// everything else a float within closeFloat.
export function sameValue(field, a, b) {
  if (a === null || a === undefined || b === null || b === undefined) {
    return (a ?? null) === (b ?? null);
  }
  if (STRING_FIELDS.has(field) || typeof a !== "number" || typeof b !== "number") return a === b;
  if (INTEGER_FIELDS.has(field)) return a === b;
  return closeFloat(a, b);
}

function isoFromMs(ms) {
  const iso = new Date(ms).toISOString();
  return iso.endsWith(".000Z") ? iso.slice(0, -5) + "Z" : iso;
}

// ---------------------------------------------------------------------------
// Framing

/// Walks the chained header/data/CRC blocks. Returns {damaged, reason, files}.
export function fitFraming(bytes) {
  const crc16 = (buf, start, end) => {
    const t = [0x0000, 0xcc01, 0xd801, 0x1400, 0xf001, 0x3c00, 0x2800, 0xe401,
      0xa001, 0x6c00, 0x7800, 0xb401, 0x5000, 0x9c01, 0x8801, 0x4400];
    let crc = 0;
    for (let i = start; i < end; i++) {
      const b = buf[i];
      let tmp = t[crc & 0xf];
      crc = ((crc >> 4) & 0x0fff) ^ tmp ^ t[b & 0xf];
      tmp = t[crc & 0xf];
      crc = ((crc >> 4) & 0x0fff) ^ tmp ^ t[(b >> 4) & 0xf];
    }
    return crc;
  };
  let pos = 0;
  let files = 0;
  if (bytes.length === 0) return { damaged: true, reason: "0 bytes", files };
  while (pos < bytes.length) {
    const hs = bytes[pos];
    if ((hs !== 12 && hs !== 14) || pos + hs > bytes.length) {
      return { damaged: true, reason: `no FIT header at byte ${pos}`, files };
    }
    const sig = String.fromCharCode(...bytes.subarray(pos + 8, pos + 12));
    if (sig !== ".FIT") return { damaged: true, reason: `no .FIT signature at byte ${pos + 8}`, files };
    const dataSize = bytes[pos + 4] | (bytes[pos + 5] << 8) | (bytes[pos + 6] << 16) | (bytes[pos + 7] * 2 ** 24);
    const end = pos + hs + dataSize;
    if (end + 2 > bytes.length) {
      return { damaged: true, reason: `data size ${dataSize} of the file at byte ${pos} runs past the end (${bytes.length} bytes)`, files };
    }
    const stored = bytes[end] | (bytes[end + 1] << 8);
    if (stored !== crc16(bytes, pos, end)) return { damaged: true, reason: `CRC mismatch in the file at byte ${pos}`, files };
    files++;
    pos = end + 2;
  }
  return { damaged: false, reason: null, files };
}

export function hasRecoveryWarning(doc) {
  return (doc.warnings ?? []).some((w) => /recover|truncat|damag|corrupt/i.test(w));
}

// ---------------------------------------------------------------------------
// fitdecode CSV (FitCSVTool export)

const TZ_HOURS = { UTC: 0, GMT: 0, PDT: -7, PST: -8, MDT: -6, MST: -7, CDT: -5, CST: -6, EDT: -4, EST: -5, CEST: 2, CET: 1 };
const MONTHS = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

/// "Sun Jun 11 07:34:09 PDT 2017" or raw FIT seconds ("17217869") to inspect's ISO form.
export function csvTime(cell) {
  const t = cell.trim();
  if (/^\d+$/.test(t)) return isoFromMs((Number(t) + FIT_EPOCH_S) * 1000);
  const m = /^\w{3} (\w{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([A-Z]{3,4}) (\d{4})$/.exec(t);
  if (!m || !(m[6] in TZ_HOURS) || !(m[1] in MONTHS)) throw new Error(`unreadable CSV timestamp "${cell}"`);
  const ms = Date.UTC(+m[7], MONTHS[m[1]], +m[2], +m[3], +m[4], +m[5]) - TZ_HOURS[m[6]] * 3600 * 1000;
  return isoFromMs(ms);
}

const CSV_COLUMNS = {
  timestamp: "time",
  heart_rate: "heart_rate_bpm",
  cadence: "cadence_rpm",
  speed: "speed_m_per_s",
  distance: "distance_m",
  position_lat: "lat_deg",
  position_long: "lon_deg",
  altitude: "altitude_m",
};

export function csvPathFor(corpus, relPath) {
  const name = relPath.split("/").pop().replace(/\.fit$/i, "");
  const p = `${corpus}/fitdecode/expected/${name}-records.csv`;
  return existsSync(p) ? p : null;
}

function readCsv(path) {
  const lines = readFileSync(path, "utf8").split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0].split(",").map((h) => h.replace(/\[.*?\]/g, "").trim().toLowerCase().replace(/\s+/g, "_"));
  const rows = lines.slice(1).map((l) => l.split(","));
  return { header, rows };
}

/// Compares stridecare's samples with a fitdecode CSV. Returns {diffs, what}.
export function compareWithCsv(csvPath, doc) {
  const { header, rows } = readCsv(csvPath);
  const cols = header.map((h) => CSV_COLUMNS[h] ?? null);
  const ignored = header.filter((h, i) => cols[i] === null);
  let samples = doc.samples ?? [];
  const diffs = [];
  // fitdecode's CSV for compressed-speed-distance leaves out the leading
  // timestamp-only record; do the same if stridecare kept such records.
  let skipped = 0;
  while (samples.length > rows.length && samples.length > 0 &&
         SAMPLE_FIELDS.every((f) => f === "time" || samples[0][f] === null)) {
    samples = samples.slice(1);
    skipped++;
  }
  if (samples.length !== rows.length) {
    diffs.push(`samples: csv=${rows.length} stridecare=${samples.length}`);
  }
  const lastValid = { lat_deg: null, lon_deg: null };
  const n = Math.min(samples.length, rows.length);
  for (let i = 0; i < n; i++) {
    const s = samples[i];
    for (let c = 0; c < cols.length; c++) {
      const field = cols[c];
      if (field === null) continue;
      const cell = (rows[i][c] ?? "").trim();
      const sc = s[field] ?? null;
      let ok;
      let csvShown = cell;
      if (field === "time") {
        let t;
        try { t = csvTime(cell); } catch (e) { diffs.push(`#${i + skipped} time: ${e.message}`); continue; }
        csvShown = t;
        ok = t === sc;
      } else if (cell === "" || cell === "null") {
        ok = sc === null;
      } else if (field === "lat_deg" || field === "lon_deg") {
        const deg = Number(cell) * SEMI_TO_DEG;
        if (sc === null) {
          // FitCSVTool carries the last valid position forward over an invalid one.
          ok = lastValid[field] !== null && closeFloat(deg, lastValid[field]);
          csvShown = `${cell} (carried forward?)`;
        } else {
          ok = closeFloat(deg, sc);
        }
      } else if (field === "cadence_rpm" && sc === null) {
        ok = Number(cell) === 0; // FitCSVTool writes an invalid cadence as 0
      } else if (sc === null) {
        ok = false;
      } else if (INTEGER_FIELDS.has(field)) {
        ok = Number(cell) === sc;
      } else {
        ok = closeFloat(Number(cell), sc);
      }
      if (!ok) diffs.push(`#${i + skipped} ${field}: csv=${csvShown} stridecare=${fmt(sc)}`);
    }
    if (s.lat_deg !== null) lastValid.lat_deg = s.lat_deg;
    if (s.lon_deg !== null) lastValid.lon_deg = s.lon_deg;
  }
  const fields = cols.filter((c) => c !== null).join(", ");
  let what = `fitdecode/expected CSV (FitCSVTool): ${rows.length} records x ${fields}`;
  if (skipped) what += `; ${skipped} leading timestamp-only record(s) not in the CSV`;
  if (ignored.length) what += `; not in inspect: ${ignored.join(", ")}`;
  return { diffs, what };
}

// ---------------------------------------------------------------------------
// gpsbabel

let gpsbabelVersion;
export function gpsbabelAvailable() {
  if (gpsbabelVersion === undefined) {
    const r = spawnSync("gpsbabel", ["-V"], { encoding: "utf8" });
    gpsbabelVersion = r.status === 0 ? (r.stdout.match(/Version\s+(\S+)/)?.[1] ?? "?") : null;
  }
  return gpsbabelVersion;
}

function gpsbabel(file, out) {
  const r = spawnSync(
    "gpsbabel",
    ["-t", "-i", "garmin_fit,allpoints,recoverymode", "-f", file, "-o", out, "-F", "-"],
    { encoding: "utf8", maxBuffer: 1 << 30 },
  );
  if (r.status !== 0) throw new Error(`gpsbabel ${out} failed: ${(r.stderr || "").trim().split("\n").pop()}`);
  return r.stdout;
}

export function gpsbabelPoints(file) {
  const gpx = gpsbabel(file, "gpx,gpxver=1.0");
  const points = [];
  const re = /<trkpt lat="([^"]+)" lon="([^"]+)">([\s\S]*?)<\/trkpt>/g;
  let m;
  while ((m = re.exec(gpx)) !== null) {
    const body = m[3];
    const tag = (name) => body.match(new RegExp(`<${name}>([^<]*)</${name}>`))?.[1] ?? null;
    const ele = tag("ele");
    const speed = tag("speed");
    const time = tag("time");
    points.push({
      lat: m[1],
      lon: m[2],
      ele,
      speed,
      time: time === null ? null : isoFromMs(Date.parse(time)),
    });
  }
  const csv = gpsbabel(file, "unicsv,utc=0").split(/\r?\n/).filter((l) => l.length > 0);
  const header = csv[0].split(",");
  const hr = header.indexOf("Heartrate");
  const cad = header.indexOf("Cadence");
  const rows = csv.slice(1);
  if (rows.length !== points.length) throw new Error(`gpsbabel: ${points.length} GPX points but ${rows.length} CSV rows`);
  rows.forEach((line, i) => {
    const cells = line.split(",");
    points[i].hr = hr < 0 ? "" : cells[hr];
    points[i].cad = cad < 0 ? "" : cells[cad];
  });
  return points;
}

/// |a - b| within half a unit of the last printed decimal.
function closePrinted(text, value) {
  const decimals = (text.split(".")[1] ?? "").length;
  return Math.abs(Number(text) - value) <= 0.5 * 10 ** -decimals + 1e-12;
}

/// Compares stridecare's samples with gpsbabel's points. `walk` (fit_walk.mjs)
/// tells gpsbabel's blind spots: with compressed-timestamp headers its times
/// are wrong (it adds the 5-bit offset to the last timestamp instead of
/// rolling it over), and it ignores hr messages (132) that the SDK and
/// stridecare merge into the records. Returns {diffs, what}.
export function compareWithGpsbabel(file, doc, walk) {
  let points = gpsbabelPoints(file);
  let samples = doc.samples ?? [];
  const diffs = [];
  const notes = [];
  const checkTime = walk.compressedHeaders === 0;
  const checkHrWhenEmpty = !walk.globals.has(132);
  if (!checkTime) notes.push("times not checked: gpsbabel mis-adds compressed-timestamp offsets");
  if (!checkHrWhenEmpty) notes.push("heart rate only where gpsbabel has one: it does not merge hr messages");
  // Leading points with nothing but a time (timestamp-only records) that
  // stridecare leaves out.
  let skipped = 0;
  const timeOnly = (p) => Number(p.lat) === 0 && Number(p.lon) === 0 && p.ele === null && p.speed === null && p.hr === "" && p.cad === "";
  while (points.length > samples.length && timeOnly(points[0])) { points = points.slice(1); skipped++; }
  if (skipped) notes.push(`${skipped} leading timestamp-only point(s) that stridecare leaves out`);
  if (points.length !== samples.length) diffs.push(`samples: gpsbabel=${points.length} stridecare=${samples.length}`);
  const n = Math.min(points.length, samples.length);
  for (let i = 0; i < n; i++) {
    const p = points[i];
    const s = samples[i];
    const bad = (field, gb) => diffs.push(`#${i} ${field}: gpsbabel=${gb === null || gb === "" ? "absent" : gb} stridecare=${fmt(s[field])}`);
    if (checkTime && p.time !== s.time) bad("time", p.time);
    for (const [field, text] of [["lat_deg", p.lat], ["lon_deg", p.lon]]) {
      // allpoints writes a point without a position at 0,0
      if (s.lat_deg === null || s.lon_deg === null) {
        if (Number(text) !== 0) bad(field, text);
      } else if (!closePrinted(text, s[field])) bad(field, text);
    }
    if (p.ele === null ? s.altitude_m !== null : s.altitude_m === null || !closePrinted(p.ele, s.altitude_m)) bad("altitude_m", p.ele);
    // gpsbabel keeps speed as a 32-bit float
    if (p.speed === null ? s.speed_m_per_s !== null
        : s.speed_m_per_s === null || !(closePrinted(p.speed, s.speed_m_per_s) || closePrinted(p.speed, Math.fround(s.speed_m_per_s)))) {
      bad("speed_m_per_s", p.speed);
    }
    // gpsbabel writes a heart rate or cadence of 0 as empty
    if (p.hr === "" ? checkHrWhenEmpty && !(s.heart_rate_bpm === null || s.heart_rate_bpm === 0)
        : checkHrWhenEmpty ? Number(p.hr) !== s.heart_rate_bpm : s.heart_rate_bpm === null) {
      bad("heart_rate_bpm", p.hr);
    }
    if (p.cad === "" ? !(s.cadence_rpm === null || s.cadence_rpm === 0) : Number(p.cad) !== s.cadence_rpm) bad("cadence_rpm", p.cad);
  }
  let what = `gpsbabel ${gpsbabelAvailable()} (garmin_fit,allpoints,recoverymode): ${points.length} points x ${checkTime ? "time, " : ""}lat, lon, altitude, speed, heart rate, cadence to its printed precision`;
  if (notes.length) what += ` (${notes.join("; ")})`;
  return { diffs, what };
}

// ---------------------------------------------------------------------------
// Record times computed from the FIT protocol (fit_walk.mjs)

/// Compares stridecare's sample times with the record timestamps fit_walk.mjs
/// reads from the file, compressed-timestamp headers resolved per the protocol
/// (`ts = last + ((offset - (last & 0x1F)) & 0x1F)`). Record messages without
/// any field are left out of the expectation when stridecare leaves them out.
/// (The walker agrees with the SDK on every record time of every file the SDK
/// decodes.) Returns {diffs, what}.
export function compareTimesWithProtocol(walk, doc) {
  let expected = walk.recordTimes;
  const samples = doc.samples ?? [];
  if (expected.length !== samples.length) expected = expected.filter((r) => !r.empty);
  const diffs = [];
  if (expected.length !== samples.length) diffs.push(`samples: record messages=${walk.recordTimes.length} stridecare=${samples.length}`);
  const n = Math.min(expected.length, samples.length);
  for (let i = 0; i < n; i++) {
    const t = expected[i].ts === null ? null : isoFromMs((expected[i].ts + FIT_EPOCH_S) * 1000);
    if (t !== samples[i].time) diffs.push(`#${i} time: protocol=${fmt(t)} stridecare=${fmt(samples[i].time)}`);
  }
  return { diffs, what: `record times from the file's own timestamps and compressed headers (FIT protocol): ${n} records` };
}
