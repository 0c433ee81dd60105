#!/usr/bin/env bash
# A load test of 'threadwatch serve' on loopback: concurrent clients upload a mix of recordings for
# DURATION seconds while the service is killed with SIGKILL and restarted on the same data directory
# in the middle; then the queue drains and the script checks, through the API, that every upload
# answered with an id (2xx) has a report or a stated failure, none lost and none stuck, and that
# every refusal is a 4xx/5xx with a JSON message (429/503 with Retry-After).
#
#   mvn -B -q package -DskipTests          # first: the script runs analyzer/target/threadwatch.jar
#   bench/serve-load.sh                    # 12 clients for 120 s, SIGKILL at 60 s
#   DURATION=30 CLIENTS=4 bench/serve-load.sh
#   SERVE_ARGS="--analyses 1 --queue 20" SERVE_OPTS=-Xmx256m bench/serve-load.sh
#
# The mix, by each client's turn: the committed sample recordings (samples/recordings/*.jfr.gz) as
# uploaded and decompressed, raw bodies and multipart in turn; large ones (clients 1 and 2, every
# LARGE_EVERY-th turn: steady-gateway.long60m, 111 MB of JFR, twice over in one 223 MB file, and its
# 4.7 MB gzip); truncated recordings (head -c of plain and gzip ones); files that are not JFR (text,
# random bytes, gzip of text); empty files; a wrong token; and uploads cut off mid-body (curl
# --limit-rate with --max-time). Clients honour Retry-After up to RETRY_CAP seconds.
#
# Memory: every SAMPLE_EVERY seconds the script reads /proc/PID/status of the service (VmRSS, and
# VmHWM: its peak so far) and of its child analysis JVMs (their VmRSS summed, and the largest VmHWM
# seen), so a child's peak between two samples is missed only if it lived less than one interval.
#
# Needs curl and jq. Environment: DURATION (upload phase, s, 120), CLIENTS (12), KILL_AT (s into the
# upload phase, DURATION/2; 0: no kill), LARGE_EVERY (10), RETRY_CAP (3), CUT_RATE (bytes/s of a
# cut-off upload, 200k), DRAIN_TIMEOUT (s, 900), SAMPLE_EVERY (0.5), SERVE_OPTS (the service's JVM
# options, none), SERVE_ARGS (more 'serve' options, none: its defaults), JAVA_HOME, KEEP (a directory
# that keeps the data directory, the service's log and every answer; by default a temporary one, kept
# only when the check fails). Exit code 1 when the check fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${DURATION:-120}"
CLIENTS="${CLIENTS:-12}"
KILL_AT="${KILL_AT:-$((DURATION / 2))}"
LARGE_EVERY="${LARGE_EVERY:-10}"
RETRY_CAP="${RETRY_CAP:-3}"
CUT_RATE="${CUT_RATE:-200k}"
DRAIN_TIMEOUT="${DRAIN_TIMEOUT:-900}"
SAMPLE_EVERY="${SAMPLE_EVERY:-0.5}"
SERVE_OPTS="${SERVE_OPTS:-}"
SERVE_ARGS="${SERVE_ARGS:-}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="$root/analyzer/target/threadwatch.jar"
me=serve-load.sh

for tool in curl jq; do
    command -v "$tool" > /dev/null || { echo "$me: needs $tool on PATH" >&2; exit 2; }
done
[[ -f $jar ]] || { echo "$me: no $jar: run 'mvn -B -q package -DskipTests' first" >&2; exit 2; }

if [[ -n ${KEEP:-} ]]; then
    work="$KEEP"
    mkdir -p "$work"
else
    work="$(mktemp -d)"
