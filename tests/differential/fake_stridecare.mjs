#!/usr/bin/env node
// A stand-in for `stridecare inspect --json --records FILE...` built on the
// SDK itself, to test compare.mjs without stridecare: prints the SDK's dump of
// each FILE in an array. Where the SDK fails, it prints what the SDK returned
// before failing plus a recovery warning, as stridecare's "keep what decoded
// before the damage" mode would.

import { readFileSync } from "node:fs";
import { decodeWithSdk, toInspectShape } from "./fitsdk_dump.mjs";

const args = process.argv.slice(2);
if (args[0] !== "inspect" || !args.includes("--json") || !args.includes("--records")) {
  process.stderr.write("fake_stridecare: only `inspect --json --records FILE...`\n");
  process.exit(2);
}
const files = args.slice(1).filter((a) => !a.startsWith("--"));
const out = files.map((f) => {
  const decoded = decodeWithSdk(readFileSync(f));
  const doc = toInspectShape(f, { messages: decoded.messages, errors: [] });
  doc.warnings = decoded.errors.map((e) => `recovered, truncated: ${e.message}`);
  return doc;
});
process.stdout.write(JSON.stringify(out) + "\n");
