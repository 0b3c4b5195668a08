#!/usr/bin/env bash
# Sets up a fresh machine for development and the demo: Java for the local Spark Connect server, the
# project venv with the pinned pyspark (server + protocol source), npm packages, and the build.
# What only the test suites need (Chromium, docker-compose) is scripts/test-tools.sh's.
# Safe to run again: each step skips what is already in place.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
venv="${SPARK_TS_VENV:-$root/.venv}"
spark_version="$(node -p "require('./proto/spark.json').spark")"

say() { printf 'setup: %s\n' "$*"; }

java_major() {
  "$1" -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p' | head -n 1
}

# Spark 4 runs on Java 17 or 21.
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/java}"
[ -n "$java_bin" ] && [ -x "$java_bin" ] || java_bin="$(command -v java || true)"
major="$([ -n "$java_bin" ] && java_major "$java_bin" || echo 0)"
if [ "${major:-0}" -lt 17 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Java 17 (found ${major:-none})"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
  else
    echo "setup: Spark needs Java 17 or 21 on PATH or in JAVA_HOME (found ${major:-none})" >&2
    exit 1
  fi
fi

if [ ! -x "$venv/bin/python" ]; then
  say "creating the project venv"
  python3 -m venv "$venv"
fi
say "installing pyspark $spark_version and the pinned Python tools into the venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r scripts/requirements.txt "pyspark[connect]==$spark_version"

say "installing npm packages"
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi

say "building (protocol stubs + TypeScript)"
npm run --silent build
say "done"
