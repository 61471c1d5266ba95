// requests.js (admin): 业务办理 on the place's side. A staff account sees the queue of its places by status,
// opens a request (its personal fields; the view is recorded on the server), and moves it on: accept,
// schedule or reschedule (a free slot of the place), reply, done, decline. The bureau's roles see counts
// and waiting times per place, kind and type, never a personal field; an admin sets which kinds take which
// request types.

import { el } from '../dom.js';
import { t, label, when } from './i18n.js';
import { api } from './http.js';
import { table, heading, pager, select, field, showErrors, busy } from './ui.js';
import { flash } from './main.js';

const STATUSES = ['submitted', 'accepted', 'scheduled', 'done', 'declined', 'withdrawn'];
const TYPES = ['legal_aid_application', 'appointment', 'consultation'];
// moves mirrors the server's state machine, to offer only the buttons that can work.
const MOVES = {
  submitted: ['accept', 'schedule', 'reply', 'decline'],
  accepted: ['schedule', 'reply', 'done', 'decline'],
  scheduled: ['reschedule', 'reply', 'done', 'decline'],
};

export async function renderQueue(view, { params }) {
  view.append(heading(t('rq.title')));
  const status = params.has('status') ? params.get('status') : 'submitted'; // '?status=' is the 全部 tab
  view.append(el('nav', { class: 'tabs', 'aria-label': t('rq.byStatus') }, ['', ...STATUSES].map((s) => el('a', {
    href: `/admin#/requests${s ? `?status=${s}` : '?status='}`, 'aria-current': s === status ? 'page' : null, class: 'tab',
  }, s ? label('rqstatus', s) : t('rq.all')))));
  const out = el('div', { id: 'rq-list' });
  view.append(out);
  const load = async (offset) => {
    const answer = await api.requests({ status, offset, limit: 50 });
    out.replaceChildren(answer.results.length
      ? table(null, [t('rq.code'), t('rq.type'), t('rq.status'), t('rq.place'), t('rq.slot'), t('rq.created')],
        answer.results.map((r) => [
          el('a', { href: `/admin#/requests/${encodeURIComponent(r.code)}`, class: 'rq-link' }, r.code),
          label('rqtype', r.type), label('rqstatus', r.status), r.provider_name || r.provider_id,
          r.slot ? when(r.slot) : '', when(r.created_at)]))
      : el('p', null, t('rq.none')), pager(answer, load));
  };
  await load(0);
}

export async function renderRequest(view, ctx, m) {
  const code = decodeURIComponent(m[1]);
  view.append(heading(t('rq.one', { code })));
  const answer = await api.request(code);
  const r = answer.request;
  const p = answer.personal;
  const facts = [[t('rq.place'), r.provider_name], [t('rq.type'), label('rqtype', r.type)], [t('rq.status'), label('rqstatus', r.status)],
    [t('rq.created'), when(r.created_at)], r.slot ? [t('rq.slot'), when(r.slot)] : null, r.matter ? [t('rq.matter'), label('area', r.matter)] : null];
  if (p) {
    facts.push([t('rq.name'), p.name], [t('rq.phone'), p.phone], p.matter_text ? [t('rq.matterText'), p.matter_text] : null);
  }
  view.append(el('dl', { class: 'facts', id: 'rq-facts' }, facts.filter(Boolean).map(([k, v]) => [el('dt', null, k), el('dd', null, String(v ?? ''))])));
  if (p && p.message) view.append(el('h3', null, t('rq.message')), el('p', { class: 'rq-message', id: 'rq-message' }, p.message));
  if (!p) view.append(el('p', { class: 'rq-erased' }, t('rq.erased')));
  if (p && Array.isArray(p.replies) && p.replies.length) {
    view.append(el('h3', null, t('rq.replies')), el('ol', { class: 'rq-replies' }, p.replies.map((x) => el('li', null, `${when(x.at)}: `, String(x.text || '')))));
  }
  const moves = p ? MOVES[r.status] || [] : [];
  if (moves.length) view.append(actionForm(r, moves, () => { location.hash = `#/requests/${encodeURIComponent(code)}?t=${Date.now()}`; }));
  view.append(el('h3', null, t('rq.events')), table(null, [t('rq.when'), t('rq.who'), t('rq.what'), t('rq.status')],
    (answer.events || []).map((e) => [when(e.at), e.actor, label('rqaction', e.action), e.to_status ? label('rqstatus', e.to_status) : ''])));
}

