// detail.js: the detail panel of one record, shared by the citizen page and the widget: name,
// kind, open-now with the next change, then what a visitor came for (call, directions) before the
// rest: address, phones, the week's hours with today marked (or the adviser's duty time when the
// place's own hours are unknown), practice areas, languages, fees, practitioners, and when the bureau
// last verified it.
// Every value is text in a DOM node; links exist only for tel:, mailto: and http(s).

import { el, clear, append, externalLink } from './dom.js';
import { t, recordName, otherName } from './i18n.js';
import { formatDate, formatDistance, telHref, phoneList } from './format.js';
import { weekRows, exceptionRows, spansText, openState, scheduleText, printedHours } from './hours.js';
import { kindName, areaName, languageName, roleName, names } from './vocab.js';
import { kindClass } from './markers.js';
import { directionLinks } from './directions.js';
import { distanceOf, distanceNode, matchedText } from './list.js';
import { requestSection } from './requestform.js';

const PRACTITIONERS_SHOWN = 10;

// renderLoading shows what the list already knows while the full record loads.
export function renderLoading(body, item) {
  clear(body);
  append(body, [
    el('h2', { id: 'detail-name', class: 'detail-name', tabindex: '-1' }, recordName(item) || t('detail.loading')),
    el('p', { class: 'detail-loading', role: 'status' }, t('detail.loading'))]);
}

export function renderError(body, item, onRetry) {
  clear(body);
  append(body, [
    el('h2', { id: 'detail-name', class: 'detail-name', tabindex: '-1' }, recordName(item) || t('detail.title')),
    el('p', { class: 'error-text', role: 'alert' }, t('detail.error')),
    el('button', { type: 'button', class: 'btn', on: { click: onRetry } }, t('action.retry'))]);
}

// statusReason says why a place is not active when its licence period does (expired, not yet valid).
function statusReason(rec) {
  const code = rec && typeof rec.status_reason === 'string' ? rec.status_reason : '';
  if (code !== 'licence_expired' && code !== 'licence_not_yet_valid') return null;
  return el('p', { class: 'detail-status-reason' }, t(`detail.statusReason.${code}`));
}

// matched is why the record answered the search it was opened from (the list item's reasons), if any.
export function renderDetail(body, rec, { origin, matched } = {}) {
  clear(body);
  const open = openState(rec);
  const distance = formatDistance(distanceOf(rec, origin));
  append(body, [
    el('h2', { id: 'detail-name', class: 'detail-name', tabindex: '-1' }, recordName(rec)),
    otherName(rec) ? el('p', { class: 'detail-other-name' }, otherName(rec)) : null,
    el('p', { class: 'detail-kind' },
      el('span', { class: `kind-badge ${kindClass(rec.kind)}` }, kindName(rec.kind)),
      distanceNode(rec, distance)),
    el('p', { class: `open-state open-${open.state} detail-open` }, open.text),
    statusReason(rec),
    // On paper "open now" means nothing: the print shows the hours instead (print.css swaps them).
    el('p', { class: 'print-only detail-print-hours' }, t('print.hours', { hours: printedHours(rec.hours) })),
    matchedText(matched) ? el('p', { class: 'detail-matched' }, t('result.matched', { why: matchedText(matched) })) : null,
    actionsSection(rec, origin),
    facts(rec),
    requestSection(rec),
    hoursSection(rec),
    listSection('detail.practiceAreas', names(rec.practice_areas, areaName), 'tag-list'),
    listSection('detail.categories', names(rec.categories, String), 'tag-list'),
    feeSection(rec),
    rec.description ? section('detail.description', el('p', { class: 'detail-description' }, rec.description)) : null,
    practitionersSection(rec.practitioners),
    rec.verified_at ? el('p', { class: 'detail-verified' }, t('detail.verified', { date: formatDate(rec.verified_at) })) : null]);
}

function section(titleKey, ...content) {
  return el('section', { class: 'detail-section' }, el('h3', { class: 'detail-heading' }, t(titleKey)), ...content);
}

function row(labelKey, ...value) {
  return [el('dt', null, t(labelKey)), el('dd', null, ...value)];
}

function facts(rec) {
  const phones = phoneList(rec.phones);
  const website = externalLink(rec.website, rec.website, { class: 'detail-website' });
  const email = typeof rec.email === 'string' && /^[^\s<>"'@]+@[^\s<>"'@]+\.[^\s<>"'@]+$/.test(rec.email)
    ? el('a', { href: `mailto:${rec.email}` }, rec.email) : null;
  const area = rec.area && typeof rec.area === 'object' ? rec.area.name || '' : '';
  const langs = names(rec.languages, languageName);
  return el('dl', { class: 'detail-facts' },
    rec.address ? row('detail.address', rec.address, area ? el('span', { class: 'detail-area' }, ` (${area})`) : null) : null,
    phones.length ? row('detail.phone', el('ul', { class: 'phone-list' }, phones.map((p) => {
      const href = telHref(p);
      return el('li', null, href ? el('a', { href, class: 'phone-link' }, p) : p);
    }))) : null,
    langs.length ? row('detail.languages', langs.join(t('list.sep'))) : null,
    website ? row('detail.website', website) : null,
    email ? row('detail.email', email) : null,
    rec.valid_to ? row('detail.validTo', formatDate(rec.valid_to)) : null);
}

