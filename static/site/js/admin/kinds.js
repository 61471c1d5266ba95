// kinds.js (admin): the kinds are data. This page lists the kinds of place (with group, colour and map
// symbol), the kinds of people and the forensic categories, and lets an admin add or change a kind
// without a code change; the lists of kinds the other admin pages offer are filled from here. It also
// draws the dashboard's list of records to fix (needing a position, sharing a point).

import { el, clear } from '../dom.js';
import { t, label, setNames, getLang } from './i18n.js';
import { api } from './http.js';
import { table, heading, field, showErrors } from './ui.js';
import { setKindCodes } from './vocab.js';

const COLOUR = /^#[0-9a-f]{6}$/;
let people = [];

// loadKinds reads the kinds of place and of people (the kinds of place are also in vocab.js, from the
// public API) and names the kinds of people, which imports name too (lawyer, mediator …).
export async function loadKinds() {
  const d = await api.kindTables();
  people = (d.practitioner_kinds || []).map((p) => p.code);
  setNames('kind', d.practitioner_kinds || []);
  setNames('kind', d.kinds || []);
  return d;
}

// peopleCodes are the kinds of people an import may name, beside the kinds of place.
export function peopleCodes() {
  return people.length ? people : ['lawyer'];
}

function swatch(colour) {
  const s = el('span', { class: 'kind-swatch', 'aria-hidden': 'true' });
  if (COLOUR.test(colour || '')) s.style.background = colour; // CSSOM, not markup: allowed by the CSP
  return s;
}

export async function renderKinds(view, ctx) {
  view.append(heading(t('kinds.title')));
  const d = await loadKinds();
  const groups = Object.fromEntries((d.groups || []).map((g) => [g.code, getLang() === 'en' ? g.name_en : g.name_zh]));
  view.append(table(t('kinds.places'), [t('kinds.code'), t('kinds.nameZh'), t('kinds.nameEn'), t('kinds.group'), t('kinds.look'), t('kinds.words')],
    (d.kinds || []).map((k) => [k.code, k.name_zh, k.name_en, groups[k.group] || k.group,
      el('span', null, swatch(k.colour), ' ', k.symbol, ' ', k.colour), (k.synonyms || []).join('、')]), { id: 'kinds-table' }));
  view.append(table(t('kinds.people'), [t('kinds.code'), t('kinds.nameZh'), t('kinds.nameEn'), t('kinds.placeKinds')],
    (d.practitioner_kinds || []).map((p) => [p.code, p.name_zh, p.name_en, (p.place_kinds || []).map((c) => label('kind', c)).join('、')])));
  view.append(table(t('kinds.categories'), [t('kinds.nameZh'), t('kinds.nameEn'), t('kinds.words')],
    (d.forensic_categories || []).map((c) => [c.name_zh, c.name_en, (c.synonyms || []).join('、')])));
  if (ctx.may('admin')) view.append(addForm(d.groups || [], () => { clear(view); renderKinds(view, ctx); }));
}

function addForm(groups, done) {
  const input = (id, attrs = {}) => el('input', { id, name: id, type: 'text', ...attrs });
  const group = el('select', { id: 'kind-group', name: 'group' },
    groups.map((g) => el('option', { value: g.code }, getLang() === 'en' ? g.name_en : g.name_zh)));
  const status = el('p', { id: 'kind-status', role: 'status', 'aria-live': 'polite' });
  const form = el('form', { id: 'kind-form', class: 'panel', novalidate: true },
    el('h3', null, t('kinds.add')),
    field('kind-code', t('kinds.code'), input('kind-code', { required: true, pattern: '[a-z][a-z_]{1,39}', maxlength: 40 }), t('kinds.codeHint')),
    field('kind-name_zh', t('kinds.nameZh'), input('kind-name_zh', { required: true, maxlength: 60 })),
    field('kind-name_en', t('kinds.nameEn'), input('kind-name_en', { required: true, maxlength: 100 })),
    field('kind-group', t('kinds.group'), group),
    field('kind-colour', t('kinds.colour'), el('input', { id: 'kind-colour', name: 'colour', type: 'color', value: '#475569' })),
    field('kind-symbol', t('kinds.symbol'), input('kind-symbol', { maxlength: 2 }), t('kinds.symbolHint')),
    field('kind-synonyms', t('kinds.words'), input('kind-synonyms'), t('kinds.wordsHint')),
    field('kind-practice_areas', t('kinds.practiceAreas'), input('kind-practice_areas'), t('kinds.practiceAreasHint')),
    el('button', { type: 'submit', class: 'btn btn-primary', id: 'kind-save' }, t('kinds.save')), status);
  const list = (s) => s.split(/[,，、;；\s]+/).map((x) => x.trim()).filter(Boolean);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = (id) => form.querySelector(`#${id}`).value.trim();
    const body = { code: v('kind-code'), name_zh: v('kind-name_zh'), name_en: v('kind-name_en'), group: v('kind-group'),
      colour: v('kind-colour').toLowerCase(), symbol: v('kind-symbol'), synonyms: list(v('kind-synonyms')),
      practice_areas: list(v('kind-practice_areas')) };
    try {
      await api.createKind(body);
      status.textContent = t('kinds.saved', { code: body.code });
      // Every page's choice of kinds has the new one at once.
      const fresh = await loadKinds().catch(() => null);
      if (fresh) setKindCodes((fresh.kinds || []).map((k) => k.code));
      done();
    } catch (err) {
      const f = err && err.body && err.body.error ? err.body.error : {};
      const left = showErrors(form, f.field ? { [`kind-${f.field}`]: f.message } : {});
      status.textContent = f.message || (err && err.message) || t('app.error');
      void left;
    }
  });
  return form;
}

// renderAttention adds the dashboard's lists of records to fix: those with an approximate or no position
// (open one to place it by dragging its marker) and the points unrelated records share.
export async function renderAttention(view) {
  const d = await api.attention();
  const box = el('section', { id: 'dash-attention' }, el('h3', null, t('attention.title')));
  const needs = d.needs_position || [];
  box.append(el('p', { id: 'dash-needs-position' }, t('attention.needsPosition', { n: d.needs_position_total || 0 })));
  if (needs.length) {
    box.append(table(null, [t('attention.record'), t('field.kind'), t('attention.position'), t('attention.address')],
      needs.map((r) => [el('a', { href: `#/records/${encodeURIComponent(r.id)}` }, r.name), label('kind', r.kind),
        t(`attention.position.${r.position}`), r.address])));
  }
  const shared = d.shared_points || [];
  box.append(el('p', { id: 'dash-shared-points' }, t('attention.sharedPoints', { n: shared.length })));
  if (shared.length) {
    box.append(table(null, [t('attention.point'), t('attention.records')],
      shared.map((s) => [`${s.lng.toFixed(6)}, ${s.lat.toFixed(6)}`,
        el('span', null, (s.records || []).flatMap((r, i) => [i ? '、' : '',
          el('a', { href: `#/records/${encodeURIComponent(r.id)}` }, r.name)]))])));
  }
  view.append(box);
}
