// requestform.js: 业务办理 in a place's detail (the citizen page and the widget): the request types the
// place takes, and a short form for one of them: name, mobile phone, the matter, a message, a free slot for
// an appointment, and explicit consent to the stated purpose and retention. On success it shows the receipt
// code and the link to its status page (/r/CODE). All text reaches the page as DOM text.

import { el, clear, append } from './dom.js';
import { t, getLang } from './i18n.js';
import { get, post, results } from './api.js';
import { areaName, names } from './vocab.js';
import { formatShortDate, formatTime } from './format.js';

const enc = encodeURIComponent;

// requestSection is the detail's "办理业务" section: filled once the place's request types are known,
// removed when the place takes none.
export function requestSection(rec) {
  const box = el('section', { class: 'detail-section request-section', 'aria-labelledby': 'request-heading' },
    el('h3', { class: 'detail-heading', id: 'request-heading' }, t('request.title')));
  if (!rec || typeof rec.id !== 'string') return null;
  get(`/providers/${enc(rec.id)}/request-types`).then((answer) => {
    const types = Array.isArray(answer.types) ? answer.types.filter((x) => x && typeof x.type === 'string') : [];
    if (!types.length) {
      box.remove();
      return;
    }
    if (!answer.enabled) {
      append(box, [el('p', { class: 'request-off' }, t('request.off'))]);
      return;
    }
    const days = Number.isInteger(answer.retention_days) ? answer.retention_days : 180;
    const buttons = el('div', { class: 'request-types' }, types.map((x) => el('button', {
      type: 'button', class: 'btn request-type', dataset: { type: x.type },
      on: { click: () => openForm(box, rec, x, days) },
    }, t(`request.type.${x.type}`))));
    append(box, [el('p', { class: 'request-lead' }, t('request.lead')), buttons]);
  }).catch(() => box.remove());
  return box;
}

function field(id, label, input, hint) {
  input.id = id;
  input.setAttribute('aria-describedby', `${id}-error${hint ? ` ${id}-hint` : ''}`);
  return el('div', { class: 'rq-field', dataset: { field: id.replace(/^rq-/, '') } },
    el('label', { for: id }, label), input,
    hint ? el('p', { class: 'rq-hint', id: `${id}-hint` }, hint) : null,
    el('p', { class: 'rq-error', id: `${id}-error`, role: 'alert' }));
}

function openForm(box, rec, type, days) {
  for (const old of box.querySelectorAll('form, .request-done')) old.remove();
  const needsSlot = !!type.needs_slot;
  const name = el('input', { type: 'text', name: 'name', maxlength: 40, autocomplete: 'name', required: true });
  const phone = el('input', { type: 'tel', name: 'phone', maxlength: 20, autocomplete: 'tel', inputmode: 'tel', required: true });
  const areaList = el('datalist', { id: 'rq-matters' }, names(rec.practice_areas, areaName).map((n) => el('option', { value: n })));
  const matter = el('input', { type: 'text', name: 'matter', maxlength: 100, list: 'rq-matters', autocomplete: 'off' });
  const message = el('textarea', { name: 'message', maxlength: 1000, rows: 4, required: type.type === 'consultation' });
  const slot = needsSlot ? el('select', { name: 'slot', required: true }, el('option', { value: '' }, t('request.slotLoading'))) : null;
  // The honeypot: hidden from people and screen readers, filled by robots.
  const trap = el('div', { class: 'rq-trap', 'aria-hidden': 'true' },
    el('label', { for: 'rq-website' }, t('request.trap')),
    el('input', { id: 'rq-website', type: 'text', name: 'website', tabindex: '-1', autocomplete: 'off' }));
  const consent = el('input', { type: 'checkbox', name: 'consent', id: 'rq-consent', 'aria-describedby': 'rq-consent-error' });
  const status = el('p', { class: 'rq-status', role: 'status', 'aria-live': 'polite' });
  const submit = el('button', { type: 'submit', class: 'btn btn-primary' }, t('request.submit'));
  const form = el('form', { class: 'request-form', novalidate: true, 'aria-label': t(`request.type.${type.type}`) },
    el('h4', { class: 'detail-subheading' }, t(`request.type.${type.type}`)),
    field('rq-name', t('request.name'), name),
    field('rq-phone', t('request.phone'), phone, t('request.phoneHint')),
    field('rq-matter', t('request.matter'), matter, t('request.matterHint')), areaList,
    field('rq-message', t(type.type === 'consultation' ? 'request.messageRequired' : 'request.message'), message),
    slot ? field('rq-slot', t('request.slot'), slot) : null,
    trap,
    el('div', { class: 'rq-field rq-consent', dataset: { field: 'consent' } },
      consent,
      el('label', { for: 'rq-consent' }, t('request.consent', { days, place: rec.name || '' })),
      el('p', { class: 'rq-error', id: 'rq-consent-error', role: 'alert' })),
    status, submit);
  box.append(form);
  if (slot) loadSlots(rec.id, slot);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    showErrors(form, null);
    submit.disabled = true;
    status.textContent = t('request.sending');
    const body = {
      provider_id: rec.id, type: type.type, name: name.value, phone: phone.value, matter: matter.value,
      message: message.value, consent: consent.checked, website: form.querySelector('#rq-website').value, lang: getLang(),
    };
    if (slot) body.slot = slot.value;
    try {
      const out = await post('/requests', body);
      form.remove();
      box.append(done(out.code));
    } catch (err) {
      status.textContent = '';
      const shown = err.field && showErrors(form, err.field, fieldMessage(err));
      if (!shown) status.textContent = err.status === 429 && !err.field ? t('request.busy') : err.message || t('request.error');
      if (err.field === 'slot' && slot) loadSlots(rec.id, slot);
    } finally {
      submit.disabled = false;
    }
  });
  name.focus();
}

