// A guided routine: one exercise at a time with a large countdown, the side, what comes next; pause, skip
// and back (space, n, b, as `stridecare guide`); a tone at each change; the screen kept awake where the
// browser allows. How far the runner got is recorded, as the CLI's guide records it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, post } from '../api';
import { Link, useApp } from '../app';
import { ErrorNote, Term, urgency, useDoc } from '../components';
import { clock, localNow, minutes } from '../format';
import type { Routine, Step } from '../types';

type Kind = Routine['kind'];
const TITLE: Record<Kind, string> = { warmup: 'Warm-up', cooldown: 'Cool-down', strength: 'Strength' };

/// A warm-up drill moves for its time; a stretch is held (ROUTINE-WARM-1: no static holds before running).
function dose(kind: Kind, s: Step): string {
  const load = s.load_kg ? ` at ${s.load_kg} kg` : '';
  if (s.reps) return `${s.reps} reps${load}`;
  const seconds = s.seconds ?? s.duration_s;
  return kind === 'cooldown' ? `hold ${seconds} s` : `${seconds} s${load}`;
}

/// "Left side", or nothing for an exercise done with both legs at once.
function sideText(side: Step['side']): string | null {
  return side === 'both' ? null : side === 'left' ? 'Left side' : 'Right side';
}

/// "Set 2 of 3" for a strength step: the sets of one exercise on one side, in order.
function setText(steps: Step[], index: number): string | null {
  const s = steps[index];
  const same = steps.filter((x) => x.exercise === s.exercise && x.side === s.side);
  if (same.length < 2) return null;
  return `Set ${same.indexOf(s) + 1} of ${same.length}`;
}

function stepLine(kind: Kind, s: Step): string {
  const side = sideText(s.side);
  return `${s.name}${side ? `, ${side.toLowerCase()}` : ''}: ${dose(kind, s)}`;
}

/// A short tone (Web Audio): higher for a new exercise, lower at the end.
function tone(ctx: AudioContext | null, hz: number) {
  if (!ctx) return;
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.frequency.value = hz;
  gain.gain.setValueAtTime(0.25, ctx.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.4);
  osc.connect(gain).connect(ctx.destination);
  osc.start();
  osc.stop(ctx.currentTime + 0.4);
}

interface Progress {
  index: number; // the step under way
  left: number; // s left of it
  paused: boolean;
  status: ('done' | 'skipped' | undefined)[]; // each step: run to its end, skipped, or not reached
  seconds: number; // s spent, pauses excluded
  finished: boolean;
}

/// Steps finished (run to the end or skipped) and, of them, skipped: as `guide` counts them.
function counts(p: Progress): { done: number; skipped: number } {
  return {
    done: p.status.filter((x) => x !== undefined).length,
    skipped: p.status.filter((x) => x === 'skipped').length,
  };
}

