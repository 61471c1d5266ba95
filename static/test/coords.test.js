// coords.test.js: the datum conversions against published reference values and each other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  wgs84ToGcj02, gcj02ToWgs84, gcj02ToBd09, bd09ToGcj02, wgs84ToBd09, bd09ToWgs84, distanceMeters, outOfChina, validLatLng,
} from '../site/js/coords.js';

const close = (a, b, eps, msg) => assert.ok(Math.abs(a - b) < eps, `${msg}: ${a} vs ${b}`);

test('reference values of the standard formulas (coordtransform README, Beijing)', () => {
  const g = wgs84ToGcj02(39.915, 116.404);
  close(g.lat, 39.91640428150164, 1e-12, 'gcj lat');
  close(g.lng, 116.41024449916938, 1e-12, 'gcj lng');
  const b = gcj02ToBd09(39.915, 116.404);
  close(b.lat, 39.92133699351022, 1e-12, 'bd lat');
  close(b.lng, 116.41036949371029, 1e-12, 'bd lng');
  const back = bd09ToGcj02(39.915, 116.404);
  close(back.lat, 39.90865673957631, 1e-12, 'bd->gcj lat');
  close(back.lng, 116.39762729119315, 1e-12, 'bd->gcj lng');
});

test('the GCJ-02 shift in Shenzhen is a few hundred metres, and inverts to under a centimetre', () => {
  for (let lat = 22.45; lat <= 22.85; lat += 0.05) {
    for (let lng = 113.75; lng <= 114.6; lng += 0.05) {
      const g = wgs84ToGcj02(lat, lng);
      const shift = distanceMeters({ lat, lng }, g);
      assert.ok(shift > 200 && shift < 800, `shift ${shift} m at ${lat},${lng}`);
      const w = gcj02ToWgs84(g.lat, g.lng);
      assert.ok(distanceMeters({ lat, lng }, w) < 0.01, `gcj round trip at ${lat},${lng}`);
      const b = wgs84ToBd09(lat, lng);
      const wb = bd09ToWgs84(b.lat, b.lng);
      assert.ok(distanceMeters({ lat, lng }, wb) < 0.5, `bd09 round trip at ${lat},${lng}`);
    }
  }
});

test('outside China no offset is applied', () => {
  assert.equal(outOfChina(51.5, -0.12), true);
  assert.deepEqual(wgs84ToGcj02(51.5, -0.12), { lat: 51.5, lng: -0.12 });
  assert.deepEqual(gcj02ToWgs84(51.5, -0.12), { lat: 51.5, lng: -0.12 });
});

test('distance and validity', () => {
  close(distanceMeters({ lat: 22, lng: 114 }, { lat: 23, lng: 114 }), 111195, 50, 'one degree of latitude');
  assert.equal(distanceMeters({ lat: 22.5, lng: 114 }, { lat: 22.5, lng: 114 }), 0);
  assert.equal(validLatLng(22.5, 114), true);
  for (const [lat, lng] of [[NaN, 1], [1, Infinity], [91, 0], [0, -181], [1e400, 0]]) assert.equal(validLatLng(lat, lng), false);
});
