// Load: weekly run distance as bars, the EWMA ACWR as a line over its 0.8-1.3 band, single-run spikes
// (LOAD-SPIKE-1) marked, pain check-ins on the same time axis; drag across the chart to zoom, double-click
// to zoom out. The same figures are in a table below the chart for screen readers and the keyboard.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { Link, useApp } from '../app';
import { ErrorNote, Term, useDoc } from '../components';
import { addDays, dayOf, distance, isoOf, longDate, mondayOf, shortDate } from '../format';
import type { Units } from '../format';
import type { Checkin, LoadSeries } from '../types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/// An x-axis tick: the day as it was stored (a UTC midnight), never shifted into this browser's zone; the year
/// on the first tick and where it changes.
function axisDates(splits: number[]): string[] {
  let year = -1;
  return splits.map((seconds) => {
    const d = new Date(seconds * 1000);
    const label = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
    if (d.getUTCFullYear() === year) return label;
    year = d.getUTCFullYear();
    return `${label} ${year}`;
  });
}

const ACWR_LOW = 0.8; // the usual range the band shades (the glossary's ACWR entry)
const ACWR_HIGH = 1.3;
const KM_PER_MILE = 1.609344;

interface Week {
  monday: string;
  days: number; // of the week within the range: fewer than 7 at its ends
  acwr: number | null; // on the week's last day in the range
  km: number;
  runs: number;
  spikes: number;
  pain: number | null;
}

interface Chart {
  x: number[];
  acwr: (number | null)[];
  spikes: (number | null)[];
  pain: (number | null)[];
  weekly: (number | null)[];
  weeks: Week[];
}

function build(load: LoadSeries, checkins: Checkin[]): Chart {
  const painByDay = new Map<string, number>();
  for (const c of checkins) painByDay.set(c.date, Math.max(painByDay.get(c.date) ?? 0, c.pain));
  const weeks = new Map<string, Week>();
  const c: Chart = { x: [], acwr: [], spikes: [], pain: [], weekly: [], weeks: [] };
  for (const d of load.days) {
    c.x.push(dayOf(d.date).getTime() / 1000);
    c.acwr.push(d.acwr_ewma);
    const spike = d.warnings.some((w) => w.id === 'LOAD-SPIKE-1');
    c.spikes.push(spike ? d.run_km : null);
    const pain = painByDay.get(d.date);
    c.pain.push(pain ?? null);
    const monday = mondayOf(d.date);
    const w = weeks.get(monday) ?? { monday, days: 0, acwr: null, km: 0, runs: 0, spikes: 0, pain: null };
    w.days += 1;
    w.acwr = d.acwr_ewma;
    w.km += d.run_km;
    if (d.run_km > 0) w.runs += 1;
    if (spike) w.spikes += 1;
    if (pain !== undefined) w.pain = Math.max(w.pain ?? 0, pain);
    weeks.set(monday, w);
  }
  c.weeks = [...weeks.values()];
  const kmOf = new Map(c.weeks.map((w) => [w.monday, w.km]));
  c.weekly = load.days.map((d, i) => (i === 0 || d.date === mondayOf(d.date) ? (kmOf.get(mondayOf(d.date)) ?? 0) : null));
  return c;
}

