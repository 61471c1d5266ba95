// actions.js (admin): withdraw, restore and verify a record. Withdrawing and restoring need a reason,
// which the audit keeps next to the change.

import { el } from '../dom.js';
import { t } from './i18n.js';
import { api } from './http.js';
import { busy } from './ui.js';
import { flash } from './main.js';

export function renderActions(rec, redraw) {
  const reason = el('input', { id: 'action-reason', type: 'text', maxlength: 500 });
  const error = el('p', { id: 'action-reason-error', class: 'field-error', role: 'alert' });
  const box = el('section', { class: 'record-actions', 'aria-labelledby': 'actions-title' },
    el('h3', { id: 'actions-title' }, t('actions.title')),
    el('div', { class: 'field' }, el('label', { for: 'action-reason' }, t('actions.reason')), reason, error));
  const run = (action, needsReason) => async (e) => {
    error.textContent = '';
    if (needsReason && !reason.value.trim()) {
      error.textContent = t('actions.reasonRequired');
      reason.focus();
      return;
    }
    await busy(e.currentTarget, async () => {
      try {
        const next = await api.recordAction(rec.id, action, { reason: reason.value.trim(), version: rec.version });
        flash(t(`actions.done.${action}`));
        redraw(next);
      } catch (err) {
        error.textContent = err.status === 409 ? t('actions.conflict') : err.message;
      }
    });
  };
  const buttons = el('div', { class: 'button-row' });
  if (rec.status === 'closed') buttons.append(button('action-restore', t('actions.restore'), run('restore', true)));
  else buttons.append(button('action-withdraw', t('actions.withdraw'), run('withdraw', true), 'btn-danger'));
  buttons.append(button('action-verify', t('actions.verify'), run('verify', false)));
  box.append(buttons);
  return box;
}

function button(id, text, onClick, extra = '') {
  const b = el('button', { type: 'button', id, class: `btn ${extra}` }, text);
  b.addEventListener('click', onClick);
  return b;
}
