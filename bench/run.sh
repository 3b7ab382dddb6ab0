#!/usr/bin/env bash
# End-to-end throughput of sanad against its peers, on one corpus, in one run.
#
#   bench/run.sh [SIZE_MB]        (default 100; 1000 for the 1 GB memory figure)
#
# Builds a JSON Lines corpus of SIZE_MB from the project's own Arabic texts
# (bench/make_corpus.py), then prints:
#   - sanad extract --format nquads, 1 thread and all threads: MB/s and peak RSS;
#   - the spaCy peer (bench/spacy_peer.py: blank("ar") + sentencizer +
#     PhraseMatcher over the same gazetteer names) on the first SPACY_MB
#     (default 20) MB of the corpus, since it is slow;
#   - the fixed-string floor: rg -F --count-matches -f names over the corpus;
#   - the ratios the targets are stated in.
# Needs: cargo, python3 >= 3.11, spacy (pip), ripgrep and GNU time (apt).
# Set BENCH_DIR to keep the corpus between runs (it is reused if its size matches).
set -euo pipefail

SIZE_MB=${1:-100}
SPACY_MB=${SPACY_MB:-20}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-/tmp/sanad-bench}
mkdir -p "$WORK"
CORPUS="$WORK/corpus-${SIZE_MB}MB.jsonl"
NAMES="$WORK/names.txt"

for tool in python3 rg /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install ripgrep time; pip install spacy)" >&2; exit 1; }
done

(cd "$ROOT" && cargo build --release --quiet)
SANAD="$ROOT/target/release/sanad"

if [ ! -s "$CORPUS" ] || [ ! -s "$NAMES" ]; then
  python3 "$ROOT/bench/make_corpus.py" "$SIZE_MB" "$CORPUS" --names "$NAMES"
fi
BYTES=$(stat -c %s "$CORPUS")
MB=$(python3 -c "print(f'{$BYTES/1e6:.1f}')")

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB RAM"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: $CORPUS ($MB MB, $(wc -l < "$CORPUS") documents); $(wc -l < "$NAMES") gazetteer names"
echo

# Runs a command with GNU time; prints "seconds peak_kb".
timed() {
  local log
  log=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$log" "$@" >/dev/null
  cat "$log"
  rm -f "$log"
}

mbps() { python3 -c "print(f'{$1/1e6/max($2,1e-9):.1f}')"; }

read -r S1 R1 < <(timed "$SANAD" extract "$CORPUS" --format nquads --threads 1 --quiet)
read -r SN RN < <(timed "$SANAD" extract "$CORPUS" --format nquads --quiet)
SANAD1=$(mbps "$BYTES" "$S1")
SANADN=$(mbps "$BYTES" "$SN")
printf "%-34s %8s MB/s  %6.1f s  peak RSS %5d MB\n" "sanad nquads, 1 thread" "$SANAD1" "$S1" $((R1 / 1024))
printf "%-34s %8s MB/s  %6.1f s  peak RSS %5d MB\n" "sanad nquads, $(nproc) threads" "$SANADN" "$SN" $((RN / 1024))

SPACY_CORPUS="$WORK/spacy-slice.jsonl"
head -c $((SPACY_MB * 1000000)) "$CORPUS" | python3 -c "import sys; d=sys.stdin.buffer.read(); sys.stdout.buffer.write(d[:d.rfind(b'\n')+1])" > "$SPACY_CORPUS"
SPACY_JSON=$(python3 "$ROOT/bench/spacy_peer.py" "$SPACY_CORPUS" "$NAMES")
SPACY=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['mb_per_s'])" "$SPACY_JSON")
printf "%-34s %8s MB/s  (%s)\n" "spaCy blank(ar)+PhraseMatcher" "$SPACY" "$SPACY_JSON"

read -r RG_S RG_R < <(timed rg -F --count-matches -f "$NAMES" "$CORPUS")
RG=$(mbps "$BYTES" "$RG_S")
printf "%-34s %8s MB/s  %6.1f s  peak RSS %5d MB\n" "rg -F -f names (fixed-string floor)" "$RG" "$RG_S" $((RG_R / 1024))

echo
python3 - "$SANAD1" "$SANADN" "$SPACY" "$RG" "$(nproc)" "$R1" "$RN" "$BYTES" <<'PY'
import sys
s1, sn, spacy, rg, cores, r1, rn, size = map(float, sys.argv[1:])
ok = lambda b: "met" if b else "NOT met"
print(f"sanad 1 thread / spaCy:    {s1 / spacy:6.1f}x   (target >= 20x: {ok(s1 / spacy >= 20)})")
print(f"rg / sanad 1 thread:       {rg / s1:6.1f}x   (target <= 10x: {ok(rg / s1 <= 10)})")
print(f"speed-up on {int(cores)} threads:      {sn / s1:6.2f}x   (linear: {cores:.0f}x)")
print(f"peak RSS (streaming):      {max(r1, rn) / 1024:6.0f} MB  (target < 200 MB on 1 GB; corpus here {size / 1e6:.0f} MB)")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
