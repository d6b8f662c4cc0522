package doseengine.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;

/**
 * A fake doseengine for the job scripts' tests: it records its arguments (NUL-separated, so that any word comes
 * back exactly), its working folder and DOSEENGINE_JAVA_OPTS in its --out folder, and for a part writes the
 * (empty) part file the real part writes, so that the merge script's file pattern has something to match.
 */
final class StubLauncher {
    static final String ARGS = "args.bin";
    static final String PWD = "pwd.txt";
    static final String JAVA_OPTS = "java-opts.txt";

    private StubLauncher() {}

    static Path write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path stub = folder.resolve("fake doseengine");
        Files.writeString(stub, String.join("\n",
                "#!/usr/bin/env bash",
                "set -euo pipefail",
                "out='' part='' prev=''",
                "for a in \"$@\"; do",
                "  case \"$prev\" in --out) out=$a ;; --part) part=$a ;; esac",
                "  prev=$a",
                "done",
                "mkdir -p \"$out\"",
                "printf '%s\\0' \"$@\" > \"$out/" + ARGS + "\"",
                "printf '%s' \"$PWD\" > \"$out/" + PWD + "\"",
                "printf '%s' \"${DOSEENGINE_JAVA_OPTS-}\" > \"$out/" + JAVA_OPTS + "\"",
                "if [ -n \"$part\" ]; then : > \"$out/part-${part%/*}-of-${part#*/}.dep\"; fi",
                ""), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        return stub;
    }

    /** The arguments of the call whose --out was {@code out}. */
    static List<String> recordedArgs(Path out) throws IOException {
        String all = Files.readString(out.resolve(ARGS), StandardCharsets.UTF_8);
        return Arrays.asList(all.substring(0, all.length() - 1).split("\0", -1));
    }
}
