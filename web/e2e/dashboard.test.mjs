// Browser end-to-end tests of the dashboard: Debian's chromium driven by playwright-core (never a downloaded
// browser) against `stridecare serve` on a temporary copy of the demo data, the demo day taken as today.
// Every page is also saved as a screenshot (STRIDECARE_ARTIFACTS), at a phone's size.
//
// Environment: STRIDECARE_EXE (the program), STRIDECARE_SOURCE_DIR (the checkout), STRIDECARE_CORPUS (the shared
// corpus), STRIDECARE_ARTIFACTS (where screenshots go), CHROMIUM (default /usr/bin/chromium).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const exe = process.env.STRIDECARE_EXE;
const source = process.env.STRIDECARE_SOURCE_DIR;
const corpus = process.env.STRIDECARE_CORPUS;
const artifacts = process.env.STRIDECARE_ARTIFACTS ?? path.join(tmpdir(), 'stridecare-screenshots');
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const demoDay = '2026-03-17';

let dir;
let server;
let base;
let browser;
const serverLog = [];

/// Starts `stridecare serve` on a fresh copy of the demo data and resolves with its URL.
function startServer(db, day = demoDay) {
  return new Promise((resolve, reject) => {
    const child = spawn(exe, ['--db', db, 'serve', '--port', '0', '--date', day], { stdio: ['ignore', 'ignore', 'pipe'] });
    let text = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      text += chunk;
      serverLog.push(chunk);
      const m = /the dashboard is at (http:\/\/127\.0\.0\.1:\d+)\//.exec(text);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`stridecare serve exited (${code}) before listening:\n${text}`)));
  });
}

function stridecare(db, args) {
  const r = spawnSync(exe, ['--db', db, ...args], { encoding: 'utf8' });
  assert.equal(r.status, 0, `stridecare ${args.join(' ')}: ${r.stderr}`);
}

function restoreDemo(db) {
  stridecare(db, ['restore', path.join(source, 'data', 'demo', 'demo-export.json')]);
}

