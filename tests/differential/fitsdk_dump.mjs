#!/usr/bin/env node
// fitsdk_dump.mjs FILE: decodes FILE with the official Garmin FIT SDK for
// JavaScript (@garmin/fitsdk) and prints ONE JSON document on stdout, in the
// shape of one element of `stridecare inspect --json --records`:
//
//   {"path", "format": "fit", "sessions": [{sport, start, total_distance_m,
//    total_elapsed_s, total_timer_s}], "records": N, "samples": [{time, lat_deg,
//    lon_deg, altitude_m, distance_m, speed_m_per_s, heart_rate_bpm, cadence_rpm}]}
//
// If the SDK throws or reports errors it prints {"path", "error"} instead and
// still exits 0: the caller (compare.mjs) decides what an SDK error means.
//
// compare.mjs and bench_fitsdk.mjs import decodeWithSdk / sdkDump from here,
// so every file is decoded by the same code in-process.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Decoder, Stream } from "@garmin/fitsdk";

/// The options the SDK's README lists, all spelled out (they are also its
/// defaults, except decodeMemoGlobs/skipHeader/dataOnly which stay off).
export const SDK_READ_OPTIONS = Object.freeze({
  applyScaleAndOffset: true,
  expandSubFields: true,
  expandComponents: true,
  convertTypesToStrings: true,
  convertDateTimesToDates: true,
  includeUnknownData: false,
  mergeHeartRates: true,
});

const SEMICIRCLES_TO_DEG = 180 / 2 ** 31;

/// Decodes bytes (Buffer / Uint8Array) with the SDK. Returns {messages, errors}
/// exactly as Decoder.read gives them; a throw from the constructor or read
/// (read itself catches and reports) is turned into an error entry.
///
/// `developerFieldDescriptions` maps the key the SDK files developer field values under
/// (`mesg.developerFields[key]`) to the field_description message, for the descriptions the SDK
/// accepts (those whose developer_data_index has a developer_data_id before them).
export function decodeWithSdk(bytes) {
  const developerFieldDescriptions = new Map();
  const fieldDescriptionListener = (key, developerDataIdMesg, fieldDescriptionMesg) => {
    if (developerDataIdMesg.developerDataIndex != null) developerFieldDescriptions.set(key, fieldDescriptionMesg);
  };
  try {
    const stream = Stream.fromBuffer(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes));
    const decoder = new Decoder(stream);
    return { ...decoder.read({ ...SDK_READ_OPTIONS, fieldDescriptionListener }), developerFieldDescriptions };
  } catch (e) {
    return { messages: {}, errors: [e], developerFieldDescriptions };
  }
}

const MESG_NUM = Object.freeze({ session: 18, record: 20 });
const RECORD_FIELD = Object.freeze({ altitude: 2, heartRate: 3, cadence: 4, distance: 5, speed: 6, enhancedSpeed: 73, enhancedAltitude: 78 });
const SESSION_FIELD = Object.freeze({ totalElapsedTime: 7, totalTimerTime: 8, totalDistance: 9 });

/// stridecare's native_field_num policy (src/importers/fit/developer_fields.hpp), applied to the
/// SDK's own decode of the developer fields: a developer field whose description names a native
/// field of the message (native_mesg_num, native_field_num) fills that value only when the
/// message's own fields give none; of two naming the same native field the one described first
/// wins. The SDK decodes developer fields (raw values, in description order by key) but applies
/// neither their scale/offset nor native_field_num; this does both, so every filled value is
/// still the SDK's decode. Returns a Map native field number -> value.
function nativeFills(mesg, descriptions, mesgNum) {
  const fills = new Map();
  for (const [key, raw] of Object.entries(mesg.developerFields ?? {})) {
    const d = descriptions?.get(Number(key));
    if (!d || d.nativeMesgNum !== mesgNum || d.nativeFieldNum == null || fills.has(d.nativeFieldNum)) continue;
    const v = num(Array.isArray(raw) ? raw[0] : raw);
    if (v === null) continue;
    fills.set(d.nativeFieldNum, v / (d.scale || 1) - (d.offset ?? 0));
  }
  return fills;
}

