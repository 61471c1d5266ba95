// i18n.test.js: both dictionaries hold the same keys with the same placeholders, and every string
// the pages use (t('...') in code, data-i18n* in markup) exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import zh from '../site/i18n/zh.js';
import en from '../site/i18n/en.js';

const site = fileURLToPath(new URL('../site/', import.meta.url));
const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');

test('zh and en have the same keys and placeholders, none empty', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  for (const key of Object.keys(zh)) {
    assert.ok(typeof zh[key] === 'string' && zh[key].length, `zh ${key}`);
    assert.ok(typeof en[key] === 'string' && en[key].length, `en ${key}`);
    assert.equal(placeholders(en[key]), placeholders(zh[key]), `placeholders of ${key}`);
  }
});

test('every key used by the pages exists', () => {
  const used = new Set();
  // The public pages' modules (site/js/*.js); the admin pages keep their own dictionaries.
  for (const f of readdirSync(site + 'js').filter((name) => name.endsWith('.js'))) {
    const src = readFileSync(site + 'js/' + f, 'utf8');
    // Literal keys: t('a.b'), tIn(lang, 'a.b'), and keys handed to helpers ('detail.address').
    for (const m of src.matchAll(/'((?:app|search|locate|filter|map|origin|action|list|sheet|results|result|unit|open|status|when|day|hours|detail|directions|kind|role|place|language|embed|builder|meta|lang)\.[A-Za-z_]+)'/g)) used.add(m[1]);
  }
  for (const f of ['index.html', 'embed.html', 'builder.html']) {
    const html = readFileSync(site + f, 'utf8');
    for (const m of html.matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/g)) used.add(m[1]);
  }
  for (let i = 0; i < 7; i++) used.add(`day.${i}`);
  for (const k of ['osm', 'amap', 'baidu', 'tencent']) used.add(`directions.${k}`);
  assert.ok(used.size > 100, `found ${used.size} keys`);
  const missing = [...used].filter((k) => !(k in zh));
  assert.deepEqual(missing, []);
});

test('the markup carries no visible text of its own outside the dictionaries', () => {
  for (const f of ['index.html', 'embed.html', 'builder.html']) {
    const body = readFileSync(site + f, 'utf8').replace(/^[\s\S]*?<body[^>]*>/, '').replace(/<noscript>[\s\S]*?<\/noscript>/g, '');
    const text = body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
    assert.equal(text, '', `${f} has literal text: ${text.slice(0, 80)}`);
  }
});
