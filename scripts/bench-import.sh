#!/usr/bin/env bash
# The import benchmark: a 1,000,000-row law-firm CSV in the importer's layout, loaded into a fresh database
# by our importer (validation, coordinates, search documents, audit rows: the same code path as a ten-row
# import) and by GDAL's ogr2ogr (PG_USE_COPY=YES, into an empty table with a spatial index), on the same
# machine. Prints rows/s for both, their ratio, the unchanged re-import's rate, the daily update's time (the
# same file with 1% of its rows' addresses and phones changed) against ogr2ogr's whole load, and our peak RSS.
# Floors: first load >= 0.2x ogr2ogr's rows/s, daily update <= 1.5x ogr2ogr's load time, peak RSS < 512 MB.
#   BENCH_ROWS (default 1000000), BENCH_ADMIN_URL (a database URL whose role may create databases).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BIN:-bin/legalmap}
rows=${BENCH_ROWS:-1000000}
admin=${BENCH_ADMIN_URL:-postgres://legalmap:legalmap@localhost:5432/postgres?sslmode=disable}
db=legalmap_bench_import
dir=tmp/bench-import

say() { printf '==> %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v ogr2ogr >/dev/null; then
  say "installing gdal-bin (ogr2ogr)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gdal-bin >/dev/null
fi
[ -x /usr/bin/time ] || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null

url_for() { # the admin URL with another database name
  python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$admin" "$1"
}
dburl=$(url_for "$db")
psql -qX "$admin" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db TEMPLATE template1" >/dev/null
trap 'psql -qX "$admin" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
DATABASE_URL=$dburl "$bin" migrate >/dev/null

say "writing $rows law firms"
"$bin" sample --out "$dir" --scale "$rows" --only law_firm --seed 1 >&2
csv=$dir/law_firms.synthetic.csv
cat "$csv" >/dev/null # both loaders start from a warm page cache
size=$(stat -c %s "$csv")

export DATABASE_URL=$dburl MAX_UPLOAD_BYTES=$((size * 2)) # room for the daily file
elapsed() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }

say "ogr2ogr (PG_USE_COPY=YES, GiST index)"
pg="PG:$(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print("dbname=%s host=%s port=%s user=%s password=%s" % (p.path[1:], p.hostname, p.port or 5432, u.unquote(p.username or ""), u.unquote(p.password or "")))' "$dburl")"
PG_USE_COPY=YES /usr/bin/time -v -o tmp/bench-ogr.time ogr2ogr -f PostgreSQL "$pg" "$csv" -nln ogr_law_firms \
  -oo X_POSSIBLE_NAMES=经度 -oo Y_POSSIBLE_NAMES=纬度 -oo KEEP_GEOM_COLUMNS=NO -a_srs EPSG:4326 \
  -lco SPATIAL_INDEX=GIST -lco GEOMETRY_NAME=geom >/dev/null
ogr_s=$(elapsed tmp/bench-ogr.time)
ogr_rows=$(psql -qXAt "$dburl" -c "SELECT count(*) FROM ogr_law_firms")

say "legalmap import (first load)"
/usr/bin/time -v -o tmp/bench-ours.time "$bin" import --kind law_firm --crs wgs84 --file "$csv" --source bench --report json >tmp/bench-ours.json
ours_s=$(elapsed tmp/bench-ours.time)
ours_rows=$(psql -qXAt "$dburl" -c "SELECT count(*) FROM providers WHERE source = 'bench'")
audit=$(psql -qXAt "$dburl" -c "SELECT count(*) FROM changes")

# The schema alone: the rows our first load wrote (records, audit rows, fingerprints), dumped in binary and
# COPY'd into an empty copy of the schema in one transaction, with the importer's session settings and its
# final merge of the GIN pending lists. No importer does less than this; the time is the directory's own
# write cost (its indexes, foreign keys and audit), beside ogr2ogr's one table with one index.
say "the schema alone (the first load's rows, COPY'd into an empty copy of the schema)"
run_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["run_id"])' tmp/bench-ours.json)
rowsdir=tmp/bench-rows
mkdir -p "$rowsdir"
psql -qX "$dburl" <<SQL >/dev/null
\copy (SELECT * FROM import_runs WHERE id = $run_id) TO '$rowsdir/import_runs.bin' (FORMAT binary)
\copy (SELECT * FROM areas WHERE code IN (SELECT area_code FROM providers WHERE source = 'bench')) TO '$rowsdir/areas.bin' (FORMAT binary)
\copy (SELECT * FROM providers WHERE source = 'bench') TO '$rowsdir/providers.bin' (FORMAT binary)
\copy (SELECT * FROM changes WHERE import_run_id = $run_id) TO '$rowsdir/changes.bin' (FORMAT binary)
\copy (SELECT f.* FROM provider_fingerprints f JOIN providers p ON p.id = f.provider_id WHERE p.source = 'bench') TO '$rowsdir/fingerprints.bin' (FORMAT binary)
SQL
db2=${db}_schema
dburl2=$(url_for "$db2")
psql -qX "$admin" -c "DROP DATABASE IF EXISTS $db2 WITH (FORCE)" -c "CREATE DATABASE $db2 TEMPLATE template1" >/dev/null
trap 'psql -qX "$admin" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "DROP DATABASE IF EXISTS $db2 WITH (FORCE)" >/dev/null 2>&1 || true; rm -rf "$rowsdir"' EXIT
DATABASE_URL=$dburl2 "$bin" migrate >/dev/null
psql -qX "$dburl2" <<SQL >/dev/null
CREATE TEMP TABLE a (LIKE areas);
\copy a FROM '$rowsdir/areas.bin' (FORMAT binary)
INSERT INTO areas SELECT * FROM a ON CONFLICT (code) DO NOTHING;
\copy import_runs FROM '$rowsdir/import_runs.bin' (FORMAT binary)
SQL
cat >"$rowsdir/load.sql" <<SQL
SET LOCAL work_mem = '256MB';
SET LOCAL maintenance_work_mem = '256MB';
SET LOCAL gin_pending_list_limit = '16MB';
\copy providers FROM '$rowsdir/providers.bin' (FORMAT binary)
\copy changes FROM '$rowsdir/changes.bin' (FORMAT binary)
\copy provider_fingerprints FROM '$rowsdir/fingerprints.bin' (FORMAT binary)
SELECT gin_clean_pending_list(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
  JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'gin' AND i.indrelid = 'providers'::regclass;
SQL
/usr/bin/time -v -o tmp/bench-schema.time psql -qX -1 -v ON_ERROR_STOP=1 "$dburl2" -f "$rowsdir/load.sql" >/dev/null
schema_s=$(elapsed tmp/bench-schema.time)
schema_rows=$(psql -qXAt "$dburl2" -c "SELECT count(*) FROM providers")
psql -qX "$admin" -c "DROP DATABASE IF EXISTS $db2 WITH (FORCE)" >/dev/null
rm -rf "$rowsdir"

# A million rows inserted set autovacuum going on providers soon after the load commits. It is run here,
# before the timed runs that follow, so that it does not land at random inside one of them (on two cores it
# takes one); its time is printed beside the rest.
say "VACUUM ANALYZE after the first load (what autovacuum would do next)"
/usr/bin/time -v -o tmp/bench-vacuum.time psql -qX "$dburl" -c "VACUUM ANALYZE providers" -c "VACUUM ANALYZE changes" -c "VACUUM ANALYZE provider_fingerprints" >/dev/null
vacuum_s=$(elapsed tmp/bench-vacuum.time)

say "legalmap import (the same file again: unchanged)"
/usr/bin/time -v -o tmp/bench-again.time "$bin" import --kind law_firm --crs wgs84 --file "$csv" --source bench --report json >tmp/bench-again.json
again_s=$(elapsed tmp/bench-again.time)
unchanged=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["unchanged"])' tmp/bench-again.json)

