// main.js (admin): boots the bureau's pages. It asks the server who is signed in, shows the sign-in
// form or the page the address names (#/records/…), and keeps the navigation in step. Each page is a
// module with a render(container, ctx) function; data reaches the page as text only (dom.js).

import { el, clear, byId } from '../dom.js';
import { t, initLang, setLang, getLang, applyI18n, label } from './i18n.js';
import { api, setCsrf } from './http.js';
import { renderSignIn } from './signin.js';
import { renderDashboard } from './dashboard.js';
import { renderRecords } from './records.js';
import { renderEditor } from './editor.js';
import { renderImports } from './imports.js';
import { renderChangeLog } from './changelog.js';
import { renderAccounts } from './accounts.js';
import { loadVocab } from './vocab.js';
import { renderQueue, renderRequest, renderRequestCounts } from './requests.js';
import { renderKinds, loadKinds } from './kinds.js';

const ROLES = ['viewer', 'editor', 'importer', 'admin'];
let account = null;

// may says whether the signed-in account's role includes min.
export function may(min) {
  return !!account && ROLES.indexOf(account.role) >= ROLES.indexOf(min);
}

export function flash(message, kind = 'ok') {
  const box = byId('flash');
  box.textContent = message;
  box.className = `flash flash-${kind}`;
  box.hidden = !message;
}

const routes = [
  [/^#?\/?$/, 'dashboard', renderDashboard],
  [/^#\/records\/?$/, 'records', renderRecords],
  [/^#\/records\/new$/, 'records', (c, ctx) => renderEditor(c, { ...ctx, id: null })],
  [/^#\/records\/([0-9a-f-]{36})$/, 'records', (c, ctx, m) => renderEditor(c, { ...ctx, id: m[1] })],
  [/^#\/imports\/?$/, 'imports', renderImports],
  [/^#\/changes\/?$/, 'changes', renderChangeLog],
  [/^#\/accounts\/?$/, 'accounts', renderAccounts],
  [/^#\/requests\/?$/, 'requests', renderQueue],
  [/^#\/requests\/([0-9A-Za-z-]{8,20})$/, 'requests', renderRequest],
  [/^#\/request-counts\/?$/, 'request-counts', renderRequestCounts],
  [/^#\/kinds\/?$/, 'kinds', renderKinds],
];

// A place's staff see only their queue: every other page is the bureau's.
const STAFF_ROUTES = ['requests'];

function route() {
  const view = byId('view');
  clear(view);
  if (!account) {
    renderSignIn(view, { onSignedIn });
    return;
  }
  let [path, query] = location.hash.split('?');
  const staff = account.role === 'staff';
  if (staff && /^#?\/?$/.test(path)) path = '#/requests';
  const params = new URLSearchParams(query || '');
  for (const [re, name, render] of routes) {
    const m = path.match(re) || (path === '' && name === 'dashboard' ? [] : null);
    if (!m) continue;
    if (staff && !STAFF_ROUTES.includes(name)) break;
    for (const a of document.querySelectorAll('#nav a')) {
      if (a.dataset.route === name) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    Promise.resolve(render(view, { account, params, may }, m)).catch(showError);
    return;
  }
  view.append(el('p', null, t('app.notFound')));
}

function showError(err) {
  flash(err && err.message ? err.message : t('app.error'), 'error');
}

function onSignedIn(session) {
  account = session.account;
  setCsrf(session.csrf_token);
  byId('nav').hidden = false;
  byId('sign-out').hidden = false;
  byId('who').textContent = `${account.username} · ${label('role', account.role)}`;
  for (const a of document.querySelectorAll('#nav a[data-route="accounts"]')) a.hidden = !may('admin');
  // Staff see their queue only; the bureau sees the counts, not the queue.
  const staff = account.role === 'staff';
  for (const a of document.querySelectorAll('#nav a[data-route]')) {
    if (a.dataset.route === 'requests') a.hidden = !staff;
    else if (staff) a.hidden = true;
    else if (a.dataset.route === 'request-counts') a.hidden = false;
  }
  flash('');
  // The kinds and practice areas name codes everywhere; without them the pages still work, with codes.
  // allSettled: one refused (a staff account may not read the kind tables) must not route before the other.
  Promise.allSettled([loadVocab(), loadKinds()]).finally(route);
}

function signedOut() {
  account = null;
  setCsrf('');
  byId('nav').hidden = true;
  byId('sign-out').hidden = true;
  byId('who').textContent = '';
  route();
}

async function boot() {
  initLang();
  byId('lang-switch').addEventListener('click', () => {
    setLang(getLang() === 'zh' ? 'en' : 'zh');
    applyI18n(document);
    if (account) byId('who').textContent = `${account.username} · ${label('role', account.role)}`;
    route();
  });
  byId('sign-out').addEventListener('click', async () => {
    try {
      await api.signOut();
    } finally {
      signedOut();
      flash(t('signin.signedOut'));
    }
  });
  window.addEventListener('admin:signedout', () => {
    if (!account) return;
    signedOut();
    flash(t('signin.expired'), 'error');
  });
  window.addEventListener('hashchange', () => {
    flash('');
    route();
  });
  try {
    onSignedIn(await api.session());
  } catch {
    signedOut();
  }
}

boot();
