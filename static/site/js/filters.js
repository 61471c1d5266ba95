// filters.js: the filter controls of the citizen page: kind chips (toggle buttons with counts),
// the practice-area and language selects, and the open-now and free switches. They read from and
// write to the page state; onChange runs the queries again.

import { el, clear, byId } from './dom.js';
import { t, vocabName } from './i18n.js';
import { kinds, practiceAreas, LANGUAGE_CODES, languageName } from './vocab.js';
import { kindClass } from './markers.js';

export function initFilters(state, onChange) {
  byId('kind-chips').addEventListener('click', (e) => {
    const chip = e.target instanceof Element ? e.target.closest('.chip[data-kind]') : null;
    if (!chip) return;
    const code = chip.dataset.kind;
    state.kinds = state.kinds.includes(code) ? state.kinds.filter((k) => k !== code) : [...state.kinds, code];
    syncFilters(state);
    onChange();
  });
  // The chips are one Tab stop (a city has fifteen kinds or more): arrows, Home and End move among them.
  byId('kind-chips').addEventListener('keydown', (e) => {
    const chips = [...byId('kind-chips').querySelectorAll('.chip[data-kind]')];
    const i = chips.indexOf(document.activeElement);
    if (i < 0) return;
    const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: chips.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = chips[(to + chips.length) % chips.length];
    for (const c of chips) c.tabIndex = c === next ? 0 : -1;
    next.focus();
  });
  byId('filter-area').addEventListener('change', (e) => {
    state.area = e.target.value;
    syncFilters(state);
    onChange();
  });
  byId('filter-language').addEventListener('change', (e) => {
    state.language = e.target.value;
    syncFilters(state);
    onChange();
  });
  byId('filter-open-now').addEventListener('change', (e) => {
    state.openNow = e.target.checked;
    syncFilters(state);
    onChange();
  });
  byId('filter-free').addEventListener('change', (e) => {
    state.free = e.target.checked;
    syncFilters(state);
    onChange();
  });
  const toggle = byId('filters-toggle');
  if (toggle) {
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      byId('filters-more').classList.toggle('is-open', open);
    });
  }
  renderFilters(state);
}

// renderFilters (re)builds the controls' contents in the page language.
export function renderFilters(state) {
  const chips = clear(byId('kind-chips'));
  // A kind with no place in the directory gets no chip (the row scrolls on a phone), unless the link asks for it.
  kinds().filter((k) => k.count !== 0 || state.kinds.includes(k.code)).forEach((k, i) => {
    const count = Number.isFinite(k.count) ? k.count : null;
    chips.append(el('button', {
      type: 'button',
      class: `chip ${kindClass(k.code)}`,
      dataset: { kind: k.code },
      tabindex: i === 0 ? '0' : '-1',
      'aria-pressed': String(state.kinds.includes(k.code)),
    },
    el('span', { class: 'chip-dot', 'aria-hidden': 'true' }),
    el('span', { class: 'chip-label' }, vocabName(k)),
    count !== null ? el('span', { class: 'chip-count' }, el('span', { class: 'visually-hidden' }, t('filter.countPrefix')), String(count)) : null));
  });
  fillSelect(byId('filter-area'), t('filter.anyArea'), practiceAreas().map((a) => [a.code, vocabName(a)]), state.area);
  fillSelect(byId('filter-language'), t('filter.anyLanguage'), LANGUAGE_CODES.map((c) => [c, languageName(c)]), state.language);
  syncFilters(state);
}

function fillSelect(select, anyLabel, options, value) {
  clear(select);
  select.append(el('option', { value: '' }, anyLabel));
  for (const [code, name] of options) select.append(el('option', { value: code }, name));
  // A code from a link that the vocabulary does not have yet is kept, shown as its code.
  if (value && !options.some(([code]) => code === value)) select.append(el('option', { value }, value));
  select.value = value || '';
}

export function syncFilters(state) {
  for (const chip of byId('kind-chips').querySelectorAll('.chip[data-kind]')) {
    chip.setAttribute('aria-pressed', String(state.kinds.includes(chip.dataset.kind)));
  }
  byId('filter-area').value = state.area || '';
  byId('filter-language').value = state.language || '';
  byId('filter-open-now').checked = state.openNow;
  byId('filter-free').checked = state.free;
  const active = (state.area ? 1 : 0) + (state.language ? 1 : 0) + (state.openNow ? 1 : 0) + (state.free ? 1 : 0);
  const badge = byId('filters-active');
  if (badge) badge.textContent = active ? t('filter.activeCount', { n: active }) : '';
}
