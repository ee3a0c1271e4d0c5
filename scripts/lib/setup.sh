#!/usr/bin/env bash
# Shared set-up for scripts/run.sh and scripts/test.sh: installs what a fresh Debian machine with
# the .NET SDK lacks, then restores tools and packages. Safe to run again: it installs only what
# is missing. Usage: source it, then call `platform_setup run` or `platform_setup test`.

platform_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the Debian packages among "$@" that are not installed yet.
ensure_debian_packages() {
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

platform_setup() {
  local mode=${1:-run}
  command -v dotnet >/dev/null || { echo "setup: the .NET SDK (dotnet) is required; see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2; return 1; }
  # Fonts so Chinese renders in the UI, in screenshots and in the OCR corpus; Tesseract with its
  # English and Simplified Chinese models (and Leptonica) for reading scanned forms; pdftoppm for PDF scans.
  local packages=(fonts-noto-cjk fonts-dejavu-core tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim poppler-utils)
  if [ "$mode" = test ]; then
    # A throw-away PostgreSQL server for the integration tests, Chromium for the browser tests.
    packages+=(postgresql chromium)
  fi
  ensure_debian_packages "${packages[@]}"
  (cd "$platform_root" && dotnet tool restore >/dev/null && dotnet restore Platform.sln --verbosity quiet)
  # npm packages of the browser bundles (the designer's code editor); the build runs esbuild on them.
  command -v npm >/dev/null || { echo "setup: Node.js with npm is required to bundle the designer's code editor" >&2; return 1; }
  (cd "$platform_root/modules/Platform.Entities/Scripts" && npm ci --no-audit --no-fund --loglevel=error)
}
