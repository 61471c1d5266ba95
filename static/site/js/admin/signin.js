// signin.js (admin): the sign-in form. The password goes to the server once, over the same origin;
// the server answers with the session cookie (HttpOnly: never seen here) and the CSRF token.

import { el } from '../dom.js';
import { t } from './i18n.js';
import { api } from './http.js';

export function renderSignIn(view, { onSignedIn }) {
  const error = el('p', { id: 'signin-error', class: 'field-error', role: 'alert' });
  const user = el('input', { id: 'signin-username', name: 'username', type: 'text', autocomplete: 'username', required: true, maxlength: 64 });
  const pass = el('input', { id: 'signin-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, maxlength: 1024 });
  const submit = el('button', { type: 'submit', class: 'btn btn-primary' }, t('signin.submit'));
  // method=post: should the script's handler ever miss a submit, the password still never lands in a URL.
  const form = el('form', { id: 'signin-form', class: 'panel signin', method: 'post', novalidate: true },
    el('h2', null, t('signin.title')),
    el('div', { class: 'field' }, el('label', { for: 'signin-username' }, t('signin.username')), user),
    el('div', { class: 'field' }, el('label', { for: 'signin-password' }, t('signin.password')), pass),
    error, submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    if (!user.value || !pass.value) {
      error.textContent = t('signin.missing');
      return;
    }
    submit.setAttribute('aria-busy', 'true');
    try {
      const session = await api.signIn(user.value, pass.value);
      pass.value = '';
      onSignedIn(session);
    } catch (err) {
      error.textContent = err.status === 429 ? t('signin.throttled') : err.status === 401 ? t('signin.wrong') : err.message;
    } finally {
      submit.removeAttribute('aria-busy');
    }
  });
  view.append(form);
  user.focus();
}
