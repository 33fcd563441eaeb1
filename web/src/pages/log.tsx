// Log: a run, a cross-training session or a strength session by hand (as `stridecare log run|cross|strength`),
// with any warning it draws (SAFE-LOG-1 when the action in force advises against it); and the last weeks'
// entries, each of which can be removed (as `stridecare delete ID`), a mistaken check-in among them.
import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { ApiError, del, post } from '../api';
import { useApp } from '../app';
import { ErrorNote, Term, useDoc } from '../components';
import { addDays, distance, longDate, minutes, where } from '../format';
import type { Checkin } from '../types';

const KM_PER_MILE = 1.609344;
const CROSS = [
  ['swim', 'Swimming'],
  ['cycle', 'Cycling'],
  ['walk', 'Walking'],
  ['elliptical', 'Elliptical'],
  ['row', 'Rowing'],
];

interface Activity {
  id: number;
  kind: 'run' | 'cross' | 'strength';
  sport: string;
  date: string;
  distance_km: number | null;
  duration_s: number;
  rpe: number | null;
  exercises: { exercise: string; sets: number; reps: number; load_kg: number | null }[];
  note: string;
  warnings?: { id: string; why?: string; summary?: string; message?: string }[];
}

interface ExerciseRow {
  exercise: string;
  sets: string;
  reps: string;
  load: string;
}

