#!/usr/bin/env bash
# bundle.sh [--out DIR] [--jar JAR] [--opencl-loader FILE] [--no-opencl-loader]
#
# Makes a self-contained folder for running doseengine on a machine without Java (a GPU machine, for example):
# a Java runtime made with jlink, doseengine.jar, optionally an OpenCL ICD loader, and the scripts run.sh and
# run-bench.sh. Run it on a Linux x86-64 machine with a JDK 17 or newer (jlink) and the project's sources; copy
# the folder to the other machine (same architecture) and run it there (see bench/gpu/README.md).
#
#   --out DIR             the bundle folder (default: .gpu in the project's root; emptied first)
#   --jar JAR             the runnable jar (default: validation/target/doseengine.jar, built with Maven when it is
#                         missing or older than the sources)
#   --opencl-loader FILE  the OpenCL ICD loader to include: a Debian package (ocl-icd-libopencl1_*.deb) or a
#                         libOpenCL.so.1. Default: the package from the local APT cache if it is there, else none.
#   --no-opencl-loader    include no loader (run.sh then needs one on the GPU machine)
#
# Environment: JAVA_HOME, the JDK whose jlink makes the runtime (default: the one `java` belongs to).
# Nothing is downloaded.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/.gpu"
jar=""
loader=""
want_loader=1

die() { echo "bundle.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --out) [ $# -ge 2 ] || die "--out needs a folder"; out=$2; shift 2 ;;
    --jar) [ $# -ge 2 ] || die "--jar needs a file"; jar=$2; shift 2 ;;
    --opencl-loader) [ $# -ge 2 ] || die "--opencl-loader needs a file"; loader=$2; shift 2 ;;
    --no-opencl-loader) want_loader=0; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done

# The jar: the one given, else the project's, built first when the sources are newer (as ./doseengine does).
if [ -z "$jar" ]; then
  jar="$root/validation/target/doseengine.jar"
  stale=""
  if [ -f "$jar" ]; then
    stale=$(find "$root" -path "$root/.git" -prune -o \
      \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources*' \) -newer "$jar" -print -quit 2>/dev/null)
  fi
  if [ ! -f "$jar" ] || [ -n "$stale" ]; then
    command -v mvn >/dev/null 2>&1 || die "$jar is missing or older than the sources, and there is no Maven to build it; build it, or name a jar with --jar"
    echo "bundle.sh: building doseengine.jar (mvn -B -q -DskipTests package)..."
    (cd "$root" && mvn -B -q -DskipTests package) || die "the Maven build failed"
  fi
fi
[ -f "$jar" ] || die "no jar at $jar"

# The JDK: jlink makes a runtime with only the modules doseengine.jar needs (jdeps lists java.base, java.desktop,
# java.management and java.sql; java.logging, java.xml and jdk.unsupported are named as well).
if [ -n "${JAVA_HOME:-}" ]; then
  jdk=$JAVA_HOME
else
  command -v java >/dev/null 2>&1 || die "no java on PATH; set JAVA_HOME to a JDK 17 or newer"
  jdk=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
fi
[ -x "$jdk/bin/jlink" ] || die "no jlink in $jdk/bin: a JDK (not a JRE) 17 or newer is needed; set JAVA_HOME"
modules=java.base,java.desktop,java.logging,java.management,java.sql,java.xml,jdk.unsupported

# The OpenCL ICD loader: only from this machine, never downloaded.
if [ "$want_loader" = 1 ] && [ -z "$loader" ]; then
  loader=$(ls /var/cache/apt/archives/ocl-icd-libopencl1_*_amd64.deb 2>/dev/null | sort -V | tail -1 || true)
fi
[ -z "$loader" ] || [ -f "$loader" ] || die "no such file: $loader"

# The bundle folder is made anew; a folder that holds anything but an earlier bundle is left alone.
if [ -d "$out" ] && [ -n "$(ls -A "$out")" ] && [ ! -f "$out/BUNDLE" ]; then
  die "$out exists and is not a doseengine bundle; choose another --out"
fi
rm -rf "$out"
mkdir -p "$out/lib"
out=$(cd "$out" && pwd)
cp "$jar" "$out/lib/doseengine.jar"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "bundle.sh: making the Java runtime with $jdk/bin/jlink"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$tmp/jre" 2>"$tmp/jlink.err" || { cat "$tmp/jlink.err" >&2; die "jlink failed"; }
runtime=$("$tmp/jre/bin/java" -version 2>&1 | sed -n 2p)
tar czf "$out/jre.tgz" -C "$tmp" jre

loader_note="none (run.sh uses the GPU machine's own libOpenCL.so.1)"
if [ -n "$loader" ]; then
  mkdir -p "$out/opencl"
  case "$loader" in
    *.deb)
      command -v dpkg-deb >/dev/null 2>&1 || die "dpkg-deb is needed to unpack $loader"
      dpkg-deb -x "$loader" "$tmp/deb"
      lib=$(find "$tmp/deb" -name 'libOpenCL.so.1*' -type f | head -1)
      [ -n "$lib" ] || die "no libOpenCL.so.1 in $loader"
      cp "$lib" "$out/opencl/libOpenCL.so.1"
      cp "$loader" "$out/opencl/"
      ln -s libOpenCL.so.1 "$out/opencl/libOpenCL.so"
      loader_note="$(basename "$loader")" ;;
    *)
      cp -L "$loader" "$out/opencl/libOpenCL.so.1"
      ln -s libOpenCL.so.1 "$out/opencl/libOpenCL.so"
      loader_note="$(basename "$loader")" ;;
  esac
fi

cp "$here/run.sh" "$here/run-bench.sh" "$out/"
chmod +x "$out/run.sh" "$out/run-bench.sh"
commit=$(git -C "$root" describe --always --dirty 2>/dev/null || echo unknown)
{
  echo "doseengine bundle"
  echo "made: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $commit"
  echo "jar: $(basename "$jar") $(wc -c <"$jar") bytes"
  echo "java runtime: $runtime; modules $modules"
  echo "opencl loader: $loader_note"
} >"$out/BUNDLE"

cat "$out/BUNDLE"
echo "size: $(du -sh "$out" | cut -f1)  in $out"
cat <<EOT

Copy the folder to the GPU machine (for example: tar czf doseengine-gpu.tgz -C "$(dirname "$out")" "$(basename "$out")"),
then run there, from any folder:

  $(basename "$out")/run.sh devices                        # the OpenCL devices: the GPU should be listed
  $(basename "$out")/run-bench.sh RESULTS_DIR              # devices, bench (OpenCL and Java), validate all --quick

or single commands, for example:

  $(basename "$out")/run.sh bench --backend opencl --out RESULTS_DIR/bench-opencl.json
  $(basename "$out")/run.sh bench --backend opencl --problems torso_lu177 --voxel-mm 2 --decays 10000000
  $(basename "$out")/run.sh bench --backend java --out RESULTS_DIR/bench-java.json
  $(basename "$out")/run.sh validate all --quick --out RESULTS_DIR/validate-quick
EOT
