package doseengine.cli.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a job script starts doseengine on a compute node: the bash lines that define the array {@code doseengine},
 * the program and its leading words, so that the script runs {@code "${doseengine[@]}" run ...}.
 */
public sealed interface JobLauncher {

    List<String> scriptLines();

    /**
     * {@code java -jar} on a jar, both by absolute path. The default: the jar of the running program, copied into
     * the job folder. Not the repository's {@code doseengine} script, because that script rebuilds the jar with
     * Maven whenever a source is newer than it: N array tasks starting together would each start a build in the
     * same tree (compute nodes often have no Maven or network), and an edit made after submission would give the
     * parts different programs. The copy keeps a later rebuild in place from changing the program under pending
     * tasks or the merge: the parts and the merge run the program that checked the command line.
     *
     * @param java        the java executable (the running JVM's, which is Java 17 or newer)
     * @param jar         the jar to run
     * @param javaOptions JVM options before {@code -jar}
     */
    record Jar(Path java, Path jar, List<String> javaOptions) implements JobLauncher {
        @Override
        public List<String> scriptLines() {
            Path jsig = java.toAbsolutePath().getParent().getParent().resolve("lib").resolve("libjsig.so");
            List<String> words = new ArrayList<>(List.of("\"$java\""));
            javaOptions.forEach(o -> words.add(BashQuoting.quote(o)));
            words.add("-jar");
            words.add("\"$jar\"");
            return List.of(
                    "java=" + BashQuoting.quote(java.toString()),
                    "jar=" + BashQuoting.quote(jar.toString()),
                    "# OpenCL drivers built on LLVM (PoCL among them) may install their own SIGSEGV handler over the",
                    "# JVM's; the JDK's libjsig chains the two (the doseengine script does the same).",
                    "jsig=" + BashQuoting.quote(jsig.toString()),
                    "if [ -f \"$jsig\" ]; then export LD_PRELOAD=\"$jsig${LD_PRELOAD:+:$LD_PRELOAD}\"; fi",
                    "doseengine=(" + String.join(" ", words) + ")");
        }
    }

    /**
     * An executable of the user's ({@code --launcher}: a site's wrapper, or the repository's {@code doseengine}
     * script on a cluster where it is built already), given the JVM options the way that script reads them.
     */
    record Executable(Path program, List<String> javaOptions) implements JobLauncher {
        @Override
        public List<String> scriptLines() {
            List<String> lines = new ArrayList<>();
            if (!javaOptions.isEmpty()) {
                lines.add("export DOSEENGINE_JAVA_OPTS=" + BashQuoting.quote(String.join(" ", javaOptions)));
            }
            lines.add("doseengine=(" + BashQuoting.quote(program.toString()) + ")");
            return lines;
        }
    }
}
