// hours.js: opening hours as text. The API decides open-now (it knows holidays and make-up working
// days); this module only words what it says: the weekly table with today marked, dated exceptions,
// and "open, closes at 17:30" / "closed, opens Monday 09:00" from next_change.

import { t } from './i18n.js';
import { TIME_ZONE, formatTime, parseDate, formatShortDate } from './format.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

// shanghaiDay tells the weekday (0 = Monday, the API's order) and the date in Shenzhen.
export function shanghaiDay(now = new Date()) {
  const parts = {};
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit',
  });
  for (const p of fmt.formatToParts(now)) parts[p.type] = p.value;
  return { day: WEEKDAYS.indexOf(parts.weekday), ymd: `${parts.year}-${parts.month}-${parts.day}` };
}

function spanText(span) {
  if (!span || typeof span !== 'object') return '';
  const open = typeof span.open === 'string' ? span.open : '';
  const close = typeof span.close === 'string' ? span.close : '';
  return open || close ? `${open}–${close}` : '';
}

export function spansText(spans) {
  const parts = Array.isArray(spans) ? spans.map(spanText).filter(Boolean) : [];
  return parts.length ? parts.join(t('list.sep')) : t('hours.closed');
}

// weeklyKnown tells whether hours hold any opening span in their week. A week of seven empty days is
// what the API sends when nothing is known: unknown, not "closed every day".
export function weeklyKnown(hours) {
  return !!hours && Array.isArray(hours.weekly) && hours.weekly.length === 7
    && hours.weekly.some((spans) => Array.isArray(spans) && spans.some((s) => spanText(s)));
}

// weekRows is the weekly table, Monday first, with today's row flagged. Empty when the record has
// no weekly schedule (or is open around the clock, which the caller words once).
export function weekRows(hours, now = new Date()) {
  if (!hours || hours.always_open || !weeklyKnown(hours)) return [];
  const { day } = shanghaiDay(now);
  return hours.weekly.map((spans, i) => ({ label: t(`day.${i}`), text: spansText(spans), today: i === day }));
}

// exceptionRows lists the dated exceptions from today on (holiday closures, special hours), at most
// five; past ones are of no use to a visitor.
export function exceptionRows(hours, now = new Date()) {
  if (!hours || !Array.isArray(hours.exceptions)) return [];
  const { ymd } = shanghaiDay(now);
  return hours.exceptions
    .filter((e) => e && typeof e.date === 'string' && e.date.slice(0, 10) >= ymd)
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .slice(0, 5)
    .map((e) => {
      const spans = Array.isArray(e.spans) ? e.spans : Array.isArray(e.hours) ? e.hours : [];
      return {
        label: formatShortDate(e.date.slice(0, 10)),
        text: e.closed === true || !spans.length ? t('hours.closed') : spansText(spans),
        note: typeof e.note === 'string' ? e.note : '',
      };
    });
}

// whenText words a moment relative to today in Shenzhen: "17:30", "tomorrow 09:00", "Mon 09:00".
export function whenText(at, now = new Date()) {
  const d = parseDate(at);
  // A change already past (a stale cache, a wrong clock) says nothing about what comes next.
  if (!d || d.getTime() < now.getTime() - 60000) return '';
  const time = formatTime(d);
  const today = shanghaiDay(now);
  const then = shanghaiDay(d);
  if (then.ymd === today.ymd) return time;
  const tomorrow = shanghaiDay(new Date(now.getTime() + 86400000));
  if (then.ymd === tomorrow.ymd) return t('when.tomorrow', { time });
  if (d.getTime() - now.getTime() < 6 * 86400000) return t('when.weekday', { day: t(`day.${then.day}`), time });
  return t('when.date', { date: formatShortDate(then.ymd), time });
}

// openState is the one-line status of a record: {text, state} where state is open, closed,
// suspended or unknown (used as a CSS hook; the text carries the meaning, not the colour).
export function openState(rec, now = new Date()) {
  if (!rec) return { text: '', state: 'unknown' };
  if (rec.status === 'temporarily_closed') return { text: t('status.temporarily_closed'), state: 'suspended' };
  if (rec.status === 'closed') return { text: t('status.closed'), state: 'suspended' };
  const nc = rec.next_change && typeof rec.next_change === 'object' ? rec.next_change : null;
  const when = nc ? whenText(nc.at, now) : '';
  if (rec.open_now === true) {
    return { text: when && nc.opens === false ? t('open.closesAt', { when }) : t('open.yes'), state: 'open' };
  }
  if (rec.open_now === false) {
    return { text: when && nc.opens === true ? t('open.opensAt', { when }) : t('open.no'), state: 'closed' };
  }
  return { text: t('open.unknown'), state: 'unknown' };
}

// scheduleText words a duty schedule (an adviser's time at a point, in the form of opening hours) in
// one line: only the days it names, "周三 14:00–17:00", and the text kept as its note. Empty when the
// schedule says nothing.
export function scheduleText(schedule) {
  if (!schedule || typeof schedule !== 'object') return '';
  const parts = [];
  if (schedule.always_open) parts.push(t('hours.alwaysOpen'));
  else if (weeklyKnown(schedule)) {
    schedule.weekly.forEach((spans, i) => {
      if (Array.isArray(spans) && spans.length) parts.push(`${t(`day.${i}`)} ${spansText(spans)}`);
    });
  }
  if (typeof schedule.note === 'string' && schedule.note.trim()) parts.push(schedule.note.trim());
  return parts.join(t('hours.scheduleSep'));
}

// printedHours is what a printed page says instead of "open now": the week's hours in one line (the
// days closed left out), "24 hours", or that the hours are unknown.
export function printedHours(hours) {
  if (hours && hours.always_open) return t('hours.alwaysOpen');
  const text = scheduleText(hours);
  return text || t('open.unknown');
}