say "legalmap import (the daily update: 1% of the rows changed)"
daily=$dir/law_firms.daily.csv
python3 - "$csv" "$daily" <<'PY'
import csv, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f, open(sys.argv[2], "w", encoding="utf-8", newline="") as out:
    r, w = csv.reader(f), csv.writer(out)
    head = next(r)
    w.writerow(head)
    addr, phone = head.index("办公地址"), head.index("联系电话")
    for i, row in enumerate(r):
        if i % 100 == 0:
            row[addr] = row[addr] + "（新址）"
            row[phone] = "0755-8%07d" % i
        w.writerow(row)
PY
/usr/bin/time -v -o tmp/bench-daily.time "$bin" import --kind law_firm --crs wgs84 --file "$daily" --source bench --report json >tmp/bench-daily.json
daily_s=$(elapsed tmp/bench-daily.time)
updated=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["updated"])' tmp/bench-daily.json)

python3 - "$rows" "$ogr_rows" "$ogr_s" "$ours_rows" "$ours_s" "$schema_rows" "$schema_s" "$vacuum_s" "$again_s" "$unchanged" "$audit" "$(rss tmp/bench-ours.time)" "$(rss tmp/bench-again.time)" "$daily_s" "$updated" "$(rss tmp/bench-daily.time)" <<'PY'
import sys
rows, ogr_rows, ogr_s, ours_rows, ours_s, schema_rows, schema_s, vacuum_s, again_s, unchanged, audit, rss1, rss2, daily_s, updated, rss3 = sys.argv[1:]
rows, ogr_rows, ours_rows, schema_rows, unchanged, audit, updated = map(int, (rows, ogr_rows, ours_rows, schema_rows, unchanged, audit, updated))
ogr_s, ours_s, schema_s, vacuum_s, again_s, daily_s = map(float, (ogr_s, ours_s, schema_s, vacuum_s, again_s, daily_s))
schema = schema_rows / schema_s
ogr, ours, again = ogr_rows / ogr_s, ours_rows / ours_s, unchanged / again_s
print(f"rows in the file            {rows:>12,}")
print(f"ogr2ogr                     {ogr_rows:>12,} rows in {ogr_s:7.1f} s = {ogr:>10,.0f} rows/s")
print(f"legalmap import             {ours_rows:>12,} rows in {ours_s:7.1f} s = {ours:>10,.0f} rows/s  ({audit:,} audit rows)")
print(f"ratio legalmap / ogr2ogr    {ours / ogr:12.2f}  (floor >= 0.2)")
print(f"the schema alone            {schema_rows:>12,} rows in {schema_s:7.1f} s = {schema:>10,.0f} rows/s  ({schema / ogr:.2f}x ogr2ogr: the same rows COPY'd, no importer)")
print(f"legalmap / the schema alone {ours / schema:12.2f}  (1.00: the importer's own work costs nothing on top)")
print(f"VACUUM ANALYZE after it     {vacuum_s:>31.1f} s  (not counted in the load)")
print(f"re-import, unchanged        {unchanged:>12,} rows in {again_s:7.1f} s = {again:>10,.0f} rows/s")
print(f"daily update (1% changed)   {updated:>12,} rows updated in {daily_s:7.1f} s = {daily_s / ogr_s:.2f}x ogr2ogr's load (floor <= 1.5x)")
print(f"peak RSS legalmap           {rss1:>9} MB (re-import {rss2} MB, daily update {rss3} MB; floor < 512 MB)")
PY
