#!/usr/bin/env bash
# Media streams benchmark: concurrent voicemail recordings and music-on-hold streams per core, with zero underruns,
# Switchboard and a reference side by side in one run on loopback (method: bench/media-streams/README.md).
#
# For each step of N concurrent streams (--streams), SIPp places N calls over --ramp seconds from --pairs processes,
# waits until every call is in its media phase, then measures a window of --window seconds:
#   CPU:    utime+stime from /proc of the server (Switchboard; for the reference rtpengine and Kamailio) and of the
#           SIPp processes during the window, per stream-second (N x window);
#   pacing: dumpcap on lo captures the RTP the server sends to SIPp during the window (20 ms packets expected);
#           rtp-pacing.pl counts gaps > --gap-ms (an underrun), lost sequence numbers and short or missing streams;
#   voicemail only: after the calls end, every message of the step (DATA/voicemail/BOX/*.wav) is checked by
#           recordings.pl: one per call, as long as the hold less the greeting, tone from end to end (no dropout).
# A step passes when every call completed and nothing above shows an underrun; the steps stop at the first failure
# (--keep-going runs them all: CPU per stream-second at every size, the verdict still the highest passing step).
#
#   voicemail: bench/media-streams/voicemail-caller.xml calls mailboxes nobody registered: greeting, beep, then the
#              caller's RTP (a looped 440 Hz tone, SIPp rtp_stream, PCMU) is recorded until the BYE; the server sends
#              its prompts, then one silent packet per 20 ms, back. Reference: SIPp's own CPU for the same streams
#              (it sends N and receives N; no installable peer records voicemail: see the README).
#   moh:       bench/media-streams/moh-caller.xml calls a registered SIPp (moh-callee.xml) and holds (re-INVITE
#              a=sendonly); the server plays music on hold to the callee (terminated leg, PCMU, 20 ms) until BYE.
#              Reference: Kamailio 5.6 (stock config, WITH_AUTH htable, WITH_NAT, WITH_RTPENGINE: every call through
#              rtpengine) with rtpengine 10.5 (Debian), whose play_media plays the same music file to the callee
#              when the hold's 200 passes.
#
# Writes bench/results/media-streams-DATE.txt. Expects Switchboard built (./switchboard --help builds it) and the
# peers installed (scripts/install-peers.sh, plus `apt-get install rtpengine-daemon ffmpeg` for the reference). Everything
# listens on 127.0.0.x; every loop is bounded; whatever the script started is stopped on exit, by pid.
#
# Usage: bench/media-streams.sh [--streams "50 100 200 400"] [--window S] [--ramp S] [--pairs K]
#                               [--tests "voicemail moh"] [--target both|switchboard|reference] [--gap-ms MS]
#                               [--no-warmup] [--keep-going] [--keep]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HERE="$ROOT/bench/media-streams"
VM_CALLER="$HERE/voicemail-caller.xml"
MOH_CALLER="$HERE/moh-caller.xml"
MOH_CALLEE="$HERE/moh-callee.xml"
PACING="$HERE/rtp-pacing.pl"
RECORDINGS="$HERE/recordings.pl"
REGISTER="$ROOT/e2e/src/test/resources/sipp/register_digest.xml"
MUSIC_SRC="$ROOT/pbx/src/main/resources/org/switchboard/pbx/moh/default/gentle-chords.wav"
RESULTS="$ROOT/bench/results"
STAMP="$(date +%Y%m%d-%H%M%S)"

STREAMS="50 100 200 400"
WINDOW=10
RAMP=5
PAIRS=2
TESTS="voicemail moh"
TARGET=both
GAP_MS=30
WARMUP=yes
KEEP_GOING=no
KEEP=no
CALLERS=100
SB_RTP_PORTS=20000-39999
REF_RTP_MIN=40000; REF_RTP_MAX=59999
FIRST_CALLER=100000     # callers FIRST_CALLER .. +CALLERS-1
HELD=800000             # pair k's held party: HELD+k
BOX=700000              # voicemail step s, pair k: mailbox BOX + 10*s + k (a fresh mailbox per step)
PROMPT_SECONDS=10       # greeting + beep (about 7.5 s: the sentence reads the 6-digit mailbox number) fit in this (checked)
UAS_MEDIA_PORT=17000    # where the held parties receive the music
VM_MEDIA_PORT=6000      # SIPp rtp_stream's port on the voicemail callers (one per caller address)

usage() { sed -n '2,32p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
die() { echo "media-streams: $*" >&2; exit 1; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --streams) STREAMS="$2"; shift 2 ;;
        --window) WINDOW="$2"; shift 2 ;;
        --ramp) RAMP="$2"; shift 2 ;;
        --pairs) PAIRS="$2"; shift 2 ;;
        --tests) TESTS="$2"; shift 2 ;;
        --target) TARGET="$2"; shift 2 ;;
        --gap-ms) GAP_MS="$2"; shift 2 ;;
        --no-warmup) WARMUP=no; shift ;;
        --keep-going) KEEP_GOING=yes; shift ;;
        --keep) KEEP=yes; shift ;;
        -h|--help) usage 0 ;;
        *) echo "unknown option $1" >&2; usage 2 ;;
    esac
done
[[ "$WINDOW" =~ ^[0-9]+$ && "$WINDOW" -ge 2 && "$WINDOW" -le 60 ]] || die "--window must be 2..60"
[[ "$RAMP" =~ ^[0-9]+$ && "$RAMP" -ge 1 && "$RAMP" -le 30 ]] || die "--ramp must be 1..30"
[[ "$PAIRS" =~ ^[1-4]$ ]] || die "--pairs must be 1..4"
[[ "$GAP_MS" =~ ^[0-9]+$ && "$GAP_MS" -ge 21 && "$GAP_MS" -le 1000 ]] || die "--gap-ms must be 21..1000"
[[ "$TARGET" =~ ^(both|switchboard|reference)$ ]] || die "--target must be both, switchboard or reference"
for t in $TESTS; do [[ "$t" =~ ^(voicemail|moh)$ ]] || die "--tests takes voicemail and/or moh"; done
[[ -n "$TESTS" ]] || die "--tests is empty"
n_steps=0
for n in $STREAMS; do
    [[ "$n" =~ ^[0-9]+$ && "$n" -ge "$PAIRS" && "$n" -le 2000 ]] || die "each step must be $PAIRS..2000 streams"
    n_steps=$(( n_steps + 1 ))
