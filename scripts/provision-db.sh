#!/usr/bin/env bash
# Makes a local PostgreSQL + PostGIS ready for legalmap, on Debian/Ubuntu, as root or with sudo:
# installs what is missing from the distribution's packages, starts the cluster if it is down, and creates the
# role and the database (plus the extensions, in template1 too, so test databases cloned later have them).
# Every step checks before it acts, so running it twice is harmless.
# With DATABASE_URL set, it installs and starts nothing: it only checks that the database answers.
set -euo pipefail

DB_NAME=${DB_NAME:-legalmap}
DB_USER=${DB_USER:-legalmap}
DB_PASSWORD=${DB_PASSWORD:-legalmap}

say() { printf '==> %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

if [ -n "${DATABASE_URL:-}" ]; then
  say "DATABASE_URL is set: using that database, installing nothing"
  exit 0
fi

apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then
    say "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  say "installing $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_version() { ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1; }

if [ -z "$(pg_version)" ]; then
  apt_install postgresql
fi
V=$(pg_version)
if [ ! -f "/usr/share/postgresql/$V/extension/postgis.control" ]; then
  apt_install "postgresql-$V-postgis-3"
fi

if ! pg_lsclusters -h 2>/dev/null | awk -v v="$V" '$1==v && $2=="main"' | grep -q .; then
  say "creating cluster $V/main"
  as_root pg_createcluster "$V" main >/dev/null
fi
# Memory and WAL sized for a machine given to this service (development, CI, the benchmarks): the defaults
# (128 MB of shared buffers, a checkpoint every 1 GB of WAL) make a million-row import checkpoint over and
# over and a million-place directory read its pages through the kernel on every query. A running cluster
# takes the new file at its next restart, which this script does not force on its users.
mem_mb=$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 }' /proc/meminfo)
conf=/etc/postgresql/$V/main/conf.d/legalmap.conf
want_conf="# written by legalmap's scripts/provision-db.sh
shared_buffers = $(( mem_mb / 4 > 4096 ? 4096 : mem_mb / 4 ))MB
effective_cache_size = $(( mem_mb / 2 ))MB
max_wal_size = 4GB
checkpoint_timeout = 15min"
if [ -d "$(dirname "$conf")" ] && [ "$(cat "$conf" 2>/dev/null)" != "$want_conf" ]; then
  say "writing $conf"
  printf '%s\n' "$want_conf" | as_root tee "$conf" >/dev/null
  if pg_lsclusters -h | awk -v v="$V" '$1==v && $2=="main" {print $4}' | grep -q online; then
    say "PostgreSQL is running: the settings apply at its next restart (pg_ctlcluster $V main restart)"
  fi
fi
if ! pg_lsclusters -h | awk -v v="$V" '$1==v && $2=="main" {print $4}' | grep -q online; then
  say "starting PostgreSQL $V"
  as_root pg_ctlcluster "$V" main start
fi
for _ in $(seq 1 60); do
  as_postgres pg_isready -q && break
  sleep 0.5
done
as_postgres pg_isready -q || { echo "PostgreSQL did not come up; see /var/log/postgresql/" >&2; exit 1; }

psql_su() { as_postgres psql -v ON_ERROR_STOP=1 -qAt "$@"; }
if [ "$(psql_su -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != 1 ]; then
  say "creating role $DB_USER"
  psql_su -c "CREATE ROLE \"$DB_USER\" LOGIN CREATEDB PASSWORD '$DB_PASSWORD'"
fi
if [ "$(psql_su -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]; then
  say "creating database $DB_NAME"
  psql_su -c "CREATE DATABASE \"$DB_NAME\" OWNER \"$DB_USER\""
fi
# PostGIS is not a trusted extension: the superuser creates it, in template1 for the databases tests clone.
for db in template1 "$DB_NAME"; do
  psql_su -d "$db" -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS pg_trgm;"
done
say "PostgreSQL $V with PostGIS ready: postgres://$DB_USER:***@localhost:5432/$DB_NAME"
