// editor.js (admin): one record's form. Values are edited as the bureau's files write them (phones
// separated by 、, hours as "周一至周五 9:00-17:00"); the server reads them with the importers' own
// parsers and answers refusals field by field, shown next to each field. Only changed fields are
// sent, with the version read: if someone saved in between, the server says so (409) and nothing is
// overwritten. The point moves by dragging the marker or typing coordinates.

import { el, clear } from '../dom.js';
import { t, label, when, nameZh } from './i18n.js';
import { api } from './http.js';
import { field, select, showErrors, busy, heading, STATUSES } from './ui.js';
import { kindCodes } from './vocab.js';
import { pointMap } from './mapedit.js';
import { timeline } from './history.js';
import { renderActions } from './actions.js';
import { flash } from './main.js';

const TEXT = ['name', 'name_en', 'licence_no', 'credit_code', 'address', 'area_code', 'phones', 'email', 'website',
  'languages', 'practice_areas', 'fee_note', 'accessibility', 'categories'];
const AREA = ['hours', 'description', 'internal_note'];
const LISTS = new Set(['phones', 'languages', 'categories']);

export async function renderEditor(view, ctx) {
  const config = await api.config().catch(() => null);
  const rec = ctx.id ? await api.record(ctx.id) : null;
  drawForm(view, ctx, config, rec);
}

function formValue(rec, name) {
  if (!rec) return name === 'status' ? 'active' : name === 'languages' ? 'zh' : '';
  const v = rec[name];
  if (name === 'hours') return rec.hours_text || '';
  // Practice areas by their Chinese name, as the lists write them (the form's text is read as a list would be).
  if (name === 'practice_areas') return [...(v || []).map((c) => nameZh('area', c)), ...(rec.practice_notes || [])].join('、');
  if (LISTS.has(name)) return (v || []).join('、');
  if (name === 'free') return v === true ? 'true' : v === false ? 'false' : '';
  return v === null || v === undefined ? '' : String(v);
}

function drawForm(view, ctx, config, rec) {
  clear(view);
  const canEdit = ctx.may('editor');
  view.append(heading(rec ? rec.name : t('editor.newTitle')));
  if (rec) {
    view.append(el('p', { class: 'record-meta', id: 'record-meta' },
      `${label('kind', rec.kind)} · ${label('status', rec.status)} · ${t('field.version')} ${rec.version} · `,
      `${t('field.verified_at')}: ${rec.verified_at ? when(rec.verified_at) : t('records.never')} · ${t('field.source')}: ${rec.source}/${rec.source_id}`));
  }
  const form = el('form', { id: 'record-form', class: 'record-form', novalidate: true });
  const inputs = {};
  const add = (name, input, hint) => {
    inputs[name] = input;
    input.disabled = !canEdit;
    form.append(field(name, t(`field.${name}`), input, hint));
  };
  if (!rec) {
    add('kind', select('kind', 'kind', kindCodes(), '', t('editor.chooseKind')));
    add('source_id', el('input', { id: 'source_id', type: 'text', maxlength: 200 }), t('editor.sourceIdHint'));
  }
  for (const name of TEXT) {
    const hint = has(`hint.${name}`) ? t(`hint.${name}`) : null;
    add(name, el('input', { id: name, type: 'text', maxlength: 2000, value: formValue(rec, name) }), hint);
  }
  const free = select('free', 'free', ['true', 'false'], formValue(rec, 'free'), t('free.unknown'));
  add('free', free);
  for (const name of ['valid_from', 'valid_to']) add(name, el('input', { id: name, type: 'date', value: formValue(rec, name) }));
  add('status', select('status', 'status', STATUSES, formValue(rec, 'status')));
  for (const name of AREA) {
    const ta = el('textarea', { id: name, rows: name === 'hours' ? 2 : 3, maxlength: 5000 });
    ta.value = formValue(rec, name);
    add(name, ta, name === 'hours' ? t('hint.hours') : null);
  }

  // The point: two number fields and the map, kept in step.
  // A record without a position has none to show; an approximate one says so (dragging places it exactly).
  const placed = rec && rec.position !== 'unplaced';
  const lat = el('input', { id: 'lat', type: 'text', inputmode: 'decimal', value: placed ? String(rec.lat) : '' });
  const lng = el('input', { id: 'lng', type: 'text', inputmode: 'decimal', value: placed ? String(rec.lng) : '' });
  inputs.lat = lat;
  inputs.lng = lng;
  lat.disabled = lng.disabled = !canEdit;
  const mapBox = el('div', { id: 'edit-map', class: 'edit-map', role: 'application' });
  const point = el('fieldset', { class: 'point' }, el('legend', null, t('editor.point')),
    rec && (rec.position === 'approximate' || rec.position === 'unplaced')
      ? el('p', { class: 'position-note', id: 'position-note' }, t(`editor.position.${rec.position}`)) : null,
    field('lat', t('field.lat'), lat), field('lng', t('field.lng'), lng), field('geom', t('editor.mapLabel'), mapBox, t('editor.dragHint')));
  form.append(point);
  const unplaced = el('div', { id: 'form-errors', class: 'form-errors', role: 'alert' });
  const save = el('button', { type: 'submit', class: 'btn btn-primary', id: 'record-save' }, rec ? t('editor.save') : t('editor.create'));
  if (canEdit) form.append(unplaced, save);
  view.append(form);

  const pm = pointMap(mapBox, config, placed ? { lat: rec.lat, lng: rec.lng } : null, (p) => {
    lat.value = String(p.lat);
    lng.value = String(p.lng);
  });
  const follow = () => pm.set({ lat: Number(lat.value), lng: Number(lng.value) });
  lat.addEventListener('change', follow);
  lng.addEventListener('change', follow);

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(save, () => submit(view, ctx, config, rec, inputs, form, unplaced));
  });

  if (rec) {
    if (canEdit) view.append(renderActions(rec, (next) => drawForm(view, ctx, config, next)));
    const hist = el('section', { class: 'history', 'aria-labelledby': 'history-title' }, el('h3', { id: 'history-title' }, t('history.title')));
    view.append(hist);
    api.history(rec.id, { limit: 200 }).then((a) => hist.append(timeline(a.results))).catch((err) => hist.append(el('p', { class: 'field-error' }, err.message)));
  }
}

