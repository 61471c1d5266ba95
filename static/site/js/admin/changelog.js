// changelog.js (admin): the whole directory's change log, newest first, filtered by who, what, which
// record, which import run and when.

import { el } from '../dom.js';
import { t } from './i18n.js';
import { api } from './http.js';
import { select, heading, pager, ACTIONS } from './ui.js';
import { timeline } from './history.js';

const FILTERS = ['actor', 'action', 'record', 'import_run', 'from', 'to'];

export async function renderChangeLog(view, { params }) {
  view.append(heading(t('changes.title')));
  const inputs = {
    actor: el('input', { id: 'changes-actor', type: 'text', maxlength: 64, value: params.get('actor') || '' }),
    action: select('changes-action', 'action', ACTIONS, params.get('action') || '', t('changes.anyAction')),
    record: el('input', { id: 'changes-record', type: 'text', maxlength: 36, value: params.get('record') || '' }),
    import_run: el('input', { id: 'changes-import_run', type: 'text', inputmode: 'numeric', maxlength: 18, value: params.get('import_run') || '' }),
    from: el('input', { id: 'changes-from', type: 'date', value: params.get('from') || '' }),
    to: el('input', { id: 'changes-to', type: 'date', value: params.get('to') || '' }),
  };
  const error = el('p', { class: 'field-error', role: 'alert' });
  const form = el('form', { class: 'filters-row' },
    FILTERS.map((f) => el('div', { class: 'field' }, el('label', { for: `changes-${f}` }, t(`changes.${f}`)), inputs[f])),
    el('button', { type: 'submit', class: 'btn btn-primary' }, t('changes.filter')));
  const out = el('div', { id: 'changes-results' });
  view.append(form, error, out);

  const load = async (offset) => {
    error.textContent = '';
    const q = { offset, limit: 50 };
    for (const f of FILTERS) q[f] = inputs[f].value.trim();
    try {
      const answer = await api.changes(q);
      out.replaceChildren(pager(answer, load), timeline(answer.results, { showRecord: true }));
    } catch (err) {
      error.textContent = err.field ? `${t(`changes.${err.field}`)}: ${err.message}` : err.message;
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    load(0);
  });
  await load(0);
}
