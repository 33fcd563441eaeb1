// The documents of the API, as product.md and api.md define them (only the fields the pages read).

export type Action = 'emergency' | 'urgent_care' | 'see_clinician' | 'stop_running' | 'reduce' | 'continue';

export interface Why {
  id: string;
  why: string;
}
export interface FiredRule extends Why {
  action?: Action;
  site?: string;
  side?: string;
  since?: string;
}
export interface Care {
  id: string;
  text: string;
}
export interface LoadWarning {
  id: string;
  date?: string;
  level?: string;
  value?: number;
  summary?: string;
  why?: string;
  evidence?: string;
}
export interface Step {
  exercise: string;
  name: string;
  side: 'left' | 'right' | 'both';
  seconds?: number;
  reps?: number;
  load_kg?: number;
  round: number;
  duration_s: number;
}
export interface Session {
  kind: 'run' | 'cross' | 'strength' | 'rest';
  sport: string | null;
  title: string;
  distance_km: number | null;
  duration_min: number | null;
  effort: string;
  condition: string | null;
  long_run: boolean;
  programme: boolean;
  warmup: Step[];
  cooldown: Step[];
  exercises: Step[];
  rules: Why[];
  // As `plan` and the .ics word them.
  condition_text: string | null;
  warmup_summary: string | null;
  cooldown_summary: string | null;
  exercises_summary: string | null;
}
export interface ReturnToRun {
  site: string;
  side: string;
  stage: number;
  stages: number;
  session: string;
  stage_text: string;
  checkin_advice: string | null;
  session_min: number;
  walk_only: boolean;
  done: number;
  repeats: number;
  today: 'session' | 'rest_day' | 'waiting' | 'done';
  note: string;
  since: string;
  rules: string[];
}
export interface CheckinDue {
  site: string;
  side: string;
  last: string | null;
  question?: string;
}
export interface Today {
  date: string;
  action: Action;
  action_text: string;
  rules: FiredRule[];
  also: FiredRule[];
  care: Care[];
  warnings: LoadWarning[];
  sessions: Session[];
  session_notes: Why[];
  return_to_run: ReturnToRun[];
  checkin_due: CheckinDue[];
  episodes: { site: string; side: string; start: string; episode_day: number; inflamed: boolean }[];
  routines: ('warmup' | 'cooldown' | 'strength')[]; // the guided routines the action allows (SAFE-GUIDE-1/-2)
  disclaimer: string;
}
export interface LoggedCheckin extends Today {
  checkin: Checkin;
  checkin_rules: Why[];
}
export interface PlanDay {
  date: string;
  weekday: string;
  available: boolean;
  sessions: Session[];
  notes: Why[];
}
export interface Plan {
  start: string;
  action: Action;
  action_text: string;
  first: string | null;
  why: Why[];
  rules: Why[];
  run_km: number;
  days: PlanDay[];
  changes: { date: string; was: string; now: string; why: string }[];
  disclaimer: string;
}
export interface LoadDay {
  date: string;
  run_km: number;
  sessions: number;
  acwr_ewma: number | null;
  weekly_run_km: number;
  warnings: LoadWarning[];
}
export interface LoadSeries {
  from: string;
  to: string;
  days: LoadDay[];
}
export interface Checkin {
  id: number;
  date: string;
  time: string | null;
  site: string;
  side: string;
  pain: number;
  timing: string;
  [sign: string]: unknown;
}
export interface Routine {
  kind: 'warmup' | 'cooldown' | 'strength';
  total_s: number;
  rules: string[];
  notes: string[];
  condition: string | null;
  steps: Step[];
  warnings?: { id: string; why?: string; summary?: string; message?: string }[];
}
export interface ImportReport {
  imported: number;
  files: number;
  activities: { id: number; sport: string; date: string; distance_km: number | null; duration_s: number; path: string; warnings: LoadWarning[] }[];
  duplicates: { path: string; session: string; duplicate_of: number | null; reason: string }[];
  failed: { path: string; error: string }[];
  warnings: { path: string; warning: string }[];
  stopped: { code: string; message: string } | null;
}
export interface Explained {
  id: string;
  title: string;
  text: string;
  source?: string;
  short?: string;
}
export interface Choice {
  id: string;
  label: string;
}
export interface CheckinForm {
  sites: (Choice & { regions: Choice[] })[];
  sides: Choice[];
  timings: Choice[];
  pain: { min: number; max: number; low: string; high: string };
  questions: { field: string; question: string; statement: string; set_when_yes: boolean }[];
}
export interface Profile {
  time_zone: string;
  units?: 'metric' | 'imperial';
  [key: string]: unknown;
}