function options(chart: Chart, width: number, units: Units, onRange: (from: number, to: number) => void): uPlot.Options {
  const per = units === 'imperial' ? KM_PER_MILE : 1;
  const unit = units === 'imperial' ? 'mi' : 'km';
  const maxWeek = Math.max(10, ...chart.weeks.map((w) => w.km)); // km: the axis writes the profile's unit
  const css = getComputedStyle(document.documentElement);
  const color = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const bar = color('--chart-bar', '#8fb3d9');
  const band = color('--chart-band', 'rgba(46, 139, 87, 0.15)');
  const line = color('--chart-line', '#1b4f8a');
  const spike = color('--chart-spike', '#c0392b');
  const painColor = color('--chart-pain', '#7d3c98');
  const ink = color('--ink', '#222');
  const axis = { stroke: ink, grid: { stroke: 'rgba(128,128,128,0.2)' }, ticks: { stroke: 'rgba(128,128,128,0.4)' } };
  // On a phone three labelled axes would leave the plot a third of the width: the pain axis goes (its dots
  // stay, 0-10 from the bottom to the top) and the labels shrink to the figures.
  const narrow = width < 560;
  return {
    width,
    height: Math.max(240, Math.min(420, Math.round(width * 0.55))),
    cursor: { drag: { x: true, y: false, setScale: true } },
    // The days are calendar days stored as UTC midnights: ticks fall on them wherever the browser is.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: {
      x: { time: true },
      km: { range: () => [0, maxWeek * 1.1] },
      acwr: { range: (_u, _min, max) => [0, Math.max(2, (max ?? 0) * 1.05)] },
      pain: { range: [0, 10] },
    },
    axes: [
      { ...axis, values: (_u, splits) => axisDates(splits) },
      {
        ...axis,
        scale: 'km',
        label: narrow ? undefined : `Weekly run distance (${unit})`,
        size: narrow ? 36 : 50,
        values: (_u, splits) => splits.map((v) => `${Math.round((v / per) * 10) / 10}`),
      },
      { ...axis, scale: 'acwr', side: 1, label: narrow ? undefined : 'ACWR (EWMA)', size: narrow ? 36 : 50, grid: { show: false } },
      { ...axis, scale: 'pain', side: 1, label: 'Pain /10', grid: { show: false }, size: 40, show: !narrow },
    ],
    series: [
      { value: (_u, v) => (v === null ? '-' : shortDate(isoOf(new Date(v * 1000)))) },
      {
        label: `Week's running (${unit})`,
        scale: 'km',
        stroke: bar,
        fill: bar,
        paths: () => null,
        points: { show: false },
        value: (_u, v) => (v === null ? '-' : (v / per).toFixed(1)),
      },
      { label: 'ACWR (EWMA)', scale: 'acwr', stroke: line, width: 2, value: (_u, v) => (v === null ? '-' : v.toFixed(2)) },
      {
        label: 'Single-run spike',
        scale: 'km',
        stroke: spike,
        paths: () => null,
        points: { show: true, size: 11, fill: spike, stroke: spike },
        value: (_u, v) => (v === null ? '-' : `${(v / per).toFixed(1)} ${unit} run`),
      },
      {
        label: 'Pain',
        scale: 'pain',
        stroke: painColor,
        paths: () => null,
        points: { show: true, size: 8, fill: painColor, stroke: painColor },
        value: (_u, v) => (v === null ? '-' : `${v}/10`),
      },
    ],
    hooks: {
      setScale: [
        (u, key) => {
          if (key === 'x' && u.scales.x.min !== undefined && u.scales.x.max !== undefined) onRange(u.scales.x.min, u.scales.x.max);
        },
      ],
      drawAxes: [
        (u) => {
          const ctx = u.ctx;
          const { left, top, width: w, height: h } = u.bbox;
          ctx.save();
          ctx.beginPath();
          ctx.rect(left, top, w, h);
          ctx.clip();
          ctx.fillStyle = bar;
          const base = u.valToPos(0, 'km', true);
          const gap = Math.max(1, devicePixelRatio);
          for (const wk of chart.weeks) {
            const x0 = u.valToPos(dayOf(wk.monday).getTime() / 1000, 'x', true);
            const x1 = u.valToPos(dayOf(addDays(wk.monday, 7)).getTime() / 1000, 'x', true);
            const y = u.valToPos(wk.km, 'km', true);
            ctx.fillRect(x0 + gap, y, Math.max(1, x1 - x0 - 2 * gap), base - y);
          }
          // The usual ACWR range over the bars (translucent), so that it shows across the whole chart.
          const hi = u.valToPos(ACWR_HIGH, 'acwr', true);
          const lo = u.valToPos(ACWR_LOW, 'acwr', true);
          ctx.fillStyle = band;
          ctx.fillRect(left, hi, w, lo - hi);
          ctx.restore();
        },
      ],
    },
  };
}

/// Drag with a finger to zoom, as with the mouse (uPlot selects with the mouse only). The chart lets vertical
/// swipes scroll the page (CSS touch-action: pan-y) and takes the horizontal ones.
function touchZoom(u: uPlot): () => void {
  const over = u.over;
  let from: number | null = null;
  const x = (t: Touch) => Math.min(Math.max(t.clientX - over.getBoundingClientRect().left, 0), over.clientWidth);
  const start = (e: TouchEvent) => {
    from = e.touches.length === 1 ? x(e.touches[0]) : null;
  };
  const move = (e: TouchEvent) => {
    if (from === null || e.touches.length !== 1) return;
    const to = x(e.touches[0]);
    u.setSelect({ left: Math.min(from, to), width: Math.abs(to - from), top: 0, height: over.clientHeight }, false);
  };
  const end = () => {
    const sel = u.select;
    if (from !== null && sel.width > 10) {
      u.setScale('x', { min: u.posToVal(sel.left, 'x'), max: u.posToVal(sel.left + sel.width, 'x') });
    }
    u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
    from = null;
  };
  over.addEventListener('touchstart', start, { passive: true });
  over.addEventListener('touchmove', move, { passive: true });
  over.addEventListener('touchend', end);
  return () => {
    over.removeEventListener('touchstart', start);
    over.removeEventListener('touchmove', move);
    over.removeEventListener('touchend', end);
  };
}

