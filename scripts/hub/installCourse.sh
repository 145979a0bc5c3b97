#!/usr/bin/env bash
# The course inside an image: the npm packages the notebooks need at run time (no dev tools), then the
# course's two kernels, "TypeScript (tslab)" and "TypeScript (Deno)", registered in the image's Jupyter
# so that JupyterLab offers both (scripts/kernelSpecs.mjs). Run by Binder's
# binder/postBuild and by the Dockerfile (Zero to JupyterHub); tests/binder.test.ts runs it in a clean
# clone. Needs Node 22+ and npm on PATH, and a Python with jupyter_client.
#
# Environment: PYTHON (default python3) the Python whose Jupyter gets the kernel;
#   DOWNHILL_KERNEL_PREFIX (default that Python's sys.prefix) where the kernelspec goes:
#   <prefix>/share/jupyter/kernels/tslab and …/deno.
set -euo pipefail
cd "$(dirname "$0")/../.."
python="${PYTHON:-python3}"

major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 22 ]; then
  echo "[downhill] Node $(node --version) is too old: the course needs Node 22 or newer" >&2
  exit 1
fi
npm ci --omit=dev --no-audit --no-fund

prefix="${DOWNHILL_KERNEL_PREFIX:-$("$python" -c 'import sys; print(sys.prefix)')}"
node scripts/kernelSpecs.mjs --python "$python" --prefix "$prefix"