fi
server_pid=""
sampler_pid=""
cleanup() {
    local status=$?
    [[ -z $sampler_pid ]] || kill "$sampler_pid" 2> /dev/null || true
    if [[ -n $server_pid ]] && kill -0 "$server_pid" 2> /dev/null; then
        kill "$server_pid" 2> /dev/null || true
        wait "$server_pid" 2> /dev/null || true
    fi
    if [[ -z ${KEEP:-} ]]; then
        if ((status == 0)); then rm -rf "$work"; else echo "$me: kept everything in $work" >&2; fi
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { date +%s%3N; }
secs() { awk -v ms="$1" 'BEGIN {printf "%.1f", ms / 1000}'; }
log() { echo "$me: [$(( ($(now_ms) - t0) / 1000 )) s] $*" >&2; }

# ---- inputs ---------------------------------------------------------------------------------------
inputs="$work/inputs"
mkdir -p "$inputs"
sizes="$inputs/sizes" # "file uncompressed_bytes" for each file a client may send
: > "$sizes"
samples_gz=()
samples_jfr=()
for gz in "$root"/samples/recordings/*.jfr.gz; do
    name="$(basename "$gz" .gz)"
    [[ $name != steady-gateway.* ]] || continue # the large one, below
    plain="$inputs/$name"
    gzip -dc "$gz" > "$plain"
    echo "$gz $(stat -c %s "$plain")" >> "$sizes"
    echo "$plain $(stat -c %s "$plain")" >> "$sizes"
    samples_gz+=("$gz")
    samples_jfr+=("$plain")
done
large_gz="$root/samples/recordings/steady-gateway.long60m-jdk25.jfr.gz"
large_jfr="$inputs/steady-gateway-twice.jfr"
# A recording is a sequence of chunks, so one recording twice over is still one that reads.
gzip -dc "$large_gz" > "$large_jfr.once"
cat "$large_jfr.once" "$large_jfr.once" > "$large_jfr"
echo "$large_gz $(stat -c %s "$large_jfr.once")" >> "$sizes"
echo "$large_jfr $(stat -c %s "$large_jfr")" >> "$sizes"
rm "$large_jfr.once"
truncated=()
for i in 0 1 2 3 4 5; do
    plain="${samples_jfr[i * 7 % ${#samples_jfr[@]}]}"
    gz="${samples_gz[(i * 7 + 3) % ${#samples_gz[@]}]}"
    # Cut at 10%, 25%, ... of the file: inside the first chunk or later ones.
    for source in "$plain" "$gz"; do
        cut="$inputs/truncated-$i-$(basename "$source")"
        head -c "$(($(stat -c %s "$source") * (10 + i * 15) / 100))" "$source" > "$cut"
        truncated+=("$cut")
        echo "$cut $(stat -c %s "$cut")" >> "$sizes"
    done
done
not_jfr=("$inputs/notes.txt" "$inputs/random.bin" "$inputs/notes.txt.gz")
cp "$root/README.md" "$inputs/notes.txt"
head -c 300000 /dev/urandom > "$inputs/random.bin"
gzip -c "$inputs/notes.txt" > "$inputs/notes.txt.gz"
: > "$inputs/empty.jfr"
# Cut off: a plain sample of at least 1 MB, sent at CUT_RATE and abandoned after a second.
cut_source="$(awk '$2 > 1048576 && $1 ~ /\.jfr$/ {print $1; exit}' "$sizes")"
for f in "${not_jfr[@]}" "$inputs/empty.jfr"; do echo "$f $(stat -c %s "$f")" >> "$sizes"; done

# ---- the service ----------------------------------------------------------------------------------
data="$work/data"
token="load-$RANDOM$RANDOM$RANDOM"
printf '%s\n' "$token" > "$work/token"
port=0
starts=0
serve_log="$work/serve.log"
start_server() {
    starts=$((starts + 1))
    # shellcheck disable=SC2086 # the options are words
    "$JAVA" $SERVE_OPTS -jar "$jar" serve --port "$port" --data "$data" --token-file "$work/token" \
        --retention-days 0 $SERVE_ARGS >> "$serve_log" 2>&1 &
    server_pid=$!
    echo "$server_pid" > "$work/server.pid"
    local waited=0
    until (($(grep -c 'listening on http' "$serve_log") >= starts)); do
        kill -0 "$server_pid" 2> /dev/null || { echo "$me: the service did not start:" >&2; cat "$serve_log" >&2; exit 1; }
        sleep 0.2
        waited=$((waited + 1))
        ((waited < 300)) || { echo "$me: the service did not listen within 60 s" >&2; exit 1; }
    done
    port="$(grep 'listening on http' "$serve_log" | tail -1 | sed -E 's|.*http://[^:]+:([0-9]+)/.*|\1|')"
}

# Memory samples: "time_ms service_pid service_rss_kb service_hwm_kb children children_rss_kb max_child_hwm_kb".
status_kb() { awk -v f="$2:" '$1 == f {v = $2} END {print v + 0}' "/proc/$1/status" 2> /dev/null || echo 0; }
sample_memory() {
    local pid kid rss hwm krss khwm k h
    while true; do
        pid="$(cat "$work/server.pid" 2> /dev/null || true)"
        if [[ -n $pid && -r /proc/$pid/status ]]; then
            rss="$(status_kb "$pid" VmRSS)"
            hwm="$(status_kb "$pid" VmHWM)"
            krss=0 khwm=0 k=0
            for kid in $(ps -o pid= --ppid "$pid" 2> /dev/null || true); do
                k=$((k + 1))
                krss=$((krss + $(status_kb "$kid" VmRSS)))
                h="$(status_kb "$kid" VmHWM)"
                ((h <= khwm)) || khwm=$h
            done
            echo "$(now_ms) $pid $rss $hwm $k $krss $khwm"
        fi
        sleep "$SAMPLE_EVERY"
    done
}

# ---- the clients ----------------------------------------------------------------------------------
answers="$work/answers"
mkdir -p "$answers"
# One line per upload: "end_ms client turn kind form http_code curl_exit id retry_after json_ok file bytes".
results="$work/results"
: > "$results"
kinds=(sample-gz sample-jfr not-jfr sample-gz truncated sample-jfr empty sample-gz cut-off sample-jfr wrong-token truncated)

upload() {
    local client=$1 turn=$2 kind=$3 file form url="http://127.0.0.1:$port/api/recordings" auth="$token"
    local body="$answers/$client-$turn.body" head="$answers/$client-$turn.head" code rc=0 id retry ok
    # No 'Expect: 100-continue': a body cut off before the service answered would read as code 100.
    local args=(-sS -o "$body" -D "$head" -w '%{http_code}' --max-time 120 -H 'Expect:')
    case $kind in
        sample-gz) file="${samples_gz[(client * 31 + turn) % ${#samples_gz[@]}]}" ;;
        sample-jfr) file="${samples_jfr[(client * 17 + turn) % ${#samples_jfr[@]}]}" ;;
        large-jfr) file="$large_jfr" ;;
        large-gz) file="$large_gz" ;;
        truncated) file="${truncated[(client + turn) % ${#truncated[@]}]}" ;;
        not-jfr) file="${not_jfr[(client + turn) % ${#not_jfr[@]}]}" ;;
        empty) file="$inputs/empty.jfr" ;;
        wrong-token) file="${samples_gz[turn % ${#samples_gz[@]}]}"; auth="not-$token" ;;
        cut-off) file="$cut_source"; args+=(--limit-rate "$CUT_RATE" --max-time 1) ;;
    esac
    args+=(-H "Authorization: Bearer $auth")
    if (((client + turn) % 2 == 0)); then
        form=multipart
        args+=(-F "file=@$file" -F "client=c$client" -F "kind=$kind")
        url+="?turn=$turn"
    else
        form=raw
        args+=(-H 'Content-Type: application/octet-stream' --data-binary "@$file")
        url+="?name=$(basename "$file")&client=c$client&kind=$kind"
    fi
    code="$(curl "${args[@]}" "$url" 2> "$body.err")" || rc=$?
    id="$(jq -r 'if type == "object" then .id // "-" else "-" end' "$body" 2> /dev/null || echo -)"
    retry="$( (tr -d '\r' < "$head" | awk 'tolower($1) == "retry-after:" {print $2}' | tail -1) 2> /dev/null || true)"
    ok=no
    if jq -e --argjson c "${code:-0}" '(.error | type == "string" and length > 0) and .status == $c' "$body" \
        > /dev/null 2>&1; then
        ok=yes
    fi
    echo "$(now_ms) $client $turn $kind $form ${code:-000} $rc ${id:--} ${retry:--} $ok $file $(stat -c %s "$file")" >> "$results"
    case ${code:-000} in
        429 | 503) sleep "$(( ${retry:-1} < RETRY_CAP ? ${retry:-1} : RETRY_CAP ))" ;;
        000) sleep 0.5 ;; # the service is down (the kill): try again soon
    esac
}

client() {
    local client=$1 turn=0 kind
    while (($(now_ms) < deadline)); do
        kind="${kinds[(turn + client) % ${#kinds[@]}]}"
        if ((client <= 2 && turn % LARGE_EVERY == LARGE_EVERY - 1)); then
            kind=$([[ $client == 1 ]] && echo large-jfr || echo large-gz)
        fi
        upload "$client" "$turn" "$kind"
        turn=$((turn + 1))
    done
}

# ---- the run --------------------------------------------------------------------------------------
t0="$(now_ms)"
# Other work on the machine distorts every figure below: say how busy it was before the run.
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
log "$("$JAVA" -version 2>&1 | head -1); $(nproc) cores; $CLIENTS clients for $DURATION s, SIGKILL at $KILL_AT s"
start_server
log "service pid $server_pid on port $port; data in $data"
sample_memory > "$work/memory" &
sampler_pid=$!
t_start="$(now_ms)"
deadline=$((t_start + DURATION * 1000))
client_pids=()
for c in $(seq 1 "$CLIENTS"); do
    client "$c" &
    client_pids+=($!)
done

killed_children=""
orphans_after=""
if ((KILL_AT > 0 && KILL_AT < DURATION)); then
    sleep "$KILL_AT"
    killed_children="$(ps -o pid= --ppid "$server_pid" | tr -s ' \n' ' ' | sed 's/^ //; s/ $//')"
    kill -9 "$server_pid"
    wait "$server_pid" 2> /dev/null || true
    t_kill="$(now_ms)"
    log "SIGKILL to the service (pid $server_pid, with ${killed_children:-no} analysis JVMs running)"
    # The analysis JVMs of the killed service must end on their own (they watch their parent); wait
    # for that up to 10 s before the restart, so the figures below never count them.
    orphans_after=-1
    while (($(now_ms) - t_kill < 10000)); do
        orphans_after=0
        for kid in $killed_children; do ! kill -0 "$kid" 2> /dev/null || orphans_after=$((orphans_after + 1)); done
        ((orphans_after > 0)) || break
        sleep 0.1
    done
    orphans_ms=$(($(now_ms) - t_kill))
    start_server
    log "restarted: pid $server_pid, $(grep 'listening on http' "$serve_log" | tail -1 | sed 's/.*(\(.*\)).*/\1/'); down for $(( ($(now_ms) - t_kill) )) ms"
fi
for pid in "${client_pids[@]}"; do wait "$pid" || true; done
t_uploaded="$(now_ms)"
log "upload phase over: $(wc -l < "$results") uploads sent"

# ---- drain: every accepted id leaves queued/analyzing -------------------------------------------
mapfile -t accepted < <(awk '$6 ~ /^2/ && $8 != "-" {print $8}' "$results" | sort -u)
pending=("${accepted[@]}")
while ((${#pending[@]} > 0)); do
    if (($(now_ms) - t_uploaded > DRAIN_TIMEOUT * 1000)); then
        log "drain timeout: ${#pending[@]} recordings still queued or analyzing"
        break
    fi
    sleep 2
    # One listing (the newest 1000) per round; the final check below asks for each id on its own.
    curl -sS "http://127.0.0.1:$port/api/recordings" \
        | jq -r '.recordings[] | select(.state == "queued" or .state == "analyzing") | .id' > "$work/unfinished"
    mapfile -t pending < <(printf '%s\n' "${pending[@]}" | grep -Fxf "$work/unfinished" || true)
done
t_drained="$(now_ms)"
log "drained $((${#accepted[@]} - ${#pending[@]})) of ${#accepted[@]} accepted uploads in $(( (t_drained - t_uploaded) / 1000 )) s"

# ---- the check --------------------------------------------------------------------------------------
# "id kind http state message-present report-ok" per accepted upload.
outcomes="$work/outcomes"
: > "$outcomes"
while read -r id kind file; do
    code="$(curl -sS -o "$work/one.json" -w '%{http_code}' "http://127.0.0.1:$port/api/recordings/$id")"
    state="$(jq -r '.state // "-"' "$work/one.json" 2> /dev/null || echo -)"
    message="$(jq -r 'if (.message // "") == "" then "no" else "yes" end' "$work/one.json" 2> /dev/null || echo no)"
    report=no
    if [[ $state == done ]] && [[ "$(curl -sS "http://127.0.0.1:$port/api/recordings/$id/report" \
        | jq -r '.schema' 2> /dev/null)" == threadwatch.report/v1 ]]; then
        report=yes
    fi
    echo "$id $kind $code $state $message $report $file" >> "$outcomes"
    if [[ $state == failed ]]; then
        echo "$kind $(jq -r .message "$work/one.json")" >> "$work/failures"
    fi
done < <(awk '$6 ~ /^2/ && $8 != "-" {print $8, $4, $11}' "$results" | sort -u -k1,1)
stored="$(curl -sS "http://127.0.0.1:$port/api/recordings" | jq '.recordings | length')"
# A last upload after the drain: reservations that cut-off or refused uploads held must all be back.
probe="$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" --data-binary "@${samples_gz[0]}" \
    "http://127.0.0.1:$port/api/recordings?name=probe.jfr.gz")"
leftover_tmp="$(find "$data/tmp" -type f | wc -l)"

# Stop the service normally; the sampler goes with it.
kill "$sampler_pid" 2> /dev/null || true
sampler_pid=""
kill "$server_pid"
wait "$server_pid" 2> /dev/null || true
server_pid=""
t_end="$(now_ms)"

# ---- the report -----------------------------------------------------------------------------------
phase_ms=$((t_uploaded - t_start))
echo
echo "threadwatch serve load test: $("$JAVA" -version 2>&1 | head -1), $(nproc) cores," \
    "load average (1, 5, 15 min) $load_before before the run, $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "$CLIENTS clients for $(secs "$phase_ms") s; service options: ${SERVE_OPTS:-(JVM defaults)} serve ${SERVE_ARGS:-(defaults)}"
if [[ -n $orphans_after ]]; then
    echo "SIGKILL at $KILL_AT s with $(wc -w <<< "$killed_children") analysis JVMs running: $( ((orphans_after == 0)) \
        && echo "all gone $(secs "$orphans_ms") s later" || echo "$orphans_after still running 10 s later"); restarted on the same data directory"
    echo "  the restart: $(grep 'listening on http' "$serve_log" | tail -1 | sed 's/.*(\(.*\)).*/\1/')"
    grep -E 'rebuilt the lost database row|an upload cut short|finished deleting' "$serve_log" | sed 's/^threadwatch serve: /  /' | head -20 || true
fi
echo
echo "uploads by kind and answer (HTTP code; 000: no answer, e.g. cut off or the service down):"
awk '{n[$4 " " $6]++; k[$4]++} END {for (x in n) print x, n[x]}' "$results" | sort \
    | awk '{printf "  %-12s %s x %d\n", $1, $2, $3}'
echo
echo "answers:"
awk '{n[$6]++} END {for (c in n) printf "  %s %d\n", c, n[c]}' "$results" | sort
n_429="$(awk '$6 == 429' "$results" | wc -l)"
n_503="$(awk '$6 == 503' "$results" | wc -l)"
echo "  429 (too many uploads at once): $n_429; 503 (queue full): $n_503"

done_n="$(awk '$4 == "done"' "$outcomes" | wc -l)"
failed_n="$(awk '$4 == "failed"' "$outcomes" | wc -l)"
echo
echo "analyses of accepted uploads: ${#accepted[@]} accepted, $done_n done, $failed_n failed"
awk '{n[$2 " " $4]++} END {for (x in n) print x, n[x]}' "$outcomes" | sort | awk '{printf "  %-12s %-8s %d\n", $1, $2, $3}'
if [[ -f $work/failures ]]; then
    echo "failure messages (kind: message, count):"
    sed -E 's/[0-9a-f]{24}/ID/g; s/[0-9]+ bytes/N bytes/g; s/(at|offset|position) [0-9]+/\1 N/g' "$work/failures" \
        | sort | uniq -c | sort -rn | head -12 | awk '{c=$1; $1=""; printf "  %4d %s\n", c, substr($0, 2)}' | cut -c1-200
fi

# Bytes: as uploaded, and of JFR (decompressed), for the uploads that were analyzed.
read -r up_mb jfr_mb < <(awk -v r="$results" 'BEGIN {
        while ((getline l < r) > 0) { split(l, f, " "); if (f[8] != "-") upbytes[f[8]] = f[12] } }
        NR == FNR {size[$1] = $2; next}
        ($4 == "done" || $4 == "failed") {u += upbytes[$1]; j += size[$7]}
        END {printf "%.1f %.1f\n", u / 1048576, j / 1048576}' "$sizes" "$outcomes")
accepted_ms=$((t_drained - t_start))
echo
echo "throughput:"
echo "  accepted $(awk -v n="${#accepted[@]}" -v ms="$phase_ms" 'BEGIN {printf "%.2f", n * 1000 / ms}') uploads/s over the upload phase"
echo "  analyzed $up_mb MB as uploaded, $jfr_mb MB of JFR, from the first upload to the drained queue ($(secs "$accepted_ms") s):" \
    "$(awk -v m="$jfr_mb" -v ms="$accepted_ms" 'BEGIN {printf "%.1f", m * 1000 / ms}') MB/s of JFR," \
    "$(awk -v n="$((done_n + failed_n))" -v ms="$accepted_ms" 'BEGIN {printf "%.2f", n * 1000 / ms}') analyses/s"
echo "  time to drain after the last upload: $(secs $((t_drained - t_uploaded))) s"
echo
echo "memory (sampled every $SAMPLE_EVERY s from /proc/PID/status):"
awk '{if ($4 > hwm[$2]) hwm[$2] = $4; if ($3 + $6 > all) all = $3 + $6; if ($7 > child) child = $7; if ($5 > kids) kids = $5}
     END {for (p in hwm) printf "  service pid %s: peak RSS (VmHWM) %.0f MB\n", p, hwm[p] / 1024
          printf "  service + its analysis JVMs at once: peak %.0f MB (VmRSS summed); largest analysis JVM (VmHWM) %.0f MB; at most %d analysis JVMs\n",
                 all / 1024, child / 1024, kids}' "$work/memory"

# ---- the verdict ------------------------------------------------------------------------------------
problems=()
lost="$(awk '$3 == 404' "$outcomes" | wc -l)"
stuck="$(awk '$4 == "queued" || $4 == "analyzing"' "$outcomes" | wc -l)"
odd="$(awk '$3 != 404 && $4 != "queued" && $4 != "analyzing" && !(($4 == "done" && $6 == "yes") || ($4 == "failed" && $5 == "yes"))' "$outcomes" | wc -l)"
((lost == 0)) || problems+=("$lost accepted uploads lost (404)")
((stuck == 0)) || problems+=("$stuck accepted uploads stuck in queued/analyzing")
((odd == 0)) || problems+=("$odd accepted uploads neither done with a report v1 nor failed with a message")
bad_refusals="$(awk '$6 ~ /^[45]/ && $10 != "yes"' "$results" | wc -l)"
((bad_refusals == 0)) || problems+=("$bad_refusals refusals without a JSON {status, error} body")
no_retry="$(awk '($6 == 429 || $6 == 503) && $9 == "-"' "$results" | wc -l)"
((no_retry == 0)) || problems+=("$no_retry 429/503 answers without Retry-After")
# What each kind must get whenever the service answered it at all (429/503 aside).
unexpected="$(awk '$6 != "000" && $6 != 429 && $6 != 503 && !(($4 ~ /^(sample|large|truncated)/ && $6 == 202) ||
        ($4 == "not-jfr" && $6 == 422) || ($4 == "empty" && $6 == 400) || ($4 == "wrong-token" && $6 == 403) ||
        ($4 == "cut-off" && $6 ~ /^[24]/))' "$results" | wc -l)"
((unexpected == 0)) || problems+=("$unexpected uploads answered with an unexpected code (see $work/results)")
intact_failed="$(awk '$2 ~ /^(sample|large)/ && $4 == "failed"' "$outcomes" | wc -l)"
((intact_failed == 0)) || problems+=("$intact_failed intact recordings failed their analysis")
[[ $probe == 202 ]] || problems+=("an upload after the drain got $probe, not 202")
((leftover_tmp == 0)) || problems+=("$leftover_tmp files left in the data directory's tmp/")
echo
echo "stored recordings listed by the API before the probe: $stored (accepted: ${#accepted[@]}; more when the kill cut an answer after storing)"
if ((${#problems[@]} == 0)); then
    echo "CHECK PASSED: every accepted upload has a report v1 or a stated failure, none lost or stuck after the SIGKILL;"
    echo "  every refusal is a 4xx/5xx with a JSON message, every 429/503 has Retry-After; the service takes uploads after the drain"
else
    echo "CHECK FAILED:"
    printf '  %s\n' "${problems[@]}"
    exit 1
fi