function LoadChart(props: { chart: Chart; units: Units }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [shown, setShown] = useState<[string, string] | null>(null); // the days the chart shows, zoomed or not
  useEffect(() => {
    const el = host.current;
    if (!el) return undefined;
    const c = props.chart;
    const data: uPlot.AlignedData = [c.x, c.weekly, c.acwr, c.spikes, c.pain];
    plot.current = new uPlot(
      options(c, el.clientWidth, props.units, (from, to) => setShown([isoOf(new Date(from * 1000)), isoOf(new Date(to * 1000))])),
      data,
      el,
    );
    const stopTouch = touchZoom(plot.current);
    const resize = new ResizeObserver(() => {
      const p = plot.current;
      if (p && el.clientWidth > 0) p.setSize({ width: el.clientWidth, height: p.height });
    });
    resize.observe(el);
    return () => {
      stopTouch();
      resize.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [props.chart, props.units]);
  const reset = () => {
    const p = plot.current;
    if (p && props.chart.x.length > 0) p.setScale('x', { min: props.chart.x[0], max: props.chart.x[props.chart.x.length - 1] });
  };
  const km = props.chart.weeks.reduce((t, w) => t + w.km, 0);
  return (
    <figure class="chart">
      <div ref={host} class="chart-host" data-total-km={km.toFixed(3)} data-days={props.chart.x.length} aria-hidden="true" />
      <p class="shown" data-from={shown?.[0]} data-to={shown?.[1]}>
        {shown ? `Showing ${longDate(shown[0])} to ${longDate(shown[1])}` : ''}
      </p>
      <figcaption>
        Bars: each week's running. Line: the acute:chronic workload ratio, with its usual range 0.8-1.3 shaded.
        Red dots: single runs much longer than your longest of the 30 days before. Purple dots: pain check-ins.
        Drag across the chart (with the mouse or a finger) to zoom in;{' '}
        <button type="button" class="link" onClick={reset}>
          zoom out
        </button>
        .
      </figcaption>
    </figure>
  );
}

const SPANS: [string, number][] = [
  ['3 months', 91],
  ['6 months', 182],
  ['1 year', 365],
  ['2 years', 730],
];

export function LoadPage() {
  const { today, units, navigate } = useApp();
  const query = new URLSearchParams(window.location.search);
  const to = query.get('to') ?? today.date;
  const from = query.get('from') ?? addDays(to, -181);
  const load = useDoc<LoadSeries>(`/api/load?from=${from}&to=${to}`);
  const checkins = useDoc<{ checkins: Checkin[] }>(`/api/checkins?from=${from}&to=${to}`);
  const [draftFrom, setDraftFrom] = useState(from);
  const [draftTo, setDraftTo] = useState(to);
  useEffect(() => {
    document.title = 'Load - stridecare';
  }, []);
  const chart = useMemo(
    () => (load.doc && checkins.doc ? build(load.doc, checkins.doc.checkins) : null),
    [load.doc, checkins.doc],
  );
  const error = load.error ?? checkins.error;
  return (
    <main id="main">
      <h1>
        Load <span class="subtle">{longDate(from)} to {longDate(to)}</span>
      </h1>
      <form
        class="range"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/load?from=${draftFrom}&to=${draftTo}`);
        }}
      >
        <label>
          From <input type="date" value={draftFrom} onInput={(e) => setDraftFrom(e.currentTarget.value)} />
        </label>
        <label>
          To <input type="date" value={draftTo} onInput={(e) => setDraftTo(e.currentTarget.value)} />
        </label>
        <button type="submit">Show</button>
        {SPANS.map(([label, days]) => (
          <Link key={label} class="button" href={`/load?from=${addDays(today.date, -days + 1)}&to=${today.date}`}>
            {label}
          </Link>
        ))}
      </form>
      {error ? <ErrorNote error={error} /> : null}
      {!chart && !error ? <p class="loading">Loading…</p> : null}
      {chart ? (
        <>
          <LoadChart chart={chart} units={units} />
          <p>
            <Term id="ACWR" /> <Term id="LOAD-SPIKE-1" />
          </p>
          <details class="table">
            <summary>The weeks as a table</summary>
            <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Week of</th>
                  <th scope="col">Running</th>
                  <th scope="col">Runs</th>
                  <th scope="col">Spikes</th>
                  <th scope="col">ACWR</th>
                  <th scope="col">Highest pain</th>
                </tr>
              </thead>
              <tbody>
                {chart.weeks.map((w) => (
                  <tr key={w.monday} data-week={w.monday}>
                    <th scope="row">
                      {shortDate(w.monday)} {w.monday.slice(0, 4)}
                      {w.days < 7 ? <span class="subtle"> ({w.days} of its days)</span> : null}
                    </th>
                    <td class="week-km">{distance(w.km, units)}</td>
                    <td>{w.runs}</td>
                    <td>{w.spikes}</td>
                    <td>{w.acwr === null ? '-' : w.acwr.toFixed(2)}</td>
                    <td>{w.pain === null ? '-' : `${w.pain}/10`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          </details>
        </>
      ) : null}
    </main>
  );
}
