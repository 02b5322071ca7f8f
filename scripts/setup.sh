#!/usr/bin/env bash
# Sets up a fresh machine for XếpLoại: the system packages the install and the tests need, then the
# locked npm packages.
#
# Why libsecret: office-addin-debugging (for `npm start`) pulls in keytar through Microsoft's agents
# toolkit; keytar's install script cannot download its prebuilt binary here, so it compiles itself
# against libsecret. On Windows and macOS keytar's prebuilt binary is used and nothing is needed.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if ! pkg-config --exists libsecret-1 2>/dev/null; then need+=(libsecret-1-dev); fi
# The task pane's end-to-end test drives Debian's Chromium (no browser download); printed sheets and
# charts are checked by rendering them with LibreOffice and reading the PDF with poppler.
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/libreoffice ] || need+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# Printed paper is measured in the clerk's fonts: Liberation Serif 2 (Times New Roman's metrics, with
# Vietnamese) and Carlito (Calibri's metrics, which set Excel's unit of column width). Without them
# LibreOffice falls back to DejaVu, wider, and the pages differ from what Excel prints.
fc-list 2>/dev/null | grep -q 'liberation2/LiberationSerif' || need+=(fonts-liberation2)
fc-list 2>/dev/null | grep -q 'Carlito' || need+=(fonts-crosextra-carlito)

if [ ${#need[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" = "0" ] || sudo="sudo"
    echo "setup: installing ${need[*]} from Debian's packages" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "setup: please install ${need[*]} with your system's package manager" >&2
  fi
fi

npm ci --no-audit --no-fund
