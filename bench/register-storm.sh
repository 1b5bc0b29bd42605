#!/usr/bin/env bash
# Registration storm: Switchboard and Kamailio 5.6 side by side as digest registrars on loopback.
#
# Kamailio runs the stock /etc/kamailio/kamailio.cfg as an in-memory registrar (usrloc without a database) with
# digest MD5, qop=auth and the auth module's default nonce checks; it challenges with auth_challenge() and stores
# with save("location"). --kamailio-auth chooses where it reads the credentials:
#   htable (default): Kamailio at its best. At startup the htable module loads username => HA1 from the db_text
#                     subscriber table into shared memory; each REGISTER is checked with
#                     pv_auth_check("$fd", "$sht(users=>$au)", HA1, To/From user = auth user): O(1) hash lookups.
#   dbtext:           the stock WITH_AUTH setup, auth_db's auth_check() over db_text, which scans the table on
#                     every lookup and so slows down as the number of subscribers grows.
#
# For each target it provisions N users, registers them all once (memory per binding is measured across this pass),
# then runs SIPp register_digest.xml storms at rising rates for a fixed time each, and reports:
#   - the highest registrations/s completed with zero failed calls (a registration = REGISTER, 401, REGISTER, 200),
#   - CPU-seconds the registrar used per 1,000 registrations (utime+stime from /proc, at that rate),
#   - memory per binding: Switchboard heap used after a full GC (jcmd), Kamailio shared memory real_used (kamcmd).
# Prints a table with both and their ratios and writes it to bench/results/register-storm-DATE.txt.
#
# Expects Switchboard built (./switchboard run builds it once; this script builds nothing) and the peers installed
# (scripts/install-peers.sh). Everything listens on 127.0.0.x; every loop is bounded; whatever it started is stopped
# on exit, by pid.
#
# Usage: bench/register-storm.sh [--users N] [--rates "200 400 ..."] [--step-seconds S] [--sipp-processes K]
#                                [--target both|switchboard|kamailio] [--kamailio-auth htable|dbtext] [--keep]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCENARIO="$ROOT/e2e/src/test/resources/sipp/register_digest.xml"
RESULTS="$ROOT/bench/results"

USERS=1000
RATES="500 1000 2000 4000 6000 8000 10000 12000 16000"
STEP_SECONDS=10
SIPP_PROCESSES=2
TARGET=both
KAMAILIO_AUTH=htable
KEEP=no
MAX_USERS=100000
FIRST_USER=100000     # extension numbers FIRST_USER .. FIRST_USER+USERS-1

usage() { sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
die() { echo "register-storm: $*" >&2; exit 1; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --users) USERS="$2"; shift 2 ;;
        --rates) RATES="$2"; shift 2 ;;
        --step-seconds) STEP_SECONDS="$2"; shift 2 ;;
        --sipp-processes) SIPP_PROCESSES="$2"; shift 2 ;;
        --target) TARGET="$2"; shift 2 ;;
        --kamailio-auth) KAMAILIO_AUTH="$2"; shift 2 ;;
        --keep) KEEP=yes; shift ;;
        -h|--help) usage 0 ;;
        *) echo "unknown option $1" >&2; usage 2 ;;
    esac
done
[[ "$USERS" =~ ^[0-9]+$ && "$USERS" -ge 10 && "$USERS" -le "$MAX_USERS" ]] || die "--users must be 10..$MAX_USERS"
[[ "$STEP_SECONDS" =~ ^[0-9]+$ && "$STEP_SECONDS" -ge 2 && "$STEP_SECONDS" -le 120 ]] || die "--step-seconds must be 2..120"
[[ "$SIPP_PROCESSES" =~ ^[1-8]$ ]] || die "--sipp-processes must be 1..8"
[[ "$TARGET" =~ ^(both|switchboard|kamailio)$ ]] || die "--target must be both, switchboard or kamailio"
[[ "$KAMAILIO_AUTH" =~ ^(htable|dbtext)$ ]] || die "--kamailio-auth must be htable or dbtext"
for r in $RATES; do [[ "$r" =~ ^[0-9]+$ && "$r" -ge 1 && "$r" -le 20000 ]] || die "each rate must be 1..20000"; done
for tool in sipp kamailio kamcmd curl awk ss perl; do
    command -v "$tool" >/dev/null || die "$tool is missing: run scripts/install-peers.sh (as root)"