function Entries(props: { from: string; to: string; round: number; onRemoved: () => void }) {
  const { units } = useApp();
  const acts = useDoc<{ activities: Activity[] }>(`/api/activities?from=${props.from}&to=${props.to}`);
  const checks = useDoc<{ checkins: Checkin[] }>(`/api/checkins?from=${props.from}&to=${props.to}`);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (props.round === 0) return; // read once on opening; again after each save
    acts.reload();
    checks.reload();
  }, [props.round]);
  const remove = async (path: string, what: string) => {
    if (!window.confirm(`Remove ${what}? This cannot be undone.`)) return;
    try {
      await del(path);
      setError(null);
      acts.reload();
      checks.reload();
      props.onRemoved();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const rows: { date: string; key: string; text: string; path: string }[] = [];
  for (const a of acts.doc?.activities ?? []) {
    const dose = [a.distance_km !== null ? distance(a.distance_km, units) : '', minutes(a.duration_s / 60), a.rpe !== null ? `RPE ${a.rpe}` : '']
      .filter(Boolean)
      .join(', ');
    rows.push({ date: a.date, key: `a${a.id}`, text: `${a.kind === 'cross' ? a.sport : a.kind} ${dose}${a.note ? ` (${a.note})` : ''}`, path: `/api/activities/${a.id}` });
  }
  for (const c of checks.doc?.checkins ?? []) {
    rows.push({ date: c.date, key: `c${c.id}`, text: `check-in: ${where(c.site, c.side)} ${c.pain}/10${c.time ? ` at ${c.time}` : ''}`, path: `/api/checkins/${c.id}` });
  }
  rows.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.key.localeCompare(b.key)));
  return (
    <section>
      <h2>The last four weeks</h2>
      {error ? <ErrorNote error={error} /> : null}
      {rows.length === 0 ? <p>Nothing logged from {longDate(props.from)}.</p> : null}
      <ul class="entries">
        {rows.map((r) => (
          <li key={r.key}>
            <span>
              <strong>{longDate(r.date)}</strong> {r.text}
            </span>
            <button type="button" class="small" onClick={() => void remove(r.path, `${r.text} of ${longDate(r.date)}`)} aria-label={`Remove ${r.text} of ${longDate(r.date)}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function LogPage() {
  const { today, units, refresh } = useApp();
  const library = useDoc<{ exercises: { id: string; name: string; kind: string }[] }>('/api/exercises');
  const [kind, setKind] = useState<'run' | 'cross' | 'strength'>('run');
  const [date, setDate] = useState(today.date);
  const [time, setTime] = useState('');
  const [dist, setDist] = useState('');
  const [duration, setDuration] = useState('');
  const [sport, setSport] = useState('swim');
  const [rpe, setRpe] = useState('');
  const [note, setNote] = useState('');
  const [rows, setRows] = useState<ExerciseRow[]>([{ exercise: 'squat', sets: '3', reps: '10', load: '' }]);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<Activity | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    document.title = 'Log - stridecare';
  }, []);

  const strength = (library.doc?.exercises ?? []).filter((e) => e.kind === 'strength');
  const submit = async (e: JSX.TargetedEvent<HTMLFormElement>) => {
    e.preventDefault();
    const body: Record<string, unknown> = { kind, date };
    if (time) body.time = time;
    if (note) body.note = note;
    if (duration) body.duration_min = Number(duration);
    if (rpe) body.rpe = Number(rpe);
    if (kind === 'run' && dist) body.distance_km = units === 'imperial' ? Number(dist) * KM_PER_MILE : Number(dist);
    if (kind === 'cross') body.sport = sport;
    if (kind === 'strength') {
      body.exercises = rows
        .filter((r) => r.exercise)
        .map((r) => `${r.exercise}:${r.sets || 1}x${r.reps || 1}${r.load ? `@${r.load}kg` : ''}`);
    }
    try {
      setSaved(await post<Activity>('/api/activities', body));
      setError(null);
      setRound((n) => n + 1);
      void refresh();
    } catch (err) {
      setError(err as ApiError);
      setSaved(null);
    }
  };

  const setRow = (i: number, patch: Partial<ExerciseRow>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const from = addDays(today.date, -27);
  return (
    <main id="main">
      <h1>Log a session</h1>
      <form class="checkin" onSubmit={submit} noValidate>
        <fieldset class="choices">
          <legend>What did you do?</legend>
          {(
            [
              ['run', 'A run'],
              ['cross', 'Cross-training'],
              ['strength', 'Strength'],
            ] as const
          ).map(([id, label]) => (
            <label key={id} class="choice">
              <input type="radio" name="kind" checked={kind === id} onChange={() => setKind(id)} />
              {label}
            </label>
          ))}
        </fieldset>
        <div class="row">
          <label>
            Date
            <input type="date" value={date} max={today.date} onInput={(e) => setDate(e.currentTarget.value)} aria-invalid={error?.field === 'date' ? 'true' : undefined} />
          </label>
          <label>
            Time (optional)
            <input type="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} />
          </label>
        </div>
        {kind === 'cross' ? (
          <label>
            Sport
            <select value={sport} onChange={(e) => setSport(e.currentTarget.value)}>
              {CROSS.map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <div class="row">
          {kind === 'run' ? (
            <label>
              Distance ({units === 'imperial' ? 'mi' : 'km'})
              <input type="number" inputMode="decimal" min="0" step="0.01" value={dist} onInput={(e) => setDist(e.currentTarget.value)} aria-invalid={error?.field === 'distance_km' ? 'true' : undefined} />
            </label>
          ) : null}
          <label>
            Duration (min){kind === 'strength' ? ' (optional)' : ''}
            <input type="number" inputMode="decimal" min="0" step="1" value={duration} onInput={(e) => setDuration(e.currentTarget.value)} aria-invalid={error?.field === 'duration_min' ? 'true' : undefined} />
          </label>
          {kind !== 'strength' ? (
            <label>
              Effort, RPE 0-10 (optional)
              <input type="number" min="0" max="10" step="1" value={rpe} onInput={(e) => setRpe(e.currentTarget.value)} aria-invalid={error?.field === 'rpe' ? 'true' : undefined} />
            </label>
          ) : null}
        </div>
        {kind === 'strength' ? (
          <fieldset>
            <legend>Exercises</legend>
            {rows.map((r, i) => (
              <div class="row exercise-row" key={i}>
                <label>
                  Exercise
                  <select value={r.exercise} onChange={(e) => setRow(i, { exercise: e.currentTarget.value })}>
                    {strength.map((x) => (
                      <option key={x.id} value={x.id}>
                        {x.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Sets
                  <input type="number" min="1" step="1" value={r.sets} onInput={(e) => setRow(i, { sets: e.currentTarget.value })} />
                </label>
                <label>
                  Reps
                  <input type="number" min="1" step="1" value={r.reps} onInput={(e) => setRow(i, { reps: e.currentTarget.value })} />
                </label>
                <label>
                  Load kg (optional)
                  <input type="number" min="0" step="0.5" value={r.load} onInput={(e) => setRow(i, { load: e.currentTarget.value })} />
                </label>
              </div>
            ))}
            <button type="button" onClick={() => setRows([...rows, { exercise: 'lunge', sets: '3', reps: '10', load: '' }])}>
              Add an exercise
            </button>
          </fieldset>
        ) : null}
        <label>
          Note (optional)
          <textarea value={note} rows={2} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        {error ? <ErrorNote error={error} /> : null}
        <button type="submit" class="primary">
          Save
        </button>
      </form>
      {saved ? (
        <section class="saved" role="status">
          <p>
            Saved: {saved.kind === 'cross' ? saved.sport : saved.kind} on {longDate(saved.date)}
            {saved.distance_km !== null ? `, ${distance(saved.distance_km, units)}` : ''}, {minutes(saved.duration_s / 60)}.
          </p>
          {(saved.warnings ?? []).map((w, i) => (
            <p key={i} class="warning">
              <Term id={w.id} /> {w.why ?? w.summary ?? w.message}
            </p>
          ))}
        </section>
      ) : null}
      <Entries from={from} to={today.date} round={round} onRemoved={() => void refresh()} />
    </main>
  );
}
