// admin.test.js: the admin pages' dictionaries agree, every key their code and markup use exists, and
// no admin module builds markup from strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import zh from '../site/i18n/admin-zh.js';
import en from '../site/i18n/admin-en.js';

const site = fileURLToPath(new URL('../site/', import.meta.url));
const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
const sources = readdirSync(site + 'js/admin').map((f) => [f, readFileSync(site + 'js/admin/' + f, 'utf8')]);

test('admin zh and en have the same keys and placeholders, none empty', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  for (const key of Object.keys(zh)) {
    assert.ok(zh[key].length && en[key].length, key);
    assert.equal(placeholders(en[key]), placeholders(zh[key]), `placeholders of ${key}`);
  }
});

test('every literal key the admin pages use exists', () => {
  const used = new Set();
  for (const [, src] of sources) for (const m of src.matchAll(/\bt\('([a-zA-Z_]+\.[A-Za-z_.]+)'/g)) used.add(m[1]);
  for (const m of readFileSync(site + 'admin.html', 'utf8').matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/g)) used.add(m[1]);
  for (const code of ['viewer', 'editor', 'importer', 'admin']) used.add(`role.${code}`);
  for (const code of ['create', 'update', 'withdraw', 'restore', 'verify']) used.add(`action.${code}`);
  for (const code of ['withdraw', 'restore', 'verify']) used.add(`actions.done.${code}`);
  for (const code of ['active', 'temporarily_closed', 'closed']) used.add(`status.${code}`);
  assert.ok(used.size > 100, `found ${used.size} keys`);
  assert.deepEqual([...used].filter((k) => !(k in zh)), []);
});

test('admin code never builds markup from strings and never inlines script or style', () => {
  for (const [f, src] of sources) {
    assert.doesNotMatch(src, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/, f);
  }
  const html = readFileSync(site + 'admin.html', 'utf8');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'inline script');
  assert.doesNotMatch(html, /\sstyle=|<style|\son[a-z]+=/i, 'inline style or handler');
});

test('a reason in both languages shows the page language half; quoted values stay whole', async () => {
  const { inLanguage } = await import('../site/js/admin/report.js');
  const cases = [
    ['缺少名称 / name missing', '缺少名称', 'name missing'],
    ['无法识别的状态「a / b」，按正常处理 / status "a / b" not understood: taken as active', '无法识别的状态「a / b」，按正常处理', 'status "a / b" not understood: taken as active'],
    ['坐标 (116.4 / 39.9) 不在服务区域内 / point outside the service region', '坐标 (116.4 / 39.9) 不在服务区域内', 'point outside the service region'],
    ['only one language', 'only one language', 'only one language'],
    [' / ', ' / ', ' / '],
  ];
  for (const [text, zh, en] of cases) {
    assert.equal(inLanguage(text, 'zh'), zh, text);
    assert.equal(inLanguage(text, 'en'), en, text);
  }
});
