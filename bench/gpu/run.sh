#!/usr/bin/env bash
# run.sh ARGS... : runs doseengine from the bundle that bundle.sh made (this script's folder), on a machine without
# Java. The arguments are doseengine's: run.sh devices, run.sh bench --backend opencl ..., run.sh --help.
#
# Before starting Java it
#  - unpacks the bundled Java runtime (jre.tgz) once, into the bundle (or the temporary folder, $TMPDIR when set,
#    when the bundle is read-only);
#  - registers the NVIDIA OpenCL driver (libnvidia-opencl.so.1) with the OpenCL ICD loader when the machine has
#    the driver but no .icd file in /etc/OpenCL/vendors names it: there when that folder can be written (root),
#    else for this run only, through the loader's OCL_ICD_VENDORS;
#  - finds an ICD loader (libOpenCL.so.1): the machine's own, else CUDA's, else the bundled one.
# It prints one line saying what it found. Nothing is downloaded.
#
# Environment: DOSEENGINE_JAVA_OPTS, the JVM options (default -Xmx8g, as ./doseengine);
#              DOSEENGINE_OPENCL_DRIVER, the OpenCL driver library to register when it is not the NVIDIA one or
#              is not found (a full path, for example to libnvidia-opencl.so.1 or another vendor's ICD library).
set -u
b=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
say() { echo "run.sh: $*" >&2; }

[ -f "$b/lib/doseengine.jar" ] && [ -f "$b/jre.tgz" ] || { say "no bundle here ($b): make one with bench/gpu/bundle.sh"; exit 2; }

# The Java runtime, unpacked once; BUNDLE changes with every bundle, so a runtime from an older bundle is not reused.
stamp=$(cksum <"$b/BUNDLE" 2>/dev/null | cut -d' ' -f1)
tmpdir=$(dirname "$(mktemp -u)")   # $TMPDIR or the system's temporary folder
jre=""
for d in "$b/jre" "$tmpdir/doseengine-jre-$(id -u)-${stamp:-0}"; do
  if [ -x "$d/bin/java" ] && [ "$(cat "$d/.stamp" 2>/dev/null)" = "${stamp:-0}" ]; then jre=$d; break; fi
  parent=$(dirname "$d")
  [ -w "$parent" ] || continue
  tmp=$(mktemp -d "$parent/.jre-unpack.XXXXXX" 2>/dev/null) || continue
  if tar xzf "$b/jre.tgz" -C "$tmp" 2>/dev/null; then
    echo "${stamp:-0}" >"$tmp/jre/.stamp"
    rm -rf "$d"
    if mv "$tmp/jre" "$d" 2>/dev/null; then rm -rf "$tmp"; jre=$d; break; fi
  fi
  rm -rf "$tmp"
done
[ -n "$jre" ] || { say "cannot unpack the Java runtime (jre.tgz) into $b or $tmpdir"; exit 2; }

# The NVIDIA OpenCL driver, if the machine has one (or the driver that DOSEENGINE_OPENCL_DRIVER names).
driver=${DOSEENGINE_OPENCL_DRIVER:-}
[ -n "$driver" ] || driver=$(ldconfig -p 2>/dev/null | awk '/libnvidia-opencl\.so\.1 /{print $NF; exit}')
[ -n "$driver" ] || driver=$(find /usr/lib /usr/lib64 /usr/local /opt /lib -name 'libnvidia-opencl.so.1*' 2>/dev/null | head -1)

# Register the driver with the ICD loader unless an .icd file already names it: in /etc/OpenCL/vendors when that
# can be written, else in a private vendors folder that the loader reads through OCL_ICD_VENDORS (this run only).
registered=""
private=""
if [ -n "$driver" ]; then
  stem=$(basename "$driver"); stem=${stem%%.so*}
  if grep -qs -e "$stem" /etc/OpenCL/vendors/*.icd; then
    registered="listed in /etc/OpenCL/vendors"
  elif { mkdir -p /etc/OpenCL/vendors && echo "$driver" >"/etc/OpenCL/vendors/$stem.icd"; } 2>/dev/null; then
    registered="registered in /etc/OpenCL/vendors/$stem.icd"
  else
    private="$tmpdir/doseengine-opencl-vendors-$(id -u)"
    if { mkdir -p "$private" && rm -f "$private"/*.icd && echo "$driver" >"$private/$stem.icd"; } 2>/dev/null; then
      cp /etc/OpenCL/vendors/*.icd "$private/" 2>/dev/null
      export OCL_ICD_VENDORS="$private"
      registered="registered for this run through OCL_ICD_VENDORS=$private"
    else
      registered="not registered: neither /etc/OpenCL/vendors nor $private can be written"
      private=""
    fi
  fi
fi

# The ICD loader (libOpenCL.so.1): the machine's, else CUDA's, else the bundled one (Debian's ocl-icd), else any
# other found. With a private vendors folder the bundled loader comes first: ocl-icd is known to read
# OCL_ICD_VENDORS.
bundled=""
[ -f "$b/opencl/libOpenCL.so.1" ] && bundled=$b/opencl/libOpenCL.so.1
loader=""
[ -n "$private" ] && loader=$bundled
[ -n "$loader" ] || loader=$(ldconfig -p 2>/dev/null | awk '/libOpenCL\.so\.1 /{print $NF; exit}')
[ -n "$loader" ] || loader=$(find /usr/local/cuda* -name 'libOpenCL.so.1*' 2>/dev/null | head -1)
[ -n "$loader" ] || loader=$bundled
[ -n "$loader" ] || loader=$(find /usr/lib /usr/lib64 /opt -name 'libOpenCL.so.1*' 2>/dev/null | head -1)
if [ -z "$loader" ]; then
  say "no OpenCL ICD loader (libOpenCL.so.1) on this machine or in the bundle: only --backend java can run"
else
  # JOCL opens libOpenCL.so, then libOpenCL.so.1: the chosen loader's folder goes first on the library path.
  export LD_LIBRARY_PATH="$(dirname "$loader")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi
icds=$(ls /etc/OpenCL/vendors 2>/dev/null | tr '\n' ' '); icds=${icds% }
say "Java $(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$jre/release" 2>/dev/null); OpenCL loader ${loader:-none};" \
  "OpenCL driver ${driver:-libnvidia-opencl.so.1 not found}${registered:+ ($registered)}; /etc/OpenCL/vendors: ${icds:-empty}"

# OpenCL drivers built on LLVM (PoCL among them) may install their own SIGSEGV handler, which the JVM needs;
# the runtime's libjsig chains the handlers.
[ -f "$jre/lib/libjsig.so" ] && export LD_PRELOAD="$jre/lib/libjsig.so${LD_PRELOAD:+:$LD_PRELOAD}"
# shellcheck disable=SC2086
exec "$jre/bin/java" ${DOSEENGINE_JAVA_OPTS:--Xmx8g} -jar "$b/lib/doseengine.jar" "$@"
