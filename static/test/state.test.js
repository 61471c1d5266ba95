// state.test.js: the URL round trip of the citizen page, and what a hand-edited link cannot do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseState, serializeState, filterParams } from '../site/js/state.js';

const defaults = { center: { lat: 22.5431, lng: 114.0579 }, zoom: 12 };

test('a full state survives the URL', () => {
  const s = parseState('', defaults);
  Object.assign(s, {
    center: { lat: 22.61234, lng: 113.91111 }, zoom: 15, origin: { lat: 22.6, lng: 113.9 },
    kinds: ['legal_aid', 'notary'], area: 'labour', language: 'en', openNow: true, free: true,
    q: '被拖欠工资 & <b>', id: '6b1d3c1e-0000-4000-8000-000000000001', lang: 'en',
  });
  const back = parseState(`?${serializeState(s)}`, defaults);
  assert.deepEqual({ ...back, hasView: undefined }, { ...s, hasView: undefined });
  assert.equal(back.hasView, true);
});

test('defaults: no parameters gives the configured view and Chinese', () => {
  const s = parseState('', defaults);
  assert.deepEqual(s.center, defaults.center);
  assert.deepEqual(s.origin, defaults.center);
  assert.equal(s.zoom, 12);
  assert.equal(s.lang, 'zh');
  assert.equal(s.hasView, false);
  assert.equal(serializeState(s), 'lat=22.5431&lng=114.0579&zoom=12');
});

test('bad values are ignored, never passed on', () => {
  const s = parseState('?lat=NaN&lng=1e400&zoom=99&olat=91&olng=0&kind=law_firm,DROP%20TABLE,x%27--,legal_aid,law_firm'
    + '&practice_area=%3Cscript%3E&language=english&open_now=yes&free=0&id=../../etc/passwd&lang=fr&q=' + 'x'.repeat(500), defaults);
  assert.deepEqual(s.center, defaults.center);
  assert.equal(s.zoom, 12);
  assert.deepEqual(s.origin, defaults.center);
  assert.deepEqual(s.kinds, ['law_firm', 'legal_aid']);
  assert.equal(s.area, '');
  assert.equal(s.language, '');
  assert.equal(s.openNow, false);
  assert.equal(s.free, false);
  assert.equal(s.id, '');
  assert.equal(s.lang, 'zh');
  assert.equal(s.q.length, 200);
});

test('empty coordinates are not zero', () => {
  const s = parseState('?lat=&lng=&olat=&olng=', defaults);
  assert.deepEqual(s.center, defaults.center);
  assert.equal(s.hasView, false);
});

test('filterParams uses the API names and leaves unset filters out', () => {
  const s = parseState('?kind=notary&open_now=1', defaults);
  assert.deepEqual(filterParams(s), { kind: ['notary'], practice_area: '', language: '', open_now: 'true', free: '' });
});

test('the origin\'s label travels in the URL, trimmed and bounded', () => {
  const s = parseState('?lat=22.5&lng=114&olat=22.51&olng=114.01&label=%20南头社区党群服务中心%20');
  assert.equal(s.label, '南头社区党群服务中心');
  assert.equal(new URLSearchParams(serializeState(s)).get('label'), '南头社区党群服务中心');
  assert.equal(parseState('?label=' + 'x'.repeat(100)).label.length, 60);
  assert.equal(new URLSearchParams(serializeState(parseState('?lat=22.5&lng=114'))).has('label'), false);
});
