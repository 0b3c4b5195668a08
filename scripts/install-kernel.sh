#!/usr/bin/env bash
# Installs this package's notebook kernel into a Jupyter environment: the npm packages and the
# build when they are missing, then the kernelspec, then a check that Jupyter lists it. The host
# path (`npm run lab`) and the container image (kernel/Dockerfile) both install the kernel with it.
#
#   scripts/install-kernel.sh [--python <jupyter's python>] [--name <kernel name>]
#                             [--remote <sc://...> | --remote-from-env <VAR>] [--user | --sys-prefix | --prefix <dir>]
#
# --python is the Python of the Jupyter that should list the kernel (default: the project venv's,
# else python3); --sys-prefix installs into that Python's environment. Without --remote the kernel
# connects to $SPARK_REMOTE as Jupyter starts it (then sc://localhost:15002); --remote-from-env
# keeps any connection string (and its token) out of kernel.json, see the README.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

python=""
name="spark-ts"
scope=(--user)
remote=()
while [ $# -gt 0 ]; do
  case "$1" in
    --python) python="$2"; shift 2 ;;
    --name) name="$2"; shift 2 ;;
    --remote) remote=(--remote "$2"); shift 2 ;;
    --remote-from-env) remote=(--remote-from-env "$2"); shift 2 ;;
    --user) scope=(--user); shift ;;
    --sys-prefix) scope=(--sys-prefix); shift ;;
    --prefix) scope=(--prefix "$2"); shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "install-kernel: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$python" ]; then
  venv="${SPARK_TS_VENV:-$root/.venv}"
  if [ -x "$venv/bin/python" ]; then python="$venv/bin/python"; else python="$(command -v python3)"; fi
fi
say() { printf 'install-kernel: %s\n' "$*"; }

if [ ! -d node_modules ]; then
  say "installing npm packages"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
fi
if [ ! -f dist/index.js ] || [ ! -f kernel/dist/cli.js ]; then
  say "building the package"
  npm run --silent build
fi

# --sys-prefix means the environment of the given Python: say which one to the installer.
prefix_env="$("$python" -c 'import sys; print(sys.prefix)')"
say "registering the kernel \"$name\" with the Jupyter of $python"
VIRTUAL_ENV="$prefix_env" node kernel/bin/spark-ts-kernel.js install "${scope[@]}" --name "$name" "${remote[@]}"
# Jupyter, and so the installer, keep kernel names in lower case.
name="$(printf '%s' "$name" | tr '[:upper:]' '[:lower:]')"

if ! "$python" -m jupyter kernelspec list --json | "$python" -c 'import json, sys; sys.exit(0 if sys.argv[1] in json.load(sys.stdin)["kernelspecs"] else 1)' "$name"; then
  echo "install-kernel: Jupyter ($python) does not list the kernel \"$name\"; is it the Python whose Jupyter you run?" >&2
  exit 1
fi
say "done: Jupyter lists \"$name\""
