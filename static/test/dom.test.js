// dom.test.js: which link targets built from data survive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeHref, httpUrl } from '../site/js/dom.js';

test('only http(s), tel:, mailto: and our own paths are kept', () => {
  const kept = ['https://example.org/a?b=1', 'http://example.org', 'tel:+86-755-88888888', 'tel:12348', 'mailto:info@example.org', '/embed?lat=1'];
  for (const v of kept) assert.ok(safeHref(v), v);
  const dropped = [
    'javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox', '//evil.example/x', 'tel:12348<script>', 'tel:abc', 'mailto:a@b?body=<x>', 'mailto:"x"@y',
    'ftp://example.org', 'file:///etc/passwd', '', null, undefined, 42, {},
  ];
  for (const v of dropped) assert.equal(safeHref(v), null, String(v));
});

test('in-app hash routes are kept, other fragments are not', () => {
  const kept = ['#/records/3f1e2d4c-0000-4000-8000-000000000001', '#/records?kind=law_firm', '#/records?stale=1', '#/records/new',
    '#/imports?run=12', '#/changes', '#/', '#/records?q=%E7%BD%97%E6%B9%96'];
  for (const v of kept) assert.equal(safeHref(v), v, v);
  const dropped = ['#', '#view', '#/records/<script>', '#/a b', '#/"x"', "#/x'><img", '#javascript:alert(1)', '# /x'];
  for (const v of dropped) assert.equal(safeHref(v), null, v);
});

test('httpUrl normalises and rejects', () => {
  assert.equal(httpUrl('https://example.org'), 'https://example.org/');
  assert.equal(httpUrl('http://x.test/<script>'), 'http://x.test/%3Cscript%3E');
  assert.equal(httpUrl('example.org'), null);
  assert.equal(httpUrl('javascript:alert(1)//https://x'), null);
});