done
[[ -f "$SCENARIO" ]] || die "no scenario $SCENARIO"

WORK="$(mktemp -d /tmp/register-storm.XXXXXX)"
chmod 700 "$WORK"
PIDS=()          # every process this script started, stopped on exit

cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
        fi
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

# A port P in 20000-32767 with P and P+1 free for UDP and TCP on loopback (bounded attempts).
free_port() {
    local p attempt
    for attempt in $(seq 1 200); do
        p=$(( (RANDOM % 6000) * 2 + 20000 ))
        if [[ -z "$(ss -Htuln "( sport = :$p or sport = :$((p + 1)) )")" ]]; then
            echo "$p"; return 0
        fi
    done
    die "no free port on 127.0.0.1"
}

# CPU ticks (utime+stime) of a process and of its direct children (Kamailio's workers).
cpu_ticks() {
    local main="$1" total=0 pid
    for pid in "$main" $(pgrep -P "$main" || true); do
        [[ -r /proc/$pid/stat ]] || continue
        total=$(( total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat") ))
    done
    echo "$total"
}
CLK_TCK="$(getconf CLK_TCK)"

# users.csv split into K slices, SIPp injection format (see e2e harness InjectionFile).
write_users() {
    local dir="$1" k i n part
    for k in $(seq 1 "$SIPP_PROCESSES"); do echo SEQUENTIAL > "$dir/users-$k.csv"; done
    for i in $(seq 0 $(( USERS - 1 ))); do
        n=$(( FIRST_USER + i )); part=$(( i % SIPP_PROCESSES + 1 ))
        echo "$n;Bench${n}pw;[authentication username=$n password=Bench${n}pw]" >> "$dir/users-$part.csv"
    done
}

# Runs K SIPp processes (127.0.0.2.. , fixed ports so each user keeps one contact) for CALLS calls at RATE in total.
# Sets STORM_OK, STORM_FAILED, STORM_RETRANS, STORM_WALL (seconds).
sipp_storm() {
    local port="$1" rate="$2" calls="$3" tag="$4" k pids=() per_rate per_calls t0 t1 ok=0 ko=0 re=0 s a b c
    per_rate=$(( (rate + SIPP_PROCESSES - 1) / SIPP_PROCESSES ))
    per_calls=$(( (calls + SIPP_PROCESSES - 1) / SIPP_PROCESSES ))
    local limit=$(( per_calls / per_rate + 30 ))
    t0=$(date +%s.%N)
    for k in $(seq 1 "$SIPP_PROCESSES"); do
        timeout $(( limit + 15 )) sipp "127.0.0.1:$port" -sf "$SCENARIO" -inf "$WORK/users-$k.csv" -key expires 3600 \
            -i "127.0.0.$(( k + 1 ))" -ci "127.0.0.$(( k + 1 ))" -p "$SIPP_PORT_BASE" -m "$per_calls" -r "$per_rate" -nostdin -nd \
            -buff_size 4194304 -timeout "${limit}s" -trace_stat -stf "$WORK/$tag-$k.csv" -fd 3600 \
            -trace_err -error_file "$WORK/$tag-$k-errors.log" >"$WORK/$tag-$k.out" 2>&1 &
        pids+=($!); PIDS+=($!)
    done
    for k in "${pids[@]}"; do wait "$k" || true; done
    t1=$(date +%s.%N)
    for k in $(seq 1 "$SIPP_PROCESSES"); do
        s=$(awk -F';' 'NR==1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
                       { last = $0 } END { n = split(last, f, ";");
                         print f[col["SuccessfulCall(C)"]] + 0, f[col["FailedCall(C)"]] + 0, f[col["Retransmissions(C)"]] + 0 }' \
            "$WORK/$tag-$k.csv" 2>/dev/null || echo "0 0 0")
        read -r a b c <<<"$s"
        ok=$(( ok + a )); ko=$(( ko + b )); re=$(( re + c ))
    done
    STORM_OK=$ok; STORM_FAILED=$ko; STORM_RETRANS=$re
    STORM_WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
}

# The rate steps against a registrar with main pid PID on PORT. Sets BEST_RATE and BEST_CPU (per 1,000).
rate_steps() {
    local name="$1" pid="$2" port="$3" best=0 best_cpu="n/a" rate calls c0 c1 ok ko re wall achieved cpu
    for rate in $RATES; do
        calls=$(( rate * STEP_SECONDS ))
        c0=$(cpu_ticks "$pid")
        sipp_storm "$port" "$rate" "$calls" "$name-r$rate"
        c1=$(cpu_ticks "$pid")
        ok=$STORM_OK; ko=$STORM_FAILED; re=$STORM_RETRANS; wall=$STORM_WALL
        achieved=$(awk -v ok="$ok" -v w="$wall" 'BEGIN { printf "%.0f", ok / w }')
        cpu=$(awk -v t=$(( c1 - c0 )) -v hz="$CLK_TCK" -v ok="$ok" 'BEGIN { if (ok > 0) printf "%.3f", t / hz / ok * 1000; else print "n/a" }')
        log "$name: target $rate/s: $ok ok, $ko failed, $re retransmissions in ${wall}s = $achieved/s; CPU ${cpu}s per 1000"
        echo "$name rate=$rate ok=$ok failed=$ko retrans=$re wall=$wall achieved=$achieved cpu_per_1000=$cpu" >> "$WORK/steps.txt"
        # The best is the highest throughput measured with every call successful. A step with a failure, or below
        # 95% of its target rate, shows saturation (of the registrar or of the machine): no higher step is tried.
        if [[ "$ko" -eq 0 && "$ok" -ge "$calls" && "$achieved" -gt "$best" ]]; then
            best="$achieved"; best_cpu="$cpu"
        fi
        if [[ "$ko" -ne 0 || "$ok" -lt "$calls" || $(( achieved * 100 )) -lt $(( rate * 95 )) ]]; then
            break
        fi
        kill -0 "$pid" 2>/dev/null || { log "$name died"; break; }
    done
    BEST_RATE=$best; BEST_CPU=$best_cpu
}

# ---------------------------------------------------------------- Kamailio
# The stock config with WITH_AUTH over db_text (the subscriber table in DB), on loopback only. Both modes challenge
# with qop=auth (auth_challenge flag 1; the stock "0" offers none, which Switchboard refuses as RFC 2069 digest)
# and keep the auth module's default nonce checks. In htable mode auth_db is replaced by the htable module: the
# users table is loaded once at startup from subscriber's username and ha1 columns, and REGISTER is checked
# against it with pv_auth_check() (flags 1: the value is HA1; checks 1: auth user = To and From user, as
# auth_check("$fd", "subscriber", "1") does). The guards challenge a REGISTER without credentials or with an
# unknown user quietly (pv_auth_check logs an error for an empty password); they cost one more hash lookup.
kamailio_config() {
    local port="$1" db="$2" auth="$3" mode_sed=()
    if [[ "$auth" == htable ]]; then
        mode_sed=(
            -e 's/^loadmodule "auth_db.so"$/loadmodule "htable.so"/'
            -e "s|^modparam(\"auth_db\", \"db_url\", DBURL)\$|modparam(\"htable\", \"db_url\", DBURL)\nmodparam(\"htable\", \"htable\", \"users=>size=14;dbtable=subscriber;cols='username,ha1';\")|"
            -e '/^modparam("auth_db", /d'
            -e 's/^\t\tif (!auth_check("$fd", "subscriber", "1")) {$/\t\tif ($au == $null || $sht(users=>$au) == $null || !pv_auth_check("$fd", "$sht(users=>$au)", "1", "1")) {/'
        )
    fi
    sed -e "1a #!define WITH_AUTH\n#!define DBURL \"text://$db\"" \
        -e "s/^children=8\$/children=2\nauto_aliases=no\ndns=no\nrev_dns=no\nalias=\"127.0.0.1\"\nlisten=udp:127.0.0.1:$port\nlisten=tcp:127.0.0.1:$port/" \
        -e 's/^loadmodule "jsonrpcs.so"$/loadmodule "db_text.so"\nloadmodule "jsonrpcs.so"/' \
        -e 's/^modparam("registrar", "max_expires", 3600)$/&\nmodparam("registrar", "min_expires", 60)\nmodparam("registrar", "min_expires_mode", 1)/' \
        -e 's/^\t\t\tauth_challenge("$fd", "0");$/\t\t\tauth_challenge("$fd", "1");/' \
        "${mode_sed[@]}" /etc/kamailio/kamailio.cfg
}

# The lines the generated config must contain, so that a change in the stock file cannot silently bench
# something else.
kamailio_config_check() {
    local cfg="$1" auth="$2" line
    local expected=('auth_challenge("$fd", "1");' 'save("location")' 'listen=udp:127.0.0.1:')
    if [[ "$auth" == htable ]]; then
        expected+=('loadmodule "htable.so"' 'pv_auth_check("$fd", "$sht(users=>$au)", "1", "1")' "dbtable=subscriber;cols='username,ha1'")
    else
        expected+=('loadmodule "auth_db.so"' 'auth_check("$fd", "subscriber", "1")')
    fi
    for line in "${expected[@]}"; do
        grep -qF -- "$line" "$cfg" || die "$cfg lacks $line: has /etc/kamailio/kamailio.cfg changed?"
    done
}

# The db_text subscriber table: the plain password (auth_db computes HA1 from it) and HA1 = MD5(user:realm:password)
# for the realm the SIPp scenario answers (From host 127.0.0.1), which the htable mode loads.
write_subscribers() {
    echo "id(int,auto) username(string) domain(string) password(string) ha1(string) ha1b(string) "
    perl -MDigest::MD5=md5_hex -e '
        my ($first, $count) = @ARGV;
        for my $i (0 .. $count - 1) {
            my $user = $first + $i; my $pw = "Bench${user}pw";
            print join(":", $i + 1, $user, "127.0.0.1", $pw, md5_hex("$user:127.0.0.1:$pw"), "-"), "\n";
        }' "$FIRST_USER" "$USERS"
}

kamailio_shm_used() {
    kamcmd -s "unix:$WORK/kamailio/run/kamailio_ctl" core.shmmem 2>/dev/null | awk '/real_used:/ { print $2 }'
}

kamailio_auth_text() {
    if [[ "$KAMAILIO_AUTH" == htable ]]; then
        echo "credentials in memory: htable loaded from db_text at startup, pv_auth_check with HA1"
    else
        echo "credentials from db_text on every REGISTER: auth_db auth_check"
    fi
}

bench_kamailio() {
    local dir="$WORK/kamailio" port pid i before after loaded
    mkdir -p "$dir/db" "$dir/run"
    port=$(free_port)
    cp /usr/share/kamailio/dbtext/kamailio/version "$dir/db/version"
    write_subscribers > "$dir/db/subscriber"
    kamailio_config "$port" "$dir/db" "$KAMAILIO_AUTH" > "$dir/kamailio.cfg"
    kamailio_config_check "$dir/kamailio.cfg" "$KAMAILIO_AUTH"
    kamailio -c -f "$dir/kamailio.cfg" >"$dir/check.log" 2>&1 || die "Kamailio rejects $dir/kamailio.cfg: see $dir/check.log"
    kamailio -f "$dir/kamailio.cfg" -DD -E -Y "$dir/run" -P "$dir/kamailio.pid" >"$dir/kamailio.log" 2>&1 &
    pid=$!; PIDS+=("$pid")
    for i in $(seq 1 100); do
        [[ -S "$dir/run/kamailio_ctl" ]] && kamcmd -s "unix:$dir/run/kamailio_ctl" core.uptime >/dev/null 2>&1 && break
        kill -0 "$pid" 2>/dev/null || die "Kamailio exited: see $dir/kamailio.log"
        sleep 0.2
    done
    log "Kamailio $(kamailio -v | head -1 | awk '{print $3}') pid $pid on 127.0.0.1:$port, $USERS subscribers ($(kamailio_auth_text))"
    if [[ "$KAMAILIO_AUTH" == htable ]]; then
        loaded=$(kamcmd -s "unix:$dir/run/kamailio_ctl" htable.stats 2>/dev/null | awk '/name: users/ { u = 1 } u && /all:/ { print $2; exit }')
        [[ "$loaded" == "$USERS" ]] || die "Kamailio loaded ${loaded:-no} of $USERS users into its htable: see $dir/kamailio.log"
    fi
    before=$(kamailio_shm_used)
    sipp_storm "$port" 200 "$USERS" kamailio-bind
    settle
    after=$(kamailio_shm_used)
    log "Kamailio: $STORM_OK of $USERS bound ($STORM_FAILED failed); shm real_used $before -> $after bytes"
    K_MEM=$(awk -v a="$before" -v b="$after" -v n="$STORM_OK" 'BEGIN { if (n > 0 && b != "") printf "%.0f", (b - a) / n; else print "n/a" }')
    rate_steps kamailio "$pid" "$port"
    K_RATE=$BEST_RATE; K_CPU=$BEST_CPU
    kill -TERM "$pid" 2>/dev/null || true
}

# ---------------------------------------------------------------- Switchboard
find_jdk() {
    local c
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" && -x "$JAVA_HOME/bin/jcmd" ]]; then echo "$JAVA_HOME"; return; fi
    for c in /usr/lib/jvm/*25*; do [[ -x "$c/bin/java" && -x "$c/bin/jcmd" ]] && { echo "$c"; return; }; done
    return 1
}

# Heap used after a full GC, in bytes.
switchboard_heap_used() {
    local pid="$1"
    "$JDK/bin/jcmd" "$pid" GC.run >/dev/null 2>&1 || true
    "$JDK/bin/jcmd" "$pid" GC.heap_info 2>/dev/null | awk '/ used [0-9]+K/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); print v * 1024; exit } }'
}

# Creates the users through the admin REST API the CLI uses (one curl process, one request per user): the CLI
# starts a JVM per extension (about 2 s each), and there is no bulk command yet.
provision_switchboard() {
    local data="$1" endpoint url cert token cfg i n code_file bad
    endpoint="$data/admin/endpoint.json"
    url=$(sed -n 's/.*"url"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$endpoint")
    cert=$(sed -n 's/.*"certificate"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$endpoint")
    token=$(head -1 "$data/admin/token")
    [[ -n "$url" && -n "$token" ]] || die "cannot read the admin endpoint or token in $data/admin"
    cfg="$WORK/switchboard/provision.curl"; code_file="$WORK/switchboard/provision.codes"
    ( umask 077
      for i in $(seq 0 $(( USERS - 1 ))); do
          n=$(( FIRST_USER + i ))
          printf 'url = "%s/api/v1/extensions"\nrequest = "POST"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\ndata = "{\\"number\\":\\"%s\\",\\"name\\":\\"Bench %s\\",\\"password\\":\\"Bench%spw\\"}"\ncacert = "%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\nmax-time = 30\n' \
              "$url" "$token" "$n" "$n" "$n" "$cert"
          [[ $i -lt $(( USERS - 1 )) ]] && echo "next"
      done > "$cfg" )
    timeout $(( USERS / 2 + 120 )) curl -s -K "$cfg" > "$code_file" || true
    bad=$(grep -cv '^20[01]$' "$code_file" || true)
    [[ "$(wc -l < "$code_file")" -eq "$USERS" && "$bad" -eq 0 ]] || die "provisioning failed: $(sort "$code_file" | uniq -c | tr '\n' ' ')"
}

# Memory per binding is what stays once the storm is over: wait until the REGISTER transactions have ended
# (Timer J, 64*T1 = 32 s over UDP, RFC 3261 §17.2.2) so that they are not counted as bindings. Same wait for both.
SETTLE_SECONDS=35
settle() {
    log "waiting ${SETTLE_SECONDS} s for the REGISTER transactions to end before measuring memory"
    sleep "$SETTLE_SECONDS"
}

bench_switchboard() {
    local dir="$WORK/switchboard" data port pid i before after classes lib
    classes="$ROOT/app/target/classes"; lib="$ROOT/app/target/lib"
    [[ -d "$classes" && -d "$lib" ]] || die "Switchboard is not built: run ./switchboard --help once (it builds), then this script"
    JDK=$(find_jdk) || die "no JDK 25 with jcmd (JAVA_HOME or /usr/lib/jvm/*25*)"
    data="$dir/data"; mkdir -p "$data"
    port=$(free_port)
    # MD5 only: SIPp 3.6.1 answers no other digest algorithm. No brute-force blocking of the load generators.
    # No unsolicited MWI NOTIFY to each new contact: Kamailio's stock registrar sends none, and SIPp's
    # REGISTER clients would never answer it (each would be resent for 32 s).
    cat > "$data/switchboard.yaml" <<EOF
auth:
  algorithms: MD5
  max-failures: 1000000
mwi:
  unsolicited: false
EOF
    "$JDK/bin/java" --enable-native-access=ALL-UNNAMED -cp "$classes:$lib/*" org.switchboard.app.Main run \
        --data "$data" --bind 127.0.0.1 --sip-port "$port" --sips-port "$(free_port)" --https-port "$(free_port)" \
        --domain 127.0.0.1 >"$dir/switchboard.log" 2>&1 &
    pid=$!; PIDS+=("$pid")
    for i in $(seq 1 300); do
        grep -q "Switchboard ready" "$dir/switchboard.log" 2>/dev/null && break
        kill -0 "$pid" 2>/dev/null || { log "Switchboard exited: $(tail -3 "$dir/switchboard.log")"; return 1; }
        sleep 0.2
    done
    grep -q "Switchboard ready" "$dir/switchboard.log" || { log "Switchboard not ready after 60 s"; return 1; }
    log "Switchboard pid $pid on 127.0.0.1:$port; creating $USERS extensions"
    provision_switchboard "$data"
    before=$(switchboard_heap_used "$pid")
    sipp_storm "$port" 200 "$USERS" switchboard-bind
    settle
    after=$(switchboard_heap_used "$pid")
    log "Switchboard: $STORM_OK of $USERS bound ($STORM_FAILED failed); heap used after GC $before -> $after bytes"
    S_MEM=$(awk -v a="$before" -v b="$after" -v n="$STORM_OK" 'BEGIN { if (n > 0 && a != "" && b != "") printf "%.0f", (b - a) / n; else print "n/a" }')
    S_RSS=$(awk '/VmRSS/ { print $2 * 1024 }' "/proc/$pid/status")
    rate_steps switchboard "$pid" "$port"
    S_RATE=$BEST_RATE; S_CPU=$BEST_CPU
    kill -TERM "$pid" 2>/dev/null || true
}

# ---------------------------------------------------------------- main
SIPP_PORT_BASE=$(free_port)
write_users "$WORK"
: > "$WORK/steps.txt"
S_RATE=n/a; S_CPU=n/a; S_MEM=n/a; S_RSS=n/a; K_RATE=n/a; K_CPU=n/a; K_MEM=n/a
STATUS=0
if [[ "$TARGET" == both || "$TARGET" == switchboard ]]; then
    bench_switchboard || { STATUS=1; log "Switchboard half failed; its figures are n/a"; }
fi
if [[ "$TARGET" == both || "$TARGET" == kamailio ]]; then
    bench_kamailio
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else print "n/a" }'; }

mkdir -p "$RESULTS"
OUT="$RESULTS/register-storm-$(date +%Y%m%d-%H%M%S).txt"
{
    echo "Registration storm, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo))"
    echo "$USERS users, digest MD5 (REGISTER, 401, REGISTER, 200) over UDP on loopback, $SIPP_PROCESSES SIPp 3.6.1 processes"
    echo "(127.0.0.2..), rate steps of ${STEP_SECONDS}s: $RATES. Commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)."
    echo "Kamailio: stock kamailio.cfg, in-memory registrar (usrloc, no database), challenge with qop=auth and default"
    echo "nonce checks; --kamailio-auth $KAMAILIO_AUTH = $(kamailio_auth_text)."
    echo
    printf '%-40s %14s %14s %12s\n' "" "Switchboard" "Kamailio 5.6" "ratio S/K"
    printf '%-40s %14s %14s %12s\n' "registrations/s at zero failures" "$S_RATE" "$K_RATE" "$(ratio "$S_RATE" "$K_RATE")"
    printf '%-40s %14s %14s %12s\n' "CPU-seconds per 1,000 registrations" "$S_CPU" "$K_CPU" "$(ratio "$S_CPU" "$K_CPU")"
    printf '%-40s %14s %14s %12s\n' "memory per binding, bytes" "$S_MEM" "$K_MEM" "$(ratio "$S_MEM" "$K_MEM")"
    echo
    echo "Memory: Switchboard = heap used after a full GC (jcmd GC.heap_info), Kamailio = shared memory real_used"
    echo "(kamcmd core.shmmem), before and after binding all users once, divided by the users bound."
    echo "Switchboard RSS after binding: $S_RSS bytes. CPU: utime+stime of the registrar's processes during the step."
    echo "The best rate is the highest throughput of a step with no failed call; the storm stops after the first step"
    echo "with a failure or below 95% of its target. SIPp and the registrar share the machine's cores: when both"
    echo "registrars stop at about the same rate, the machine is the limit, and CPU-seconds are the better comparison."
    echo
    echo "Steps:"
    cat "$WORK/steps.txt"
} | tee "$OUT"
log "written to $OUT"
exit "$STATUS"
