// The shared corpus: where it is and which of its files are FIT files.

import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));

/// /work/shared/corpus for a checkout at /work/main: ../../../shared/corpus from here.
export const DEFAULT_CORPUS = path.resolve(HERE, "../../../shared/corpus");

/// Every .fit/.FIT file under dir, as sorted paths relative to it ("/"-separated).
export function listFitFiles(dir) {
  const out = [];
  const walk = (rel) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile() && /\.fit$/i.test(e.name)) out.push(r);
    }
  };
  walk("");
  return out.sort();
}
