// directions.js: "take me there" links into the map apps people use, each in the datum it expects:
// OpenStreetMap takes WGS84, Amap GCJ-02, Baidu BD-09, and Tencent takes WGS84 when told
// coord_type=1. Names travel URL-encoded, with the separators these URL schemes use stripped out.

import { wgs84ToGcj02, wgs84ToBd09, validLatLng } from './coords.js';

const fix = (x) => x.toFixed(6);
// The apps split their parameters on , ; : | ; a name containing one would cut the link short.
const plain = (s) => String(s || '').replace(/[,;:|]/g, ' ').trim().slice(0, 80);

export function directionLinks(rec, origin) {
  if (!rec || !validLatLng(rec.lat, rec.lng)) return [];
  const { lat, lng } = rec;
  const name = plain(rec.name);
  const address = plain(rec.address);
  if (rec.position === 'approximate' && address) return addressLinks(address);
  const g = wgs84ToGcj02(lat, lng);
  const b = wgs84ToBd09(lat, lng);

  const osm = new URL('https://www.openstreetmap.org/directions');
  osm.searchParams.set('from', origin && validLatLng(origin.lat, origin.lng) ? `${fix(origin.lat)},${fix(origin.lng)}` : '');
  osm.searchParams.set('to', `${fix(lat)},${fix(lng)}`);
  osm.hash = `map=17/${fix(lat)}/${fix(lng)}`;

  const amap = new URL('https://uri.amap.com/navigation');
  amap.searchParams.set('to', `${fix(g.lng)},${fix(g.lat)},${name}`);
  amap.searchParams.set('mode', 'bus');
  amap.searchParams.set('coordinate', 'gaode');
  amap.searchParams.set('callnative', '1');

  const baidu = new URL('https://api.map.baidu.com/marker');
  baidu.searchParams.set('location', `${fix(b.lat)},${fix(b.lng)}`);
  baidu.searchParams.set('title', name);
  baidu.searchParams.set('content', address || name);
  baidu.searchParams.set('coord_type', 'bd09ll');
  baidu.searchParams.set('output', 'html');
  baidu.searchParams.set('src', 'legalmap');

  const tencent = new URL('https://apis.map.qq.com/uri/v1/marker');
  tencent.searchParams.set('marker', `coord:${fix(lat)},${fix(lng)};title:${name};addr:${address || name}`);
  tencent.searchParams.set('coord_type', '1');
  tencent.searchParams.set('referer', 'legalmap');

  return [
    { key: 'osm', href: osm.href },
    { key: 'amap', href: amap.href },
    { key: 'baidu', href: baidu.href },
    { key: 'tencent', href: tencent.href },
  ];
}

// addressLinks: a place placed approximately (at the centre of the area its address names, possibly
// kilometres off) is looked up in each app by its address, through their documented search URIs.
function addressLinks(address) {
  const osm = new URL('https://www.openstreetmap.org/search');
  osm.searchParams.set('query', address);
  const amap = new URL('https://uri.amap.com/search');
  amap.searchParams.set('keyword', address);
  amap.searchParams.set('callnative', '1');
  const baidu = new URL('https://api.map.baidu.com/geocoder');
  baidu.searchParams.set('address', address);
  baidu.searchParams.set('output', 'html');
  baidu.searchParams.set('src', 'legalmap');
  const tencent = new URL('https://apis.map.qq.com/uri/v1/search');
  tencent.searchParams.set('keyword', address);
  tencent.searchParams.set('referer', 'legalmap');
  return [
    { key: 'osm', href: osm.href },
    { key: 'amap', href: amap.href },
    { key: 'baidu', href: baidu.href },
    { key: 'tencent', href: tencent.href },
  ];
}
