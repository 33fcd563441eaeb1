// Import: drop FIT, GPX or TCX files (also .gz) or a whole Strava or Garmin export zip; a progress bar while
// they upload, then each file's result as `stridecare import` reports it.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { ApiError, upload } from '../api';
import { Link, useApp } from '../app';
import { ErrorNote } from '../components';
import { addDays, distance, minutes, longDate, mondayOf } from '../format';
import type { ImportReport } from '../types';

const ACCEPT = '.fit,.gpx,.tcx,.gz,.zip';

/// A message without the file name it starts with, when the name is already written before it.
function withoutName(path: string, message: string): string {
  return message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
}

/// "25 s", "42 min", "1 h 5 min".
function duration(seconds: number): string {
  return seconds < 60 ? `${Math.round(seconds)} s` : minutes(seconds / 60);
}

export function ImportPage() {
  const { units, refresh } = useApp();
  const [sent, setSent] = useState<number | null>(null);
  const [names, setNames] = useState<string[]>([]);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'Import - stridecare';
  }, []);

  const send = async (files: File[]) => {
    if (files.length === 0) return;
    setNames(files.map((f) => f.name));
    setReport(null);
    setError(null);
    setSent(0);
    try {
      setReport(await upload<ImportReport>('/api/import', files, setSent));
      void refresh();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setSent(null);
    }
  };

  const onDrop = (e: JSX.TargetedDragEvent<HTMLElement>) => {
    e.preventDefault();
    setOver(false);
    void send(Array.from(e.dataTransfer?.files ?? []));
  };

  const dates = report?.activities.map((a) => a.date).sort() ?? [];
  // A file's warnings go with its result; those of files that gave no activity stand on their own.
  const imported = new Set([...(report?.activities ?? []), ...(report?.duplicates ?? [])].map((a) => a.path));
  const fileWarnings = (path: string) =>
    (report?.warnings ?? []).filter((w) => w.path === path).map((w) => withoutName(path, w.warning));
  const chartHref =
    dates.length > 0 ? `/load?from=${addDays(mondayOf(dates[0]), -28)}&to=${addDays(dates[dates.length - 1], 28)}` : null;

  return (
    <main id="main">
      <h1>Import</h1>
      <section
        class={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => (e.preventDefault(), setOver(true))}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        aria-label="Drop files here"
      >
        <p>Drop FIT, GPX or TCX files (also .gz), or a whole Strava or Garmin export (.zip), here.</p>
        <label class="button primary">
          Choose files…
          <input
            ref={input}
            class="visually-hidden"
            type="file"
            multiple
            accept={ACCEPT}
            onChange={(e) => void send(Array.from(e.currentTarget.files ?? []))}
          />
        </label>
      </section>
      {sent !== null ? (
        <section aria-live="polite">
          <p>
            Uploading {names.length === 1 ? names[0] : `${names.length} files`}
            {sent >= 1 ? ': reading…' : '…'}
          </p>
          <progress max={1} value={sent >= 1 ? undefined : sent} aria-label="Upload progress" />
        </section>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
      {report ? (
        <section class="report" aria-live="polite">
          <h2>
            {report.imported} imported of {report.files} {report.files === 1 ? 'file' : 'files'}
          </h2>
          {report.stopped ? (
            <p class="error" role="alert">
              Stopped: {report.stopped.message}
            </p>
          ) : null}
          <ul class="results">
            {report.activities.map((a) => (
              <li key={a.id} class="ok">
                <strong>{a.path}</strong>: {a.sport} on {longDate(a.date)}
                {a.distance_km !== null ? `, ${distance(a.distance_km, units)}` : ''}, {duration(a.duration_s)}
                {a.warnings.map((w, i) => (
                  <p key={i} class="warning">
                    {w.id}: {w.summary ?? w.why ?? ''}
                  </p>
                ))}
                {fileWarnings(a.path).map((w, i) => (
                  <p key={`w${i}`} class="warning">
                    {w}
                  </p>
                ))}
              </li>
            ))}
            {report.duplicates.map((d, i) => (
              <li key={`d${i}`} class="dup">
                <strong>{d.path}</strong>: not imported again ({d.reason})
                {fileWarnings(d.path).map((w, j) => (
                  <p key={j} class="warning">
                    {w}
                  </p>
                ))}
              </li>
            ))}
            {report.failed.map((f, i) => (
              <li key={`f${i}`} class="failed">
                <strong>{f.path}</strong>: {withoutName(f.path, f.error)}
              </li>
            ))}
            {report.warnings
              .filter((w) => !imported.has(w.path))
              .map((w, i) => (
                <li key={`w${i}`} class="warning">
                  <strong>{w.path}</strong>: {withoutName(w.path, w.warning)}
                </li>
              ))}
          </ul>
          {chartHref ? (
            <p>
              <Link href={chartHref}>See them on the load chart</Link> · <Link href="/">Today</Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </main>
  );
}
