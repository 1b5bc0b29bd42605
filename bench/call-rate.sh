#!/usr/bin/env bash
# Call benchmark: Switchboard (B2BUA, anchored media) and Kamailio 5.6 (stateful proxy) side by side on loopback,
# then the RTP relay benchmark, in one run.
#
# Calls (no media): SIPp callers (bench/calls/caller.xml: INVITE, 407, ACK, INVITE with Proxy-Authorization, 100/180,
# 200, ACK, a short pause, BYE, 200) call a SIPp UAS that registered first with register_digest.xml
# (bench/calls/callee.xml: SIPp's built-in uas, but it keeps the Record-Route, which a proxy needs). Each 200 the
# callers receive is checked by its CSeq method (SIPp matches responses by Call-ID only).
#   Switchboard: ./switchboard run, extensions created through the REST API, each call authenticated (407), a B2BUA
#                with two dialogs and two RTP endpoints per call, a call record per call.
#   Kamailio:    stock kamailio.cfg with WITH_AUTH, as in bench/register-storm.sh's htable mode: HA1 in an htable
#                loaded from db_text, pv_auth_check (407 on each call), tm + rr (record_route, loose_route),
#                the callee found with lookup("location") after the UAS registered, acc logging INVITE and BYE.
# For each: a warm-up, then rate steps of a fixed time each, stopping after the first step with a failed or
# unfinished call or below 95% of its target; the best rate with zero failures and the server's CPU-seconds (utime+stime from /proc, the
# server's processes only) per 1,000 calls at that rate. Then memory per live call: N calls held up, first ringing
# (bench/calls/callee.xml pausing before its 200), then answered (the callers pause before BYE);
# Switchboard = heap used after a full GC (jcmd), Kamailio = shm real_used (kamcmd), minus the idle figure, / N.
# RTP: bench/rtp-relay/run.sh RELAY_ARGS, its packets per relay CPU-second and added latency p50/p99.
# Prints a table with the ratios S/K and writes bench/results/call-rate-DATE.txt (and, when a step fails, the
# SIPp error trace of that step next to it).
#
# Expects Switchboard built (./switchboard --help builds it) and the peers installed (scripts/install-peers.sh).
# Everything listens on 127.0.0.x; every loop is bounded; whatever it started is stopped on exit, by pid.
#
# SIPP_CALLER_OPTS adds options to the SIPp callers (e.g. -trace_shortmsg: one line per message, in the folder the
# script runs from), to see what happened to a call that did not finish.
#
# Usage: bench/call-rate.sh [--rates "100 200 ..."] [--step-seconds S] [--pairs K] [--callers N] [--call-ms MS]
#                           [--warmup-calls N] [--live-calls N] [--rtp-ports A-B] [--target both|switchboard|kamailio]
#                           [--relay "calls=500 seconds=20" | --no-relay] [--keep]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CALLER="$ROOT/bench/calls/caller.xml"
CALLEE="$ROOT/bench/calls/callee.xml"
REGISTER="$ROOT/e2e/src/test/resources/sipp/register_digest.xml"
RESULTS="$ROOT/bench/results"
STAMP="$(date +%Y%m%d-%H%M%S)"

RATES="100 200 300 400 500 600 800 1000 1200 1400 1600"
STEP_SECONDS=10
PAIRS=2
CALLERS=200
CALL_MS=100
WARMUP_CALLS=9000
WARMUP_RATE=300
LIVE_CALLS=1000
LIVE_RATE=200
RTP_PORTS=20000-59999
RELAY_ARGS="calls=500 seconds=20"
TARGET=both
KEEP=no
FIRST_CALLER=100000
ANSWER_CALLEE=900000     # pair k calls ANSWER_CALLEE+k (answers at once) and RING_CALLEE+k (rings first)
RING_CALLEE=910000
# Kamailio's shared memory: Debian's default 64 MB runs out near 400 calls/s (tm keeps each INVITE and BYE
# transaction 5 s after it ends, wt_timer); the JVM may take a quarter of the RAM by default.
KAMAILIO_SHM_MB=1024
SETTLE_SECONDS=35        # 64*T1: every INVITE (RFC 6026 Accepted) and non-INVITE transaction (Timer J) has ended

usage() { sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
die() { echo "call-rate: $*" >&2; exit 1; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --rates) RATES="$2"; shift 2 ;;
        --step-seconds) STEP_SECONDS="$2"; shift 2 ;;
        --pairs) PAIRS="$2"; shift 2 ;;
        --callers) CALLERS="$2"; shift 2 ;;
        --call-ms) CALL_MS="$2"; shift 2 ;;
        --live-calls) LIVE_CALLS="$2"; shift 2 ;;
        --warmup-calls) WARMUP_CALLS="$2"; shift 2 ;;
        --rtp-ports) RTP_PORTS="$2"; shift 2 ;;
        --relay) RELAY_ARGS="$2"; shift 2 ;;
        --no-relay) RELAY_ARGS=""; shift ;;
        --target) TARGET="$2"; shift 2 ;;
        --keep) KEEP=yes; shift ;;
        -h|--help) usage 0 ;;
        *) echo "unknown option $1" >&2; usage 2 ;;
    esac
done
[[ "$STEP_SECONDS" =~ ^[0-9]+$ && "$STEP_SECONDS" -ge 2 && "$STEP_SECONDS" -le 120 ]] || die "--step-seconds must be 2..120"
[[ "$PAIRS" =~ ^[1-8]$ ]] || die "--pairs must be 1..8"
[[ "$CALLERS" =~ ^[0-9]+$ && "$CALLERS" -ge "$PAIRS" && "$CALLERS" -le 10000 ]] || die "--callers must be $PAIRS..10000"
[[ "$CALL_MS" =~ ^[0-9]+$ && "$CALL_MS" -le 60000 ]] || die "--call-ms must be 0..60000"
[[ "$WARMUP_CALLS" =~ ^[0-9]+$ && "$WARMUP_CALLS" -ge 200 && "$WARMUP_CALLS" -le 100000 ]] || die "--warmup-calls must be 200..100000"
[[ "$LIVE_CALLS" =~ ^[0-9]+$ && "$LIVE_CALLS" -ge 100 && "$LIVE_CALLS" -le 5000 ]] || die "--live-calls must be 100..5000"
[[ "$RTP_PORTS" =~ ^([0-9]+)-([0-9]+)$ && "${BASH_REMATCH[1]}" -ge 1024 && "${BASH_REMATCH[2]}" -le 65535 ]] \
    || die "--rtp-ports must be A-B within 1024-65535"
