// vendor.test.js: the committed site/vendor/ is exactly what npm installs from the lockfile and
// scripts/copy-vendor.sh copies (vendor.txt), no file more or less, so a plain `go build` embeds the
// libraries the lockfile names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const pairs = readFileSync(root + 'vendor.txt', 'utf8').split('\n')
  .map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((l) => l.split(/\s+/));

const files = (dir) => readdirSync(dir).flatMap((f) =>
  statSync(dir + '/' + f).isDirectory() ? files(dir + '/' + f).map((g) => f + '/' + g) : [f]);

test('every vendored file equals its npm original', () => {
  assert.ok(pairs.length > 0);
  for (const [from, to] of pairs) {
    const want = readFileSync(root + 'node_modules/' + from);
    const got = readFileSync(root + 'site/' + to);
    assert.ok(want.equals(got), `site/${to} differs from node_modules/${from}: run make web and commit site/vendor`);
  }
});

test('site/vendor holds only the files vendor.txt lists', () => {
  const listed = pairs.map(([, to]) => to).sort();
  const present = files(root + 'site/vendor').map((f) => 'vendor/' + f).sort();
  assert.deepEqual(present, listed);
});
