#!/usr/bin/env bash
# What only the test suites need, beyond what setup.sh installs for everyone: Debian's Chromium for
# the browser suite (driven by playwright-core; never a downloaded browser) and Debian's
# docker-compose to validate docker-compose.yml (no Docker engine needed for that). `npm test`
# runs this before the suites that use them; `npm run demo` and `npm run setup` do not.
# Safe to run again: each step skips what is already in place.
set -euo pipefail

say() { printf 'test-tools: %s\n' "$*"; }

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v docker-compose >/dev/null || missing+=(docker-compose)
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  say "installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  say "not installed: ${missing[*]} (apt-get install ${missing[*]}); the suites that use them will fail"
fi
