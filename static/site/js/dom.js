// dom.js: the only way this front end builds markup. Records come from files the bureau does not
// control, so every piece of data becomes a text node (textContent) or a vetted attribute; there is
// no HTML-string path anywhere: no markup is ever parsed from a string (test/safety.test.js checks).

// el('li', {class: 'x', dataset: {id}, on: {click}}, child, 'text', ...) -> Element.
// Strings among the children become text nodes; null/false children are skipped.
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'on') for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
    else if (key === 'href') {
      const safe = safeHref(value);
      if (safe) node.setAttribute('href', safe);
    } else if (key === 'style' || key.startsWith('on')) {
      // Inline styles break the CSP and event-handler attributes are code: neither is ever set.
      throw new Error(`dom.el: refusing attribute ${key}`);
    } else node.setAttribute(key, value === true ? '' : String(value));
  }
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

export function byId(id) {
  return document.getElementById(id);
}

// safeHref keeps http(s), tel: and mailto: links, our own paths and in-app hash routes ("#/records/…",
// which only move within the page), and drops everything else (javascript:, data:, relative paths
// smuggled in a record), so a link built from data can only go where it says.
export function safeHref(value) {
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (s.startsWith('#')) return HASH_ROUTE.test(s) ? s : null;
  if (/^tel:/i.test(s)) return /^tel:\+?[\d\-() ]{3,}$/i.test(s) ? s : null;
  if (/^mailto:/i.test(s)) return /^mailto:[^\s<>"'@]+@[^\s<>"'@]+$/i.test(s) ? s : null;
  if (s.startsWith('/') && !s.startsWith('//')) return s; // our own pages, built by our code
  return httpUrl(s);
}

// HASH_ROUTE is an in-app route: "#/" then the characters a URL fragment may hold (RFC 3986), so no
// space, quote or angle bracket.
const HASH_ROUTE = /^#\/[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*$/;

// httpUrl returns the normalised URL when value is an absolute http(s) URL, else null.
export function httpUrl(value) {
  if (typeof value !== 'string') return null;
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

// externalLink opens in a new tab without handing the opener or the address of this page along.
export function externalLink(href, text, attrs = {}) {
  const safe = httpUrl(href);
  if (!safe) return null;
  return el('a', { ...attrs, href: safe, target: '_blank', rel: 'noopener noreferrer' }, text);
}

export function debounce(fn, ms) {
  let timer = 0;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