function fillFromDeveloperFields(value, fills, ...nativeFields) {
  if (value !== null) return value;
  for (const n of nativeFields) if (fills.has(n)) return fills.get(n);
  return null;
}

/// ISO-8601 UTC with a Z; milliseconds only when non-zero.
export function isoTime(date) {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString(); // always YYYY-MM-DDTHH:MM:SS.mmmZ for years 0..9999
  return iso.endsWith(".000Z") ? iso.slice(0, -5) + "Z" : iso;
}

/// A finite number, or null (absent, invalid, array, string...).
function num(v) {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

function firstPresent(...vs) {
  for (const v of vs) if (v !== undefined && v !== null) return v;
  return null;
}

function degrees(semicircles) {
  const s = num(semicircles);
  return s === null ? null : s * SEMICIRCLES_TO_DEG;
}

function sample(r, descriptions) {
  const f = nativeFills(r, descriptions, MESG_NUM.record);
  const F = RECORD_FIELD;
  const heartRate = fillFromDeveloperFields(num(r.heartRate), f, F.heartRate);
  return {
    time: isoTime(r.timestamp),
    lat_deg: degrees(r.positionLat),
    lon_deg: degrees(r.positionLong),
    altitude_m: fillFromDeveloperFields(num(firstPresent(r.enhancedAltitude, r.altitude)), f, F.enhancedAltitude, F.altitude),
    distance_m: fillFromDeveloperFields(num(r.distance), f, F.distance),
    speed_m_per_s: fillFromDeveloperFields(num(firstPresent(r.enhancedSpeed, r.speed)), f, F.enhancedSpeed, F.speed),
    heart_rate_bpm: heartRate === null ? null : Math.round(heartRate),
    cadence_rpm: fillFromDeveloperFields(num(r.cadence), f, F.cadence),
  };
}

function session(s, descriptions) {
  const f = nativeFills(s, descriptions, MESG_NUM.session);
  const F = SESSION_FIELD;
  // convertTypesToStrings gives the profile's name (camelCase, e.g.
  // "fitnessEquipment"); stridecare prints the FIT profile's snake_case
  // (fitness_equipment). A sport number the profile does not know stays a number.
  let sport = s.sport ?? null;
  if (typeof sport === "string") sport = camelToSnake(sport);
  return {
    sport,
    start: isoTime(s.startTime),
    total_distance_m: fillFromDeveloperFields(num(s.totalDistance), f, F.totalDistance),
    total_elapsed_s: fillFromDeveloperFields(num(s.totalElapsedTime), f, F.totalElapsedTime),
    total_timer_s: fillFromDeveloperFields(num(s.totalTimerTime), f, F.totalTimerTime),
  };
}

export function camelToSnake(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z])([A-Z][a-z])/g, "$1_$2").toLowerCase();
}

function errorText(e) {
  if (e instanceof Error) return `${e.name === "Error" ? "" : e.name + ": "}${e.message}`;
  return String(e);
}

/// The inspect-shaped document for already-decoded SDK output.
export function toInspectShape(path, { messages, errors, developerFieldDescriptions }) {
  if (errors && errors.length > 0) {
    return { path, error: errors.map(errorText).join("; ") };
  }
  const records = messages.recordMesgs ?? [];
  return {
    path,
    format: "fit",
    sessions: (messages.sessionMesgs ?? []).map((s) => session(s, developerFieldDescriptions)),
    records: records.length,
    samples: records.map((r) => sample(r, developerFieldDescriptions)),
  };
}

/// Decode bytes and shape them; never throws.
export function sdkDump(path, bytes) {
  try {
    return toInspectShape(path, decodeWithSdk(bytes));
  } catch (e) {
    return { path, error: errorText(e) };
  }
}

export function sdkDumpFile(path) {
  let bytes;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { path, error: errorText(e) };
  }
  return sdkDump(path, bytes);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0] === "--help" || args[0] === "-h") {
    process.stderr.write("usage: node fitsdk_dump.mjs FILE\n");
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(sdkDumpFile(args[0])) + "\n");
}