function has(key) {
  return t(key) !== key;
}

async function submit(view, ctx, config, rec, inputs, form, unplaced) {
  unplaced.replaceChildren();
  const body = {};
  for (const [name, input] of Object.entries(inputs)) {
    if (name === 'lat' || name === 'lng') continue;
    const value = input.value;
    if (rec && value === formValue(rec, name)) continue;
    if (!rec && value === '') continue;
    body[name] = name === 'free' ? (value === '' ? null : value === 'true') : value;
  }
  if (!rec || inputs.lat.value !== String(rec.lat) || inputs.lng.value !== String(rec.lng)) {
    body.lat = inputs.lat.value;
    body.lng = inputs.lng.value;
  }
  if (rec && !Object.keys(body).length) {
    flash(t('editor.nothing'));
    return;
  }
  try {
    let saved;
    if (rec) saved = await api.updateRecord(rec.id, { ...body, version: rec.version });
    else saved = await api.createRecord(body);
    const warnings = (saved.warnings || []).map((w) => `${label('field', w.field)}: ${w.message}`);
    flash(warnings.length ? `${t('editor.savedWithWarnings')} ${warnings.join('；')}` : t('editor.saved'), warnings.length ? 'warn' : 'ok');
    if (!rec) {
      location.hash = `#/records/${saved.id}`;
      return;
    }
    drawForm(view, ctx, config, saved);
  } catch (err) {
    if (err.status === 409 && err.record) {
      conflict(view, ctx, config, err.record, body, unplaced);
      return;
    }
    const fields = Object.keys(err.fields).length ? err.fields : err.field ? { [err.field]: err.message } : {};
    const rest = showErrors(form, fields);
    if (!Object.keys(fields).length) rest.push(err.message);
    unplaced.replaceChildren(...rest.map((m) => el('p', null, m)));
  }
}

// conflict says someone else saved first, lists what they changed among the fields this editor touched,
// and offers to load their version (this editor's values stay on screen until then).
function conflict(view, ctx, config, current, mine, box) {
  const rows = Object.keys(mine).map((name) => el('li', null,
    `${label('field', name)}: ${t('editor.theirs')} “${formValue(current, name)}”, ${t('editor.yours')} “${mine[name] ?? ''}”`));
  const reload = el('button', { type: 'button', class: 'btn', id: 'conflict-reload' }, t('editor.loadCurrent'));
  reload.addEventListener('click', () => drawForm(view, ctx, config, current));
  box.replaceChildren(el('p', null, t('editor.conflict', { version: current.version })), el('ul', null, rows), reload);
}