done
(( n_steps >= 1 && n_steps <= 9 )) || die "--streams takes 1 to 9 steps"
for tool in sipp dumpcap tshark sox perl curl ss pgrep awk; do
    command -v "$tool" >/dev/null || die "$tool is missing: run scripts/install-peers.sh (as root)"
done
if [[ "$TARGET" != switchboard && " $TESTS " == *" moh "* ]]; then
    for tool in kamailio kamcmd rtpengine; do
        command -v "$tool" >/dev/null || die "$tool is missing (the reference): scripts/install-peers.sh, apt-get install rtpengine-daemon"
    done
fi
for f in "$VM_CALLER" "$MOH_CALLER" "$MOH_CALLEE" "$PACING" "$RECORDINGS" "$REGISTER" "$MUSIC_SRC"; do
    [[ -f "$f" ]] || die "missing $f"
done

WORK="$(mktemp -d /tmp/media-streams.XXXXXX)"
chmod 700 "$WORK"
PIDS=()          # every process this script started, stopped on exit

cleanup() {
    local pid child
    for pid in "${PIDS[@]}"; do
        for child in $(pgrep -P "$pid" 2>/dev/null || true); do kill -TERM "$child" 2>/dev/null || true; done
        kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    if [[ "$KEEP" == yes ]]; then echo "work folder kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# A port P in 15000-19998 with P and P+1 free for UDP and TCP on loopback (bounded attempts).
free_port() {
    local p
    for _ in $(seq 1 200); do
        p=$(( (RANDOM % 2500) * 2 + 15000 ))
        if [[ -z "$(ss -Htuln "( sport = :$p or sport = :$((p + 1)) )")" ]]; then echo "$p"; return 0; fi
    done
    die "no free port on 127.0.0.1"
}

CLK_TCK="$(getconf CLK_TCK)"
CORES="$(nproc)"
# CPU ticks (utime+stime, all threads) of processes and of their direct children (Kamailio's workers, the programs
# that `timeout` runs).
cpu_ticks() {
    local total=0 pid
    for pid in "$@" $(for p in "$@"; do pgrep -P "$p" || true; done); do
        [[ -r /proc/$pid/stat ]] || continue
        total=$(( total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
    done
    echo "$total"
}
# The kernel's CPU pressure (PSI): microseconds during which some runnable task waited for a CPU.
cpu_wait_us() { awk '/^some / { sub(/total=/, "", $5); print $5; found = 1 } END { if (!found) print 0 }' /proc/pressure/cpu 2>/dev/null || echo 0; }
wait_percent() { awk -v a="$1" -v b="$2" -v w="$3" 'BEGIN { if (b > a && w > 0) printf "%.0f", (b - a) / 1e6 / w * 100; else print "n/a" }'; }
now() { date +%s.%N; }
# Sleeps until the epoch time $1 (fractional), if it is still ahead.
sleep_until() { local d; d=$(awk -v a="$(now)" -v b="$1" 'BEGIN { printf "%.3f", b - a }'); awk -v d="$d" 'BEGIN { exit !(d > 0) }' && sleep "$d"; return 0; }
# Seconds (float) to milliseconds with 3 decimals, or n/a.
ms() { awk -v c="$1" 'BEGIN { if (c ~ /^[0-9.]+$/) printf "%.3f", c * 1000; else print "n/a" }'; }
kv() { sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p" <<<"$2"; }

# ---------------------------------------------------------------- SIPp
# Caller csv lines for N calls of pair k: caller FIRST_CALLER + i (spread over CALLERS), and the mailbox when given.
write_callers() {
    local file="$1" count="$2" k="$3" box="${4:-}" i n
    { echo SEQUENTIAL
      for i in $(seq 0 $(( count - 1 ))); do
          n=$(( FIRST_CALLER + (i * PAIRS + k - 1) % CALLERS ))
          echo "$n;Bench${n}pw;[authentication username=$n password=Bench${n}pw]${box:+;$box}"
      done; } > "$file"
}
all_numbers() {
    local k
    seq "$FIRST_CALLER" $(( FIRST_CALLER + CALLERS - 1 ))
    for k in $(seq 1 "$PAIRS"); do echo $(( HELD + k )); done
}
# SIPp's last statistics line: "successful failed".
sipp_result() {
    awk -F';' 'NR==1 { for (i = 1; i <= NF; i++) col[$i] = i; next } { last = $0 }
               END { n = split(last, f, ";"); print f[col["SuccessfulCall(C)"]] + 0, f[col["FailedCall(C)"]] + 0 }' \
        "$1" 2>/dev/null || echo "0 0"
}

# Registers pair k's held party from 127.0.0.(50+k) and starts its UAS (moh-callee.xml) there, once per server.
UAS_PIDS=()
start_held_parties() {
    local port="$1" name="$2" k ip n
    for k in $(seq 1 "$PAIRS"); do
        ip="127.0.0.$(( 50 + k ))"; n=$(( HELD + k ))
        printf 'SEQUENTIAL\n%s;Bench%spw;[authentication username=%s password=Bench%spw]\n' "$n" "$n" "$n" "$n" > "$WORK/held-$n.csv"
        timeout 20 sipp "127.0.0.1:$port" -sf "$REGISTER" -inf "$WORK/held-$n.csv" -key expires 3600 -i "$ip" -p "$UAS_PORT" \
            -m 1 -nostdin -nd -timeout 15s >"$WORK/$name-register-$n.out" 2>&1 \
            || die "$name: held party $n did not register: see $WORK/$name-register-$n.out"
        timeout 3600 sipp -sf "$MOH_CALLEE" -i "$ip" -mi "$ip" -mp "$UAS_MEDIA_PORT" -p "$UAS_PORT" -nostdin -nd \
            -buff_size 4194304 -trace_err -error_file "$WORK/$name-uas-$n-errors.log" >"$WORK/$name-uas-$n.out" 2>&1 &
        UAS_PIDS+=($!); PIDS+=($!)
    done
    sleep 1
    for k in "${UAS_PIDS[@]}"; do kill -0 "$k" 2>/dev/null || die "$name: a SIPp UAS exited: see $WORK/$name-uas-*.out"; done
}
stop_held_parties() {
    local pid
    for pid in "${UAS_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${UAS_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    UAS_PIDS=()
}

# ---------------------------------------------------------------- one step
# step NAME TEST N INDEX PORT SERVER_PIDS... : N concurrent calls of TEST against the server on PORT, its CPU from
# SERVER_PIDS (the first is the one reported as the server; a second, Kamailio for the reference, is reported too).
# Appends a line to steps.txt and sets STEP_OK (yes/no) and STEP_WHY.
step() {
    local name="$1" test="$2" n="$3" index="$4" port="$5"; shift 5
    local pids=("$@") k per hold t0 w0 w1 c0 c1 x0 x1 s0 s1 u0 u1 tw0 tw1 ok=0 ko=0 a b
    local media_ip_filter="" caller_filter="" pacing sent="" rec="" expected box files hold_ms uac=() dump wall
    per=$(( (n + PAIRS - 1) / PAIRS ))
    if [[ "$test" == voicemail ]]; then
        hold=$(( RAMP + PROMPT_SECONDS + 2 + WINDOW + 2 ))
    else
        hold=$(( RAMP + 2 + WINDOW + 2 ))
    fi
    hold_ms=$(( hold * 1000 ))
    t0=$(now)
    for k in $(seq 1 "$PAIRS"); do
        if [[ "$test" == voicemail ]]; then
            box=$(( BOX + 10 * index + k ))
            write_callers "$WORK/$name-$test-$n-$k.csv" "$per" "$k" "$box"
            ( cd "$WORK" && exec timeout $(( hold + RAMP + 60 )) sipp "127.0.0.1:$port" -sf "$VM_CALLER" -inf "$WORK/$name-$test-$n-$k.csv" \
                -auth_uri "$box@127.0.0.1:$port" -i "127.0.0.$(( 40 + k ))" -mi "127.0.0.$(( 40 + k ))" -mp "$VM_MEDIA_PORT" \
                -p "$UAC_PORT" -m "$per" -l "$per" -r "$per" -rp $(( RAMP * 1000 )) -d "$hold_ms" -nostdin -nd -buff_size 4194304 -timeout "$(( hold + RAMP + 50 ))s" \
                -trace_stat -stf "$WORK/$name-$test-$n-$k.stat" -trace_err -error_file "$WORK/$name-$test-$n-$k-errors.log" \
                >"$WORK/$name-$test-$n-$k.out" 2>&1 ) &
            media_ip_filter+="${media_ip_filter:+ or }dst host 127.0.0.$(( 40 + k ))"
            caller_filter+="${caller_filter:+ or }src host 127.0.0.$(( 40 + k ))"
        else
            write_callers "$WORK/$name-$test-$n-$k.csv" "$per" "$k"
            timeout $(( hold + RAMP + 60 )) sipp "127.0.0.1:$port" -sf "$MOH_CALLER" -inf "$WORK/$name-$test-$n-$k.csv" -s $(( HELD + k )) \
                -auth_uri "$(( HELD + k ))@127.0.0.1:$port" -i "127.0.0.$(( 60 + k ))" -mi "127.0.0.$(( 60 + k ))" -mp "$VM_MEDIA_PORT" \
                -p "$UAC_PORT" -m "$per" -l "$per" -r "$per" -rp $(( RAMP * 1000 )) -d "$hold_ms" -nostdin -nd -buff_size 4194304 -timeout "$(( hold + RAMP + 50 ))s" \
                -trace_stat -stf "$WORK/$name-$test-$n-$k.stat" -trace_err -error_file "$WORK/$name-$test-$n-$k-errors.log" \
                >"$WORK/$name-$test-$n-$k.out" 2>&1 &
            media_ip_filter+="${media_ip_filter:+ or }dst host 127.0.0.$(( 50 + k ))"
        fi
        uac+=($!); PIDS+=($!)
    done
    # The window: every call placed (RAMP), answered, past its greeting (voicemail) or held (moh).
    if [[ "$test" == voicemail ]]; then sleep_until "$(awk -v t="$t0" -v s=$(( RAMP + PROMPT_SECONDS + 1 )) 'BEGIN { printf "%.3f", t + s }')"
    else sleep_until "$(awk -v t="$t0" -v s=$(( RAMP + 2 )) 'BEGIN { printf "%.3f", t + s }')"; fi
    # What the server sends to SIPp; for voicemail also what the callers send (their pacing, for the recordings).
    local filter="udp and dst port $UAS_MEDIA_PORT and ($media_ip_filter)"
    [[ "$test" == voicemail ]] \
        && filter="udp and ((dst port $VM_MEDIA_PORT and ($media_ip_filter)) or (src port $VM_MEDIA_PORT and ($caller_filter)))"
    dump="$WORK/$name-$test-$n.pcap"
    timeout "$WINDOW" dumpcap -q -i lo -s 64 -f "$filter" -w "$dump" >"$WORK/dumpcap.out" 2>&1 &
    local dpid=$!; PIDS+=("$dpid")
    tw0=$(now); w0=$(cpu_wait_us)
    c0=$(cpu_ticks "${pids[0]}"); x0=0; [[ ${#pids[@]} -gt 1 ]] && x0=$(cpu_ticks "${pids[@]:1}")
    s0=$(cpu_ticks "${uac[@]}"); u0=0; [[ "$test" == moh ]] && u0=$(cpu_ticks "${UAS_PIDS[@]}")
    wait "$dpid" 2>/dev/null || true
    tw1=$(now); w1=$(cpu_wait_us)
    c1=$(cpu_ticks "${pids[0]}"); x1=0; [[ ${#pids[@]} -gt 1 ]] && x1=$(cpu_ticks "${pids[@]:1}")
    s1=$(cpu_ticks "${uac[@]}"); u1=0; [[ "$test" == moh ]] && u1=$(cpu_ticks "${UAS_PIDS[@]}")
    wall=$(awk -v a="$tw0" -v b="$tw1" 'BEGIN { printf "%.2f", b - a }')
    for k in "${uac[@]}"; do wait "$k" 2>/dev/null || true; done
    for k in $(seq 1 "$PAIRS"); do
        read -r a b <<<"$(sipp_result "$WORK/$name-$test-$n-$k.stat")"
        ok=$(( ok + a )); ko=$(( ko + b ))
    done
    pacing=$(rtp_fields "$dump" "ip.dst != 127.0.0.1" | perl "$PACING" "$GAP_MS")
    [[ "$test" == voicemail ]] && sent=$(rtp_fields "$dump" "ip.dst == 127.0.0.1" | perl "$PACING" "$GAP_MS" | sed 's/\([a-z_0-9]*\)=/callers_\1=/g')
    [[ "$KEEP" == yes ]] || rm -f "$dump"
    if [[ "$test" == voicemail ]]; then
        sleep 2      # the last messages commit after the BYE's 200 (fsync, rename, index)
        files=()
        for k in $(seq 1 "$PAIRS"); do
            for a in "$SB_DATA/voicemail/$(( BOX + 10 * index + k ))"/*.wav; do [[ -f "$a" ]] && files+=("$a"); done
        done
        expected=$(awk -v h="$hold" -v g="$GREETING" 'BEGIN { printf "%.2f", h - g }')
        rec=$(perl "$RECORDINGS" "$expected" 0.1 "${files[@]}")
        rec="expected_s=$expected $rec"
    fi
    local cpu other sipp_cpu cores
    cpu=$(awk -v t=$(( c1 - c0 )) -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", t / hz }')
    other=$(awk -v t=$(( x1 - x0 )) -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", t / hz }')
    sipp_cpu=$(awk -v t=$(( s1 - s0 + u1 - u0 )) -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", t / hz }')
    cores=$(awk -v c="$cpu" -v o="$other" -v w="$wall" 'BEGIN { printf "%.3f", (c + o) / w }')
    STEP_WHY=""
    [[ "$ok" -eq "$n" && "$ko" -eq 0 ]] || STEP_WHY+="calls: $ok of $n completed, $ko failed; "
    [[ "$(kv streams "$pacing")" -ge "$n" ]] || STEP_WHY+="$(kv streams "$pacing") of $n streams seen in the window; "
    [[ "$(kv gaps "$pacing")" -eq 0 ]] || STEP_WHY+="$(kv gaps "$pacing") gaps > ${GAP_MS} ms (max $(kv max_gap_ms "$pacing") ms); "
    [[ "$(kv lost "$pacing")" -eq 0 ]] || STEP_WHY+="$(kv lost "$pacing") packets lost; "
    [[ "$(kv short "$pacing")" -eq 0 ]] || STEP_WHY+="$(kv short "$pacing") streams short of 50 packets/s; "
    if [[ -n "$rec" ]]; then
        [[ "$(kv messages "$rec")" -eq "$n" ]] || STEP_WHY+="$(kv messages "$rec") of $n messages stored; "
        [[ "$(kv short "$rec")" -eq 0 ]] || STEP_WHY+="$(kv short "$rec") messages short (< $(kv expected_s "$rec") - 0.1 s); "
        [[ "$(kv dropouts "$rec")" -eq 0 ]] || STEP_WHY+="$(kv dropouts "$rec") silent frames in $(kv with_dropouts "$rec") messages; "
    fi
    if [[ -z "$STEP_WHY" ]]; then STEP_OK=yes; else STEP_OK=no; fi
    # The same verdict for a receiver with a 60 ms jitter buffer: only gaps over 60 ms count.
    local ok60=no
    [[ "$(sed "s/[0-9]* gaps > ${GAP_MS} ms (max [0-9.]* ms); //" <<<"$STEP_WHY")" == "" && "$(kv gaps_60 "$pacing")" -eq 0 ]] && ok60=yes
    if [[ "$ko" -ne 0 || "$ok" -lt "$n" ]]; then     # what SIPp saw, for the failed calls (first 400 KB)
        cat "$WORK/$name-$test-$n"-*-errors.log 2>/dev/null | head -c 400000 > "$RESULTS/media-streams-$STAMP-$name-$test-$n-errors.log" || true
    fi
    local line="$name $test streams=$n ok=$ok failed=$ko window_s=$wall server_cpu_s=$cpu"
    [[ ${#pids[@]} -gt 1 ]] && line+=" sip_cpu_s=$other"
    line+=" cpu_per_stream_s=$(per_stream_second "$(awk -v a="$cpu" -v b="$other" 'BEGIN { print a + b }')" "$n" "$wall") cores=$cores"
    line+=" sipp_cpu_s=$sipp_cpu sipp_per_stream_s=$(per_stream_second "$sipp_cpu" "$n" "$wall") cpu_wait=$(wait_percent "$w0" "$w1" "$wall")%"
    line+=" $pacing${rec:+ $rec}${sent:+ $sent} pass=$STEP_OK pass_60=$ok60"
    echo "$line" >> "$WORK/steps.txt"
    log "$line"
    [[ "$STEP_OK" == yes ]] || log "$name $test $n streams: underrun or failure: $STEP_WHY"
}

# Lines "EPOCH SRCPORT DSTHOST:DSTPORT SEQ TIMESTAMP" of the RTP packets of a capture that match a display filter.
rtp_fields() {
    tshark -r "$1" -Y "$2" -o rtp.heuristic_rtp:TRUE -T fields -e frame.time_epoch -e udp.srcport -e ip.dst -e udp.dstport \
        -e rtp.seq -e rtp.timestamp 2>/dev/null | awk '{ print $1, $2, $3 ":" $4, $5, $6 }'
}
per_stream_second() { awk -v c="$1" -v n="$2" -v w="$3" 'BEGIN { printf "%.6f", c / (n * w) }'; }

# Runs TEST's steps (after an unmeasured warm-up at the first size) until the first failure.
run_steps() {
    local name="$1" test="$2" port="$3"; shift 3
    local n index=1 first
    first=$(awk '{ print $1 }' <<<"$STREAMS")
    if [[ "$WARMUP" == yes ]]; then
        log "$name $test: warm-up, $first streams (not measured)"
        step "$name" "$test" "$first" 0 "$port" "$@"
        sed -i '$ s/^/warm-up: /' "$WORK/steps.txt"
    fi
    for n in $STREAMS; do
        step "$name" "$test" "$n" "$index" "$port" "$@"
        index=$(( index + 1 ))
        if [[ "$STEP_OK" != yes ]]; then
            echo "$name $test, $n streams: $STEP_WHY" >> "$WORK/failures.txt"
            [[ "$KEEP_GOING" == yes ]] || break
        fi
        sleep 6       # released RTP ports leave their 5 s quarantine; the transactions of the BYEs end
    done
}

# ---------------------------------------------------------------- Switchboard
find_jdk() {
    local c
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then echo "$JAVA_HOME"; return; fi
    for c in /usr/lib/jvm/*25*; do [[ -x "$c/bin/java" ]] && { echo "$c"; return; }; done
    return 1
}
REF_MUSIC="n/a"
SB_PID=""; SB_URL=""; SB_TOKEN=""; SB_CERT=""; SB_DATA=""; GREETING=""
sb_api() { curl -s --max-time 30 --cacert "$SB_CERT" -H "Authorization: Bearer $SB_TOKEN" "$@"; }

# Extensions through the admin REST API: the callers, the held parties, and the mailboxes of every step.
provision_switchboard() {
    local cfg="$WORK/switchboard/provision.curl" codes="$WORK/switchboard/provision.codes" n bad total s k
    { all_numbers
      echo "$BOX"
      for s in $(seq 0 "$n_steps"); do for k in $(seq 1 "$PAIRS"); do echo $(( BOX + 10 * s + k )); done; done; } > "$WORK/numbers.txt"
    total=$(wc -l < "$WORK/numbers.txt")
    ( umask 077
      while read -r n; do
          printf 'url = "%s/api/v1/extensions"\nrequest = "POST"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\ndata = "{\\"number\\":\\"%s\\",\\"name\\":\\"Bench %s\\",\\"password\\":\\"Bench%spw\\"}"\ncacert = "%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\nmax-time = 30\nnext\n' \
              "$SB_URL" "$SB_TOKEN" "$n" "$n" "$n" "$SB_CERT"
      done < "$WORK/numbers.txt" | sed '$d' > "$cfg" )
    timeout $(( total / 2 + 120 )) curl -s -K "$cfg" > "$codes" || true
    bad=$(grep -cv '^20[01]$' "$codes" || true)
    [[ "$(wc -l < "$codes")" -eq "$total" && "$bad" -eq 0 ]] || die "provisioning failed: $(sort "$codes" | uniq -c | tr '\n' ' ')"
}

# The greeting and beep's length: two calls in turn to mailbox BOX, each held 12 s; the longer message (the warmer
# server) lasts 12 s less that. A step's messages must last their hold less this, within 0.1 s.
calibrate_greeting() {
    local port="$1" d
    write_callers "$WORK/calibrate.csv" 2 1 "$BOX"
    ( cd "$WORK" && exec timeout 90 sipp "127.0.0.1:$port" -sf "$VM_CALLER" -inf "$WORK/calibrate.csv" -auth_uri "$BOX@127.0.0.1:$port" \
        -i 127.0.0.41 -mi 127.0.0.41 -mp "$VM_MEDIA_PORT" -p "$UAC_PORT" -m 2 -l 1 -d 12000 -nostdin -nd -timeout 80s \
        >"$WORK/calibrate.out" 2>&1 ) || die "the calibration calls to mailbox $BOX failed: see $WORK/calibrate.out"
    sleep 2
    d=$(perl "$RECORDINGS" 0 0 "$SB_DATA/voicemail/$BOX"/*.wav | sed -n 's/.*dur_max=\([0-9.]*\).*/\1/p')
    GREETING=$(awk -v d="${d:-0}" 'BEGIN { printf "%.2f", 12 - d }')
    awk -v g="$GREETING" -v p="$PROMPT_SECONDS" 'BEGIN { exit !(g > 0 && g < p - 1) }' \
        || die "greeting + beep measured as $GREETING s (message ${d:-none} s of a 12 s call): expected under $(( PROMPT_SECONDS - 1 )) s"
    log "switchboard: greeting + beep last $GREETING s (a message held 12 s lasted $d s)"
}

bench_switchboard() {
    local dir="$WORK/switchboard" port jdk t
    jdk=$(find_jdk) || die "no JDK 25 (JAVA_HOME or /usr/lib/jvm/*25*)"
    SB_DATA="$dir/data"; mkdir -p "$SB_DATA"
    port=$(free_port)
    # MD5 only (SIPp 3.6.1), no brute-force blocking of the load generators, calls without RTP (the holder) kept,
    # no unsolicited MWI NOTIFY to the SIPp UAS; mailboxes that take every message of a step, none cut short.
    cat > "$SB_DATA/switchboard.yaml" <<EOF
auth:
  algorithms: MD5
  max-failures: 1000000
calls:
  ring-timeout: 300s
  media-timeout: 3600s
mwi:
  unsolicited: false
voicemail:
  max-messages: 100000
  max-message-length: 600s
EOF
    JAVA_HOME="$jdk" "$ROOT/switchboard" run --data "$SB_DATA" --bind 127.0.0.1 --sip-port "$port" \
        --sips-port "$(free_port)" --https-port "$(free_port)" --rtp-ports "$SB_RTP_PORTS" --domain 127.0.0.1 \
        >"$dir/switchboard.log" 2>&1 &
    SB_PID=$!; PIDS+=("$SB_PID")
    for _ in $(seq 1 3000); do
        grep -q "Switchboard ready" "$dir/switchboard.log" 2>/dev/null && [[ -s "$SB_DATA/admin/endpoint.json" ]] && break
        kill -0 "$SB_PID" 2>/dev/null || { log "Switchboard exited: $(tail -3 "$dir/switchboard.log")"; return 1; }
        sleep 0.2
    done
    grep -q "Switchboard ready" "$dir/switchboard.log" || { log "Switchboard not ready after 600 s"; return 1; }
    SB_URL=$(sed -n 's/.*"url"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$SB_DATA/admin/endpoint.json")
    SB_CERT=$(sed -n 's/.*"certificate"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$SB_DATA/admin/endpoint.json")
    SB_TOKEN=$(head -1 "$SB_DATA/admin/token")
    [[ -n "$SB_URL" && -n "$SB_TOKEN" ]] || die "cannot read the admin endpoint or token in $SB_DATA/admin"
    provision_switchboard
    log "Switchboard pid $SB_PID on 127.0.0.1:$port, RTP $SB_RTP_PORTS, $(wc -l < "$WORK/numbers.txt") extensions"
    for t in $TESTS; do
        case "$t" in
            voicemail) calibrate_greeting "$port"; run_steps switchboard voicemail "$port" "$SB_PID" ;;
            moh) start_held_parties "$port" switchboard; run_steps switchboard moh "$port" "$SB_PID"; stop_held_parties ;;
        esac
    done
    grep -q " ERROR " "$dir/switchboard.log" && cp "$dir/switchboard.log" "$RESULTS/media-streams-$STAMP-switchboard.log"
    kill -TERM "$SB_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$SB_PID" 2>/dev/null || break; sleep 0.2; done
}

# ---------------------------------------------------------------- reference: Kamailio + rtpengine (moh)
# call-rate.sh's Kamailio (stock kamailio.cfg, WITH_AUTH, HA1 from an htable, pv_auth_check, qop=auth, 407 on each
# call) plus WITH_NAT and WITH_RTPENGINE, with NATMANAGE's "behind NAT?" test removed so that every INVITE, answer,
# ACK and BYE goes through rtpengine_manage(); when the 200 of a re-INVITE answers a hold (a=recvonly from the held
# party), play_media() has rtpengine play the music to the held party (the To tag of the holder's re-INVITE).
kamailio_config() {
    local port="$1" db="$2" ng="$3" music="$4"
    sed -e "1a #!define WITH_AUTH\n#!define WITH_NAT\n#!define WITH_RTPENGINE\n#!define DBURL \"text://$db\"" \
        -e "s/^children=8\$/children=2\nauto_aliases=no\ndns=no\nrev_dns=no\nalias=\"127.0.0.1\"\nlisten=udp:127.0.0.1:$port\nlisten=tcp:127.0.0.1:$port/" \
        -e 's/^loadmodule "jsonrpcs.so"$/loadmodule "db_text.so"\nloadmodule "jsonrpcs.so"/' \
        -e 's/^modparam("registrar", "max_expires", 3600)$/&\nmodparam("registrar", "min_expires", 60)\nmodparam("registrar", "min_expires_mode", 1)/' \
        -e 's/^\t\t\tauth_challenge("$fd", "0");$/\t\t\tauth_challenge("$fd", "1");/' \
        -e 's/^loadmodule "auth_db.so"$/loadmodule "htable.so"/' \
        -e "s|^modparam(\"auth_db\", \"db_url\", DBURL)\$|modparam(\"htable\", \"db_url\", DBURL)\nmodparam(\"htable\", \"htable\", \"users=>size=14;dbtable=subscriber;cols='username,ha1';\")|" \
        -e '/^modparam("auth_db", /d' \
        -e 's/^\t\tif (!auth_check("$fd", "subscriber", "1")) {$/\t\tif ($au == $null || $sht(users=>$au) == $null || !pv_auth_check("$fd", "$sht(users=>$au)", "1", "1")) {/' \
        -e "s|^modparam(\"rtpengine\", \"rtpengine_sock\", \"udp:127.0.0.1:2223\")\$|modparam(\"rtpengine\", \"rtpengine_sock\", \"udp:127.0.0.1:$ng\")|" \
        -e 's/^\tif (!(isflagset(FLT_NATS) || isbflagset(FLB_NATB))) return;$/\t# bench: every call through rtpengine (no NAT on loopback)/' \
        -e "s|^\t\trtpengine_manage(\"[-A-Za-z ]*replace-session-connection\");\$|&\n\t\tif (is_reply() \&\& status==\"200\" \&\& \$rm==\"INVITE\" \&\& search_body(\"a=recvonly\")) play_media(\"from-tag=\$tt file=$music repeat-times=1000\");|" \
        /etc/kamailio/kamailio.cfg
}
kamailio_config_check() {
    local cfg="$1" line
    local expected=('auth_challenge("$fd", "1");' 'listen=udp:127.0.0.1:' 'loadmodule "htable.so"' 'loadmodule "rtpengine.so"'
                    'pv_auth_check("$fd", "$sht(users=>$au)", "1", "1")' 'bench: every call through rtpengine'
                    'play_media("from-tag=$tt file=' 'rtpengine_sock", "udp:127.0.0.1:' 'if (!lookup("location")) {')
    for line in "${expected[@]}"; do
        grep -qF -- "$line" "$cfg" || die "$cfg lacks $line: has /etc/kamailio/kamailio.cfg changed?"
    done
    [[ "$(grep -c 'play_media(' "$cfg")" -eq 2 ]] || die "$cfg: play_media should follow both rtpengine_manage() calls"
}
write_subscribers() {
    echo "id(int,auto) username(string) domain(string) password(string) ha1(string) ha1b(string) "
    all_numbers | perl -MDigest::MD5=md5_hex -ne 'chomp; my $pw = "Bench${_}pw";
        print join(":", $., $_, "127.0.0.1", $pw, md5_hex("$_:127.0.0.1:$pw"), "-"), "\n";'
}

bench_reference() {
    local dir="$WORK/reference" port ng kpid rpid ctl music
    mkdir -p "$dir/db" "$dir/run"
    port=$(free_port); ng=$(free_port); ctl="$dir/run/kamailio_ctl"
    # The same music as Switchboard's default class. rtpengine's player reads a file through libavformat, whose WAV
    # demuxer hands out 4 KB chunks (512 ms of u-law), and sends each chunk's packets in a burst 10 ms apart, then
    # waits: 20 ms G.711 frames in a Matroska file (ffmpeg) give it one packet per frame, the pacing it is built for.
    music="$dir/music.wav"; cp "$MUSIC_SRC" "$music"
    if command -v ffmpeg >/dev/null; then
        ffmpeg -hide_banner -loglevel error -y -i "$MUSIC_SRC" -af asetnsamples=n=160:p=0 -c:a pcm_mulaw "$dir/music.mka" \
            && music="$dir/music.mka"
    fi
    [[ "$music" == *.mka ]] || log "reference: no ffmpeg, rtpengine plays the WAV file (bursts of 512 ms: apt-get install ffmpeg)"
    REF_MUSIC="${music##*.}"
    # rtpengine in user space only (no kernel forwarding table), its default threads, loopback only.
    timeout 7200 rtpengine --config-file=none --interface=127.0.0.1 --listen-ng="127.0.0.1:$ng" --table=-1 --foreground \
        --log-stderr --log-level=5 --port-min="$REF_RTP_MIN" --port-max="$REF_RTP_MAX" --pidfile="$dir/rtpengine.pid" \
        >"$dir/rtpengine.log" 2>&1 &
    rpid=$!; PIDS+=("$rpid")
    for _ in $(seq 1 50); do [[ -n "$(ss -Huln "( sport = :$ng )")" ]] && break; kill -0 "$rpid" 2>/dev/null || break; sleep 0.2; done
    [[ -n "$(ss -Huln "( sport = :$ng )")" ]] || die "rtpengine did not start: see $dir/rtpengine.log"
    cp /usr/share/kamailio/dbtext/kamailio/version "$dir/db/version"
    write_subscribers > "$dir/db/subscriber"
    kamailio_config "$port" "$dir/db" "$ng" "$music" > "$dir/kamailio.cfg"
    kamailio_config_check "$dir/kamailio.cfg"
    kamailio -c -f "$dir/kamailio.cfg" >"$dir/check.log" 2>&1 || die "Kamailio rejects $dir/kamailio.cfg: see $dir/check.log"
    kamailio -f "$dir/kamailio.cfg" -m 256 -DD -E -Y "$dir/run" -P "$dir/kamailio.pid" >"$dir/kamailio.log" 2>&1 &
    kpid=$!; PIDS+=("$kpid")
    for _ in $(seq 1 100); do
        [[ -S "$ctl" ]] && kamcmd -s "unix:$ctl" core.uptime >/dev/null 2>&1 && break
        kill -0 "$kpid" 2>/dev/null || die "Kamailio exited: see $dir/kamailio.log"
        sleep 0.2
    done
    log "reference: Kamailio $(kamailio -v | head -1 | awk '{print $3}') pid $kpid on 127.0.0.1:$port, rtpengine $(rtpengine --version 2>&1 | awk '{print $NF}') pid $rpid"
    start_held_parties "$port" reference
    run_steps reference moh "$port" "$rpid" "$kpid"
    stop_held_parties
    kill -TERM "$kpid" "$rpid" 2>/dev/null || true
}

# ---------------------------------------------------------------- main
mkdir -p "$RESULTS"
UAC_PORT=$(free_port); UAS_PORT=$(free_port)
# The callers' audio: a 440 Hz tone at about -10 dBFS, raw u-law, 2 s (100 packets; rtp_stream loops it).
sox -n -r 8000 -c 1 -t ul "$WORK/tone.ul" synth 2 sine 440 vol 0.3
: > "$WORK/steps.txt"; : > "$WORK/failures.txt"
w0=$(cpu_wait_us); sleep 5; w1=$(cpu_wait_us)
IDLE_WAIT=$(wait_percent "$w0" "$w1" 5); LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
log "machine before start: a task waited for one of the $CORES cores ${IDLE_WAIT}% of the time, load average $LOAD_START"
STATUS=0
if [[ "$TARGET" != reference ]]; then
    bench_switchboard || { STATUS=1; log "Switchboard half failed"; }
fi
if [[ "$TARGET" != switchboard && " $TESTS " == *" moh "* ]]; then bench_reference; fi
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# The best step of NAME TEST by verdict KEY (pass, or pass_60): the highest stream count that passed with every
# smaller step passing too (with --keep-going a later step may pass by luck after one failed: it does not count):
# "streams cpu_per_stream_s cores sipp_per_stream_s".
best() {
    grep -v '^warm-up' "$WORK/steps.txt" | awk -v name="$1" -v test="$2" -v key="${3:-pass}" '$1 == name && $2 == test && !failed {
        for (i = 3; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
        if (f[key] != "yes") { failed = 1; next }
        if (f["streams"] + 0 > best) { best = f["streams"] + 0; cpu = f["cpu_per_stream_s"]; cores = f["cores"]; sipp = f["sipp_per_stream_s"] } }
        END { if (best) print best, cpu, cores, sipp; else print "n/a n/a n/a n/a" }'
}
per_core() { awk -v c="$1" 'BEGIN { if (c ~ /^[0-9.]+$/ && c > 0) printf "%.0f", 1 / c; else print "n/a" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else print "n/a" }'; }
# CPU per stream-second of NAME TEST at each step that ran: "streams value" lines.
by_step() { grep -v '^warm-up' "$WORK/steps.txt" | awk -v name="$1" -v test="$2" -v key="$3" '$1 == name && $2 == test {
    for (i = 3; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] } print f["streams"], f[key] }'; }

OUT="$RESULTS/media-streams-$STAMP.txt"
{
    echo "Media streams, $(date -u +%Y-%m-%dT%H:%M:%SZ), $CORES cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$( [[ -n "$(git -C "$ROOT" status --porcelain -- media net pbx sip app 2>/dev/null)" ]] && echo ' + uncommitted changes')"
    echo "Command: bench/media-streams.sh --streams \"$STREAMS\" --window $WINDOW --ramp $RAMP --pairs $PAIRS --tests \"$TESTS\" --target $TARGET --gap-ms $GAP_MS$( [[ "$WARMUP" == no ]] && echo ' --no-warmup')$( [[ "$KEEP_GOING" == yes ]] && echo ' --keep-going')"
    echo "Each step: N calls placed over ${RAMP}s by $PAIRS SIPp 3.6.1 processes, then a ${WINDOW}s window with all N streams"
    echo "running: CPU from /proc (utime+stime, all threads), dumpcap on lo of the RTP sent to SIPp (underrun = a gap"
    echo "> ${GAP_MS} ms between two packets of a stream, a lost sequence number or a stream under 98% of 50 packets/s);"
    echo "voicemail: every message checked against the hold (greeting + beep measured at ${GREETING:-n/a} s) and for silent frames."
    echo "Reference (moh): Kamailio 5.6 + rtpengine $(rtpengine --version 2>&1 | awk '{print $NF}' || echo n/a), play_media of the same music"
    case "$REF_MUSIC" in
        mka) echo "(converted by ffmpeg to 20 ms u-law frames in a Matroska file, which rtpengine paces one packet per frame);" ;;
        wav) echo "(the WAV file itself: no ffmpeg here, and rtpengine sends it in bursts of 512 ms, so expect gaps);" ;;
        *) echo "(not run);" ;;
    esac
    echo "reference (voicemail): SIPp's own CPU for the same streams (the load generator: it sends and receives them)."
    echo "Machine before the start: a task waited for a core ${IDLE_WAIT}% of the time (PSI); load average $LOAD_START"
    echo "at start, $LOAD_END at end. A passing step needs the cores free: see cpu_wait in the step lines."
    echo
    read -r VB VC _ VS <<<"$(best switchboard voicemail)"
    read -r MB MC _ _ <<<"$(best switchboard moh)"
    read -r RB RC _ _ <<<"$(best reference moh)"
    echo "Zero underruns = the highest step that passed with every smaller step passing too."
    printf '%-52s %12s %12s %10s\n' "" "Switchboard" "reference" "ratio S/R"
    printf '%-52s %12s %12s %10s\n' "voicemail: concurrent recordings at zero underruns" "$VB" "(SIPp)" ""
    printf '%-52s %12s %12s %10s\n' "voicemail: CPU-ms per stream-second at that step" \
        "$(ms "$VC")" "$(ms "$VS")" "$(ratio "$VC" "$VS")"
    printf '%-52s %12s %12s %10s\n' "voicemail: streams per core (1 / CPU per stream-s)" "$(per_core "$VC")" "$(per_core "$VS")" ""
    printf '%-52s %12s %12s %10s\n' "moh: concurrent streams at zero underruns" "$MB" "$RB" "$(ratio "$MB" "$RB")"
    printf '%-52s %12s %12s %10s\n' "moh: CPU-ms per stream-second at that step" \
        "$(ms "$MC")" "$(ms "$RC")" "$(ratio "$MC" "$RC")"
    printf '%-52s %12s %12s %10s\n' "moh: streams per core (1 / CPU per stream-s)" "$(per_core "$MC")" "$(per_core "$RC")" ""
    read -r VB60 _ <<<"$(best switchboard voicemail pass_60)"
    read -r MB60 _ <<<"$(best switchboard moh pass_60)"
    read -r RB60 _ <<<"$(best reference moh pass_60)"
    printf '%-52s %12s %12s %10s\n' "voicemail: the same, no gap over 60 ms" "$VB60" "" ""
    printf '%-52s %12s %12s %10s\n' "moh: the same, no gap over 60 ms" "$MB60" "$RB60" "$(ratio "$MB60" "$RB60")"
    echo
    echo "CPU-ms per stream-second at each step (reference moh = rtpengine + Kamailio; SIPp = the load generator):"
    printf '  %-10s %8s %14s %14s %10s %14s\n' "test" "streams" "Switchboard" "reference" "ratio S/R" "SIPp"
    for t in voicemail moh; do
        by_step switchboard "$t" cpu_per_stream_s > "$WORK/s.txt"; by_step switchboard "$t" sipp_per_stream_s > "$WORK/g.txt"
        by_step reference "$t" cpu_per_stream_s > "$WORK/r.txt"
        for n in $STREAMS; do
            s=$(awk -v n="$n" '$1 == n { print $2 }' "$WORK/s.txt"); g=$(awk -v n="$n" '$1 == n { print $2 }' "$WORK/g.txt")
            r=$(awk -v n="$n" '$1 == n { print $2 }' "$WORK/r.txt")
            [[ -z "$s$r" ]] && continue
            [[ "$t" == voicemail ]] && r="$g"
            printf '  %-10s %8s %14s %14s %10s %14s\n' "$t" "$n" "$(ms "$s")" "$(ms "$r")" "$(ratio "$s" "$r")" "$(ms "$g")"
        done
    done
    echo
    echo "Steps (cpu in seconds over the window; streams/packets/gaps/pdv/lost/short from the capture; messages etc."
    echo "from the stored voicemail files; cpu_wait = share of the window some task waited for a core):"
    cat "$WORK/steps.txt"
    if [[ -s "$WORK/failures.txt" ]]; then echo; echo "Steps with an underrun or a failed call$( [[ "$KEEP_GOING" == no ]] && echo ' (each ended its series)'):"; cat "$WORK/failures.txt"; fi
} | tee "$OUT"
log "written to $OUT"
exit "$STATUS"
