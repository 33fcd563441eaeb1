// How the pages write quantities: the CLI's units (the profile's `units`), dates as the runner reads them.

export type Units = 'metric' | 'imperial';
const KM_PER_MILE = 1.609344;

export function distance(km: number, units: Units): string {
  return units === 'imperial' ? `${(km / KM_PER_MILE).toFixed(1)} mi` : `${km.toFixed(1)} km`;
}

export function minutes(min: number): string {
  if (min < 60) return `${Math.round(min)} min`;
  const h = Math.floor(min / 60);
  const m = Math.round(min - h * 60);
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/// m:ss for a countdown.
export function clock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/// A YYYY-MM-DD day as a UTC midnight: days are calendar days in the athlete's zone, never instants.
export function dayOf(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function isoOf(day: Date): string {
  return day.toISOString().slice(0, 10);
}

export function addDays(iso: string, n: number): string {
  const d = dayOf(iso);
  d.setUTCDate(d.getUTCDate() + n);
  return isoOf(d);
}

/// "Tue 17 Mar 2026".
export function longDate(iso: string): string {
  const d = dayOf(iso);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/// "Tue 17 Mar".
export function shortDate(iso: string): string {
  const d = dayOf(iso);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/// The Monday of the ISO week holding `iso`.
export function mondayOf(iso: string): string {
  const d = dayOf(iso);
  return addDays(iso, -((d.getUTCDay() + 6) % 7));
}

/// "left knee", "both hips".
export function where(site: string, side: string): string {
  return side === 'both' ? `both ${site}s` : `${side} ${site}`;
}

/// The local date and time of this browser, for a routine started now.
export function localNow(): { date: string; time: string } {
  const n = new Date();
  const pad = (x: number) => String(x).padStart(2, '0');
  return { date: `${n.getFullYear()}-${pad(n.getMonth() + 1)}-${pad(n.getDate())}`, time: `${pad(n.getHours())}:${pad(n.getMinutes())}` };
}
