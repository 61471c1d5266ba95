// history.js (admin): a record's changes as a timeline people can read: when, who, what they did,
// from where (an edit or an import run), why, and each field's old and new value.

import { el } from '../dom.js';
import { t, label, when, day } from './i18n.js';

export function timeline(changes, { showRecord = false } = {}) {
  if (!changes.length) return el('p', { class: 'timeline-empty' }, t('history.none'));
  return el('ol', { class: 'timeline' }, changes.map((c) => el('li', { class: `timeline-item action-${c.action}`, 'data-change-id': String(c.id) },
    el('p', { class: 'timeline-head' },
      el('time', { datetime: c.at }, when(c.at)), ' ',
      el('strong', { class: 'timeline-action' }, label('action', c.action)), ' ',
      el('span', { class: 'timeline-actor' }, t('history.by', { actor: c.actor })), ' ',
      c.import_run_id
        ? el('a', { class: 'timeline-source', href: `#/imports?run=${c.import_run_id}` }, t('history.fromImport', { id: c.import_run_id }))
        : el('span', { class: 'timeline-source' }, t('history.fromEdit'))),
    showRecord ? el('p', null, recordLink(c)) : null,
    c.reason ? el('p', { class: 'timeline-reason' }, t('history.reason', { reason: c.reason })) : null,
    diffList(c.diff, c.action))));
}

// recordLink opens a place's record; a practitioner has no page of their own, so their name is text.
function recordLink(c) {
  const name = c.record_name || c.record_id;
  if (c.record_type === 'assignment') return el('span', { class: 'timeline-record' }, t('history.assignment', { name }));
  if (c.record_type && c.record_type !== 'provider') return el('span', { class: 'timeline-record' }, t('history.person', { name }));
  return el('a', { class: 'timeline-record', href: `#/records/${c.record_id}` }, name);
}

function diffList(diff, action) {
  const entries = Object.entries(diff || {}).sort(([a], [b]) => a.localeCompare(b));
  if (!entries.length) return null;
  return el('dl', { class: 'diff' }, entries.flatMap(([name, d]) => [
    el('dt', null, label('field', name)),
    el('dd', { 'data-diff': name },
      action === 'create' ? null : el('del', null, valueText(name, d && d.old)),
      action === 'create' ? null : el('span', { 'aria-hidden': 'true' }, ' → '),
      el('ins', null, valueText(name, d && d.new))),
  ]));
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// valueText is the one formatter of a stored value in a change, whoever wrote it (an edit or an import run
// write the same codes): kinds, statuses, practice areas and languages by name, times in Shenzhen's time
// and the page's language, yes/no, points as "lat, lng", hours by day.
export function valueText(field, v) {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) return t('history.empty');
  switch (field) {
    case 'status':
      return label('status', v);
    case 'kind':
    case 'role':
      return label('kind', v);
    case 'practice_areas':
      return listText(v, (c) => label('area', c));
    case 'languages':
      return listText(v, languageName);
    case 'free':
      return typeof v === 'boolean' ? t(`free.${v}`) : String(v);
    case 'area_code': {
      const name = label('place', v);
      return name === String(v) ? name : `${name}（${v}）`;
    }
    case 'geom':
      return Array.isArray(v) && v.length === 2 ? `${v[1]}, ${v[0]}` : plain(v);
    case 'hours':
    case 'schedule':
      return v && typeof v === 'object' ? hoursText(v) : String(v);
    default:
      return plain(v);
  }
}

function plain(v) {
  if (typeof v === 'boolean') return v ? t('value.yes') : t('value.no');
  if (typeof v === 'string' && ISO_TIME.test(v)) return timeText(v);
  if (typeof v === 'string' && ISO_DATE.test(v)) return day(v);
  if (Array.isArray(v)) return listText(v, (x) => (typeof x === 'string' ? x : plain(x)));
  if (v && typeof v === 'object') return v.weekly ? hoursText(v) : Object.entries(v).map(([k, x]) => `${label('field', k)}: ${plain(x)}`).join('；');
  return String(v);
}

function listText(v, name) {
  return Array.isArray(v) ? v.map((x) => name(x)).join('、') : name(v);
}

// timeText: a time at midnight in Shenzhen (a date the bureau wrote, such as a verification date) is the
// date alone.
function timeText(v) {
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return String(v);
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  if (clock !== '00:00') return when(v);
  return new Intl.DateTimeFormat(t('meta.locale'), { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

function languageName(code) {
  try {
    const name = new Intl.DisplayNames([t('meta.locale')], { type: 'language', fallback: 'none' }).of(code);
    if (name) return name;
  } catch {
    // not a language code Intl knows: shown as written
  }
  return String(code);
}

// hoursText writes a week as lists do: equal neighbouring days grouped ("周一至周五 09:00-17:00").
function hoursText(h) {
  if (h.always_open) return t('hours.always');
  const week = h.weekly || [];
  const text = (spans) => (spans || []).map((s) => `${s.open}-${s.close}`).join(',');
  const parts = [];
  for (let d = 0; d < 7;) {
    const spans = text(week[d]);
    let end = d;
    while (end + 1 < 7 && text(week[end + 1]) === spans) end++;
    if (spans) parts.push(`${t(`day.${d}`)}${end > d ? t('hours.to') + t(`day.${end}`) : ''} ${spans}`);
    d = end + 1;
  }
  if (!parts.length) parts.push(t('hours.none'));
  if (h.open_on_holidays) parts.push(t('hours.holidaysOpen'));
  for (const x of h.exceptions || []) parts.push(`${day(x.date)} ${x.closed ? t('hours.closed') : text(x.spans)}`);
  if (h.note) parts.push(h.note);
  return parts.join('；');
}
