#!/usr/bin/env bash
# Makes the bundled voice prompts from the phrase lists, with espeak-ng and sox.
#
#   scripts/make-prompts.sh [LANG...]      LANG is en, fr or de; all three when none is given
#
# Reads  pbx/src/main/resources/org/switchboard/pbx/prompt/phrases-LANG.tsv  (key<TAB>text, # comments)
# Writes pbx/src/main/resources/org/switchboard/pbx/prompt/LANG/KEY.wav:
#   G.711 u-law, mono, 8 kHz: what most legs send as is (PCMU), about 4.8 MB for the three
#   languages where 16-bit 16 kHz took 19 MB; wideband legs get it resampled,
#   leading and trailing silence trimmed, peak normalised to -3 dBFS, about 155 words a minute.
# The files are committed, so running Switchboard needs neither espeak-ng nor sox.
# Idempotent: a file is rewritten only when its audio changes (sox runs in repeatable mode), and
# recordings whose key left the list are removed. Environment: PROMPT_WPM (speed, default 155).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROMPTS="$ROOT/pbx/src/main/resources/org/switchboard/pbx/prompt"
WPM=${PROMPT_WPM:-155}

die() { echo "make-prompts: $*" >&2; exit 1; }

for tool in espeak-ng sox; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is missing; install it with: sudo apt-get install espeak-ng sox"
done
[[ "$WPM" =~ ^[0-9]+$ ]] || die "PROMPT_WPM must be a number of words a minute, not '$WPM'"

# The first voice of the list that this espeak-ng has.
voice_for() {
    local candidates
    case "$1" in
        en) candidates="en-gb en-us en" ;;
        fr) candidates="fr-ch fr-fr fr" ;;
        de) candidates="de" ;;
        *) die "unknown language '$1' (en, fr or de)" ;;
    esac
    local installed
    installed=$(espeak-ng --voices | awk 'NR > 1 { print $2 }')
    for voice in $candidates; do
        if grep -qx "$voice" <<<"$installed"; then echo "$voice"; return; fi
    done
    die "espeak-ng has no voice for '$1' (tried: $candidates)"
}

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

make_language() {
    local lang=$1
    local list="$PROMPTS/phrases-$lang.tsv"
    local out="$PROMPTS/$lang"
    [[ -f "$list" ]] || die "no phrase list $list"
    local voice
    voice=$(voice_for "$lang")
    mkdir -p "$out"

    local written=0 unchanged=0 removed=0 line_no=0
    declare -A seen=()
    while IFS= read -r line || [[ -n "$line" ]]; do
        line_no=$((line_no + 1))
        [[ -z "${line//[[:space:]]/}" || "$line" == \#* ]] && continue
        [[ "$line" == *$'\t'* ]] || die "$list:$line_no: expected key<TAB>text"
        local key=${line%%$'\t'*}
        local text=${line#*$'\t'}
        [[ "$key" =~ ^[a-z0-9]+(-[a-z0-9]+)*$ ]] || die "$list:$line_no: bad key '$key' (lower case, digits and dashes)"
        [[ -n "${text//[[:space:]]/}" ]] || die "$list:$line_no: no text for '$key'"
        [[ -z "${seen[$key]:-}" ]] || die "$list:$line_no: '$key' appears twice"
        seen[$key]=1

        printf '%s' "$text" | espeak-ng -v "$voice" -s "$WPM" --stdin -w "$WORK/raw.wav"
        sox -R -V1 "$WORK/raw.wav" -b 8 -c 1 -e u-law "$WORK/$key.wav" \
            silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse rate -v 8000 norm -3
        if cmp -s "$WORK/$key.wav" "$out/$key.wav"; then
            unchanged=$((unchanged + 1))
            rm -f "$WORK/$key.wav"
        else
            mv -f "$WORK/$key.wav" "$out/$key.wav"
            written=$((written + 1))
        fi
    done <"$list"

    for file in "$out"/*.wav; do
        [[ -e "$file" ]] || continue
        local name
        name=$(basename "$file" .wav)
        if [[ -z "${seen[$name]:-}" ]]; then
            rm -f "$file"
            removed=$((removed + 1))
        fi
    done
    local size
    size=$(du -sk "$out" | cut -f1)
    echo "make-prompts: $lang (voice $voice, $WPM wpm): ${#seen[@]} prompts, $written written," \
        "$unchanged unchanged, $removed removed, ${size} KiB"
}

languages=("$@")
[[ ${#languages[@]} -gt 0 ]] || languages=(en fr de)
for lang in "${languages[@]}"; do
    make_language "$lang"
done
