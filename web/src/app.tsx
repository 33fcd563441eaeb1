// The dashboard: one page of the app drawn for the address (/, /checkin, /load, /plan, /import, /routine/KIND),
// over what every page needs first: the server's today, the profile's units and the glossary.
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { ComponentChildren, JSX } from 'preact';
import { ApiError, get } from './api';
import type { Explained, Profile, Today } from './types';
import type { Units } from './format';
import { TodayPage } from './pages/today';
import { CheckinPage } from './pages/checkin';
import { LoadPage } from './pages/load';
import { PlanPage } from './pages/plan';
import { ImportPage } from './pages/import';
import { LogPage } from './pages/log';
import { RoutinePage } from './pages/routine';
import { ErrorNote } from './components';

export interface AppState {
  today: Today; // as of the server's today (`serve --date` or the real one)
  units: Units;
  glossary: Map<string, Explained>;
  navigate: (href: string) => void;
  refresh: () => Promise<void>; // reads today again after a change
}

const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside the app');
  return app;
}

const NAV: [string, string][] = [
  ['/', 'Today'],
  ['/checkin', 'Check in'],
  ['/log', 'Log'],
  ['/plan', 'Plan'],
  ['/load', 'Load'],
  ['/import', 'Import'],
];

/// A link inside the app: the page changes without a reload; other clicks (new tab, ...) are the browser's.
export function Link(props: { href: string; class?: string; children: ComponentChildren; current?: boolean }) {
  const app = useContext(AppContext);
  const onClick = (e: JSX.TargetedMouseEvent<HTMLAnchorElement>) => {
    if (!app || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    app.navigate(props.href);
  };
  return (
    <a href={props.href} class={props.class} onClick={onClick} aria-current={props.current ? 'page' : undefined}>
      {props.children}
    </a>
  );
}

function page(path: string): JSX.Element {
  const routine = /^\/routine\/(warmup|cooldown|strength)$/.exec(path);
  if (routine) return <RoutinePage kind={routine[1] as 'warmup' | 'cooldown' | 'strength'} />;
  switch (path) {
    case '/':
      return <TodayPage />;
    case '/checkin':
      return <CheckinPage />;
    case '/load':
      return <LoadPage />;
    case '/plan':
      return <PlanPage />;
    case '/import':
      return <ImportPage />;
    case '/log':
      return <LogPage />;
  }
  return (
    <main id="main">
      <h1>Not found</h1>
      <p>
        There is no page at this address. <Link href="/">Today</Link> is the first page.
      </p>
    </main>
  );
}

export function App() {
  const [location, setLocation] = useState(window.location.pathname + window.location.search);
  const [today, setToday] = useState<Today | null>(null);
  const [units, setUnits] = useState<Units>('metric');
  const [glossary, setGlossary] = useState<Map<string, Explained>>(new Map());
  const [error, setError] = useState<ApiError | null>(null);

  const refresh = async () => {
    try {
      setToday(await get<Today>('/api/today'));
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    }
  };

  useEffect(() => {
    const onPop = () => setLocation(window.location.pathname + window.location.search);
    window.addEventListener('popstate', onPop);
    void refresh();
    get<Profile>('/api/profile')
      .then((p) => setUnits(p.units === 'imperial' ? 'imperial' : 'metric'))
      .catch(() => undefined); // metric until the profile is read
    get<{ entries: Explained[] }>('/api/explain')
      .then((doc) => setGlossary(new Map(doc.entries.map((e) => [e.id, e]))))
      .catch(() => undefined); // rule IDs stay readable without their glosses
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = (href: string) => {
    window.history.pushState(null, '', href);
    setLocation(href);
    window.scrollTo(0, 0);
    // A screen reader hears the new page's title; the keyboard starts from it.
    window.setTimeout(() => {
      const h = document.querySelector<HTMLElement>('#main h1');
      if (h) {
        h.tabIndex = -1;
        h.focus({ preventScroll: true });
      }
    }, 0);
  };

  const path = location.split('?')[0];
  const state: AppState | null = today ? { today, units, glossary, navigate, refresh } : null;
  return (
    <AppContext.Provider value={state}>
      <a class="skip" href="#main">
        Skip to the page
      </a>
      <header class="top">
        <span class="brand">stridecare</span>
        <nav aria-label="Pages">
          {NAV.map(([href, label]) => (
            <Link key={href} href={href} current={path === href}>
              {label}
            </Link>
          ))}
        </nav>
      </header>
      {error && !today ? (
        <main id="main">
          <ErrorNote error={error} />
        </main>
      ) : state ? (
        <div key={location}>{page(path)}</div>
      ) : (
        <main id="main">
          <p class="loading">Loading…</p>
        </main>
      )}
    </AppContext.Provider>
  );
}
