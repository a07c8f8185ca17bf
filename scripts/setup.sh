# Shared set-up for scripts/demo and scripts/test: installs only what is missing.
# Sourced, not run. Works as root (CI) or with sudo.

set -euo pipefail

root_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Swift 6.1 or later: on PATH, or the toolchain at /opt/swift.
ensure_swift() {
    if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
        export PATH="/opt/swift/usr/bin:$PATH"
    fi
    command -v swift >/dev/null 2>&1 || {
        echo "error: Swift is not installed; get Swift 6.1 or later from https://www.swift.org/install/" >&2
        exit 2
    }
}

# Debian packages, installed only when missing: ensure_apt PACKAGE...
ensure_apt() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        say "installing ${missing[*]}"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

# The system libraries Chancery builds against.
ensure_build_dependencies() {
    ensure_swift
    ensure_apt pkg-config libxlsxwriter-dev
}

# A Python virtual environment in .venv with pinned packages: ensure_python_env REQUIREMENTS...
# pip is asked every time (a few seconds when all is installed): a stamp of the requirement files
# once said "installed" over a .venv whose packages had gone.
ensure_python_env() {
    local venv="$root_dir/.venv"
    command -v python3 >/dev/null 2>&1 || ensure_apt python3
    if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
        ensure_apt python3-venv
    fi
    [ -x "$venv/bin/python3" ] || { say "creating $venv"; python3 -m venv "$venv"; }
    local args=()
    for file in "$@"; do args+=(-r "$file"); done
    say "checking Python packages: $*"
    "$venv/bin/python3" -m pip install -q --disable-pip-version-check "${args[@]}"
    export CHANCERY_PYTHON="$venv/bin/python3"
}
