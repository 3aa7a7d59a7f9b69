#!/bin/sh
# Programs the pipeline calls that pip cannot install: Tesseract, which reads scanned PDF pages.
# `make run` and `make test` call this once per venv. As root on Debian it installs
# tesseract-ocr with apt-get; anywhere else it says how, and the pipeline still runs: each
# scanned PDF gets a warning row naming the file and its pages. RECPIPE_NO_APT=1 skips apt-get.
command -v tesseract >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && [ -z "$RECPIPE_NO_APT" ]; then
    echo "installing tesseract-ocr (OCR of scanned PDF pages) with apt-get ..." >&2
    export DEBIAN_FRONTEND=noninteractive
    pkgs="tesseract-ocr tesseract-ocr-eng"
    if timeout 600 apt-get install -y -q --no-install-recommends $pkgs >/dev/null 2>&1 ||
       { timeout 600 apt-get update -q >/dev/null 2>&1 &&
         timeout 600 apt-get install -y -q --no-install-recommends $pkgs >/dev/null 2>&1; }; then
        exit 0
    fi
fi
echo "note: tesseract is not installed, so scanned PDF pages are not read (each such file gets a W003" >&2
echo "      warning row). On Debian or Ubuntu: sudo apt-get install tesseract-ocr" >&2
exit 0
