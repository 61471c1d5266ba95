// safety.test.js: the rules that keep data from becoming code, checked on the source itself. Data
// reaches the page only as text; markup carries no inline script, style or handler (the CSP would
// block them, and a page that relies on them breaks); Leaflet gets DOM nodes, never HTML strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const site = fileURLToPath(new URL('../site/', import.meta.url));

function files(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (dir === site && name === 'vendor') continue; // copied from node_modules by make, not ours
    const path = dir + name;
    if (statSync(path).isDirectory()) files(path + '/', out);
    else out.push(path);
  }
  return out;
}

const ours = files(site);
const scripts = ours.filter((f) => f.endsWith('.js'));
const pages = ours.filter((f) => f.endsWith('.html'));
// The public pages (/, /embed, /embed/builder) and their modules; the admin pages have their own.
const publicPages = ['index.html', 'embed.html', 'builder.html'].map((f) => site + f);
const publicScripts = scripts.filter((f) => /\/site\/js\/[a-z]+\.js$/.test(f));

test('no HTML-string sinks or string evaluation in our code', () => {
  assert.ok(scripts.length >= 20, `found ${scripts.length} scripts`);
  const sinks = /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\s*\(|new Function|setTimeout\(\s*['"`]|\.html\(|createContextualFragment|srcdoc/;
  for (const f of ours.filter((x) => /\.(js|html|css)$/.test(x))) {
    const src = readFileSync(f, 'utf8');
    assert.ok(!sinks.test(src), `${f}: ${src.match(sinks)?.[0]}`);
  }
});

test('Leaflet popups and tooltips get DOM nodes', () => {
  for (const f of scripts) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/\.bind(?:Popup|Tooltip)\(\s*([^,)]+)/g)) {
      assert.match(m[1], /^(tooltipNode|el)\(|^node$/, `${f}: ${m[0]}`);
    }
    assert.ok(!/\.set(?:Popup|Tooltip)?Content\(/.test(src), `${f} sets popup content`);
    // divIcon html must be an element: every html: in an icon definition is built with el().
    for (const m of src.matchAll(/\bhtml:\s*([^,\n]+)/g)) assert.match(m[1], /^el\(/, `${f}: ${m[0]}`);
  }
});

test('pages have no inline scripts, styles or handlers, and load only our own files', () => {
  assert.ok(pages.length >= 3, `found ${pages.length} pages`);
  for (const f of pages) {
    const html = readFileSync(f, 'utf8');
    for (const tag of html.match(/<script\b[^>]*>/g) || []) assert.match(tag, /\ssrc="\/static\//, `${f}: ${tag}`);
    assert.ok(!/<script\b[^>]*>[^<\s]/.test(html), `${f}: inline script body`);
    assert.ok(!/<style\b/i.test(html), `${f}: <style>`);
    assert.ok(!/\sstyle=/i.test(html), `${f}: style attribute`);
    assert.ok(!/\son[a-z]+=/i.test(html), `${f}: event handler attribute`);
    assert.ok(!/javascript:/i.test(html), `${f}: javascript: URL`);
    for (const m of html.matchAll(/\s(?:src|href)="([^"]+)"/g)) {
      assert.match(m[1], /^(\/(static\/|$)|#[\w/-]*$)/, `${f}: ${m[1]} is not ours`);
    }
  }
});

test('no storage or cookies in the public pages (the widget promises none)', () => {
  assert.ok(publicScripts.length >= 20);
  for (const f of publicScripts) {
    const src = readFileSync(f, 'utf8');
    assert.ok(!/localStorage|sessionStorage|document\.cookie|indexedDB/.test(src), f);
  }
});

test('every element id the scripts look up exists in a page', () => {
  const ids = new Set();
  for (const f of publicPages) for (const m of readFileSync(f, 'utf8').matchAll(/\sid="([^"]+)"/g)) ids.add(m[1]);
  // Ids the scripts create themselves (the detail heading).
  for (const f of publicScripts) for (const m of readFileSync(f, 'utf8').matchAll(/\bid: '([^']+)'/g)) ids.add(m[1]);
  for (const f of publicScripts) {
    for (const m of readFileSync(f, 'utf8').matchAll(/byId\('([^']+)'\)/g)) assert.ok(ids.has(m[1]), `${f}: #${m[1]}`);
  }
});