before(async () => {
  assert.ok(exe && existsSync(exe), `STRIDECARE_EXE must name the built program (${exe})`);
  assert.ok(existsSync(browserPath), `${browserPath} is missing: scripts/install-deps.sh installs Debian's chromium`);
  mkdirSync(artifacts, { recursive: true });
  dir = mkdtempSync(path.join(tmpdir(), 'stridecare-browser-'));
  const db = path.join(dir, 'stridecare.db');
  restoreDemo(db);
  const started = await startServer(db);
  server = started.child;
  base = started.url;
  browser = await chromium.launch({
    executablePath: browserPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.on('exit', resolve));
    server.kill('SIGINT');
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/// A phone-sized page that fails its test on any request to another host and on any console error (a
/// Content-Security-Policy violation among them); `expectFailedLoads`: answers of 4xx the test asks for.
async function phonePage(t, { expectFailedLoads = false, origin = base } = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const problems = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`request to another host: ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (expectFailedLoads && m.text().startsWith('Failed to load resource: the server responded with a status of 4')) return;
    problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  t.after(async () => {
    await context.close();
    assert.deepEqual(problems, []);
  });
  return page;
}

async function shoot(page, name) {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

test('today shows the demo day as an amber reduce banner with its rules glossed', async (t) => {
  const page = await phonePage(t);
  await page.goto(`${base}/`);
  const banner = page.locator('.banner');
  await banner.waitFor();
  assert.equal(await banner.getAttribute('data-action'), 'reduce');
  assert.match(await banner.getAttribute('class'), /banner-amber/);
  // The gloss opens: the rule in plain words (once the glossary has come, the rule ID is its summary).
  await page.locator('details.gloss summary', { hasText: 'TRIAGE-PMM-3' }).first().click();
  await page.locator('details.gloss[open]', { hasText: 'TRIAGE-PMM-3' }).first().waitFor();
  await shoot(page, 'today');
});

test('a check-in with swelling shows the clinician banner, on saving and on Today', async (t) => {
  const page = await phonePage(t);
  await page.goto(`${base}/checkin`);
  await page.getByRole('radio', { name: 'Knee' }).check();
  await page.getByRole('radio', { name: 'Left' }).check();
  await page.locator('#pain').fill('3');
  await page.getByRole('radio', { name: 'After a run (within 24 hours)' }).check();
  // No warning sign is answered for the runner: saving now names every question still open.
  await page.getByRole('button', { name: 'Save check-in' }).click();
  const open = page.locator('form .error[role=alert]');
  await open.waitFor();
  assert.match(await open.innerText(), /Is the joint swollen\?/);
  assert.match(await open.innerText(), /Can you put weight on the leg\?/);
  await page.getByRole('button', { name: 'None of these signs' }).click();
  assert.equal(await page.getByRole('group', { name: 'Can you put weight on the leg?' }).getByRole('radio', { name: 'Yes' }).isChecked(), true);
  await page.getByRole('group', { name: 'Is the joint swollen?' }).getByRole('radio', { name: 'Yes' }).check();
  await shoot(page, 'checkin-form');
  await page.getByRole('button', { name: 'Save check-in' }).click();
  const banner = page.locator('.triage .banner');
  await banner.waitFor();
  assert.equal(await banner.getAttribute('data-action'), 'see_clinician');
  assert.match(await banner.getAttribute('class'), /banner-red/);
  assert.match(await banner.innerText(), /See a clinician/);
  await shoot(page, 'checkin-triage');
  await page.getByRole('link', { name: 'Today' }).click();
  await page.locator('main .banner-red[data-action="see_clinician"]').waitFor();
});

test('a run logged by hand is listed with the last weeks\' entries and can be removed again', async (t) => {
  const page = await phonePage(t);
  page.on('dialog', (d) => void d.accept()); // "Remove ...? This cannot be undone."
  await page.goto(`${base}/log`);
  await page.getByRole('radio', { name: 'A run' }).check();
  await page.getByLabel('Distance (km)').fill('5');
  await page.getByLabel('Duration (min)').fill('30');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = page.locator('.saved');
  await saved.waitFor();
  assert.match(await saved.innerText(), /Saved: run on Tue 17 Mar 2026, 5\.0 km, 30 min/);
  const entry = page.locator('.entries li', { hasText: 'run 5.0 km, 30 min' });
  await entry.waitFor();
  await shoot(page, 'log');
  await entry.getByRole('button', { name: /Remove/ }).click();
  await entry.waitFor({ state: 'detached' });
});

test('a check-in of an earlier day shows what is in force today, not that day\'s triage', async (t) => {
  const page = await phonePage(t);
  await page.goto(`${base}/checkin`);
  await page.locator('input[type=date]').fill('2026-03-10');
  await page.getByRole('radio', { name: 'Knee' }).check();
  await page.getByRole('radio', { name: 'Left' }).check();
  await page.locator('#pain').fill('1');
  await page.getByRole('radio', { name: 'The morning after a run' }).check();
  await page.getByRole('button', { name: 'None of these signs' }).click();
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await page.locator('.triage .banner').waitFor();
  assert.match(await page.locator('.triage').innerText(), /What is in force today, Tue 17 Mar 2026/);
  assert.equal(await page.locator('.triage .banner').getAttribute('data-action'), 'see_clinician');
});

test('uploading a corpus FIT file adds the run and the load chart shows it', async (t) => {
  const page = await phonePage(t);
  const range = '/load?from=2018-06-04&to=2018-06-24';
  await page.goto(base + range);
  const chart = page.locator('.chart-host');
  await chart.waitFor();
  assert.equal(await chart.getAttribute('data-total-km'), '0.000');
  await page.goto(`${base}/import`);
  const fit = path.join(corpus, 'fit-file-parser', 'test', 'running-with-developer-data.fit');
  await page.locator('input[type=file]').setInputFiles(fit);
  await page.getByRole('heading', { name: '1 imported of 1 file' }).waitFor();
  assert.match(await page.locator('.results .ok').innerText(), /running-with-developer-data\.fit: run on Thu 14 Jun 2018, 5\.4 km/);
  await shoot(page, 'import');
  await page.getByRole('link', { name: 'See them on the load chart' }).click();
  await page.locator('.chart-host canvas').waitFor();
  assert.equal(Number(await page.locator('.chart-host').getAttribute('data-total-km')).toFixed(2), '5.38');
  await page.getByText('The weeks as a table').click();
  assert.equal(await page.locator('tr[data-week="2018-06-11"] .week-km').innerText(), '5.4 km');
  // Dragging across the chart zooms in: the days shown narrow to those dragged over.
  const shown = page.locator('.chart .shown');
  const [from, to] = [await shown.getAttribute('data-from'), await shown.getAttribute('data-to')];
  assert.ok(from <= '2018-06-14' && to >= '2018-06-14', `${from}..${to} shows the run`);
  const box = await page.locator('.chart-host .u-over').boundingBox();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction((f) => document.querySelector('.chart .shown')?.getAttribute('data-from') !== f, from);
  assert.ok((await shown.getAttribute('data-from')) > from && (await shown.getAttribute('data-to')) < to);
  await shoot(page, 'load');
});

test('the plan page lists the seven days and offers the week as .ics', async (t) => {
  const page = await phonePage(t);
  await page.goto(`${base}/plan`);
  await page.locator('.days').waitFor();
  assert.equal(await page.locator('.days > li').count(), 7);
  assert.match(await page.locator('.days > li').first().innerText(), /Tue 17 Mar 2026/);
  const ics = await page.getByRole('link', { name: 'Download the week (.ics)' }).getAttribute('href');
  const res = await page.request.get(base + ics);
  assert.equal(res.status(), 200);
  assert.match(await res.text(), /^BEGIN:VCALENDAR/);
  await shoot(page, 'plan');
});

test('the cool-down page counts down a 20-30 s hold, pauses with the space bar and records the routine', async (t) => {
  const page = await phonePage(t);
  await page.goto(`${base}/routine/cooldown`);
  await page.getByRole('button', { name: 'Start' }).click();
  const timer = page.getByRole('timer');
  await timer.waitFor();
  const first = Number(await timer.getAttribute('data-seconds'));
  assert.ok(first >= 20 && first <= 30, `a static stretch is held 20-30 s, not ${first}`);
  assert.match(await page.locator('.exercise').innerText(), /stretch/i);
  await page.waitForFunction((s) => Number(document.querySelector('.countdown')?.getAttribute('data-seconds')) < s, first);
  await shoot(page, 'routine-cooldown');
  await page.keyboard.press(' ');
  await page.getByText('Paused').waitFor();
  const held = await timer.getAttribute('data-seconds');
  await page.waitForTimeout(1200);
  assert.equal(await timer.getAttribute('data-seconds'), held, 'paused: the countdown stands still');
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.getByRole('button', { name: 'Skip' }).click();
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByText('Recorded, not completed').waitFor();
  const done = await page.request.get(`${base}/api/routines?from=${demoDay}&to=${demoDay}`);
  const doc = await done.json();
  assert.equal(doc.routines.length, 1);
  assert.equal(doc.routines[0].routine, 'cooldown');
  assert.equal(doc.routines[0].steps_skipped, 1);
});

test('every page answers on its own address and an unknown one says so', async (t) => {
  // After the swelling check-in the warm-up is refused (SAFE-GUIDE-2: 409) and the page says why.
  const page = await phonePage(t, { expectFailedLoads: true });
  for (const p of ['/', '/checkin', '/log', '/load', '/plan', '/import', '/routine/warmup', '/routine/cooldown', '/routine/strength']) {
    const res = await page.goto(base + p);
    assert.equal(res.status(), 200, p);
    await page.locator('main h1').first().waitFor();
  }
  await shoot(page, 'routine-strength');
  await page.goto(`${base}/routine/warmup`);
  const refusal = page.locator('main .banner-red[role=alert]');
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /no warm-up now: .*SAFE-GUIDE-2.*Instead: the cool-down or the strength routine/s);
  assert.doesNotMatch(await refusal.innerText(), /stridecare |--/, 'no command-line advice on a web page');
  await shoot(page, 'routine-warmup-refused');
  const res = await page.goto(`${base}/no-such-page`);
  assert.equal(res.status(), 404);
});

test('a return-to-run programme shows its stage, today\'s session and when it counts', async (t) => {
  // A stop (pain 6 during a run) that a pain-free check-in ends starts the programme at stage 0.
  const db = path.join(dir, 'programme.db');
  restoreDemo(db);
  stridecare(db, ['log', 'pain', '--date', '2026-03-18', '--time', '08:00', '--site', 'knee', '--side', 'left', '--pain', '6', '--timing', 'during_run']);
  stridecare(db, ['log', 'pain', '--date', '2026-03-19', '--time', '08:00', '--site', 'knee', '--side', 'left', '--pain', '1', '--timing', 'next_morning']);
  const other = await startServer(db, '2026-03-19');
  t.after(() => other.child.kill('SIGINT'));
  const page = await phonePage(t, { origin: other.url });
  await page.goto(`${other.url}/`);
  const programme = page.locator('.rtr');
  await programme.waitFor();
  const text = await programme.innerText();
  assert.match(text, /Return to running, left knee/);
  assert.match(text, /Stage 0 of 7: brisk walk, 30 min, pain-free \(0 of 1 done\)/);
  assert.match(text, /Check in after it and the next morning/);
  await shoot(page, 'today-return-to-run');
});
