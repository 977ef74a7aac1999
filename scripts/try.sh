#!/usr/bin/env bash
# npm run try: build the extension for Chrome/Edge and Firefox, then show the checker on a sample
# draft from the command line (exit code 3 means "findings", which is what the sample has).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build
echo
echo "Checking samples/draft.txt as a personal post, with samples/settings.json:"
echo
set +e
node bin/second-look.mjs check --settings samples/settings.json --account personal samples/draft.txt
code=$?
set -e
[ "$code" -eq 0 ] || [ "$code" -eq 3 ]
echo
echo "Built: .output/chrome-mv3 (load unpacked in chrome://extensions) and .output/firefox-mv2."
