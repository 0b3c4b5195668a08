#!/usr/bin/env bash
# Rebuilds src/gen from the pinned Spark release: extract the .proto files, then buf + ts-proto.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
python="${SPARK_TS_VENV:-$root/.venv}/bin/python"
[ -x "$python" ] || { echo "proto: no project venv at ${SPARK_TS_VENV:-.venv}; run \`npm run setup\` first" >&2; exit 1; }
rm -rf proto/build src/gen
"$python" proto/extract.py proto/build
npx --no-install buf generate proto/build --template proto/buf.gen.yaml
echo "proto: generated $(find src/gen -name '*.ts' | wc -l) modules in src/gen"
