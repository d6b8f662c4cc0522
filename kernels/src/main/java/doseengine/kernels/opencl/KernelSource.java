package doseengine.kernels.opencl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenCL C text of one entry-kernel file, read from the classpath under {@value #ROOT}, with every
 * {@code #include "path"} replaced by that file's text. The compiler then needs no include path, and the
 * kernels work the same from a jar as from a build folder.
 *
 * <p>Include paths are relative to {@value #ROOT} (so {@code "include/philox.clh"} from any file). Each
 * file is inlined at most once per source, as if it had {@code #pragma once}; a cycle or a missing file is
 * an error. {@code #line} markers keep the compiler's messages pointing at the original file and line.
 * The text starts with {@value #PROLOGUE_PRAGMA}, so no device fuses a*b+c into an fma that the Java
 * twin does not do (DESIGN.md 3.4).
 */
public final class KernelSource {

    /** Classpath folder of all kernel sources. */
    public static final String ROOT = "doseengine/kernels/";
    /** First line of every source. */
    public static final String PROLOGUE_PRAGMA = "#pragma OPENCL FP_CONTRACT OFF";

    private static final Pattern INCLUDE = Pattern.compile("^\\s*#\\s*include\\s*(.*?)\\s*$");
    private static final Pattern QUOTED = Pattern.compile("^\"([^\"]+)\"(\\s*//.*)?$");

    private final String name;
    private final String text;

    private KernelSource(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /**
     * Loads {@code name} (e.g. {@code "transport_histories.cl"}) from {@value #ROOT} and inlines its includes. The
     * tests' entry kernels ({@code test_*.cl}) are found the same way, from the test classpath only.
     */
    public static KernelSource load(String name) {
        StringBuilder out = new StringBuilder(PROLOGUE_PRAGMA).append('\n');
        inline(name, null, out, new HashSet<>(), new ArrayDeque<>());
        return new KernelSource(name, out.toString());
    }

    /** The file name given to {@link #load}. */
    public String name() {
        return name;
    }

    /** The complete text handed to the compiler. */
    public String text() {
        return text;
    }

    private static void inline(String path, String includer, StringBuilder out, Set<String> done,
            Deque<String> open) {
        if (open.contains(path)) {
            throw new IllegalStateException("kernel source include cycle: " + String.join(" -> ", open)
                    + " -> " + path);
        }
        if (!done.add(path)) {
            return;
        }
        open.addLast(path);
        String[] lines = read(path, includer).split("\r?\n", -1);
        out.append("#line 1 \"").append(path).append("\"\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = INCLUDE.matcher(lines[i]);
            if (!m.matches()) {
                out.append(lines[i]).append('\n');
                continue;
            }
            Matcher q = QUOTED.matcher(m.group(1));
            if (!q.matches()) {
                throw new IllegalStateException(path + " line " + (i + 1) + ": only #include \"path\" is "
                        + "supported (paths relative to " + ROOT + "), found: " + lines[i].trim());
            }
            inline(q.group(1), path + " line " + (i + 1), out, done, open);
            out.append("#line ").append(i + 2).append(" \"").append(path).append("\"\n");
        }
        open.removeLast();
    }

    private static String read(String path, String includer) {
        String resource = ROOT + path;
        try (InputStream in = KernelSource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("kernel source not found on the classpath: " + resource
                        + (includer == null ? "" : " (included from " + includer + ")"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kernel source " + resource, e);
        }
    }
}
