// dashboard.js (admin): the overview: records by kind and status, open records not verified for a
// year, the last imports.

import { el } from '../dom.js';
import { t, label, when } from './i18n.js';
import { api } from './http.js';
import { table, heading, STATUSES } from './ui.js';
import { kindCodes } from './vocab.js';
import { renderAttention } from './kinds.js';

export async function renderDashboard(view) {
  view.append(heading(t('dash.title')));
  const d = await api.dashboard();
  const cell = {};
  const kinds = new Set(kindCodes());
  for (const c of d.counts || []) {
    cell[`${c.kind}/${c.status}`] = c.count;
    kinds.add(c.kind);
  }
  const rows = [...kinds].map((k) => {
    const counts = STATUSES.map((s) => cell[`${k}/${s}`] || 0);
    const link = el('a', { href: `#/records?kind=${encodeURIComponent(k)}`, 'data-kind': k }, label('kind', k));
    return [link, ...counts.map(String), String(counts.reduce((a, b) => a + b, 0))];
  });
  view.append(table(t('dash.counts'), [t('field.kind'), ...STATUSES.map((s) => label('status', s)), t('dash.total')], rows, { id: 'dash-counts' }));

  view.append(el('p', { class: 'dash-stale', id: 'dash-stale' },
    el('a', { href: '#/records?stale=1' }, t('dash.unverified', { n: d.unverified || 0 }))));

  if (d.holidays_missing && d.holidays_missing.length) view.append(el('p', { class: 'dash-stale', id: 'dash-holidays', role: 'status' }, t('dash.holidaysMissing', { years: d.holidays_missing.join('、') })));
  await renderAttention(view);

  view.append(el('h3', null, t('dash.lastImports')));
  const runs = d.last_imports || [];
  if (!runs.length) {
    view.append(el('p', null, t('imports.none')));
    return;
  }
  view.append(table(null, [t('imports.when'), t('imports.kind'), t('imports.file'), t('imports.status'), t('imports.counts')],
    runs.map((r) => [when(r.started_at), label('kind', r.importer),
      el('a', { class: 'dash-run', href: `#/imports?run=${encodeURIComponent(r.id)}` }, r.file_name || r.source), label('run', r.status), countsText(r)]),
    { id: 'dash-imports' }));
}

export function countsText(r) {
  return t('imports.countsText', { created: r.created, updated: r.updated, unchanged: r.unchanged, withdrawn: r.withdrawn, rejected: r.rejected });
}
