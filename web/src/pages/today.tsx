// Today: the action in force as a banner, the check-in that is due, the return-to-run stage, today's
// sessions with their guided routines, the rules that fired in plain words, and care advice.
import { useEffect } from 'preact/hooks';
import { Link, useApp } from '../app';
import { Banner, CareList, RuleList, SessionCard, Term } from '../components';
import { longDate, where } from '../format';

const ROUTINE_LINK = { warmup: 'Warm-up', cooldown: 'Cool-down', strength: 'Strength routine' };

export function TodayPage() {
  const { today, refresh } = useApp();
  useEffect(() => {
    document.title = 'Today - stridecare';
    void refresh(); // the data may have changed on another page or in the CLI
  }, []);
  const t = today;
  return (
    <main id="main">
      <h1>
        Today <span class="subtle">{longDate(t.date)}</span>
      </h1>
      {t.checkin_due.map((d) => (
        <section class="due" key={`${d.site}-${d.side}`}>
          <h2>{d.question ?? `How does your ${where(d.site, d.side)} feel today?`}</h2>
          <p>
            Last check-in: {d.last ? longDate(d.last) : 'none'}. <Term id="SAFE-ASK-1" />
          </p>
          <Link class="button primary" href={`/checkin?site=${d.site}&side=${d.side}`}>
            Check in now
          </Link>
        </section>
      ))}
      <Banner action={t.action} text={t.action_text} />
      <RuleList rules={t.rules} label="Why" />
      {t.return_to_run.map((p) => (
        <section class="rtr" key={`${p.site}-${p.side}`}>
          <h2>Return to running, {where(p.site, p.side)}</h2>
          <p>
            {p.stage_text} ({p.done} of {p.repeats} done)
          </p>
          <p>
            <strong>Today:</strong> {p.note}. {p.checkin_advice ?? ''}
          </p>
          <p class="subtle">Since {longDate(p.since)}.</p>
          {p.rules.map((id) => (
            <Term key={id} id={id} />
          ))}
        </section>
      ))}
      <section>
        <h2>Today's sessions</h2>
        {t.sessions.length === 0 ? <p>No session is planned today.</p> : null}
        {t.sessions.map((s, i) => (
          <SessionCard key={i} session={s} today />
        ))}
        <RuleList rules={t.session_notes} label="About today's sessions" />
        <p class="links">
          <Link href="/plan">The week's plan</Link>
          {t.routines.map((kind) => (
            <Link key={kind} href={`/routine/${kind}`}>
              {ROUTINE_LINK[kind]}
            </Link>
          ))}
        </p>
      </section>
      {t.care.length > 0 ? (
        <section>
          <h2>Care</h2>
          <CareList care={t.care} />
        </section>
      ) : null}
      {t.warnings.length > 0 ? (
        <section>
          <h2>Training load</h2>
          <ul class="rules">
            {t.warnings.map((w, i) => (
              <li key={i}>
                <Term id={w.id} />
                <p class="why">{w.summary}</p>
              </li>
            ))}
          </ul>
          <Link href="/load">See the load chart</Link>
        </section>
      ) : null}
      {t.also.length > 0 ? (
        <section>
          <h2>Also noted</h2>
          <RuleList rules={t.also} label="Also noted" />
        </section>
      ) : null}
      <p class="disclaimer">{t.disclaimer}</p>
    </main>
  );
}
