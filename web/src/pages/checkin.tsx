// Check-in: the body site and side, pain on a 0-10 slider, when it hurts, and the warning signs as plain
// yes/no questions (their words come from the server: GET /api/checkin-form). The triage shows on saving.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { ApiError, get, post } from '../api';
import { useApp } from '../app';
import { Banner, CareList, ErrorNote, RuleList, useDoc } from '../components';
import { longDate } from '../format';
import type { CheckinForm, LoggedCheckin, Today } from '../types';

type Answers = Record<string, 'yes' | 'no'>;

function Radios(props: {
  name: string;
  legend: string;
  choices: { id: string; label: string }[];
  value: string;
  onChange: (v: string) => void;
  invalid?: boolean;
}) {
  return (
    <fieldset class="choices" aria-invalid={props.invalid ? 'true' : undefined}>
      <legend>{props.legend}</legend>
      {props.choices.map((c) => (
        <label key={c.id} class="choice">
          <input
            type="radio"
            name={props.name}
            value={c.id}
            checked={props.value === c.id}
            onChange={() => props.onChange(c.id)}
          />
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}

/// A new form for each check-in: nothing of the last one (its warning signs above all) is carried into the next.
export function CheckinPage() {
  const [round, setRound] = useState(0);
  return <CheckinForm key={round} onAnother={() => setRound((r) => r + 1)} />;
}

function CheckinForm(props: { onAnother: () => void }) {
  const { today, refresh } = useApp();
  const form = useDoc<CheckinForm>('/api/checkin-form');
  const query = new URLSearchParams(window.location.search);
  const [date, setDate] = useState(today.date);
  const [time, setTime] = useState('');
  const [site, setSite] = useState(query.get('site') ?? 'knee');
  const [region, setRegion] = useState('');
  const [side, setSide] = useState(query.get('side') ?? '');
  const [pain, setPain] = useState(0);
  const [timing, setTiming] = useState('');
  const [answers, setAnswers] = useState<Answers>({});
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [result, setResult] = useState<{ logged: LoggedCheckin; now: Today } | null>(null);
  const resultRef = useRef<HTMLElement>(null);
  const missingRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = 'Check in - stridecare';
  }, []);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  if (form.error) return <main id="main"><ErrorNote error={form.error} /></main>;
  const f = form.doc;
  if (!f) return <main id="main"><p class="loading">Loading…</p></main>;

  // No answer is given for the runner: a warning sign left at a default would be a sign never asked about.
  const answerOf = (field: string) => answers[field];
  const noSigns = () => {
    const all: Answers = {};
    for (const q of f.questions) all[q.field] = q.set_when_yes ? 'no' : 'yes';
    setAnswers(all);
  };
  const regions = f.sites.find((s) => s.id === site)?.regions ?? [];

  const submit = async (e: JSX.TargetedEvent<HTMLFormElement>) => {
    e.preventDefault();
    const unanswered: string[] = [];
    if (!side) unanswered.push('Which side?');
    if (!timing) unanswered.push('When does it hurt?');
    if (date > today.date) unanswered.push(`Date: pick ${longDate(today.date)} or an earlier day`);
    for (const q of f.questions) if (!answerOf(q.field)) unanswered.push(q.question);
    setMissing(unanswered);
    if (unanswered.length > 0) {
      window.setTimeout(() => missingRef.current?.focus(), 0);
      return;
    }
    const body: Record<string, unknown> = { date, site, side, pain, timing, note };
    if (time) body.time = time;
    if (region) body.region = region;
    for (const q of f.questions) body[q.field] = (answerOf(q.field) === 'yes') === q.set_when_yes;
    setSaving(true);
    try {
      const logged = await post<LoggedCheckin>('/api/checkins', body);
      // What is in force today, which a check-in of an earlier day may not show on its own.
      const now = logged.date === today.date ? logged : await get<Today>('/api/today');
      setResult({ logged, now });
      setError(null);
      void refresh();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setSaving(false);
    }
  };

  if (result) {
    const { logged, now } = result;
    return (
      <main id="main">
        <h1>Check-in saved</h1>
        <section ref={resultRef} tabIndex={-1} class="triage" aria-label="Triage">
          <p>
            {logged.checkin.pain}/10 at the {logged.checkin.side} {logged.checkin.site} on {longDate(logged.checkin.date)}.
            {logged.checkin.date !== now.date ? ` What is in force today, ${longDate(now.date)}:` : ''}
          </p>
          <Banner action={now.action} text={now.action_text} />
          <RuleList rules={now.rules} label="Why" />
          {now.care.length > 0 ? (
            <>
              <h2>Care</h2>
              <CareList care={now.care} />
            </>
          ) : null}
          {now.also.length > 0 ? (
            <>
              <h2>Also noted</h2>
              <RuleList rules={now.also} label="Also noted" />
            </>
          ) : null}
        </section>
        <p>
          <button type="button" onClick={props.onAnother}>
            Record another check-in
          </button>
        </p>
        <p class="disclaimer">{now.disclaimer}</p>
      </main>
    );
  }

  const invalid = (field: string) => error?.field === field;
  return (
    <main id="main">
      <h1>Check in</h1>
      <form class="checkin" onSubmit={submit} noValidate>
        <div class="row">
          <label>
            Date
            <input type="date" value={date} max={today.date} required onInput={(e) => setDate(e.currentTarget.value)} aria-invalid={invalid('date') ? 'true' : undefined} />
          </label>
          <label>
            Time (optional)
            <input type="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} aria-invalid={invalid('time') ? 'true' : undefined} />
          </label>
        </div>
        <Radios name="site" legend="Where does it hurt?" choices={f.sites} value={site} onChange={(v) => (setSite(v), setRegion(''))} invalid={invalid('site')} />
        <label>
          Which part (optional)
          <select value={region} onChange={(e) => setRegion(e.currentTarget.value)} aria-invalid={invalid('region') ? 'true' : undefined}>
            <option value="">Not sure / all over</option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <Radios name="side" legend="Which side?" choices={f.sides} value={side} onChange={setSide} invalid={invalid('side')} />
        <label class="pain">
          <span>
            Pain: <output for="pain" class="pain-value">{pain}</output>/10
          </span>
          <input id="pain" type="range" min={f.pain.min} max={f.pain.max} step={1} value={pain} onInput={(e) => setPain(Number(e.currentTarget.value))} aria-valuetext={`${pain} out of 10`} />
          <span class="scale">
            <span>
              {f.pain.min}: {f.pain.low}
            </span>
            <span>
              {f.pain.max}: {f.pain.high}
            </span>
          </span>
        </label>
        <Radios name="timing" legend="When does it hurt?" choices={f.timings} value={timing} onChange={setTiming} invalid={invalid('timing')} />
        <h2>Warning signs</h2>
        <p class="subtle">Answer each one: some answers mean a clinician should see the joint.</p>
        <p>
          <button type="button" onClick={noSigns}>
            None of these signs
          </button>{' '}
          <span class="subtle">answers every question below with the answer that means no sign (check them).</span>
        </p>
        {f.questions.map((q) => (
          <fieldset class="question" key={q.field} aria-invalid={invalid(q.field) || (missing.length > 0 && !answerOf(q.field)) ? 'true' : undefined}>
            <legend>{q.question}</legend>
            {(['yes', 'no'] as const).map((a) => (
              <label key={a} class="choice">
                <input type="radio" name={q.field} value={a} checked={answerOf(q.field) === a} onChange={() => setAnswers({ ...answers, [q.field]: a })} />
                {a === 'yes' ? 'Yes' : 'No'}
              </label>
            ))}
          </fieldset>
        ))}
        <label>
          Note (optional)
          <textarea value={note} rows={2} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        {missing.length > 0 ? (
          <div class="error" role="alert" tabIndex={-1} ref={missingRef}>
            Not saved yet: please answer
            <ul>
              {missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {error ? <ErrorNote error={error} /> : null}
        <button type="submit" class="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save check-in'}
        </button>
      </form>
    </main>
  );
}