RTP_FIRST="${BASH_REMATCH[1]}"; RTP_LAST="${BASH_REMATCH[2]}"
[[ "$TARGET" =~ ^(both|switchboard|kamailio)$ ]] || die "--target must be both, switchboard or kamailio"
[[ -z "$RELAY_ARGS" || "$RELAY_ARGS" =~ ^([a-zA-Z]+=[0-9-]+ ?)+$ ]] || die "--relay takes key=value pairs of run.sh"
for r in $RATES; do [[ "$r" =~ ^[0-9]+$ && "$r" -ge "$PAIRS" && "$r" -le 5000 ]] || die "each rate must be $PAIRS..5000"; done
for tool in sipp kamailio kamcmd curl awk ss perl pgrep; do
    command -v "$tool" >/dev/null || die "$tool is missing: run scripts/install-peers.sh (as root)"
done
for f in "$CALLER" "$CALLEE" "$REGISTER"; do [[ -f "$f" ]] || die "no scenario $f"; done
# Switchboard keeps a released RTP pair out of use for 5 s (RTP bleed quarantine) and a call takes two pairs:
# at R calls/s the pool must hold about 2 * R * (5 s + call) pairs, or calls get 503.
MAX_RATE=$(for r in $RATES; do echo "$r"; done | sort -n | tail -1)
(( (RTP_LAST - RTP_FIRST + 1) / 2 >= 2 * MAX_RATE * (5 + CALL_MS / 1000 + 1) )) \
    || die "--rtp-ports $RTP_PORTS is too small for $MAX_RATE calls/s (2 pairs per call, 5 s quarantine): widen it"

WORK="$(mktemp -d /tmp/call-rate.XXXXXX)"
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

# A port P in 15000-19998 with P and P+1 free for UDP and TCP on loopback (bounded attempts); RTP uses 20000 and up.
free_port() {
    local p
    for _ in $(seq 1 200); do
        p=$(( (RANDOM % 2500) * 2 + 15000 ))
        if [[ -z "$(ss -Htuln "( sport = :$p or sport = :$((p + 1)) )")" ]]; then echo "$p"; return 0; fi
    done
    die "no free port on 127.0.0.1"
}