export function RoutinePage(props: { kind: Kind }) {
  const { today } = useApp();
  const routine = useDoc<Routine>(`/api/routines/${props.kind}?date=${today.date}`);
  const [p, setP] = useState<Progress | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const audio = useRef<AudioContext | null>(null);
  const lock = useRef<{ release: () => Promise<void> } | null>(null);
  const recorded = useRef(false);
  const pauseButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    document.title = `${TITLE[props.kind]} - stridecare`;
  }, []);

  const steps = routine.doc?.steps ?? [];

  // The clock: a quarter-second tick measured against the real time passed, so that a slow tick loses nothing.
  useEffect(() => {
    if (!p || p.paused || p.finished) return undefined;
    let last = performance.now();
    const id = window.setInterval(() => {
      const now = performance.now();
      const dt = (now - last) / 1000;
      last = now;
      setP((q) => (q && !q.paused && !q.finished ? advance(q, dt) : q));
    }, 250);
    return () => window.clearInterval(id);
  }, [p?.paused, p?.finished, p !== null]);

  const advance = (q: Progress, dt: number): Progress => {
    const left = q.left - dt;
    const seconds = q.seconds + dt;
    if (left > 0) return { ...q, left, seconds };
    return next({ ...q, seconds }, false);
  };

  const next = (q: Progress, skip: boolean): Progress => {
    const status = [...q.status];
    status[q.index] = skip ? 'skipped' : 'done';
    if (q.index + 1 >= steps.length) {
      tone(audio.current, 440);
      return { ...q, status, left: 0, finished: true };
    }
    tone(audio.current, 880);
    return { ...q, status, index: q.index + 1, left: steps[q.index + 1].duration_s };
  };

  /// Back to the step before, which is to be done again: it no longer counts as finished.
  const back = (q: Progress): Progress => {
    if (q.index === 0) return { ...q, left: steps[0].duration_s };
    tone(audio.current, 660);
    const status = [...q.status];
    status[q.index - 1] = undefined;
    return { ...q, status, index: q.index - 1, left: steps[q.index - 1].duration_s };
  };

  const start = async () => {
    try {
      audio.current = new AudioContext(); // made on the click: browsers allow sound after a gesture only
    } catch {
      audio.current = null;
    }
    try {
      const wl = (navigator as Navigator & { wakeLock?: { request: (t: 'screen') => Promise<{ release: () => Promise<void> }> } }).wakeLock;
      if (wl) lock.current = await wl.request('screen');
    } catch {
      lock.current = null; // not allowed here: the screen may dim
    }
    tone(audio.current, 880);
    recorded.current = false;
    setSaved(null);
    setP({ index: 0, left: steps[0].duration_s, paused: false, status: [], seconds: 0, finished: false });
    window.setTimeout(() => pauseButton.current?.focus(), 0);
  };

  const record = async (q: Progress) => {
    const { done, skipped } = counts(q);
    if (recorded.current || done === 0) return;
    recorded.current = true;
    void lock.current?.release().catch(() => undefined);
    lock.current = null;
    const now = localNow();
    const body: Record<string, unknown> = {
      date: today.date,
      routine: props.kind,
      steps_total: steps.length,
      steps_done: done,
      steps_skipped: skipped,
      seconds: Math.round(q.seconds),
    };
    if (now.date === today.date) body.time = now.time;
    try {
      const r = await post<{ completed: boolean }>('/api/routines', body);
      setSaved(r.completed ? 'Recorded: completed.' : 'Recorded, not completed (a step was skipped or not reached).');
    } catch (e) {
      setSaveError(e as ApiError);
    }
  };

  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!p?.finished) return;
    void record(p);
    window.setTimeout(() => doneRef.current?.focus(), 0); // the keyboard goes on from the summary
  }, [p?.finished]);

  // Keys as in `stridecare guide`: space pauses, n skips, b goes back, q stops.
  useEffect(() => {
    if (!p || p.finished) return undefined;
    // Space pauses wherever the focus is: on a focused button it would press that button instead.
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === ' ') setP((q) => q && { ...q, paused: !q.paused });
      else if (e.key === 'n') setP((q) => q && next(q, true));
      else if (e.key === 'b') setP((q) => q && back(q));
      else if (e.key === 'q') setP((q) => q && { ...q, finished: true });
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [p !== null, p?.finished]);

  useEffect(() => () => void lock.current?.release().catch(() => undefined), []);

  const title = <h1>{TITLE[props.kind]}</h1>;
  if (routine.error) {
    const refused = routine.error.status === 409;
    return (
      <main id="main">
        {title}
        {refused ? (
          <section class={`banner banner-${urgency(today.action)}`} role="alert">
            <h2 class="banner-title">Not now</h2>
            <p class="banner-text">{routine.error.message}</p>
          </section>
        ) : (
          <ErrorNote error={routine.error} />
        )}
        <p>
          <Link href="/">Back to today</Link>
        </p>
      </main>
    );
  }
  const r = routine.doc;
  if (!r) return <main id="main">{title}<p class="loading">Loading…</p></main>;

  if (!p) {
    return (
      <main id="main">
        {title}
        <p>
          {r.steps.length} steps, about {minutes(Math.ceil(r.total_s / 60))}. {r.rules.map((id) => <Term key={id} id={id} />)}
        </p>
        {r.condition ? <p class="condition">{r.condition}</p> : null}
        {r.notes.map((n, i) => (
          <p key={i} class="note">{n}</p>
        ))}
        {(r.warnings ?? []).map((w, i) => (
          <p key={i} class="warning">
            <Term id={w.id} /> {w.why ?? w.summary ?? w.message}
          </p>
        ))}
        <ol class="steps">
          {r.steps.map((s, i) => (
            <li key={i}>{stepLine(props.kind, s)}</li>
          ))}
        </ol>
        <button type="button" class="primary big" onClick={start} disabled={r.steps.length === 0}>
          Start
        </button>
        <p class="subtle">Keys: space pauses, n skips, b goes back, q stops.</p>
      </main>
    );
  }

  const step = steps[p.index];
  const upcoming = steps[p.index + 1];
  if (p.finished) {
    const { done, skipped } = counts(p);
    return (
      <main id="main">
        {title}
        <p class="done" role="status" tabIndex={-1} ref={doneRef}>
          {done === steps.length ? 'Finished' : 'Stopped'}: {done} of {steps.length} steps
          {skipped > 0 ? ` (${skipped} of them skipped)` : ''}, {clock(p.seconds)}.
        </p>
        {saved ? <p role="status">{saved}</p> : null}
        {done === 0 ? <p>Stopped before the first step ended: nothing recorded.</p> : null}
        {saveError ? <ErrorNote error={saveError} /> : null}
        <p>
          <Link href="/">Back to today</Link>
        </p>
      </main>
    );
  }
  return (
    <main id="main" class="guide">
      {title}
      <p class="step-count">
        Step {p.index + 1} of {steps.length}
      </p>
      <h2 class="exercise" aria-live="polite">
        {step.name}
      </h2>
      <p class="side">{[sideText(step.side), setText(steps, p.index), dose(props.kind, step)].filter(Boolean).join(' · ')}</p>
      <p class="countdown" role="timer" aria-label="Time left" data-seconds={Math.ceil(p.left)}>
        {clock(p.left)}
      </p>
      {p.paused ? <p class="paused">Paused</p> : null}
      <p class="next">{upcoming ? `Next: ${stepLine(props.kind, upcoming)}` : 'Last step'}</p>
      <div class="controls">
        <button type="button" onClick={() => setP((q) => q && back(q))}>
          Back
        </button>
        <button type="button" class="primary" ref={pauseButton} onClick={() => setP((q) => q && { ...q, paused: !q.paused })}>
          {p.paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" onClick={() => setP((q) => q && next(q, true))}>
          Skip
        </button>
        <button type="button" onClick={() => setP((q) => q && { ...q, finished: true })}>
          Stop
        </button>
      </div>
    </main>
  );
}
