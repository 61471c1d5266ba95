// ui.js (admin): small building blocks the admin pages share: tables, selects, form fields with a
// place for their error, and the pager. All built with dom.js, all data as text.

import { el } from '../dom.js';
import { t, label } from './i18n.js';

export const KINDS = ['law_firm', 'legal_aid', 'notary', 'forensic', 'community_adviser'];
export const STATUSES = ['active', 'temporarily_closed', 'closed'];
export const ROLES = ['viewer', 'editor', 'importer', 'admin', 'staff'];
export const ACTIONS = ['create', 'update', 'withdraw', 'restore', 'verify'];

// table builds a table with a caption, column heads and rows of cells (strings or nodes).
export function table(caption, heads, rows, attrs = {}) {
  return el('table', { class: 'data-table', ...attrs },
    caption ? el('caption', null, caption) : null,
    el('thead', null, el('tr', null, heads.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', null, rows.map((cells) => el('tr', null, cells.map((c) => el('td', null, c))))));
}

// select builds a <select> of codes named through their i18n prefix; blank adds an "any" option.
export function select(id, prefix, codes, value, blank) {
  const s = el('select', { id, name: id });
  if (blank) s.append(el('option', { value: '' }, blank));
  for (const code of codes) {
    const o = el('option', { value: code }, label(prefix, code));
    if (code === value) o.selected = true;
    s.append(o);
  }
  return s;
}

// field wraps an input with its label, an optional hint and an error line the server's message fills.
export function field(id, text, input, hint) {
  const err = el('p', { id: `${id}-error`, class: 'field-error', 'data-error-for': id });
  input.setAttribute('aria-describedby', hint ? `${id}-hint ${id}-error` : `${id}-error`);
  return el('div', { class: 'field', 'data-field': id },
    el('label', { for: id }, text), input, hint ? el('p', { id: `${id}-hint`, class: 'field-hint' }, hint) : null, err);
}

// showErrors puts each message next to its field (by data-error-for) and returns those it could not place.
export function showErrors(root, fields) {
  for (const p of root.querySelectorAll('.field-error[data-error-for]')) p.textContent = '';
  for (const f of root.querySelectorAll('[aria-invalid]')) f.removeAttribute('aria-invalid');
  const unplaced = [];
  for (const [name, message] of Object.entries(fields || {})) {
    const p = root.querySelector(`.field-error[data-error-for="${CSS.escape(name)}"]`);
    if (!p) {
      unplaced.push(`${label('field', name)}: ${message}`);
      continue;
    }
    p.textContent = message;
    const input = root.querySelector(`#${CSS.escape(name)}`);
    if (input) input.setAttribute('aria-invalid', 'true');
  }
  return unplaced;
}

// pager shows "n–m of total" ("of more than total" where the list stopped counting) and previous/next
// buttons calling go(offset).
export function pager(answer, go) {
  const { total = 0, limit = 50, offset = 0, total_capped: capped = false } = answer || {};
  const count = (answer && answer.results ? answer.results.length : 0);
  const prev = el('button', { type: 'button', class: 'btn btn-small', disabled: offset <= 0 }, t('pager.prev'));
  const next = el('button', { type: 'button', class: 'btn btn-small', disabled: offset + count >= total }, t('pager.next'));
  prev.addEventListener('click', () => go(Math.max(0, offset - limit)));
  next.addEventListener('click', () => go(offset + limit));
  const text = total ? t(capped ? 'pager.rangeMore' : 'pager.range', { from: offset + 1, to: offset + count, total }) : t('pager.none');
  return el('div', { class: 'pager' }, el('span', { role: 'status' }, text), prev, next);
}

// busy marks a button as working while fn runs.
export async function busy(button, fn) {
  button.setAttribute('aria-busy', 'true');
  button.disabled = true;
  try {
    return await fn();
  } finally {
    button.removeAttribute('aria-busy');
    button.disabled = false;
  }
}

export function heading(text) {
  return el('h2', { class: 'view-title', tabindex: '-1' }, text);
}
