// accounts.js (admin): accounts and API tokens, for admins. A generated password and a new token are
// shown once, here, and never again: only their hashes are kept.

import { el } from '../dom.js';
import { t, label, when } from './i18n.js';
import { api } from './http.js';
import { table, select, heading, field, showErrors, busy, ROLES } from './ui.js';
import { flash } from './main.js';

export async function renderAccounts(view, { account }) {
  view.append(heading(t('accounts.title')));
  const secret = el('div', { id: 'secret-once', class: 'secret', role: 'status', hidden: true });
  const accounts = el('div', { id: 'accounts-list' });
  const tokens = el('div', { id: 'tokens-list' });
  view.append(secret, accounts, accountForm(secret, () => loadAccounts(accounts, account)),
    el('h3', null, t('tokens.title')), tokens, tokenForm(secret, () => loadTokens(tokens)));
  await Promise.all([loadAccounts(accounts, account), loadTokens(tokens)]);
}

function showSecret(box, text, value) {
  box.hidden = false;
  box.replaceChildren(el('p', null, text), el('code', { class: 'secret-value' }, value));
}

async function loadAccounts(box, me) {
  const answer = await api.accounts();
  box.replaceChildren(table(null, [t('accounts.username'), t('accounts.role'), t('accounts.state'), t('accounts.createdAt'), ''],
    answer.results.map((a) => {
      const role = select(`role-${a.username}`, 'role', ROLES, a.role);
      role.setAttribute('aria-label', t('accounts.roleOf', { name: a.username }));
      role.disabled = a.username === me.username;
      role.addEventListener('change', () => change(a.username, { role: role.value }, box, me));
      const toggle = el('button', { type: 'button', class: 'btn btn-small', disabled: a.username === me.username },
        a.disabled ? t('accounts.enable') : t('accounts.disable'));
      toggle.addEventListener('click', () => change(a.username, { disabled: !a.disabled }, box, me));
      return [a.username, role, a.disabled ? t('accounts.disabled') : t('accounts.enabled'), when(a.created_at), toggle];
    })));
}

async function change(username, body, box, me) {
  try {
    await api.updateAccount(username, body);
    flash(t('accounts.changed', { name: username }));
  } catch (err) {
    flash(err.message, 'error');
  }
  await loadAccounts(box, me);
}

function accountForm(secret, reload) {
  const username = el('input', { id: 'username', type: 'text', maxlength: 64, autocomplete: 'off' });
  const role = select('role', 'role', ROLES, 'viewer');
  const password = el('input', { id: 'password', type: 'password', maxlength: 1024, autocomplete: 'new-password' });
  const places = el('input', { id: 'providers', type: 'text', maxlength: 2000, autocomplete: 'off' });
  const submit = el('button', { type: 'submit', class: 'btn btn-primary' }, t('accounts.create'));
  const form = el('form', { class: 'panel', id: 'account-form', novalidate: true }, el('h3', null, t('accounts.new')),
    field('username', t('accounts.username'), username), field('role', t('accounts.role'), role),
    field('password', t('accounts.password'), password, t('accounts.passwordHint')),
    field('providers', t('accounts.places'), places), submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(submit, async () => {
      try {
        const providers = places.value.split(/[\s,，]+/).filter(Boolean);
        const out = await api.createAccount({ username: username.value.trim(), role: role.value, password: password.value,
          ...(providers.length ? { providers } : {}) });
        showErrors(form, {});
        if (out.password) showSecret(secret, t('accounts.generated', { name: out.account.username }), out.password);
        else flash(t('accounts.done', { name: out.account.username }));
        username.value = password.value = places.value = '';
        await reload();
      } catch (err) {
        showErrors(form, err.field ? { [err.field]: err.message } : { username: err.message });
      }
    });
  });
  return form;
}

async function loadTokens(box) {
  const answer = await api.tokens();
  box.replaceChildren(table(null, [t('tokens.id'), t('tokens.name'), t('accounts.username'), t('tokens.created'), t('tokens.lastUsed'), t('accounts.state'), ''],
    answer.results.map((k) => {
      const revoke = k.revoked_at ? null : el('button', { type: 'button', class: 'btn btn-small btn-danger' }, t('tokens.revoke'));
      if (revoke) {
        revoke.addEventListener('click', async () => {
          try {
            await api.revokeToken(k.id);
            flash(t('tokens.revoked', { id: k.id }));
          } catch (err) {
            flash(err.message, 'error');
          }
          await loadTokens(box);
        });
      }
      return [String(k.id), k.name, k.username, when(k.created_at), k.last_used_at ? when(k.last_used_at) : '',
        k.revoked_at ? t('tokens.revokedAt', { at: when(k.revoked_at) }) : t('tokens.live'), revoke];
    })));
}

function tokenForm(secret, reload) {
  const username = el('input', { id: 'token-username', type: 'text', maxlength: 64, autocomplete: 'off' });
  const name = el('input', { id: 'token-name', type: 'text', maxlength: 100 });
  const submit = el('button', { type: 'submit', class: 'btn btn-primary' }, t('tokens.create'));
  const form = el('form', { class: 'panel', id: 'token-form', novalidate: true }, el('h3', null, t('tokens.new')),
    field('token-username', t('accounts.username'), username), field('token-name', t('tokens.name'), name), submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(submit, async () => {
      try {
        const out = await api.createToken({ username: username.value.trim(), name: name.value.trim() });
        showErrors(form, {});
        showSecret(secret, t('tokens.shownOnce', { name: out.meta.name, user: out.meta.username }), out.token);
        name.value = '';
        await reload();
      } catch (err) {
        showErrors(form, { [err.field === 'name' ? 'token-name' : 'token-username']: err.message });
      }
    });
  });
  return form;
}
