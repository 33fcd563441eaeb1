// Pieces the pages share: the action banner, rules with their glosses, care advice, a session's card.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get } from './api';
import type { Action, Care, Session, Why } from './types';
import { distance, minutes } from './format';
import { Link, useApp } from './app';

/// A document read from the API, again whenever `path` changes.
export function useDoc<T>(path: string | null): { doc: T | null; error: ApiError | null; reload: () => void } {
  const [doc, setDoc] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!path) return undefined;
    let live = true;
    get<T>(path).then(
      (d) => live && (setDoc(d), setError(null)),
      (e: ApiError) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [path, round]);
  return { doc, error, reload: () => setRound((r) => r + 1) };
}

export function ErrorNote(props: { error: ApiError }) {
  const e = props.error;
  // A request field is named before the message ("timing: is missing"); a refusal's message says it all.
  const named = e.code === 'invalid_input' && e.field !== null;
  const message = named && e.message.startsWith(`${e.field}: `) ? e.message.slice(e.field!.length + 2) : e.message;
  return (
    <p class="error" role="alert">
      {named ? <strong>{e.field}: </strong> : null}
      {message}
    </p>
  );
}

/// A rule ID or term, with its plain-words explanation one click away (as `stridecare explain ID`).
export function Term(props: { id: string }) {
  const { glossary } = useApp();
  const entry = glossary.get(props.id);
  if (!entry) return <code class="rule-id">{props.id}</code>;
  return (
    <details class="gloss">
      <summary>
        <code class="rule-id">{props.id}</code> <span class="gloss-title">{entry.title}</span>
      </summary>
      <p>{entry.text}</p>
      {entry.source ? <p class="source">Source: {entry.source}</p> : null}
    </details>
  );
}

export function RuleList(props: { rules: Why[]; label?: string }) {
  if (props.rules.length === 0) return null;
  return (
    <ul class="rules" aria-label={props.label}>
      {props.rules.map((r, i) => (
        <li key={`${r.id}-${i}`}>
          <Term id={r.id} />
          <p class="why">{r.why}</p>
        </li>
      ))}
    </ul>
  );
}

export const ACTION_TITLE: Record<Action, string> = {
  emergency: 'Emergency: get help now',
  urgent_care: 'Get urgent care today',
  see_clinician: 'See a clinician',
  stop_running: 'Stop running for now',
  reduce: 'Reduce your running',
  continue: 'Keep running',
};

/// red: a clinician's action; amber: stop or reduce; green: continue (api.md, "Today").
export function urgency(action: Action): 'red' | 'amber' | 'green' {
  if (action === 'emergency' || action === 'urgent_care' || action === 'see_clinician') return 'red';
  return action === 'continue' ? 'green' : 'amber';
}

export function Banner(props: { action: Action; text: string; heading?: 'h2' | 'h1' }) {
  const level = urgency(props.action);
  const Heading = props.heading ?? 'h2';
  return (
    <section class={`banner banner-${level}`} role={level === 'red' ? 'alert' : 'status'} data-action={props.action}>
      <Heading class="banner-title">{ACTION_TITLE[props.action]}</Heading>
      <p class="banner-text">{props.text}</p>
    </section>
  );
}

export function CareList(props: { care: Care[] }) {
  if (props.care.length === 0) return null;
  return (
    <ul class="care">
      {props.care.map((c) => (
        <li key={c.id}>
          <p>{c.text}</p>
          <Term id={c.id} />
        </li>
      ))}
    </ul>
  );
}

/// A session's warm-up or cool-down in a line, with the button that starts it on the day itself.
function RoutineLine(props: { label: string; what: string; summary: string | null; start: [string, string] | null }) {
  if (!props.summary) return null;
  return (
    <p class="routine-line">
      <strong>{props.label}:</strong> {props.what} {props.summary}
      {props.start ? (
        <Link class="button" href={props.start[0]}>
          {props.start[1]}
        </Link>
      ) : null}
    </p>
  );
}

/// One session of a day: what, how much, under which condition, and why; with the guided routines on `today`.
export function SessionCard(props: { session: Session; today: boolean }) {
  const { units } = useApp();
  const s = props.session;
  const dose: string[] = [];
  if (s.distance_km !== null && s.kind !== 'rest') dose.push(distance(s.distance_km, units));
  if (s.duration_min !== null) dose.push(minutes(s.duration_min));
  if (s.effort && s.kind !== 'rest') dose.push(s.effort);
  return (
    <article class={`session session-${s.kind}`}>
      <h4 class="session-title">{s.title}</h4>
      {dose.length > 0 ? <p class="dose">{dose.join(' · ')}</p> : null}
      {s.condition_text ? <p class="condition">{s.condition_text}</p> : null}
      <RoutineLine label="Before" what="warm-up" summary={s.warmup_summary} start={props.today ? ['/routine/warmup', 'Start warm-up'] : null} />
      <RoutineLine label="After" what="cool-down" summary={s.cooldown_summary} start={props.today ? ['/routine/cooldown', 'Start cool-down'] : null} />
      {s.exercises_summary ? (
        <p class="routine-line">
          <strong>Exercises:</strong> {s.exercises_summary}
          {props.today && s.kind === 'strength' ? (
            <Link class="button" href="/routine/strength">
              Start strength routine
            </Link>
          ) : null}
        </p>
      ) : null}
      <RuleList rules={s.rules} label="Why" />
    </article>
  );
}
