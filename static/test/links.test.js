// links.test.js: directions links carry each app's datum, and the builder's snippets escape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { directionLinks } from '../site/js/directions.js';
import { wgs84ToGcj02, wgs84ToBd09 } from '../site/js/coords.js';
import { escapeAttr, iframeSnippet, scriptSnippet, embedQuery } from '../site/js/snippet.js';
import { formatDistance, telHref } from '../site/js/format.js';
import { setLang, setCity } from '../site/js/i18n.js';
import { query } from '../site/js/api.js';

const rec = { lat: 22.5431, lng: 114.0579, name: '福田;区:法律|援助,中心', address: '深圳市福田区' };

test('directions: OSM WGS84, Amap GCJ-02, Baidu BD-09, Tencent WGS84 with coord_type=1', () => {
  const links = Object.fromEntries(directionLinks(rec).map((l) => [l.key, new URL(l.href)]));
  assert.deepEqual(Object.keys(links), ['osm', 'amap', 'baidu', 'tencent']);
  for (const u of Object.values(links)) assert.equal(u.protocol, 'https:');
  assert.equal(links.osm.searchParams.get('to'), '22.543100,114.057900');
  const g = wgs84ToGcj02(rec.lat, rec.lng);
  const [lng, lat, name] = links.amap.searchParams.get('to').split(',');
  assert.equal(Number(lng), Number(g.lng.toFixed(6)));
  assert.equal(Number(lat), Number(g.lat.toFixed(6)));
  assert.equal(name, '福田 区 法律 援助 中心', 'separators in the name are stripped');
  const b = wgs84ToBd09(rec.lat, rec.lng);
  assert.equal(links.baidu.searchParams.get('location'), `${b.lat.toFixed(6)},${b.lng.toFixed(6)}`);
  assert.equal(links.baidu.searchParams.get('coord_type'), 'bd09ll');
  assert.equal(links.tencent.searchParams.get('coord_type'), '1');
  assert.match(links.tencent.searchParams.get('marker'), /^coord:22\.543100,114\.057900;title:/);
  assert.deepEqual(directionLinks({ lat: NaN, lng: 1 }), []);
});

test('directions to an approximate place search its address, never the approximate point', () => {
  const approx = { ...rec, position: 'approximate', address: '深圳市福田区某路1号' };
  const links = directionLinks(approx);
  assert.deepEqual(links.map((l) => l.key), ['osm', 'amap', 'baidu', 'tencent']);
  for (const l of links) {
    assert.ok(decodeURIComponent(l.href).includes('深圳市福田区某路1号'), l.href);
    assert.ok(!l.href.includes('22.5431'), l.href);
  }
});

test('snippets escape the label and URL-encode it in the src', () => {
  const s = { origin: { lat: 22.5, lng: 114 }, zoom: 14, kinds: ['legal_aid'], area: '', lang: 'zh', label: '"><script>alert(1)</script>&', width: '100%', height: 560, auto: true };
  const iframe = iframeSnippet('https://map.example', s);
  const script = scriptSnippet('https://map.example', s);
  for (const text of [iframe, script]) {
    assert.ok(!text.includes('"><script>'), text);
    assert.ok(!/<script>alert/.test(text), text);
  }
  assert.match(iframe, /^<iframe title="[^"]*"\n {2}src="https:\/\/map\.example\/embed\?lat=22\.50000&amp;lng=114\.00000&amp;zoom=14&amp;kind=legal_aid&amp;lang=zh&amp;label=/);
  assert.match(script, /data-label="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;&amp;"/);
  assert.match(script, /data-height="auto"/);
  assert.equal(embedQuery(s).get('label'), s.label);
  assert.equal(escapeAttr(`a"b'c<d>&`), 'a&quot;b&#39;c&lt;d&gt;&amp;');
});

test('the iframe snippet names its place in plain words, first, in the widget language', () => {
  setCity({ city_name_zh: '深圳市', city_name_en: 'Shenzhen' }); // the city is configuration: /api/v1/config
  const s = { origin: { lat: 22.5, lng: 114 }, zoom: 14, kinds: [], area: '', lang: 'zh', label: '南头社区党群服务中心', width: '100%', height: 560, auto: false };
  const iframe = iframeSnippet('https://map.example', s);
  assert.match(iframe, /^<iframe title="深圳法治地图：南头社区党群服务中心附近的法律服务"\n/);
  assert.ok(!iframe.split('src=')[1].includes('南头'), 'the src percent-encodes the label');
  assert.match(scriptSnippet('https://map.example', { ...s, lang: 'en' }), /data-title="Legal services near 南头社区党群服务中心 \(Shenzhen legal services map\)"/);
  assert.match(iframeSnippet('https://map.example', { ...s, label: '' }), /^<iframe title="深圳法治地图：附近的法律服务"/);
  assert.match(iframeSnippet('https://map.example', { ...s, label: '$& $1 社区' }), /^<iframe title="深圳法治地图：\$&amp; \$1 社区附近的法律服务"/);
});

test('distances and phone links', () => {
  setLang('zh');
  assert.equal(formatDistance(4), '10 米');
  assert.equal(formatDistance(734), '730 米');
  assert.equal(formatDistance(1049), '1.0 公里');
  assert.equal(formatDistance(15400), '15 公里');
  assert.equal(formatDistance(NaN), '');
  setLang('en');
  assert.equal(formatDistance(2500), '2.5 km');
  assert.equal(telHref('0755-8888 8888'), 'tel:075588888888');
  assert.equal(telHref('+86 (755) 1234-5678 转 8'), 'tel:+8675512345678');
  assert.equal(telHref('javascript:alert(1)'), null);
  assert.equal(telHref('javascript:alert(12348)'), null, 'text around digits is not a number');
  assert.equal(telHref('0755-88888888 (9:00-17:00)'), null, 'a note is not dialled');
  assert.equal(telHref('"><img src=x onerror=alert(13)>'), null);
  assert.equal(telHref('12'), null);
});

test('API query strings skip empty values and join lists', () => {
  assert.equal(query({ kind: ['a', 'b'], q: '离婚 & x', free: '', open_now: false, lat: '22.5' }), '?kind=a%2Cb&q=%E7%A6%BB%E5%A9%9A+%26+x&lat=22.5');
  assert.equal(query({}), '');
});

test('a second city names itself in the snippet', () => {
  setCity({ city_name_zh: '杭州市', city_name_en: 'Hangzhou' });
  const s = { origin: { lat: 30.25, lng: 120.17 }, zoom: 14, kinds: [], area: '', lang: 'zh', label: '', width: '100%', height: 560, auto: false };
  assert.match(iframeSnippet('https://map.example', s), /^<iframe title="杭州法治地图：附近的法律服务"/);
  assert.match(scriptSnippet('https://map.example', { ...s, lang: 'en', label: '湖滨' }), /data-title="Legal services near 湖滨 \(Hangzhou legal services map\)"/);
  setCity({ city_name_zh: '深圳市', city_name_en: 'Shenzhen' });
});
