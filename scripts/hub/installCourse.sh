#!/usr/bin/env bash
# The course inside an image: the npm packages the notebooks need at run time (no dev tools), then the
# tslab kernel registered in the image's Jupyter so that JupyterLab offers it. Run by Binder's
# binder/postBuild and by the Dockerfile (Zero to JupyterHub); tests/binder.test.ts runs it in a clean
# clone. Needs Node 20+ and npm on PATH, and a Python with jupyter_client.
#
# Environment: PYTHON (default python3) the Python whose Jupyter gets the kernel;
#   DOWNHILL_KERNEL_PREFIX (default that Python's sys.prefix) where the kernelspec goes:
#   <prefix>/share/jupyter/kernels/tslab.
set -euo pipefail
cd "$(dirname "$0")/../.."
python="${PYTHON:-python3}"

major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 20 ]; then
  echo "[downhill] Node $(node --version) is too old: the course needs Node 20 or newer" >&2
  exit 1
fi
npm ci --omit=dev --no-audit --no-fund

prefix="${DOWNHILL_KERNEL_PREFIX:-$("$python" -c 'import sys; print(sys.prefix)')}"
tslab="$PWD/node_modules/.bin/tslab"
"$tslab" install --python="$python" --binary="$tslab" --prefix="$prefix"
echo "[downhill] tslab kernel registered in $prefix/share/jupyter/kernels/tslab"