function hoursSection(rec) {
  const hours = rec.hours && typeof rec.hours === 'object' ? rec.hours : null;
  const parts = [];
  if (Array.isArray(rec.today)) parts.push(el('p', { class: 'hours-today' }, t('hours.today', { spans: spansText(rec.today) })));
  if (hours && hours.always_open) parts.push(el('p', null, t('hours.alwaysOpen')));
  const rows = weekRows(hours);
  if (rows.length) {
    parts.push(el('table', { class: 'hours-table' },
      el('caption', { class: 'visually-hidden' }, t('detail.hours')),
      el('tbody', null, rows.map((r) => el('tr', { class: r.today ? 'is-today' : null, 'aria-current': r.today ? 'date' : null },
        el('th', { scope: 'row' }, r.label, r.today ? el('span', { class: 'today-badge' }, t('hours.todayBadge')) : null),
        el('td', null, r.text))))));
  }
  const exceptions = exceptionRows(hours);
  if (exceptions.length) {
    parts.push(el('h4', { class: 'detail-subheading' }, t('hours.exceptions')),
      el('ul', { class: 'hours-exceptions' }, exceptions.map((x) => el('li', null, `${x.label}: ${x.text}`, x.note ? ` (${x.note})` : ''))));
  }
  if (hours && typeof hours.note === 'string' && hours.note) parts.push(el('p', { class: 'hours-note' }, hours.note));
  if (!parts.length) parts.push(el('p', { class: 'hours-unknown' }, t('hours.unknown')));
  // An adviser point's own hours are often unknown while its adviser's duty time is on record: say it.
  const duty = (Array.isArray(rec.practitioners) ? rec.practitioners : [])
    .filter((p) => p && p.assigned && scheduleText(p.schedule))
    .map((p) => el('li', null, el('span', { class: 'duty-name' }, p.name || roleName(p.role)), t('list.colon'), scheduleText(p.schedule)));
  if (duty.length) parts.push(el('h4', { class: 'detail-subheading' }, t('hours.duty')), el('ul', { class: 'hours-duty' }, duty));
  // A year whose holiday arrangement is not loaded: the statutory holidays are known, make-up working
  // days are not. Only a place that closes on holidays is affected.
  if (rec.holiday_calendar === 'statutory' && hours && !hours.always_open && !hours.open_on_holidays && weekRows(hours).length) {
    parts.push(el('p', { class: 'hours-calendar-note' }, t('hours.statutoryOnly')));
  }
  return section('detail.hours', ...parts);
}

function listSection(titleKey, items, cls) {
  if (!items.length) return null;
  return section(titleKey, el('ul', { class: cls }, items.map((x) => el('li', null, x))));
}

function feeSection(rec) {
  const note = typeof rec.fee_note === 'string' && rec.fee_note ? rec.fee_note : '';
  if (rec.free !== true && rec.free !== false && !note) return null;
  const lead = rec.free === true ? t('detail.free') : rec.free === false ? t('detail.paid') : '';
  return section('detail.fees', lead ? el('p', { class: rec.free ? 'result-free' : null }, lead) : null, note ? el('p', null, note) : null);
}

function practitionersSection(list) {
  if (!Array.isArray(list) || !list.length) return null;
  const ul = el('ul', { class: 'practitioner-list' });
  const draw = (all) => {
    clear(ul);
    for (const p of all ? list : list.slice(0, PRACTITIONERS_SHOWN)) {
      const areas = names(p.practice_areas, areaName);
      ul.append(el('li', { class: 'practitioner' },
        el('span', { class: 'practitioner-name' }, p.name || ''),
        p.role ? el('span', { class: 'practitioner-role' }, roleName(p.role)) : null,
        p.licence_no ? el('span', { class: 'practitioner-licence' }, t('detail.licence', { no: p.licence_no })) : null,
        p.assigned && p.firm_name ? el('span', { class: 'practitioner-firm' }, t('detail.sentBy', { firm: p.firm_name })) : null,
        p.assigned && scheduleText(p.schedule) ? el('span', { class: 'practitioner-schedule' }, t('detail.onDuty', { when: scheduleText(p.schedule) })) : null,
        areas.length ? el('span', { class: 'practitioner-areas' }, areas.join(t('list.sep'))) : null));
    }
  };
  draw(false);
  const more = list.length > PRACTITIONERS_SHOWN
    ? el('button', { type: 'button', class: 'btn btn-small', on: { click: (e) => { draw(true); e.currentTarget.remove(); } } },
      t('detail.showAllPractitioners', { n: list.length }))
    : null;
  return section('detail.practitioners', el('p', { class: 'detail-count' }, t('detail.practitionerCount', { n: list.length })), ul, more);
}

// actionsSection is what a visitor came for, before the long lists: call, and the way there.
function actionsSection(rec, origin) {
  const phones = phoneList(rec.phones);
  const tel = phones.length ? telHref(phones[0]) : null;
  const call = tel ? el('p', { class: 'detail-call' },
    el('a', { href: tel, class: 'btn btn-primary detail-call-link' }, t('detail.call', { phone: phones[0] }))) : null;
  const directions = directionsSection(rec, origin);
  if (!call && !directions) return null;
  return el('div', { class: 'detail-actions' }, call, directions);
}

function directionsSection(rec, origin) {
  const links = directionLinks(rec, origin);
  if (!links.length) return null;
  return section('detail.directions', el('ul', { class: 'directions-list' }, links.map((l) =>
    el('li', null, externalLink(l.href, t(`directions.${l.key}`), { class: 'btn btn-link', dataset: { app: l.key } })))));
}