# CPU ticks (utime+stime) of a process and of its direct children (Kamailio's workers).
cpu_ticks() {
    local total=0 pid
    for pid in "$1" $(pgrep -P "$1" || true); do
        [[ -r /proc/$pid/stat ]] || continue
        total=$(( total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat") ))
    done
    echo "$total"
}
CLK_TCK="$(getconf CLK_TCK)"
CORES="$(nproc)"
# How crowded the CPUs were: the kernel's CPU pressure (PSI, /proc/pressure/cpu), the microseconds during which at
# least one runnable task waited for a CPU. In this VM /proc/stat's busy time undercounts short bursts (it samples
# at ticks), so it is not used. Prints 0 where PSI is missing.
cpu_wait_us() { awk '/^some / { sub(/total=/, "", $5); print $5; found = 1 } END { if (!found) print 0 }' /proc/pressure/cpu 2>/dev/null || echo 0; }
wait_percent() { awk -v a="$1" -v b="$2" -v w="$3" 'BEGIN { if (b > a && w > 0) printf "%.0f", (b - a) / 1e6 / w * 100; else print "n/a" }'; }

# Per pair k: callers FIRST_CALLER + i (i % PAIRS == k-1), SIPp injection format as register_digest.xml.
write_users() {
    local k i n
    for k in $(seq 1 "$PAIRS"); do
        echo SEQUENTIAL > "$WORK/callers-$k.csv"
        for n in $(( ANSWER_CALLEE + k )) $(( RING_CALLEE + k )); do
            printf 'SEQUENTIAL\n%s;Bench%spw;[authentication username=%s password=Bench%spw]\n' "$n" "$n" "$n" "$n" > "$WORK/callee-$n.csv"
        done
    done
    for i in $(seq 0 $(( CALLERS - 1 ))); do
        n=$(( FIRST_CALLER + i ))
        echo "$n;Bench${n}pw;[authentication username=$n password=Bench${n}pw]" >> "$WORK/callers-$(( i % PAIRS + 1 )).csv"
    done
}
all_numbers() {
    local k
    seq "$FIRST_CALLER" $(( FIRST_CALLER + CALLERS - 1 ))
    for k in $(seq 1 "$PAIRS"); do echo $(( ANSWER_CALLEE + k )); echo $(( RING_CALLEE + k )); done
}

# Registers each pair's callees from the address and port their UAS will listen on, then starts the UAS processes
# (callee.xml): one that answers at once on 127.0.0.(20+k), one that rings RING_MS first on 127.0.0.(30+k).
start_callees() {
    local port="$1" name="$2" ring_ms="$3" k ip n pause
    for k in $(seq 1 "$PAIRS"); do
        for n in $(( ANSWER_CALLEE + k )) $(( RING_CALLEE + k )); do
            if (( n < RING_CALLEE )); then ip="127.0.0.$(( 20 + k ))"; else ip="127.0.0.$(( 30 + k ))"; fi
            timeout 20 sipp "127.0.0.1:$port" -sf "$REGISTER" -inf "$WORK/callee-$n.csv" -key expires 3600 -i "$ip" -ci "$ip" \
                -p "$UAS_PORT" -m 1 -nostdin -nd -timeout 15s -trace_err -error_file "$WORK/$name-register-$n.log" \
                >"$WORK/$name-register-$n.out" 2>&1 || die "$name: callee $n did not register: see $WORK/$name-register-$n.*"
            if (( n < RING_CALLEE )); then pause=0; else pause="$ring_ms"; fi
            timeout 3600 sipp -sf "$CALLEE" -d "$pause" -i "$ip" -ci "$ip" -p "$UAS_PORT" -nostdin -nd -buff_size 4194304 \
                -trace_err -error_file "$WORK/$name-uas-$n-errors.log" >"$WORK/$name-uas-$n.out" 2>&1 &
            UAS_PIDS+=($!); PIDS+=($!)
        done
    done
    sleep 1
    for k in "${UAS_PIDS[@]}"; do kill -0 "$k" 2>/dev/null || die "$name: a SIPp UAS exited: see $WORK/$name-uas-*.out"; done
}
stop_callees() {
    local pid
    for pid in "${UAS_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${UAS_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    UAS_PIDS=()
}

# K SIPp callers (127.0.0.(10+k)) place CALLS calls at RATE in total to CALLEE_BASE+k, each held HOLD_MS after ACK.
# Sets RUN_OK, RUN_FAILED, RUN_RETRANS, RUN_WALL (seconds). Runs in the background when ASYNC=yes (RUN_PIDS).
sipp_calls() {
    local port="$1" rate="$2" calls="$3" hold_ms="$4" callee_base="$5" tag="$6" k pids=() per_rate per_calls limit
    local t0 t1 ok=0 ko=0 re=0 s a b c callee
    per_rate=$(( (rate + PAIRS - 1) / PAIRS )); per_calls=$(( (calls + PAIRS - 1) / PAIRS ))
    limit=$(( per_calls / per_rate + hold_ms / 1000 + 40 ))     # + 64*T1: the longest a transaction lasts
    t0=$(date +%s.%N)
    for k in $(seq 1 "$PAIRS"); do
        callee=$(( callee_base + k ))
        timeout $(( limit + 15 )) sipp "127.0.0.1:$port" -sf "$CALLER" -inf "$WORK/callers-$k.csv" -s "$callee" \
            -auth_uri "$callee@127.0.0.1:$port" -i "127.0.0.$(( 10 + k ))" -ci "127.0.0.$(( 10 + k ))" -p "$UAC_PORT" -m "$per_calls" \
            -r "$per_rate" -d "$hold_ms" ${SIPP_CALLER_OPTS:-} -nostdin -nd -buff_size 4194304 -timeout "${limit}s" -fd 3600 \
            -trace_stat -stf "$WORK/$tag-$k.csv" -trace_err -error_file "$WORK/$tag-$k-errors.log" >"$WORK/$tag-$k.out" 2>&1 &
        pids+=($!); PIDS+=($!)
    done
    if [[ "${ASYNC:-no}" == yes ]]; then RUN_PIDS=("${pids[@]}"); return 0; fi
    for k in "${pids[@]}"; do wait "$k" || true; done
    t1=$(date +%s.%N)
    for k in $(seq 1 "$PAIRS"); do
        s=$(awk -F';' 'NR==1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
                       { last = $0 } END { n = split(last, f, ";");
                         print f[col["SuccessfulCall(C)"]] + 0, f[col["FailedCall(C)"]] + 0, f[col["Retransmissions(C)"]] + 0 }' \
            "$WORK/$tag-$k.csv" 2>/dev/null || echo "0 0 0")
        read -r a b c <<<"$s"
        ok=$(( ok + a )); ko=$(( ko + b )); re=$(( re + c ))
    done
    RUN_OK=$ok; RUN_FAILED=$ko; RUN_RETRANS=$re
    RUN_WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
}

# What went wrong in a step, from the SIPp error traces: each event's first line without times and Call-IDs,
# counted. The traces themselves are copied to bench/results/call-rate-DATE-NAME-errors.log (first 400 KB).
error_summary() {
    local tag="$1" name="$2" files
    files=$(ls "$WORK/$tag"-*-errors.log 2>/dev/null || true)
    [[ -n "$files" ]] || { echo "    (no SIPp error trace)"; return; }
    # shellcheck disable=SC2086
    { cat $files | head -c 400000 > "$RESULTS/call-rate-$STAMP-$name-errors.log"; } || true
    # shellcheck disable=SC2086
    # An event starts with "DATE\tTIME\tEPOCH: " (not always at the start of a line); its text up to the line's end.
    perl -0777 -ne 'for (split /(?=\d{4}-\d\d-\d\d\t[\d:.]+\t[\d.]+: )/) { next unless /^\S+\t\S+\t\S+: ([^\n]*)/;
              my $e = $1; $e =~ s/Call-I[dD] \x27[^\x27]*\x27/Call-Id X/g; $e =~ s/ \d+-\d+@[\d.]+//g; $e =~ s/\x27$//; $n{$e}++ }
              END { printf "    %6d  %s\n", $n{$_}, $_ for sort { $n{$b} <=> $n{$a} } keys %n }' $files | head -8 || true
}

# Warm-up, then the rate steps against a server with main pid PID on PORT. Sets BEST_RATE and BEST_CPU (per 1,000).
# Each step also says how the cores were shared: the server's and the SIPp processes' share of them (callers reaped
# by this shell, counted with `times`; callees by pid) and how often a task waited for a core (PSI).
rate_steps() {
    local name="$1" pid="$2" port="$3" best=0 best_cpu="n/a" rate calls c0 c1 u0 u1 g0 g1 w0 w1
    local ok ko re wall achieved cpu waited server_pct sipp_pct why
    sipp_calls "$port" "$WARMUP_RATE" "$WARMUP_CALLS" "$CALL_MS" "$ANSWER_CALLEE" "$name-warmup"
    log "$name: warm-up $RUN_OK of $WARMUP_CALLS calls at $WARMUP_RATE/s ($RUN_FAILED failed)"
    for rate in $RATES; do
        calls=$(( rate * STEP_SECONDS ))
        c0=$(cpu_ticks "$pid"); u0=$(callee_ticks); reaped_seconds; g0=$REAPED; w0=$(cpu_wait_us)
        sipp_calls "$port" "$rate" "$calls" "$CALL_MS" "$ANSWER_CALLEE" "$name-r$rate"
        c1=$(cpu_ticks "$pid"); u1=$(callee_ticks); reaped_seconds; g1=$REAPED; w1=$(cpu_wait_us)
        ok=$RUN_OK; ko=$RUN_FAILED; re=$RUN_RETRANS; wall=$RUN_WALL
        # the last call placed ends CALL_MS after its ACK: not part of the rate
        achieved=$(awk -v ok="$ok" -v w="$wall" -v h="$CALL_MS" 'BEGIN { printf "%.0f", ok / (w - h / 1000) }')
        cpu=$(awk -v t=$(( c1 - c0 )) -v hz="$CLK_TCK" -v ok="$ok" 'BEGIN { if (ok > 0) printf "%.3f", t / hz / ok * 1000; else print "n/a" }')
        waited=$(wait_percent "$w0" "$w1" "$wall")
        server_pct=$(share "$(( c1 - c0 ))" 0 "$wall"); sipp_pct=$(share "$(( u1 - u0 ))" "$(awk -v a="$g0" -v b="$g1" 'BEGIN { print b - a }')" "$wall")
        log "$name: target $rate/s: $ok ok, $ko failed, $re retransmissions in ${wall}s = $achieved/s; CPU ${cpu}s per 1000; cores: server ${server_pct}%, SIPp ${sipp_pct}%; a task waited for a core ${waited}% of the time"
        echo "$name rate=$rate ok=$ok failed=$ko retrans=$re wall=$wall achieved=$achieved cpu_per_1000=$cpu server=${server_pct}% sipp=${sipp_pct}% cpu_wait=${waited}% load=$(cut -d' ' -f1 /proc/loadavg)" >> "$WORK/steps.txt"
        # The best is the highest throughput of a step with every call successful and at least 95% of its target
        # rate. A step with a failure, or below 95% (calls wait: the server or the machine is saturated), ends the
        # steps.
        if [[ "$ko" -eq 0 && "$ok" -ge "$calls" && $(( achieved * 100 )) -ge $(( rate * 95 )) && "$achieved" -gt "$best" ]]; then
            best="$achieved"; best_cpu="$cpu"
        fi
        why=""
        if [[ "$ko" -ne 0 || "$ok" -lt "$calls" ]]; then why="$ko failed, $(( calls - ok - ko )) unfinished (SIPp stopped at its time limit), $ok ok"
        elif (( achieved * 100 < rate * 95 )); then why="no failure, but $achieved/s is below 95% ($re retransmissions)"
        fi
        if [[ -n "$why" ]]; then
            { echo "$name stopped at $rate calls/s: $why; cores: server ${server_pct}%, SIPp ${sipp_pct}%, CPU wait ${waited}%. SIPp error events:"
              error_summary "$name-r$rate" "$name"; } >> "$WORK/failures.txt"
            break
        fi
        kill -0 "$pid" 2>/dev/null || { log "$name died"; break; }
    done
    BEST_RATE=$best; BEST_CPU=$best_cpu
}
# CPU seconds of the children this shell has reaped (the SIPp callers, with their `timeout`), from `times`, into
# REAPED. Not in a $(...) subshell: there, `times` would see the subshell's children only.
reaped_seconds() {
    times > "$WORK/times.txt"
    REAPED=$(awk 'END { t = 0; for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); t += p[1] * 60 + p[2] } print t }' "$WORK/times.txt")
}
callee_ticks() { local pid t=0; for pid in "${UAS_PIDS[@]}"; do t=$(( t + $(cpu_ticks "$pid") )); done; echo "$t"; }
# Percent of all cores: TICKS (clock ticks) plus SECONDS of CPU over WALL seconds.
share() { awk -v t="$1" -v s="$2" -v hz="$CLK_TCK" -v w="$3" -v n="$CORES" 'BEGIN { printf "%.0f", (t / hz + s) / w / n * 100 }'; }

# Memory per live call: LIVE_CALLS calls held up, measured ringing, then answered. MEASURE is a function printing
# the server's memory in bytes, COUNT one printing "ringing answered" as the server sees them (or "? ?").
# Sets MEM_RING, MEM_ANSWER (bytes per call) and LIVE_NOTE.
live_memory() {
    local name="$1" port="$2" measure="$3" count="$4" s idle ring answer t0 k ok n_ring n_answer
    s=$(( LIVE_CALLS / LIVE_RATE ))          # seconds to place the calls
    # Timeline from t0: calls placed by s; ringing measured at s+7 (the 407 transactions have ended: Timer I,
    # T4 = 5 s); the callee answers ring_ms after its 180, i.e. all by 2s+15; answered measured once their INVITE
    # transactions have ended (SETTLE_SECONDS later); the callers hang up hold_ms after their ACK, after that.
    local ring_ms=$(( (s + 15) * 1000 )) hold_ms=$(( (s + 50) * 1000 ))
    idle=$($measure)
    stop_callees; start_callees "$port" "$name-live" "$ring_ms"
    t0=$(date +%s)
    ASYNC=yes sipp_calls "$port" "$LIVE_RATE" "$LIVE_CALLS" "$hold_ms" "$RING_CALLEE" "$name-live"
    sleep_until $(( t0 + s + 7 ))
    read -r n_ring _ <<<"$($count)"; ring=$($measure)
    sleep_until $(( t0 + 2 * s + 15 + SETTLE_SECONDS ))
    read -r _ n_answer <<<"$($count)"; answer=$($measure)
    log "$name: memory idle $idle, $LIVE_CALLS calls ringing $ring (server counts $n_ring), answered $answer (server counts $n_answer)"
    for k in "${RUN_PIDS[@]}"; do wait "$k" || true; done
    ok=0
    for k in $(seq 1 "$PAIRS"); do
        ok=$(( ok + $(awk -F';' 'NR==1 { for (i = 1; i <= NF; i++) col[$i] = i; next } { last = $0 }
                      END { split(last, f, ";"); print f[col["SuccessfulCall(C)"]] + 0 }' "$WORK/$name-live-$k.csv" 2>/dev/null || echo 0) ))
    done
    MEM_RING=$(per_call "$idle" "$ring"); MEM_ANSWER=$(per_call "$idle" "$answer")
    LIVE_NOTE="$name: $ok of $LIVE_CALLS held calls completed; server counted $n_ring ringing, $n_answer answered; idle $idle B, ringing $ring B, answered $answer B"
    echo "$LIVE_NOTE" >> "$WORK/steps.txt"
}
per_call() { awk -v a="$1" -v b="$2" -v n="$LIVE_CALLS" 'BEGIN { if (a ~ /^[0-9]+$/ && b ~ /^[0-9]+$/) printf "%.0f", (b - a) / n; else print "n/a" }'; }
sleep_until() { local now; now=$(date +%s); (( $1 > now )) && sleep $(( $1 - now )); return 0; }

# ---------------------------------------------------------------- Kamailio
# register-storm.sh's htable configuration (stock kamailio.cfg, WITH_AUTH, HA1 from an htable, pv_auth_check,
# qop=auth): for an INVITE from a local user, route(AUTH) challenges with 407 and checks Proxy-Authorization;
# record_route(), lookup("location") and t_relay() are the stock route as is.
kamailio_config() {
    local port="$1" db="$2"
    sed -e "1a #!define WITH_AUTH\n#!define DBURL \"text://$db\"" \
        -e "s/^children=8\$/children=2\nauto_aliases=no\ndns=no\nrev_dns=no\nalias=\"127.0.0.1\"\nlisten=udp:127.0.0.1:$port\nlisten=tcp:127.0.0.1:$port/" \
        -e 's/^loadmodule "jsonrpcs.so"$/loadmodule "db_text.so"\nloadmodule "jsonrpcs.so"/' \
        -e 's/^modparam("registrar", "max_expires", 3600)$/&\nmodparam("registrar", "min_expires", 60)\nmodparam("registrar", "min_expires_mode", 1)/' \
        -e 's/^\t\t\tauth_challenge("$fd", "0");$/\t\t\tauth_challenge("$fd", "1");/' \
        -e 's/^loadmodule "auth_db.so"$/loadmodule "htable.so"/' \
        -e "s|^modparam(\"auth_db\", \"db_url\", DBURL)\$|modparam(\"htable\", \"db_url\", DBURL)\nmodparam(\"htable\", \"htable\", \"users=>size=14;dbtable=subscriber;cols='username,ha1';\")|" \
        -e '/^modparam("auth_db", /d' \
        -e 's/^\t\tif (!auth_check("$fd", "subscriber", "1")) {$/\t\tif ($au == $null || $sht(users=>$au) == $null || !pv_auth_check("$fd", "$sht(users=>$au)", "1", "1")) {/' \
        /etc/kamailio/kamailio.cfg
}

# The lines the generated config must contain, so that a change in the stock file cannot silently bench something else.
kamailio_config_check() {
    local cfg="$1" line
    local expected=('auth_challenge("$fd", "1");' 'listen=udp:127.0.0.1:' 'loadmodule "htable.so"' 'record_route();'
                    'pv_auth_check("$fd", "$sht(users=>$au)", "1", "1")' "dbtable=subscriber;cols='username,ha1'"
                    'if (!lookup("location")) {' 'if (!t_relay()) {' 'if (loose_route()) {' 'loadmodule "tm.so"')
    for line in "${expected[@]}"; do
        grep -qF -- "$line" "$cfg" || die "$cfg lacks $line: has /etc/kamailio/kamailio.cfg changed?"
    done
}

# The db_text subscriber table with HA1 = MD5(user:realm:password), realm 127.0.0.1 (the From host the callers use).
write_subscribers() {
    echo "id(int,auto) username(string) domain(string) password(string) ha1(string) ha1b(string) "
    all_numbers | perl -MDigest::MD5=md5_hex -ne 'chomp; my $pw = "Bench${_}pw";
        print join(":", $., $_, "127.0.0.1", $pw, md5_hex("$_:127.0.0.1:$pw"), "-"), "\n";'
}

KAM_CTL=""
kamailio_shm_used() { kamcmd -s "unix:$KAM_CTL" core.shmmem 2>/dev/null | awk '/real_used:/ { print $2 }'; }
# Kamailio keeps no call state after a transaction: ringing calls are its INVITE transactions in progress.
kamailio_counts() {
    kamcmd -s "unix:$KAM_CTL" tm.stats 2>/dev/null | awk '/current:/ { c = $2 } END { print (c == "" ? "?" : c), "-" }'
}

bench_kamailio() {
    local dir="$WORK/kamailio" port pid loaded
    mkdir -p "$dir/db" "$dir/run"
    port=$(free_port); KAM_CTL="$dir/run/kamailio_ctl"
    cp /usr/share/kamailio/dbtext/kamailio/version "$dir/db/version"
    write_subscribers > "$dir/db/subscriber"
    kamailio_config "$port" "$dir/db" > "$dir/kamailio.cfg"
    kamailio_config_check "$dir/kamailio.cfg"
    kamailio -c -f "$dir/kamailio.cfg" >"$dir/check.log" 2>&1 || die "Kamailio rejects $dir/kamailio.cfg: see $dir/check.log"
    kamailio -f "$dir/kamailio.cfg" -m "$KAMAILIO_SHM_MB" -DD -E -Y "$dir/run" -P "$dir/kamailio.pid" >"$dir/kamailio.log" 2>&1 &
    pid=$!; PIDS+=("$pid")
    for _ in $(seq 1 100); do
        [[ -S "$KAM_CTL" ]] && kamcmd -s "unix:$KAM_CTL" core.uptime >/dev/null 2>&1 && break
        kill -0 "$pid" 2>/dev/null || die "Kamailio exited: see $dir/kamailio.log"
        sleep 0.2
    done
    loaded=$(kamcmd -s "unix:$KAM_CTL" htable.stats 2>/dev/null | awk '/name: users/ { u = 1 } u && /all:/ { print $2; exit }')
    [[ "$loaded" == "$(all_numbers | wc -l)" ]] || die "Kamailio loaded ${loaded:-no} users into its htable: see $dir/kamailio.log"
    log "Kamailio $(kamailio -v | head -1 | awk '{print $3}') pid $pid on 127.0.0.1:$port, $loaded subscribers (htable)"
    start_callees "$port" kamailio 1000
    rate_steps kamailio "$pid" "$port"
    K_RATE=$BEST_RATE; K_CPU=$BEST_CPU
    log "kamailio: waiting ${SETTLE_SECONDS} s for the transactions to end before measuring memory"
    sleep "$SETTLE_SECONDS"
    live_memory kamailio "$port" kamailio_shm_used kamailio_counts
    K_RING=$MEM_RING; K_ANSWER=$MEM_ANSWER
    stop_callees
    kill -TERM "$pid" 2>/dev/null || true
}

# ---------------------------------------------------------------- Switchboard
find_jdk() {
    local c
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/jcmd" ]]; then echo "$JAVA_HOME"; return; fi
    for c in /usr/lib/jvm/*25*; do [[ -x "$c/bin/java" && -x "$c/bin/jcmd" ]] && { echo "$c"; return; }; done
    return 1
}

SB_PID=""; SB_URL=""; SB_TOKEN=""; SB_CERT=""
# Heap used after a full GC, in bytes.
switchboard_heap_used() {
    "$JDK/bin/jcmd" "$SB_PID" GC.run >/dev/null 2>&1 || true
    "$JDK/bin/jcmd" "$SB_PID" GC.heap_info 2>/dev/null | awk '/ used [0-9]+K/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); print v * 1024; exit } }'
}
sb_api() { curl -s --max-time 30 --cacert "$SB_CERT" -H "Authorization: Bearer $SB_TOKEN" "$@"; }
# "ringing answered" from GET /api/v1/calls.
switchboard_counts() {
    sb_api "$SB_URL/api/v1/calls" > "$WORK/calls.json" || { echo "? ?"; return; }
    echo "$(grep -o '"callee":"[0-9]*","state":"RINGING"' "$WORK/calls.json" | wc -l) $(grep -o '"callee":"[0-9]*","state":"ANSWERED"' "$WORK/calls.json" | wc -l)"
}

# Creates the extensions through the admin REST API (one curl process, one request per extension).
provision_switchboard() {
    local data="$1" cfg="$WORK/switchboard/provision.curl" codes="$WORK/switchboard/provision.codes" n bad total
    total=$(all_numbers | wc -l)
    ( umask 077
      all_numbers | while read -r n; do
          printf 'url = "%s/api/v1/extensions"\nrequest = "POST"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\ndata = "{\\"number\\":\\"%s\\",\\"name\\":\\"Bench %s\\",\\"password\\":\\"Bench%spw\\"}"\ncacert = "%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\nmax-time = 30\nnext\n' \
              "$SB_URL" "$SB_TOKEN" "$n" "$n" "$n" "$SB_CERT"
      done | sed '$d' > "$cfg" )
    timeout $(( total / 2 + 120 )) curl -s -K "$cfg" > "$codes" || true
    bad=$(grep -cv '^20[01]$' "$codes" || true)
    [[ "$(wc -l < "$codes")" -eq "$total" && "$bad" -eq 0 ]] || die "provisioning failed: $(sort "$codes" | uniq -c | tr '\n' ' ')"
}

bench_switchboard() {
    local dir="$WORK/switchboard" data port leaked
    JDK=$(find_jdk) || die "no JDK 25 with jcmd (JAVA_HOME or /usr/lib/jvm/*25*)"
    data="$dir/data"; mkdir -p "$data"
    port=$(free_port)
    # MD5 only: SIPp 3.6.1 answers no other digest algorithm. No brute-force blocking of the load generators.
    # Held calls carry no RTP in this bench: no media timeout and no ring timeout while they are held.
    # No unsolicited MWI NOTIFY to the SIPp callees (Kamailio sends none; SIPp would count it as a failure).
    cat > "$data/switchboard.yaml" <<EOF
auth:
  algorithms: MD5
  max-failures: 1000000
calls:
  ring-timeout: 300s
  media-timeout: 3600s
mwi:
  unsolicited: false
EOF
    # ./switchboard rebuilds first when sources changed (other people edit them): wait for that too, bounded.
    JAVA_HOME="$JDK" "$ROOT/switchboard" run --data "$data" --bind 127.0.0.1 --sip-port "$port" \
        --sips-port "$(free_port)" --https-port "$(free_port)" --rtp-ports "$RTP_PORTS" --domain 127.0.0.1 \
        >"$dir/switchboard.log" 2>&1 &
    SB_PID=$!; PIDS+=("$SB_PID")
    for _ in $(seq 1 3000); do
        grep -q "Switchboard ready" "$dir/switchboard.log" 2>/dev/null && [[ -s "$data/admin/endpoint.json" ]] && break
        kill -0 "$SB_PID" 2>/dev/null || { log "Switchboard exited: $(tail -3 "$dir/switchboard.log")"; return 1; }
        sleep 0.2
    done
    grep -q "Switchboard ready" "$dir/switchboard.log" || { log "Switchboard not ready after 600 s"; return 1; }
    SB_URL=$(sed -n 's/.*"url"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$data/admin/endpoint.json")
    SB_CERT=$(sed -n 's/.*"certificate"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$data/admin/endpoint.json")
    SB_TOKEN=$(head -1 "$data/admin/token")
    [[ -n "$SB_URL" && -n "$SB_TOKEN" ]] || die "cannot read the admin endpoint or token in $data/admin"
    log "Switchboard pid $SB_PID on 127.0.0.1:$port, RTP $RTP_PORTS; creating $(all_numbers | wc -l) extensions"
    provision_switchboard "$data"
    start_callees "$port" switchboard 1000
    rate_steps switchboard "$SB_PID" "$port"
    S_RATE=$BEST_RATE; S_CPU=$BEST_CPU
    log "switchboard: waiting ${SETTLE_SECONDS} s for the transactions to end before measuring memory"
    sleep "$SETTLE_SECONDS"
    leaked=$(switchboard_counts)
    S_LEAK="live calls left after the rate steps (ringing answered): $leaked"
    echo "switchboard $S_LEAK" >> "$WORK/steps.txt"
    live_memory switchboard "$port" switchboard_heap_used switchboard_counts
    S_RING=$MEM_RING; S_ANSWER=$MEM_ANSWER
    S_RSS=$(awk '/VmRSS/ { print $2 * 1024 }' "/proc/$SB_PID/status")
    stop_callees
    kill -TERM "$SB_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$SB_PID" 2>/dev/null || break; sleep 0.2; done
}

# ---------------------------------------------------------------- RTP relay
# Runs bench/rtp-relay/run.sh (it builds media and net's test classes offline) and reads its figures.
bench_relay() {
    local out="$WORK/relay.out"
    # shellcheck disable=SC2086
    timeout 900 "$ROOT/bench/rtp-relay/run.sh" $RELAY_ARGS > "$out" 2>&1 &
    local pid=$!; PIDS+=("$pid")
    wait "$pid" || log "the relay benchmark failed: $(tail -3 "$out")"
    R_PPS=$(sed -n 's/.*: \([0-9,]*\) packets per relay CPU-second.*/\1/p' "$out" | tr -d ,)
    R_P50=$(sed -n 's/^added latency.* p50 \([0-9]*\) us.*/\1/p' "$out")
    R_P99=$(sed -n 's/^added latency.* p99 \([0-9]*\) us.*/\1/p' "$out")
    R_FILE=$(sed -n 's/^saved //p' "$out")
    R_LINES=$(grep -E '^(transport|measured|relay threads|whole process|added latency|sent-received)' "$out" || true)
}

# ---------------------------------------------------------------- main
mkdir -p "$RESULTS"
UAC_PORT=$(free_port); UAS_PORT=$(free_port); UAS_PIDS=()
write_users
: > "$WORK/steps.txt"; : > "$WORK/failures.txt"
w0=$(cpu_wait_us); sleep 5; w1=$(cpu_wait_us)
IDLE_WAIT=$(wait_percent "$w0" "$w1" 5); LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
log "machine before start: a task waited for one of the $CORES cores ${IDLE_WAIT}% of the time, load average $LOAD_START"
S_RATE=n/a; S_CPU=n/a; S_RING=n/a; S_ANSWER=n/a; S_RSS=n/a; S_LEAK=""
K_RATE=n/a; K_CPU=n/a; K_RING=n/a; K_ANSWER=n/a
R_PPS=""; R_P50=""; R_P99=""; R_FILE=""; R_LINES=""
STATUS=0
if [[ "$TARGET" == both || "$TARGET" == switchboard ]]; then
    bench_switchboard || { STATUS=1; log "Switchboard half failed; its figures are n/a"; }
fi
if [[ "$TARGET" == both || "$TARGET" == kamailio ]]; then bench_kamailio; fi
if [[ -n "$RELAY_ARGS" ]]; then log "RTP relay: bench/rtp-relay/run.sh $RELAY_ARGS"; bench_relay; fi
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^-?[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else print "n/a" }'; }
verdict() { if [[ "$1" == n/a ]]; then echo "not measured"; elif awk -v v="$1" -v t="$2" 'BEGIN { exit !(v '"$3"' t) }'; then echo met; else echo "NOT met"; fi; }
us_to_ms() { awk -v u="$1" 'BEGIN { if (u ~ /^[0-9]+$/) printf "%.3f", u / 1000; else print "n/a" }'; }
# CPU per call falls as the rate rises (fixed costs spread over more calls): compare at each rate both passed (no
# failure, at least 95% of the target), the highest of them for the target.
awk -v steps="$STEP_SECONDS" '
    { delete f; for (i = 2; i <= NF; i++) if (split($i, kv, "=") == 2) f[kv[1]] = kv[2]
      if (!("rate" in f)) next
      if (f["failed"] == 0 && f["ok"] >= f["rate"] * steps && f["achieved"] * 100 >= f["rate"] * 95) good[$1, f["rate"]] = f["cpu_per_1000"] }
    END { for (k in good) { split(k, p, SUBSEP)
            if (p[1] == "switchboard" && (("kamailio", p[2]) in good) && good["kamailio", p[2]] > 0)
                printf "%d %s %s %.2f\n", p[2], good[k], good["kamailio", p[2]], good[k] / good["kamailio", p[2]] } }' \
    "$WORK/steps.txt" | sort -n > "$WORK/same-rate.txt"
read -r SAME_RATE S_SAME K_SAME SAME_RATIO <<<"$(tail -1 "$WORK/same-rate.txt")"
SAME_RATE=${SAME_RATE:-n/a}; S_SAME=${S_SAME:-n/a}; K_SAME=${K_SAME:-n/a}; SAME_RATIO=${SAME_RATIO:-n/a}
OVER_2X=$(awk '$4 > 2 { printf "%s%d", n++ ? ", " : "", $1 }' "$WORK/same-rate.txt")
MEDIAN_RATIO=$(sort -k4,4n "$WORK/same-rate.txt" | awk '{ r[NR] = $4 } END { if (NR) printf "%.2f", NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2; else print "n/a" }')
CPU_RATIO=$(ratio "$S_CPU" "$K_CPU")
R_PPS=${R_PPS:-n/a}; R_P50=$(us_to_ms "${R_P50:-}"); R_P99=$(us_to_ms "${R_P99:-}")
OUT="$RESULTS/call-rate-$STAMP.txt"
{
    echo "Calls, $(date -u +%Y-%m-%dT%H:%M:%SZ), $CORES cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$( [[ -n "$(git -C "$ROOT" status --porcelain -- pbx sip net app 2>/dev/null)" ]] && echo ' + uncommitted changes')"
    echo "Command: bench/call-rate.sh --rates \"$RATES\" --step-seconds $STEP_SECONDS --pairs $PAIRS --callers $CALLERS --call-ms $CALL_MS --warmup-calls $WARMUP_CALLS --live-calls $LIVE_CALLS${RELAY_ARGS:+ --relay \"$RELAY_ARGS\"} --target $TARGET"
    echo "Each call: INVITE, 407, ACK, INVITE with MD5 digest, 100/180/200, ACK, ${CALL_MS} ms, BYE, 200, over UDP on loopback;"
    echo "$PAIRS SIPp 3.6.1 caller processes (127.0.0.11..) and $PAIRS callees (bench/calls/callee.xml, 127.0.0.21..), $CALLERS callers;"
    echo "warm-up $WARMUP_CALLS calls at $WARMUP_RATE/s (the JIT compiles the call path), then steps of ${STEP_SECONDS}s: $RATES (stop at the first failure or below 95%)."
    echo "Switchboard: B2BUA, two dialogs, two RTP endpoints (rtp-ports $RTP_PORTS) and a call record per call."
    echo "Kamailio: stock kamailio.cfg, WITH_AUTH, HA1 from an htable (pv_auth_check, qop=auth), tm + rr, usrloc in memory,"
    echo "record_route, lookup(\"location\"), t_relay, acc log lines for INVITE and BYE; children=2, shm ${KAMAILIO_SHM_MB} MB."
    echo "Machine before the start (other people's work): a task waited for a core ${IDLE_WAIT}% of the time (PSI);"
    echo "load average $LOAD_START at start, $LOAD_END at end. Per step (below): the cores' share used by the server and"
    echo "by SIPp, and cpu_wait, the time during which some task waited for a core (PSI: the machine was full)."
    echo
    printf '%-44s %14s %14s %10s\n' "" "Switchboard" "Kamailio 5.6" "ratio S/K"
    printf '%-44s %14s %14s %10s\n' "calls/s at zero failures" "$S_RATE" "$K_RATE" "$(ratio "$S_RATE" "$K_RATE")"
    printf '%-44s %14s %14s %10s\n' "CPU-seconds per 1,000 calls, at those rates" "$S_CPU" "$K_CPU" "$CPU_RATIO"
    printf '%-44s %14s %14s %10s\n' "CPU-seconds per 1,000 calls, both at $SAME_RATE/s" "$S_SAME" "$K_SAME" "$SAME_RATIO"
    printf '%-44s %14s %14s %10s\n' "memory per ringing call, bytes" "$S_RING" "$K_RING" "$(ratio "$S_RING" "$K_RING")"
    printf '%-44s %14s %14s %10s\n' "memory per answered call, bytes" "$S_ANSWER" "$K_ANSWER" "$(ratio "$S_ANSWER" "$K_ANSWER")"
    echo
    echo "RTP relay (bench/rtp-relay/run.sh $RELAY_ARGS${R_FILE:+, $R_FILE}):"
    printf '%-44s %14s\n' "relayed packets/s per core (relay CPU)" "$R_PPS" "added latency p50, ms" "$R_P50" "added latency p99, ms" "$R_P99"
    [[ -n "$R_LINES" ]] && sed 's/^/  /' <<<"$R_LINES"
    echo
    if [[ "$SAME_RATE" == n/a ]]; then
        echo "Targets: CPU per 1,000 calls at most 2x Kamailio's: not measured (no rate that both passed);"
    else
        echo "Targets: CPU per 1,000 calls at most 2x Kamailio's: $(verdict "$SAME_RATIO" 2 '<=') at $SAME_RATE/s ($SAME_RATIO; $CPU_RATIO at the"
        echo "best rates; median over the rates both passed $MEDIAN_RATIO)${OVER_2X:+; above 2x at $OVER_2X calls/s};"
    fi
    echo "relay at least 110,000 packets/s per core: $(verdict "$R_PPS" 110000 '>='); p99 added latency under 1 ms: $(verdict "$R_P99" 1 '<')."
    echo
    echo "Memory: $LIVE_CALLS calls held up (placed at $LIVE_RATE/s to callees that ring first), measured once ringing"
    echo "(callee paused before its 200) and once answered (after their INVITE transactions ended), minus the same"
    echo "server idle after the rate steps, / $LIVE_CALLS. Switchboard = heap used after a full GC (jcmd), RSS at the end"
    echo "$S_RSS bytes; Kamailio = shm real_used (kamcmd core.shmmem): a proxy without the dialog module keeps"
    echo "a transaction while a call rings and nothing once it is answered."
    echo "CPU: utime+stime of the server's processes (Kamailio: main and children) during the step, / calls completed."
    [[ -n "$S_LEAK" ]] && echo "Switchboard $S_LEAK"
    if [[ -s "$WORK/same-rate.txt" ]]; then
        echo; echo "CPU-seconds per 1,000 calls at each rate both passed:"
        printf '  %8s %12s %12s %10s\n' "calls/s" "Switchboard" "Kamailio" "ratio S/K"
        while read -r a b c d; do printf '  %8s %12s %12s %10s\n' "$a" "$b" "$c" "$d"; done < "$WORK/same-rate.txt"
    fi
    echo
    echo "Steps:"
    cat "$WORK/steps.txt"
    if [[ -s "$WORK/failures.txt" ]]; then echo; echo "Failures:"; cat "$WORK/failures.txt"; fi
} | tee "$OUT"
log "written to $OUT"
exit "$STATUS"
