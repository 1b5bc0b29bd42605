#!/usr/bin/env bash
# Makes the bundled music on hold, class "default", with sox alone: no sample, no recording, no
# third-party work goes in, so the result is ours and royalty-free (see the README beside it).
#
#   scripts/make-moh.sh
#
# Writes pbx/src/main/resources/org/switchboard/pbx/moh/default/gentle-chords.wav:
#   G.711 u-law, mono, 8 kHz (what most legs send as is), 32 s, about -16 dBFS RMS.
# The music: four chords (Cmaj7, Em7, G, Cadd9: C, D, E, G and B only, no A, so a test can tell
# it from a 440 Hz tone), each 4 s, twice; a soft sine pad under a plucked arpeggio in eighth
# notes (ascending the first time, descending the second), with a little reverb. The reverb's
# tail is wrapped round to the start, so the file loops without a gap or a click.
# Repeatable: sox runs in repeatable mode and the file is rewritten only when its audio changes.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/pbx/src/main/resources/org/switchboard/pbx/moh/default/gentle-chords.wav"
RATE=8000
NOTE=0.5          # seconds per arpeggio note (eighth notes at 120 bpm)
CHORD=4           # seconds per chord: 8 notes
TARGET_RMS_DB=-16 # loudness of the result, dBFS RMS

die() { echo "make-moh: $*" >&2; exit 1; }
command -v sox >/dev/null 2>&1 || die "sox is missing; install it with: sudo apt-get install sox"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Equal-tempered frequencies (A4 = 440 Hz) of the notes used.
declare -A HZ=(
    [C3]=130.81 [E3]=164.81 [G3]=196.00 [B2]=123.47
    [C4]=261.63 [D4]=293.66 [E4]=329.63 [G4]=392.00 [B4]=493.88
    [C5]=523.25 [D5]=587.33 [E5]=659.26 [G5]=783.99
)
# chord: pad notes | arpeggio going up (played backwards in the second pass)
CHORDS=(
    "C3 E4 B4|C4 E4 G4 B4 C5 B4 G4 E4"
    "E3 G4 D5|E4 G4 B4 D5 E5 D5 B4 G4"
    "G3 B4 D5|G4 B4 D5 G5 D5 B4 G4 D4"
    "C3 E4 G4|C4 D4 E4 G4 C5 G4 E4 D4"
)

sine_pad() { # out seconds notes...
    local out=$1 length=$2
    shift 2
    local args=()
    for n in "$@"; do args+=(sine "${HZ[$n]}"); done
    sox -R -V1 -n -r "$RATE" -c "$#" -b 16 "$WORK/pad-multi.wav" synth "$length" "${args[@]}"
    sox -R -V1 "$WORK/pad-multi.wav" -c 1 "$out" remix - gain -18 fade h 0.6 "$length" 0.8 tremolo 0.25 20
}

pluck() { # out note
    sox -R -V1 -n -r "$RATE" -c 1 -b 16 "$1" synth "$NOTE" pluck "${HZ[$2]}" gain -6 fade t 0.005 "$NOTE" 0.35
}

section=0
for pass in up down; do
    for chord in "${CHORDS[@]}"; do
        section=$((section + 1))
        read -r -a pad <<<"${chord%%|*}"
        read -r -a notes <<<"${chord#*|}"
        if [[ $pass == down ]]; then
            reversed=()
            for ((i = ${#notes[@]} - 1; i >= 0; i--)); do reversed+=("${notes[i]}"); done
            notes=("${reversed[@]}")
        fi
        parts=()
        for i in "${!notes[@]}"; do
            pluck "$WORK/n$section-$i.wav" "${notes[i]}"
            parts+=("$WORK/n$section-$i.wav")
        done
        sox -R -V1 "${parts[@]}" "$WORK/arp$section.wav"
        sine_pad "$WORK/pad$section.wav" "$CHORD" "${pad[@]}"
        sox -R -V1 -m "$WORK/arp$section.wav" "$WORK/pad$section.wav" "$WORK/chord$section.wav"
    done
done

sections=()
for ((i = 1; i <= section; i++)); do sections+=("$WORK/chord$i.wav"); done
LENGTH=$((section * CHORD))
# Two seconds of room for the reverb's tail, which then goes round to the start.
sox -R -V1 "${sections[@]}" "$WORK/dry.wav" pad 0 2
sox -R -V1 "$WORK/dry.wav" "$WORK/wet.wav" reverb 40 50 70 100 10 -4
sox -R -V1 "$WORK/wet.wav" "$WORK/body.wav" trim 0 "$LENGTH"
sox -R -V1 "$WORK/wet.wav" "$WORK/tail.wav" trim "$LENGTH"
sox -R -V1 -m "$WORK/body.wav" "$WORK/tail.wav" "$WORK/looped.wav"

# Loudness: gain to the target RMS, limited so that no peak clips.
read -r rms peak < <(sox "$WORK/looped.wav" -n stats 2>&1 \
    | awk '/^RMS lev dB/ { r = $4 } /^Pk lev dB/ { p = $4 } END { print r, p }')
gain=$(awk -v r="$rms" -v p="$peak" -v t="$TARGET_RMS_DB" 'BEGIN { g = t - r; if (p + g > -1) g = -1 - p; printf "%.2f", g }')
mkdir -p "$(dirname "$OUT")"
sox -R -V1 "$WORK/looped.wav" -r "$RATE" -c 1 -e u-law "$WORK/out.wav" gain "$gain"

if cmp -s "$WORK/out.wav" "$OUT"; then
    echo "make-moh: $OUT unchanged"
else
    mv -f "$WORK/out.wav" "$OUT"
    echo "make-moh: wrote $OUT"
fi
sox "$OUT" -n stats 2>&1 | awk '/^RMS lev dB|^Pk lev dB|^Length s/ { print "make-moh:   " $0 }'
