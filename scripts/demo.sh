#!/usr/bin/env bash
# The newcomer's one command: set up the machine, start a local Spark Connect server, and run the
# quickstart against it. The server keeps running afterwards (`npm run server stop` stops it).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
url="${SPARK_REMOTE:-$(node scripts/spark-server.mjs start)}"
echo "demo: Spark Connect server at $url"
SPARK_REMOTE="$url" npx --no-install tsx examples/quickstart.ts
echo "demo: the server is still running at $url (stop it with: npm run server stop)"
