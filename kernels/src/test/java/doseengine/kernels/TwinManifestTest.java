package doseengine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java class with an OpenCL twin is listed in the twin manifest ({@code doseengine/kernels/device-twins.txt}
 * in this module's test resources) with its device file(s) and the tests that compare the two sample by sample;
 * for each line this test requires that the Java class exists and its class Javadoc says "Device twin:" with the
 * device file's name, that the device file exists and names the Java class in its header comment, and that each
 * twin test's source file exists (and, for this module's tests, the class is on the test classpath). It also
 * requires that every {@code include/*.clh} and every Java class whose Javadoc names a device twin is in the
 * manifest, and that opencl.md's twin map lists each pair.
 *
 * <p>Why a manifest file and not an annotation on the Java class: some twin tests are in the engine module (the
 * transport's, which run whole histories of the engine's problems), and main code cannot name test classes; an
 * annotation would also only describe the classes that carry it, so a twin class that lost it would pass unnoticed. A list held by the tests
 * names every pair in one reviewable place, and the reverse checks (device files, Javadoc) catch a new pair that
 * was not added to it. The engine's tests are not on this module's test classpath, so they are checked as source
 * files, by path from the repository root (found from the working directory).
 */
class TwinManifestTest {

    static final String MANIFEST = "doseengine/kernels/device-twins.txt";
    static final String DEVICE_ROOT = "doseengine/kernels/";
    static final String MAIN_JAVA = "kernels/src/main/java/";
    /** Device files are read from the source tree, not the classpath, which may still hold a deleted file. */
    static final String MAIN_RESOURCES = "kernels/src/main/resources/";

    /** One manifest line. */
    record Entry(String javaClass, List<String> deviceFiles, List<String> tests) {
        String simpleName() {
            return javaClass.substring(javaClass.lastIndexOf('.') + 1);
        }
    }

    @Test
    void everyTwinHasItsDeviceFileItsNameAndATwinTest() {
        List<Entry> entries = manifest();
        assertTrue(entries.size() >= 30, "manifest entries: " + entries.size());
        List<String> problems = new ArrayList<>();
        for (Entry e : entries) {
            problems.addAll(problems(e, repositoryRoot()));
        }
        assertEquals("", String.join("\n", problems));
    }

    @Test
    void everyDeviceFileAndEveryJavaTwinIsInTheManifest() throws IOException {
        List<Entry> entries = manifest();
        Set<String> listedFiles = entries.stream().flatMap(e -> e.deviceFiles().stream()).collect(Collectors.toSet());
        Set<String> listedClasses = entries.stream().map(Entry::javaClass).collect(Collectors.toSet());
        Path root = repositoryRoot();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.list(root.resolve(MAIN_RESOURCES + DEVICE_ROOT + "include"))) {
            files.map(p -> "include/" + p.getFileName()).filter(f -> f.endsWith(".clh"))
                    .filter(f -> !listedFiles.contains(f)).forEach(f -> missing.add("device file " + f));
        }
        Path javaRoot = root.resolve(MAIN_JAVA);
        try (Stream<Path> files = Files.walk(javaRoot)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                if (Files.readString(p).contains("Device twin:")) {
                    String name = javaRoot.relativize(p).toString().replace('\\', '/').replace('/', '.');
                    name = name.substring(0, name.length() - ".java".length());
                    if (!listedClasses.contains(name)) {
                        missing.add("Java class " + name);
                    }
                }
            }
        }
        assertEquals(Set.of(), missing, "not in " + MANIFEST);
    }

    @Test
    void theTwinMapOfOpenClMdListsEveryPair() throws IOException {
        List<String> rows = Files.readAllLines(repositoryRoot().resolve(MAIN_RESOURCES + DEVICE_ROOT + "opencl.md")).stream().filter(l -> l.startsWith("| `")).toList();
        List<String> missing = new ArrayList<>();
        for (Entry e : manifest()) {
            for (String file : e.deviceFiles()) {
                boolean listed = rows.stream().anyMatch(r -> r.startsWith("| `" + file + "`")
                        && namesWord(r, e.simpleName()));
                if (!listed) {
                    missing.add(file + " - " + e.simpleName());
                }
            }
        }
        assertEquals(List.of(), missing, "pairs missing from the twin map of opencl.md");
    }

    /** The checker itself fails on a line whose Java class lacks any of the three. */
    @Test
    void aTwinWithoutItsDeviceFileItsNameOrItsTestIsReported() {
        Path root = repositoryRoot();
        List<String> noFileNoTest = problems(new Entry("doseengine.kernels.transport.Directions",
                List.of("include/no_such_file.clh"), List.of("engine:doseengine.opencl.NoSuchOpenClTest")), root);
        assertTrue(noFileNoTest.stream().anyMatch(p -> p.contains("no device file")), noFileNoTest::toString);
        assertTrue(noFileNoTest.stream().anyMatch(p -> p.contains("no twin test")), noFileNoTest::toString);
        assertTrue(noFileNoTest.stream().anyMatch(p -> p.contains("Javadoc")), noFileNoTest::toString);

        List<String> unnamed = problems(new Entry("doseengine.kernels.photon.ComptonSampler",
                List.of("include/philox.clh"), List.of("kernels:doseengine.kernels.opencl.PhotonOpenClTest")), root);
        assertTrue(unnamed.stream().anyMatch(p -> p.contains("does not name ComptonSampler")), unnamed::toString);

        List<String> noTestListed = problems(new Entry("doseengine.kernels.photon.ComptonSampler",
                List.of("include/compton.clh"), List.of()), root);
        assertEquals(List.of("doseengine.kernels.photon.ComptonSampler: no twin test listed"), noTestListed);

        List<String> kernelsTestGone = problems(new Entry("doseengine.kernels.transport.Directions",
                List.of("include/directions.clh"), List.of("kernels:doseengine.kernels.transport.NoSuchTest")), root);
        assertFalse(kernelsTestGone.isEmpty(), "a missing test of this module");
        assertTrue(problems(new Entry("doseengine.kernels.transport.Directions", List.of("include/directions.clh"),
                List.of("kernels:doseengine.kernels.transport.DirectionsOpenClTest")), root).isEmpty());
    }

    /** What is wrong with one manifest line; empty when nothing is. */
    static List<String> problems(Entry e, Path root) {
        List<String> problems = new ArrayList<>();
        String name = e.javaClass();
        try {
            Class.forName(name, false, TwinManifestTest.class.getClassLoader());
        } catch (ClassNotFoundException ex) {
            problems.add(name + ": no such class");
            return problems;
        }
        String javadoc = classJavadoc(root.resolve(MAIN_JAVA + name.replace('.', '/') + ".java"), e.simpleName());
        if (!javadoc.contains("Device twin:")) {
            problems.add(name + ": its class Javadoc does not say \"Device twin:\"");
        }
        for (String file : e.deviceFiles()) {
            String baseName = file.substring(file.lastIndexOf('/') + 1);
            if (!javadoc.contains(baseName)) {
                problems.add(name + ": its class Javadoc does not name " + baseName);
            }
            String source = sourceText(root.resolve(MAIN_RESOURCES + DEVICE_ROOT + file));
            if (source == null) {
                problems.add(name + ": no device file " + file);
            } else if (!namesWord(headerComment(source), e.simpleName())) {
                problems.add(name + ": the header comment of " + file + " does not name " + e.simpleName());
            }
        }
        if (e.tests().isEmpty()) {
            problems.add(name + ": no twin test listed");
        }
        for (String test : e.tests()) {
            int colon = test.indexOf(':');
            String module = test.substring(0, colon);
            String testClass = test.substring(colon + 1);
            Path file = root.resolve(module + "/src/test/java/" + testClass.replace('.', '/') + ".java");
            if (!Files.isRegularFile(file)) {
                problems.add(name + ": no twin test " + test + " (" + root.relativize(file) + ")");
            } else if (module.equals("kernels")) {
                try {
                    Class.forName(testClass, false, TwinManifestTest.class.getClassLoader());
                } catch (ClassNotFoundException ex) {
                    problems.add(name + ": twin test " + testClass + " is not on the test classpath");
                }
            }
        }
        return problems;
    }

    static List<Entry> manifest() {
        String text = resource(MANIFEST);
        assertTrue(text != null, MANIFEST + " on the test classpath");
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\|");
            assertEquals(3, f.length, "manifest line: " + l);
            entries.add(new Entry("doseengine.kernels." + f[0].strip(), list(f[1]), list(f[2])));
        }
        return entries;
    }

    private static List<String> list(String field) {
        return Stream.of(field.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The comment lines at the top of a device file. */
    static String headerComment(String source) {
        StringBuilder b = new StringBuilder();
        for (String line : source.split("\n")) {
            if (!line.startsWith("//")) {
                break;
            }
            b.append(line).append('\n');
        }
        return b.toString();
    }

    /** The text of a source file, or null when there is none. */
    static String sourceText(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last Javadoc comment before the declaration of the type, or "" without one. */
    static String classJavadoc(Path javaFile, String simpleName) {
        String text = sourceText(javaFile);
        if (text == null) {
            return "";
        }
        Matcher m = Pattern.compile("(?m)^(?:public |final |abstract |sealed )*(?:class|record|interface|enum) "
                + Pattern.quote(simpleName) + "\\b").matcher(text);
        if (!m.find()) {
            return "";
        }
        int start = text.lastIndexOf("/**", m.start());
        return start < 0 ? "" : text.substring(start, m.start());
    }

    static boolean namesWord(String text, String word) {
        return Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(text).find();
    }

    private static String resource(String path) {
        try (InputStream in = TwinManifestTest.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root: the working directory or the first parent that holds both modules' poms. */
    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("kernels/pom.xml")) && Files.isRegularFile(p.resolve("engine/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
