// requeststatus.js: the status page of a request, /r/{code}. The citizen gives the phone's last four digits
// and sees the status, the appointment's slot and the place's replies; may withdraw the request while it is
// open, and download everything held about it as JSON. Nothing is kept in the browser.

import { el, clear } from './dom.js';
import { t, setLang, getLang } from './i18n.js';
import { post } from './api.js';
import { formatShortDate, formatTime, formatDate } from './format.js';

const enc = encodeURIComponent;
const main = document.querySelector('main');
let lastView = null;

function codeFromPath() {
  const m = location.pathname.match(/^\/r\/([^/]+)$/);
  return m ? decodeURIComponent(m[1]) : '';
}

function render() {
  clear(main);
  const lang = el('button', { type: 'button', class: 'btn btn-quiet', id: 'rq-lang' }, t('lang.switch'));
  lang.addEventListener('click', () => {
    setLang(getLang() === 'en' ? 'zh' : 'en');
    render();
  });
  const code = el('input', { id: 'rq-code', type: 'text', maxlength: 20, autocomplete: 'off', autocapitalize: 'characters', value: codeFromPath() });
  const last4 = el('input', { id: 'rq-last4', type: 'text', inputmode: 'numeric', maxlength: 4, pattern: '[0-9]{4}', autocomplete: 'off' });
  const status = el('p', { id: 'rq-status', class: 'rq-status', role: 'status', 'aria-live': 'polite' });
  const form = el('form', { id: 'rq-lookup', class: 'request-form', novalidate: true },
    el('div', { class: 'rq-field' }, el('label', { for: 'rq-code' }, t('request.code')), code),
    el('div', { class: 'rq-field' }, el('label', { for: 'rq-last4' }, t('request.last4')), last4,
      el('p', { class: 'rq-hint' }, t('request.last4Hint'))),
    status,
    el('button', { type: 'submit', class: 'btn btn-primary' }, t('request.check')));
  const result = el('section', { id: 'rq-result', class: 'request-result', 'aria-live': 'polite' });
  main.append(el('header', { class: 'request-top' }, el('h1', null, t('request.pageTitle')), lang), form, result);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    status.textContent = t('request.sending');
    try {
      lastView = await post(`/requests/${enc(code.value.trim())}/status`, { phone_last4: last4.value.trim() });
      status.textContent = '';
      show(result, lastView, code.value.trim(), last4.value.trim());
    } catch (err) {
      clear(result);
      status.textContent = err.status === 404 ? t('request.notFound') : err.status === 429 ? t('request.tooMany')
        : err.status === 503 ? t('request.off') : err.message || t('request.error');
    }
  });
  if (lastView) show(result, lastView, code.value.trim(), last4.value.trim());
  (code.value ? last4 : code).focus();
}

function show(box, v, code, last4) {
  clear(box);
  const rows = [
    [t('request.place'), v.provider_name || ''],
    [t('request.typeLabel'), t(`request.type.${v.type}`)],
    [t('request.statusLabel'), t(`request.status.${v.status}`)],
    v.slot ? [t('request.slot'), `${formatShortDate(v.slot)} ${formatTime(new Date(v.slot))}`] : null,
    [t('request.created'), formatDate(v.created_at)],
  ].filter(Boolean);
  box.append(el('h2', null, t('request.statusOf', { code: v.code })),
    el('dl', { class: 'request-facts' }, rows.map(([k, val]) => [el('dt', null, k), el('dd', { dataset: { k } }, val)])));
  const replies = Array.isArray(v.replies) ? v.replies : [];
  box.append(el('h3', null, t('request.replies')), replies.length
    ? el('ol', { class: 'request-replies' }, replies.map((r) => el('li', null,
      el('p', { class: 'reply-when' }, formatDate(r.at)), el('p', { class: 'reply-text' }, String(r.text || '')))))
    : el('p', { class: 'request-noreply' }, t('request.noReplies')));
  const actions = el('div', { class: 'request-actions' });
  if (['submitted', 'accepted', 'scheduled'].includes(v.status)) {
    // Two steps in the page (no browser dialog: WeChat's browser and embedded views handle those badly).
    const withdraw = el('button', { type: 'button', class: 'btn', id: 'rq-withdraw' }, t('request.withdraw'));
    const confirm = el('button', { type: 'button', class: 'btn btn-danger', id: 'rq-withdraw-confirm', hidden: true }, t('request.withdrawConfirm'));
    withdraw.addEventListener('click', () => {
      confirm.hidden = false;
      confirm.focus();
    });
    confirm.addEventListener('click', async () => {
      try {
        lastView = await post(`/requests/${enc(code)}/withdraw`, { phone_last4: last4 });
        show(box, lastView, code, last4);
      } catch (err) {
        actions.append(el('p', { role: 'alert' }, err.message || t('request.error')));
      }
    });
    actions.append(withdraw, confirm);
  }
  const download = el('button', { type: 'button', class: 'btn', id: 'rq-export' }, t('request.export'));
  download.addEventListener('click', async () => {
    try {
      const data = await post(`/requests/${enc(code)}/export`, { phone_last4: last4 });
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.download = `request-${v.code}.json`;
      a.setAttribute('href', url);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (err) {
      actions.append(el('p', { role: 'alert' }, err.message || t('request.error')));
    }
  });
  actions.append(download);
  box.append(actions, el('p', { class: 'rq-hint' }, t('request.privacy')));
}

setLang(new URLSearchParams(location.search).get('lang'));
render();
