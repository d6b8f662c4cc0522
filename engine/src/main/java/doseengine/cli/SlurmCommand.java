package doseengine.cli;

import doseengine.cli.slurm.JobLauncher;
import doseengine.cli.slurm.SlurmJob;
import doseengine.cli.slurm.SlurmJobFolder;
import doseengine.cli.slurm.SlurmResources;
import doseengine.cli.slurm.SplitCommandLine;
import doseengine.geometry.BadInputException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code doseengine slurm run ... --parts N --out DIR}: writes the Slurm job that runs a run (or demo) as N parts
 * of a job array and merges them ({@code --part K/N} and {@code merge}). Submits nothing: the user reads the
 * scripts and runs {@code submit.sh}.
 *
 * <p>The options of the command to split and those of this command are mixed on one line; the options this
 * command does not know are the split command's words ({@link Main} sets unmatched options to be positional here).
 */
@Command(name = "slurm", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a Slurm job that runs a run or demo command line as N parts (a job array) and merges "
                + "them: DIR/submit.sh, parts.sbatch, merge.sbatch, README.txt. Submits nothing.")
public final class SlurmCommand implements Callable<Integer> {
    /** Heap share of the job's memory when --mem is given: the rest is the JVM's own and the OpenCL driver's. */
    private static final double HEAP_SHARE = 0.75;
    /** The heap the doseengine script gives when nothing else is known. */
    private static final String DEFAULT_HEAP = "-Xmx8g";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ARGS",
            description = "The command to split: run ... or demo ... (without --out and --part).")
    List<String> args;

    @Option(names = "--parts", required = true, paramLabel = "N", description = "Number of parts (array tasks).")
    int parts;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Job folder (new or empty): scripts, logs/, parts/ and, after the merge, result/.")
    Path out;

    @Option(names = "--partition", paramLabel = "P", description = "Slurm partition.")
    String partition;

    @Option(names = "--time", paramLabel = "HH:MM:SS", description = "Time limit of each task and of the merge.")
    String time;

    @Option(names = "--cpus-per-task", paramLabel = "C",
            description = "CPUs of each task; also the part's --threads unless the command line sets it.")
    Integer cpusPerTask;

    @Option(names = "--mem", paramLabel = "M",
            description = "Memory of each task and of the merge (e.g. 16G); the Java heap gets 75 %% of it.")
    String mem;

    @Option(names = "--account", paramLabel = "A", description = "Slurm account to charge.")
    String account;

    @Option(names = "--java-options", paramLabel = "OPTS",
            description = "JVM options (space-separated; repeatable), e.g. --java-options=\"-Xmx24g\" (default: "
                    + "-Xmx of 75 %% of --mem, else -Xmx8g).")
    List<String> javaOptions;

    @Option(names = "--launcher", paramLabel = "PROGRAM",
            description = "Start doseengine with this executable (a site wrapper, or the repository's doseengine "
                    + "script) instead of java -jar on a copy of this program's jar.")
    Path launcher;

    @Override
    public Integer call() throws Exception {
        if (parts < 1) {
            throw new BadInputException("--parts must be at least 1, not " + parts);
        }
        SplitCommandLine command = new SplitCommandLine(args);
        SlurmResources resources = new SlurmResources(partition, time, cpusPerTask, mem, account);
        Path folder = out.toAbsolutePath().normalize();
        Path workDir = Path.of("").toAbsolutePath();
        List<String> jvm = jvmOptions(resources);
        Path jar = null;
        JobLauncher jobLauncher;
        if (launcher != null) {
            Path program = launcher.toAbsolutePath().normalize();
            if (!Files.isExecutable(program) || Files.isDirectory(program)) {
                throw new BadInputException(launcher + ": --launcher is not an executable file");
            }
            jobLauncher = new JobLauncher.Executable(program, jvm);
        } else {
            jar = runningJar();
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            jobLauncher = new JobLauncher.Jar(java, folder.resolve("doseengine.jar"), jvm);
        }
        SlurmJob job = new SlurmJob(command, parts, folder, workDir, resources, jobLauncher);
        SlurmJobFolder.write(job, jar, folder.resolve("doseengine.jar"));
        var o = spec.commandLine().getOut();
        o.println("wrote " + folder + ": " + parts + " parts of '" + command.command() + "' (parts.sbatch, "
                + "merge.sbatch, submit.sh, README.txt)");
        o.println("submit with: bash " + folder.resolve(SlurmJob.SUBMIT_SCRIPT));
        o.flush();
        return 0;
    }

    private List<String> jvmOptions(SlurmResources resources) {
        if (javaOptions != null) {
            List<String> words = new ArrayList<>();
            javaOptions.forEach(o -> Arrays.stream(o.strip().split("\\s+")).filter(w -> !w.isEmpty())
                    .forEach(words::add));
            return words;
        }
        long memMiB = resources.memMiB();
        return List.of(memMiB > 0 ? "-Xmx" + Math.max(64, (long) (memMiB * HEAP_SHARE)) + "m" : DEFAULT_HEAP);
    }

    /**
     * The jar this program runs from. From a class folder (an IDE, the tests) there is none: such a build needs
     * {@code --launcher}.
     */
    private static Path runningJar() {
        CodeSource source = SlurmCommand.class.getProtectionDomain().getCodeSource();
        try {
            Path p = source == null ? null : Path.of(source.getLocation().toURI());
            if (p != null && Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar")) {
                return p;
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw new BadInputException("this doseengine does not run from a jar (a class folder); give --launcher "
                + "PROGRAM, e.g. the repository's doseengine script");
    }
}
