# Shared set-up for scripts/run and scripts/test: Debian packages and the project's virtualenv.
# Everything is installed only when missing, so a second run starts at once.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

say() { printf '==> %s\n' "$*" >&2; }

# apt_install PKG...: install the Debian packages that are not installed yet.
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    say "missing Debian packages: ${missing[*]} (install them as root with apt-get)"
    return 1
  fi
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || apt-get update -qq  # a mirror hiccup should not fail the build
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# pick_python: the first Python 3.11 or 3.12 on the PATH (durable-rules does not build on 3.13).
pick_python() {
  local candidate
  for candidate in python3.11 python3.12 python3; do
    if command -v "$candidate" >/dev/null &&
       "$candidate" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 12))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  say "Python 3.11 or 3.12 is needed"; return 1
}

# ensure_venv EXTRAS: a virtualenv in .venv with the project installed (editable) with EXTRAS.
ensure_venv() {
  local extras="$1" python
  python="$(pick_python)"
  # durable-rules is a C extension built from source: it needs gcc and Python's headers.
  if ! command -v gcc >/dev/null ||
     ! "$python" -c 'import sysconfig, os, sys; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' ||
     ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
    apt_install gcc libc6-dev python3-dev python3-venv
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating $VENV"
    "$python" -m venv "$VENV"
  fi
  local stamp="$VENV/.installed-${extras:-base}"
  if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ] || [ "$ROOT/constraints.txt" -nt "$stamp" ]; then
    say "installing the project and its Python packages ($extras)"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
    # Exact versions from constraints.txt: a clean clone installs what was tested (SECURITY.md).
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -c "$ROOT/constraints.txt" -e "$ROOT${extras:+[$extras]}"
    touch "$stamp"
  fi
}
