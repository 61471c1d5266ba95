// records.js (admin): find a record by name, address, phone, licence number or id; filter by kind, status,
// or "not verified for a year"; open it to edit.

import { el } from '../dom.js';
import { t, label, when } from './i18n.js';
import { api } from './http.js';
import { table, select, heading, pager, STATUSES } from './ui.js';
import { kindCodes } from './vocab.js';

export async function renderRecords(view, { params, may }) {
  view.append(heading(t('records.title')));
  const q = el('input', { id: 'records-q', type: 'search', name: 'q', maxlength: 200, value: params.get('q') || '' });
  const kind = select('records-kind', 'kind', kindCodes(), params.get('kind') || '', t('records.anyKind'));
  const status = select('records-status', 'status', STATUSES, params.get('status') || '', t('records.anyStatus'));
  const stale = el('input', { id: 'records-stale', type: 'checkbox', checked: params.get('stale') === '1' });
  const form = el('form', { class: 'filters-row', role: 'search' },
    el('div', { class: 'field' }, el('label', { for: 'records-q' }, t('records.search')), q),
    el('div', { class: 'field' }, el('label', { for: 'records-kind' }, t('field.kind')), kind),
    el('div', { class: 'field' }, el('label', { for: 'records-status' }, t('field.status')), status),
    el('div', { class: 'field field-check' }, stale, el('label', { for: 'records-stale' }, t('records.stale'))),
    el('button', { type: 'submit', class: 'btn btn-primary' }, t('records.find')));
  view.append(form);
  if (may('editor')) view.append(el('p', null, el('a', { class: 'btn', href: '#/records/new', id: 'records-new' }, t('records.new'))));
  const out = el('div', { id: 'records-results' });
  view.append(out);

  const load = async (offset) => {
    const answer = await api.records({ q: q.value.trim(), kind: kind.value, status: status.value, stale: stale.checked ? 1 : '', offset, limit: 50 });
    out.replaceChildren(
      table(null, [t('field.name'), t('field.kind'), t('field.address'), t('field.status'), t('field.verified_at'), t('field.version')],
        answer.results.map((r) => [
          el('a', { href: `#/records/${r.id}`, class: 'record-link' }, r.name),
          label('kind', r.kind), r.address, label('status', r.status), r.verified_at ? when(r.verified_at) : t('records.never'), String(r.version),
        ])),
      pager(answer, load));
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    if (q.value.trim()) p.set('q', q.value.trim());
    if (kind.value) p.set('kind', kind.value);
    if (status.value) p.set('status', status.value);
    if (stale.checked) p.set('stale', '1');
    const hash = `#/records${p.toString() ? '?' + p : ''}`;
    if (location.hash === hash) load(0);
    else location.hash = hash;
  });
  await load(0);
}