// fieldMessage says what is wrong with a field in the page's language; the server's own (bilingual) words
// stand where the page has none, e.g. for a slot just taken or a limit reached.
function fieldMessage(err) {
  if (err.status === 400 && FIELD_ERRORS.includes(err.field)) return t(`request.err.${err.field}`);
  return err.message || t('request.error');
}

const FIELD_ERRORS = ['name', 'phone', 'matter', 'message', 'slot', 'consent'];

// showErrors clears every field error, or puts message next to the field named; false when there is no
// such field on the form.
function showErrors(form, fieldName, message) {
  for (const p of form.querySelectorAll('.rq-error')) p.textContent = '';
  for (const i of form.querySelectorAll('[aria-invalid]')) i.removeAttribute('aria-invalid');
  if (!fieldName) return false;
  const row = form.querySelector(`[data-field="${CSS.escape(fieldName)}"]`);
  if (!row) return false;
  row.querySelector('.rq-error').textContent = message;
  const input = row.querySelector('input, select, textarea');
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }
  return true;
}

async function loadSlots(id, select) {
  try {
    const list = results(await get(`/providers/${enc(id)}/slots`, { days: 14 }));
    clear(select);
    if (!list.length) {
      select.append(el('option', { value: '' }, t('request.noSlots')));
      return;
    }
    select.append(el('option', { value: '' }, t('request.chooseSlot')));
    const byDay = new Map();
    for (const s of list) {
      if (typeof s.start !== 'string') continue;
      const day = formatShortDate(s.start);
      if (!byDay.has(day)) byDay.set(day, el('optgroup', { label: day }));
      byDay.get(day).append(el('option', { value: s.start },
        `${day} ${formatTime(new Date(s.start))}–${formatTime(new Date(s.end))}`));
    }
    select.append(...byDay.values());
  } catch {
    clear(select);
    select.append(el('option', { value: '' }, t('request.slotError')));
  }
}

function done(code) {
  const link = el('a', { href: `/r/${enc(code)}`, class: 'btn btn-link', target: '_blank', rel: 'noopener' }, t('request.follow'));
  return el('div', { class: 'request-done', role: 'status' },
    el('p', null, t('request.done')),
    el('p', { class: 'receipt' }, el('span', null, t('request.code')), ' ', el('strong', { class: 'receipt-code' }, code)),
    el('p', null, t('request.keepCode')), link);
}
