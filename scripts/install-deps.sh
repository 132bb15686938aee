#!/usr/bin/env bash
# Installs the Debian 12 packages convjit needs, and any named as arguments
# (the benchmarks' peers), only those missing, so a second run costs a few
# dpkg queries and no network.
set -euo pipefail

packages=("$@"
  cmake gcc g++ make pkgconf
  libxbyak-dev libspdlog-dev libgtest-dev libbenchmark-dev libzydis-dev
  libcli11-dev nlohmann-json3-dev
  python3-numpy  # the .npy interoperability test; the Python module's arrays
  # The Python module (python/) and its tests against PyTorch
  python3-dev pybind11-dev libdlpack-dev python3-pytest python3-torch
)

missing=()
for p in "${packages[@]}"; do
  # dpkg -s also lists removed-but-configured packages; require "install ok installed".
  if [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]]; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo=()
if ((EUID != 0)); then sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
