#!/usr/bin/env bash
# Writes internal/search/traditional_chars.go from the t2s dictionaries of the OpenCC module in go.mod: the
# characters the conversion changes (and the first characters of the phrases it changes), so that search
# asks the converter only about text that holds one.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(go list -m -f '{{.Dir}}' github.com/longbridgeapp/opencc)
ver=$(go list -m -f '{{.Version}}' github.com/longbridgeapp/opencc)
python3 - "$dir" "$ver" <<'PY'
import sys
d, ver = sys.argv[1], sys.argv[2]
chars = set()
for line in open(d + '/dictionary/TSCharacters.txt', encoding='utf-8'):
    k, v = line.rstrip('\n').split('\t', 1)
    if any(x != k for x in v.split(' ')):
        chars.add(k)
for line in open(d + '/dictionary/TSPhrases.txt', encoding='utf-8'):
    k, v = line.rstrip('\n').split('\t', 1)
    if not any(c in chars for c in k) and v.split(' ')[0] != k:
        chars.add(k[0])
src = f'''// Code generated from OpenCC's t2s dictionaries (github.com/longbridgeapp/opencc {ver}, dictionary/
// TSCharacters.txt and TSPhrases.txt, Apache-2.0); DO NOT EDIT. Regenerate when the module is upgraded:
// scripts/gen-traditional.sh.

package search

// traditionalChars are the characters t2s converts, and the first characters of the phrases it converts
// whose characters it would not: text holding none of them is left as it is, without asking the converter.
const traditionalChars = "{''.join(sorted(chars))}"
'''
open('internal/search/traditional_chars.go', 'w', encoding='utf-8').write(src)
PY
gofmt -l internal/search/traditional_chars.go
