#!/usr/bin/env bash
# One formatter for the repository's TypeScript: Biome, 2 spaces, print width 120, single quotes,
# trailing commas. `npm run format` rewrites; `npm run format:check` (part of npm test) fails on any
# file the formatter would change. Strings are never split, so a few long literals stay long.
# Flags instead of a biome.json: the top level of the repository is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files --cached --others --exclude-standard 'core/*.ts' 'widgets/*.ts' 'edge/*.ts' 'demo/*.ts' 'tests/*.ts' 'vite.config.ts' | grep -v '^core/db/migrations/')
exec npx biome format --indent-style=space --indent-width=2 --line-width=120 \
  --javascript-formatter-quote-style=single --quote-properties=preserve --trailing-commas=all \
  --semicolons=always --arrow-parentheses=always "$@" "${files[@]}"
