#!/usr/bin/env bash
# run-bench.sh [JAR] : prepare the GPU benchmark. Run it on your own machine, in the project's root, after
# building the runnable jar (mvn -B -DskipTests package). It bundles the jar, a Java runtime and the OpenCL ICD
# loader into .gpu/ with the shared bundle.sh (see ../shared/gpu/README.md), then prints what to give the device
# tool's `run`: first `devices` (seconds; it shows whether the NVIDIA OpenCL driver was found), then the bench.
#
# Environment: SHARED_GPU, the folder holding bundle.sh and run.sh (default ../shared/gpu beside the project).
set -euo pipefail

root=$(git rev-parse --show-toplevel 2>/dev/null) || { echo "run-bench.sh: run me inside the project's git checkout" >&2; exit 2; }
cd "$root"
jar=${1:-validation/target/doseengine.jar}
shared=${SHARED_GPU:-../shared/gpu}

[ -f "$jar" ] || { echo "run-bench.sh: no jar at $jar; build it first: mvn -B -DskipTests package" >&2; exit 2; }
[ -x "$shared/bundle.sh" ] || [ -f "$shared/bundle.sh" ] || { echo "run-bench.sh: no bundle.sh in $shared; set SHARED_GPU" >&2; exit 2; }

# .gpu/ is a build product; the project's .gitignore already leaves it out of git.
bash "$shared/bundle.sh" .gpu "$jar"

main=doseengine.cli.Main
cat <<EOT

.gpu/ is ready. Give the device tool's run these, each with carry: [".gpu"]:

1. the OpenCL check (a few seconds; if run.sh stops, read what it printed, fix a copy of run.sh in bench/gpu/):
     bash .gpu/run.sh $main devices 2>&1 | tee \$OUT/devices.txt

2. the default benchmark on the GPU (same problems and decays as docs/benchmarks.md):
     bash .gpu/run.sh $main bench --backend opencl --out \$OUT/bench.json

3. the torso at 2 mm, the GPU issue's target (a GPU wants more decays for a steady figure):
     bash .gpu/run.sh $main bench --backend opencl --voxel-mm 2 --decays 10000000 --out \$OUT/bench-2mm.json

4. for comparison, the Java backend on the GPU machine's CPU cores:
     bash .gpu/run.sh $main bench --backend java --out \$OUT/bench-java.json

Steps 2 and 3 need the OpenCL backend; until it exists the bench answers with one line,
"error: --backend opencl: OpenCL backend not implemented yet; use --backend java or auto".
EOT
