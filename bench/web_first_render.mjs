// The dashboard's first render on localhost (issue 15: under 1 s) and its size (JavaScript under 150 KB
// gzipped), measured in Debian's chromium through web/'s playwright-core against a running `stridecare serve`.
// Each load is cold: a new browser context, so nothing is cached. Run by bench/web_dashboard.sh.
// Usage: node bench/web_first_render.mjs BASE_URL [RUNS]
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';

const require = createRequire(new URL('../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const base = process.argv[2];
const runs = Number(process.argv[3] ?? 15);
const today = process.env.BENCH_TODAY ?? '2026-03-01';
const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;

// Each page, and what shows that it has rendered its data (not just its frame).
const pages = [
  ['/', 'main .banner'],
  ['/plan', '.days > li'],
  [`/load?from=${yearAgo}&to=${today}`, '.chart-host canvas'],
  ['/checkin', 'form.checkin'],
  ['/routine/cooldown', 'main button.primary'],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

// The built files as served, and their gzip -9 sizes.
const context0 = await browser.newContext();
const page0 = await context0.newPage();
const served = [];
page0.on('response', async (r) => {
  if (r.url().includes('/assets/')) served.push({ url: r.url(), body: await r.body() });
});
await page0.goto(`${base}/`, { waitUntil: 'networkidle' });
await context0.close();
let js = 0;
let css = 0;
for (const f of served) {
  const gz = gzipSync(f.body, { level: 9 }).length;
  console.log(`${f.url.replace(base, '')}: ${f.body.length} bytes, ${gz} gzipped`);
  if (f.url.endsWith('.js')) js += gz;
  if (f.url.endsWith('.css')) css += gz;
}
console.log(`JavaScript ${(js / 1024).toFixed(1)} KB gzipped (target under 150 KB: ${js < 150 * 1024 ? 'PASS' : 'FAIL'}); CSS ${(css / 1024).toFixed(1)} KB`);

let worst = 0;
for (const [path, ready] of pages) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(base + path, { waitUntil: 'commit' });
    // Milliseconds from the start of the navigation until the page shows its data, read in the page.
    await page.waitForFunction((sel) => document.querySelector(sel) !== null, ready, { polling: 'raf' });
    times.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p90 = times[Math.min(times.length - 1, Math.floor(times.length * 0.9))];
  worst = Math.max(worst, p90);
  console.log(`${path.padEnd(40)} first render median ${median.toFixed(0).padStart(4)} ms, p90 ${p90.toFixed(0).padStart(4)} ms (${runs} cold loads; target under 1000 ms: ${p90 < 1000 ? 'PASS' : 'FAIL'})`);
}
await browser.close();
process.exitCode = js < 150 * 1024 && worst < 1000 ? 0 : 1;