function actionForm(r, moves, done) {
  const action = select('rq-action', 'rqaction', moves, moves[0]);
  const reply = el('textarea', { id: 'rq-reply', rows: 3, maxlength: 2000 });
  const slot = el('select', { id: 'rq-slot' }, el('option', { value: '' }, t('rq.noSlot')));
  const submit = el('button', { type: 'submit', class: 'btn btn-primary' }, t('rq.apply'));
  const form = el('form', { class: 'panel', id: 'rq-action-form', novalidate: true }, el('h3', null, t('rq.act')),
    field('rq-action', t('rq.action'), action), field('rq-reply', t('rq.reply'), reply, t('rq.replyHint')),
    r.type === 'appointment' ? field('rq-slot', t('rq.newSlot'), slot) : null, submit);
  if (r.type === 'appointment') loadSlots(r.provider_id, slot);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(submit, async () => {
      try {
        await api.requestAction(r.code, { action: action.value, reply: reply.value.trim(), slot: slot.value });
        flash(t('rq.done', { code: r.code }));
        done();
      } catch (err) {
        const unplaced = showErrors(form, { [`rq-${err.field || 'action'}`]: err.message });
        if (unplaced.length) flash(err.message, 'error');
      }
    });
  });
  return form;
}

async function loadSlots(providerID, select) {
  try {
    const res = await fetch(`/api/v1/providers/${encodeURIComponent(providerID)}/slots?days=30`, { credentials: 'omit' });
    const body = await res.json();
    for (const s of (body && body.results) || []) select.append(el('option', { value: s.start }, when(s.start)));
  } catch {
    // no slots offered: the select keeps its "none" line
  }
}

// renderRequestCounts is the bureau's view: counts and waiting times, no personal field.
export async function renderRequestCounts(view, { may }) {
  view.append(heading(t('rq.countsTitle')));
  const answer = await api.requestCounts();
  const hours = (v) => (typeof v === 'number' ? v.toFixed(1) : '');
  view.append(answer.results.length ? table(null, [t('rq.place'), t('rq.kind'), t('rq.type'), t('rq.status'), t('rq.count'), t('rq.medianWait'), t('rq.oldestOpen')],
    answer.results.map((c) => [c.provider_name, label('kind', c.kind), label('rqtype', c.type), label('rqstatus', c.status), String(c.count),
      hours(c.median_wait_hours), hours(c.oldest_open_hours)]), { id: 'rq-counts' }) : el('p', null, t('rq.none')));
  if (may('editor')) view.append(settingsForm());
  if (may('admin')) view.append(await typesForm());
}

// settingsForm sets a place's appointment slots: their length and how many people one slot takes.
function settingsForm() {
  const id = el('input', { id: 'rs-place', type: 'text', maxlength: 36, autocomplete: 'off' });
  const minutes = select('rs-minutes', 'rqminutes', ['15', '20', '30', '45', '60', '90', '120'], '30');
  const capacity = el('input', { id: 'rs-capacity', type: 'number', min: 1, max: 50, value: 1 });
  const submit = el('button', { type: 'submit', class: 'btn' }, t('rq.save'));
  const form = el('form', { class: 'panel', id: 'rs-form', novalidate: true }, el('h3', null, t('rq.settingsTitle')),
    field('rs-place', t('rq.placeId'), id), field('rs-minutes', t('rq.slotMinutes'), minutes),
    field('rs-capacity', t('rq.capacity'), capacity), submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(submit, async () => {
      try {
        await api.setRequestSettings(id.value.trim(), { slot_minutes: Number(minutes.value), capacity: Number(capacity.value) });
        showErrors(form, {});
        flash(t('rq.settingsSaved'));
      } catch (err) {
        const names = { id: 'rs-place', slot_minutes: 'rs-minutes', capacity: 'rs-capacity' };
        const unplaced = showErrors(form, { [names[err.field] || 'rs-place']: err.message });
        if (unplaced.length) flash(err.message, 'error');
      }
    });
  });
  return form;
}

// typesForm lets an admin set which request types each kind offers: data, no code change.
async function typesForm() {
  const answer = await api.requestTypes();
  const box = el('div', { id: 'rq-types' }, el('h3', null, t('rq.typesTitle')));
  box.append(table(null, [t('rq.kind'), ...TYPES.map((x) => label('rqtype', x)), ''], answer.results.map((k) => {
    const boxes = TYPES.map((x) => el('input', { type: 'checkbox', checked: k.types.includes(x), 'aria-label': `${label('kind', k.kind)}: ${label('rqtype', x)}` }));
    const save = el('button', { type: 'button', class: 'btn btn-small' }, t('rq.save'));
    save.addEventListener('click', async () => {
      try {
        await api.setRequestTypes(k.kind, { types: TYPES.filter((_, i) => boxes[i].checked) });
        flash(t('rq.typesSaved', { kind: label('kind', k.kind) }));
      } catch (err) {
        flash(err.message, 'error');
      }
    });
    return [label('kind', k.kind), ...boxes, save];
  })));
  return box;
}
