#!/usr/bin/env bash
# Installs the Python module built in BUILD (default build/) for Debian's
# /usr/bin/python3: into /usr/local/lib/python3.X/dist-packages/convjit,
# which that python3 searches, so `python3 -c "import convjit"` works from
# any directory. Lists what it wrote in BUILD/install_manifest_python.txt;
# `rm -r` of that directory removes it. Says so and does nothing when the
# module was not built (no pybind11).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}

if ! compgen -G "$build/python/convjit/_convjit*.so" > /dev/null; then
  echo "install-python: no module in $build/python (see the configure output): not installed" >&2
  exit 0
fi
sudo=()
if ((EUID != 0)); then sudo=(sudo); fi
"${sudo[@]}" cmake --install "$build" --component python --prefix /usr/local > /dev/null
site=$(sed -n 's|/convjit/__init__.py$||p' "$build/install_manifest_python.txt")
echo "install-python: convjit installed into $site/convjit (remove: rm -r $site/convjit)" >&2
# From elsewhere than the tree, with nothing but the installed copy.
(cd / && env -u PYTHONPATH /usr/bin/python3 -B -c "import convjit")
