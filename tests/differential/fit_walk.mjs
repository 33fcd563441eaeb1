// A minimal FIT record walker (framing only, no profile): which global
// messages a file defines and whether it uses compressed-timestamp headers.
// compare.mjs uses it to know when a second source has a known blind spot
// (gpsbabel: compressed timestamps, HR messages), each record message's
// timestamp (FIT seconds; compressed headers resolved per the protocol), and how many record
// messages it holds (emptyRecordMessages: definitions without any field, i.e.
// a record that is only a compressed-header timestamp). Stops quietly at damage.

export function walkFit(bytes) {
  const out = { globals: new Set(), compressedHeaders: 0, recordDefs: [], recordMessages: 0, emptyRecordMessages: 0, recordTimes: [], stoppedAt: null };
  let pos = 0;
  while (pos + 12 <= bytes.length) {
    const hs = bytes[pos];
    if (hs !== 12 && hs !== 14) { out.stoppedAt = pos; return out; }
    const dataSize = bytes[pos + 4] | (bytes[pos + 5] << 8) | (bytes[pos + 6] << 16) | (bytes[pos + 7] * 2 ** 24);
    const end = Math.min(pos + hs + dataSize, bytes.length);
    const defs = new Array(16).fill(null);
    let lastTs = null; // last timestamp (field 253, or a compressed header's), per chained file
    let p = pos + hs;
    while (p < end) {
      const h = bytes[p];
      if (h & 0x80) {
        out.compressedHeaders++;
        const d = defs[(h >> 5) & 0x3];
        if (!d || p + 1 + d.size > end) { out.stoppedAt = p; return out; }
        // FIT protocol: ts = last + ((offset - (last & 0x1F)) & 0x1F)
        if (lastTs !== null) lastTs = lastTs + (((h & 0x1f) - (lastTs & 0x1f)) & 0x1f);
        if (d.global === 20) {
          out.recordMessages++;
          if (d.fieldCount === 0) out.emptyRecordMessages++;
          out.recordTimes.push({ ts: lastTs, empty: d.fieldCount === 0 });
        }
        p += 1 + d.size;
      } else if (h & 0x40) {
        if (p + 6 > end) { out.stoppedAt = p; return out; }
        const be = bytes[p + 2] === 1;
        const global = be ? (bytes[p + 3] << 8) | bytes[p + 4] : bytes[p + 3] | (bytes[p + 4] << 8);
        const n = bytes[p + 5];
        let q = p + 6;
        let size = 0;
        let tsOffset = null;
        const fields = [];
        for (let i = 0; i < n; i++, q += 3) {
          if (bytes[q] === 253 && bytes[q + 1] === 4) tsOffset = size;
          fields.push(bytes[q]);
          size += bytes[q + 1];
        }
        if (h & 0x20) {
          const nd = bytes[q++];
          for (let i = 0; i < nd; i++, q += 3) size += bytes[q + 1];
        }
        defs[h & 0x0f] = { global, size, fieldCount: n, tsOffset, be };
        out.globals.add(global);
        if (global === 20) out.recordDefs.push(fields);
        p = q;
      } else {
        const d = defs[h & 0x0f];
        if (!d || p + 1 + d.size > end) { out.stoppedAt = p; return out; }
        let ts = null;
        if (d.tsOffset !== null) {
          const o = p + 1 + d.tsOffset;
          const v = d.be ? ((bytes[o] << 24) >>> 0) + (bytes[o + 1] << 16) + (bytes[o + 2] << 8) + bytes[o + 3]
                         : bytes[o] + (bytes[o + 1] << 8) + (bytes[o + 2] << 16) + ((bytes[o + 3] << 24) >>> 0);
          if (v !== 0xffffffff) { ts = v; lastTs = v; }
        }
        if (d.global === 20) {
          out.recordMessages++;
          if (d.fieldCount === 0) out.emptyRecordMessages++;
          out.recordTimes.push({ ts, empty: d.fieldCount === 0 });
        }
        p += 1 + d.size;
      }
    }
    pos = pos + hs + dataSize + 2;
  }
  return out;
}
