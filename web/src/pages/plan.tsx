// Plan: the seven days from today, each session with its dose and why, what changed since the last plan,
// and the week as an iCalendar file.
import { useEffect } from 'preact/hooks';
import { useApp } from '../app';
import { Banner, ErrorNote, RuleList, SessionCard, useDoc } from '../components';
import { distance, longDate, shortDate } from '../format';
import type { Plan } from '../types';

export function PlanPage() {
  const { today, units } = useApp();
  const date = new URLSearchParams(window.location.search).get('date') ?? today.date;
  const plan = useDoc<Plan>(`/api/plan?date=${date}`);
  useEffect(() => {
    document.title = 'Plan - stridecare';
  }, []);
  if (plan.error) return <main id="main"><h1>Plan</h1><ErrorNote error={plan.error} /></main>;
  const p = plan.doc;
  if (!p) return <main id="main"><h1>Plan</h1><p class="loading">Loading…</p></main>;
  const last = p.days[p.days.length - 1]?.date ?? p.start;
  return (
    <main id="main">
      <h1>
        Plan <span class="subtle">{shortDate(p.start)} to {shortDate(last)}</span>
      </h1>
      <Banner action={p.action} text={p.action_text} />
      <RuleList rules={p.why} label="Why this action" />
      <section>
        <h2>This week</h2>
        <p>Running this week: {distance(p.run_km, units)}.</p>
        <RuleList rules={p.rules} label="This week's rules" />
        <p>
          <a class="button" href={`/api/plan.ics?date=${p.start}`} download={`stridecare-plan-${p.start}.ics`}>
            Download the week (.ics)
          </a>{' '}
          <span class="subtle">for your calendar; import it again after a change.</span>
        </p>
      </section>
      {p.changes.length > 0 ? (
        <section class="changes">
          <h2>What changed since the last plan</h2>
          <ul>
            {p.changes.map((c, i) => (
              <li key={i}>
                <strong>{shortDate(c.date)}:</strong> {c.was} → {c.now}
                <span class="why"> ({c.why})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ol class="days" aria-label="The seven days">
        {p.days.map((d) => (
          <li class={`day${d.date === today.date ? ' is-today' : ''}`} key={d.date}>
            <h3>
              {longDate(d.date)}
              {d.date === today.date ? <span class="tag">today</span> : null}
              {!d.available ? <span class="tag muted">not a training day</span> : null}
            </h3>
            {d.sessions.map((s, i) => (
              <SessionCard key={i} session={s} today={d.date === today.date} />
            ))}
          </li>
        ))}
      </ol>
      <p class="disclaimer">{p.disclaimer}</p>
    </main>
  );
}
