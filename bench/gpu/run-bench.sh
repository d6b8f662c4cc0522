#!/usr/bin/env bash
# run-bench.sh [--device N] [--decays N] RESULTS_DIR [STEP...]
#
# Runs the GPU benchmark sequence and keeps everything it prints, with the date, the machine and the commands, in
# RESULTS_DIR (created). It works in two places:
#  - in the project's checkout (bench/gpu/run-bench.sh), on a machine with a JDK 17+ and Maven: it runs ./doseengine;
#  - in a bundle made by bench/gpu/bundle.sh (.gpu/run-bench.sh), on a machine without Java: it runs run.sh.
#
# Steps (default: all of them, in this order):
#   devices          doseengine devices: the OpenCL devices found (the GPU should be listed)
#   opencl           doseengine bench --backend opencl: the default problems, 10^6 decays each
#   opencl-torso2mm  doseengine bench --backend opencl --problems torso_lu177 --voxel-mm 2 --decays 10000000
#   java             doseengine bench --backend java: the same default problems on the CPU cores, for comparison
#   validate         doseengine validate all --quick: the validation suite, Java against OpenCL included
#
#   --device N   the OpenCL device (index from `devices`) for the OpenCL steps and validate
#   --decays N   N decays for every bench step and validate run instead of their defaults: a quick trial of the
#                sequence, not a measurement
#
# It stops after `devices` if that fails (no Java runtime, a broken bundle); a later step that fails is recorded
# and the next one runs. Exit status 0 when every step succeeded, 1 otherwise (validate exits with 3 when a judged
# comparison fails, which summary.txt says).
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
die() { echo "run-bench.sh: $*" >&2; exit 2; }
usage() { sed -n '2,/^set -uo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; }

device=()
decays=""
results=""
steps=()
while [ $# -gt 0 ]; do
  case "$1" in
    --device) [ $# -ge 2 ] || die "--device needs an index"; device=(--device "$2"); shift 2 ;;
    --decays) [ $# -ge 2 ] || die "--decays needs a number"; decays=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) die "unknown option: $1 (see --help)" ;;
    *) if [ -z "$results" ]; then results=$1; else steps+=("$1"); fi; shift ;;
  esac
done
[ -n "$results" ] || { usage >&2; exit 2; }
[ ${#steps[@]} -gt 0 ] || steps=(devices opencl opencl-torso2mm java validate)
for s in "${steps[@]}"; do
  case "$s" in devices|opencl|opencl-torso2mm|java|validate) ;; *) die "unknown step: $s (see --help)" ;; esac
done

# The launcher: run.sh in a bundle, ./doseengine in the checkout.
if [ -f "$here/BUNDLE" ] && [ -f "$here/run.sh" ]; then
  launcher=("$here/run.sh"); name=$(basename "$here")/run.sh
  version=$(sed -n 's/^commit: //p' "$here/BUNDLE")
elif [ -x "$here/../../doseengine" ]; then
  launcher=("$(cd "$here/../.." && pwd)/doseengine"); name=./doseengine
  version=$(git -C "$here" describe --always --dirty 2>/dev/null || echo unknown)
else
  die "found neither a bundle (run.sh, BUNDLE) nor the project's ./doseengine beside $here"
fi

mkdir -p "$results" || die "cannot create $results"
results=${results%/}
dec=(); [ -n "$decays" ] && dec=(--decays "$decays")
torso_decays=${decays:-10000000}

# The machine, once, for the record.
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "doseengine: $version (through $name)"
  echo "os: $(uname -srm)"
  echo "cpu: $(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo 2>/dev/null), $(nproc) cores"
  echo "memory: $(awk '/^MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo 2>/dev/null)"
  if command -v nvidia-smi >/dev/null 2>&1; then
    nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null | sed 's/^/gpu: /'
  else
    echo "gpu: (no nvidia-smi; see devices.txt)"
  fi
  [ -n "$decays" ] && echo "note: --decays $decays, a trial of the sequence, not a measurement"
} >"$results/machine.txt"
cat "$results/machine.txt"
: >"$results/commands.txt"

failed=0
summary=()
run_step() {  # run_step STEP ARGS... : runs the launcher, output to STEP.txt, the command to commands.txt
  local step=$1; shift
  local start end rc
  echo
  echo "== $step: $name $*"
  echo "$name $*" >>"$results/commands.txt"
  start=$(date +%s)
  "${launcher[@]}" "$@" 2>&1 | tee "$results/$step.txt"
  rc=${PIPESTATUS[0]}
  end=$(date +%s)
  local note=""
  [ "$step" = validate-quick ] && [ "$rc" = 3 ] && note="  (a judged comparison failed: see validate-quick/report.html)"
  summary+=("$(printf '%-22s exit %-3s %6ss  %s%s' "$step" "$rc" $((end - start)) "$step.txt" "$note")")
  [ "$rc" = 0 ] || failed=1
  return "$rc"
}

for s in "${steps[@]}"; do
  case "$s" in
    devices)
      run_step devices devices || { echo "run-bench.sh: 'devices' failed; read devices.txt above. Stopping." >&2; break; }
      grep -q '(GPU)' "$results/devices.txt" ||
        echo "run-bench.sh: no OpenCL GPU listed; the OpenCL steps run on the OpenCL device that is listed, if any" >&2 ;;
    opencl)
      run_step bench-opencl bench --backend opencl "${device[@]}" "${dec[@]}" --out "$results/bench-opencl.json" ;;
    opencl-torso2mm)
      run_step bench-opencl-torso2mm bench --backend opencl "${device[@]}" --problems torso_lu177 --voxel-mm 2 \
        --decays "$torso_decays" --out "$results/bench-opencl-torso2mm.json" ;;
    java)
      run_step bench-java bench --backend java "${dec[@]}" --out "$results/bench-java.json" ;;
    validate)
      run_step validate-quick validate all --quick "${device[@]}" "${dec[@]}" --out "$results/validate-quick" ;;
  esac
done

{
  echo "step                   status      time  output"
  printf '%s\n' "${summary[@]}"
} >"$results/summary.txt"
echo
cat "$results/summary.txt"
echo "results in $results: machine.txt, commands.txt, summary.txt, one .txt per step, bench-*.json, validate-quick/"
exit "$failed"
