package doseengine.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The job folder of {@code doseengine slurm} submitted to a real Slurm: a single-node cluster on this machine
 * (munged, slurmctld, slurmd as child processes, a minimal slurm.conf in a temporary folder, ports of its own),
 * started for this class and stopped after it. Needs Debian's slurm-wlm and munge and root (the daemons run as
 * root here, so that no slurm user and no system folders are needed); skips with one line otherwise.
 * {@code mvn -Pslurm}.
 */
@Tag("slurm")
class SlurmClusterTest {
    private static final Duration JOB_WAIT = Duration.ofMinutes(5);
    private static Path root;
    private static Path conf;
    private static final List<Process> DAEMONS = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        for (String tool : List.of("munged", "mungekey", "slurmctld", "slurmd", "sbatch", "squeue", "sinfo")) {
            Assumptions.assumeTrue(onPath(tool), "slurm tests skipped: " + tool + " not found (apt-get install slurm-wlm munge)");
        }
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "slurm tests skipped: starting slurmctld and slurmd needs root here");
        root = Files.createTempDirectory("doseengine-slurm");
        Path munge = Files.createDirectories(root.resolve("munge"));
        Files.setPosixFilePermissions(munge, PosixFilePermissions.fromString("rwx--x--x"));
        Path key = munge.resolve("munge.key");
        assertEquals(0, new ProcessBuilder("mungekey", "-c", "-k", key.toString()).inheritIO().start().waitFor());
        Path socket = munge.resolve("socket");
        DAEMONS.add(daemon("munged", "-F", "-f", "-S", socket.toString(), "--key-file=" + key,
                "--log-file=" + munge.resolve("log"), "--pid-file=" + munge.resolve("pid"),
                "--seed-file=" + munge.resolve("seed")));
        waitFor(() -> Files.exists(socket), Duration.ofSeconds(20), "munged's socket");

        String host = exec(List.of("hostname", "-s")).strip();
        conf = root.resolve("slurm.conf");
        Files.createDirectories(root.resolve("state"));
        Files.createDirectories(root.resolve("spool"));
        Files.writeString(conf, String.join("\n",
                "ClusterName=doseenginetest",
                "SlurmctldHost=" + host,
                "SlurmUser=root",
                "SlurmdUser=root",
                "SlurmctldPort=" + freePort(),
                "SlurmdPort=" + freePort(),
                "AuthType=auth/munge",
                "AuthInfo=socket=" + socket,
                "CredType=cred/munge",
                "StateSaveLocation=" + root.resolve("state"),
                "SlurmdSpoolDir=" + root.resolve("spool"),
                "SlurmctldPidFile=" + root.resolve("slurmctld.pid"),
                "SlurmdPidFile=" + root.resolve("slurmd.pid"),
                "SlurmctldLogFile=" + root.resolve("slurmctld.log"),
                "SlurmdLogFile=" + root.resolve("slurmd.log"),
                "MailProg=/bin/true",
                // No cgroups in a container: track processes by parent, bind nothing.
                "ProctrackType=proctrack/linuxproc",
                "TaskPlugin=task/none",
                "SchedulerType=sched/backfill",
                "SelectType=select/cons_tres",
                "SelectTypeParameters=CR_Core",
                "ReturnToService=2",
                "MpiDefault=none",
                "JobAcctGatherType=jobacct_gather/none",
                "AccountingStorageType=accounting_storage/none",
                "NodeName=" + host + " CPUs=" + Runtime.getRuntime().availableProcessors() + " State=UNKNOWN",
                "PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP",
                ""));
        DAEMONS.add(daemon("slurmctld", "-D", "-i", "-f", conf.toString()));
        DAEMONS.add(daemon("slurmd", "-D", "-f", conf.toString(), "-N", host));
        waitFor(() -> exec(List.of("sinfo", "-h", "-o", "%T")).strip().equals("idle"), Duration.ofSeconds(60),
                "the node to be idle");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (int i = DAEMONS.size() - 1; i >= 0; i--) {
            Process p = DAEMONS.get(i);
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        DAEMONS.clear();
    }

    /**
     * The real sbatch reads the #SBATCH lines (log names in a folder with a space, quotes, # and %), runs the
     * array's tasks and then, by the afterok dependency, the merge; the fake doseengine records each call.
     */
    @Test
    void submitRunsEveryTaskThenTheMerge() throws Exception {
        Path stub = StubLauncher.write(root.resolve("bin dir"));
        Path job = root.resolve("job 'one' #1 %x");
        CliRunner.Outcome o = CliRunner.run("slurm", "demo", "--decays", "1e5", "--parts", "3", "--out", job.toString(),
                "--launcher", stub.toString(), "--time", "00:05:00", "--cpus-per-task", "1");
        assertEquals(0, o.exitCode(), o.err());
        Ids ids = submit(job);
        waitForJobs(ids);
        for (int k = 1; k <= 3; k++) {
            Path out = job.resolve("parts/part-" + k);
            List<String> args = StubLauncher.recordedArgs(out);
            assertEquals(List.of("--part", k + "/3", "--out", out.toString()), args.subList(args.size() - 4, args.size()));
            assertTrue(Files.exists(job.resolve("logs/part-" + k + "-job-" + ids.parts + ".out")),
                    "sbatch read the --output directive: " + list(job.resolve("logs")));
        }
        List<String> merge = StubLauncher.recordedArgs(job.resolve("result"));
        assertEquals("merge", merge.get(0));
        assertEquals(3 + 3, merge.size(), merge.toString());
        assertTrue(Files.exists(job.resolve("logs/merge-job-" + ids.merge + ".out")), list(job.resolve("logs")));
    }

    /** A tiny demo, split in two on Slurm and merged: the single run's dose and uncertainty maps, bit for bit. */
    @Test
    void aTinyDemoSplitInTwoIsMerged() throws Exception {
        Assumptions.assumeTrue(Main.commandLine().getSubcommands().containsKey("merge"),
                "real demo on Slurm skipped: this build has no merge command (split and merge not in it)");
        Path launcher = root.resolve("doseengine from classes");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Files.writeString(launcher, "#!/usr/bin/env bash\nexec " + doseengine.cli.slurm.BashQuoting.join(List.of(
                java.toString(), "-Xmx2g", "-cp", System.getProperty("java.class.path"), Main.class.getName()))
                + " \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path job = root.resolve("demo job");
        CliRunner.Outcome o = CliRunner.run("slurm", "demo", "--decays", "2e4", "--voxel-mm", "12", "--backend", "java",
                "--parts", "2", "--out", job.toString(), "--launcher", launcher.toString(), "--cpus-per-task", "1");
        assertEquals(0, o.exitCode(), o.err());
        waitForJobs(submit(job));
        assertTrue(Files.size(job.resolve("result/dose.nii.gz")) > 0, list(job.resolve("logs")));
        // The merged result is the single run's, bit for bit: the same seed (the default) and decays in one process.
        Path single = root.resolve("single demo");
        CliRunner.Outcome one = CliRunner.run("demo", "--decays", "2e4", "--voxel-mm", "12", "--backend", "java",
                "--threads", "1", "--out", single.toString());
        assertEquals(0, one.exitCode(), one.err());
        for (String f : List.of("dose.nii.gz", "uncertainty.nii.gz")) {
            assertTrue(Arrays.equals(Files.readAllBytes(single.resolve(f)),
                    Files.readAllBytes(job.resolve("result").resolve(f))), f + " differs from the single run");
        }
    }

    record Ids(String parts, String merge) {}

    private static Ids submit(Path job) throws Exception {
        String out = exec(List.of("bash", job.resolve("submit.sh").toString()));
        Matcher m = Pattern.compile("job array (\\d+) .*\\n.*job (\\d+) ", Pattern.DOTALL).matcher(out);
        assertTrue(m.find(), out);
        return new Ids(m.group(1), m.group(2));
    }

    private static void waitForJobs(Ids ids) throws Exception {
        waitFor(() -> exec(List.of("squeue", "-h", "-j", ids.parts + "," + ids.merge)).isBlank(), JOB_WAIT,
                "jobs " + ids + " to leave the queue");
    }

    private static String list(Path folder) {
        try (var s = Files.list(folder)) {
            StringBuilder b = new StringBuilder(folder + ":");
            s.forEach(p -> {
                b.append("\n").append(p.getFileName());
                try {
                    b.append(": ").append(Files.readString(p, StandardCharsets.UTF_8).strip());
                } catch (IOException e) {
                    b.append(" (unreadable)");
                }
            });
            return b.toString();
        } catch (IOException e) {
            return folder + ": " + e;
        }
    }

    interface Check {
        boolean done() throws Exception;
    }

    private static void waitFor(Check check, Duration limit, String what) throws Exception {
        Instant end = Instant.now().plus(limit);
        while (!check.done()) {
            if (Instant.now().isAfter(end)) {
                fail("gave up waiting for " + what + " after " + limit.toSeconds() + " s; logs in " + root);
            }
            Thread.sleep(500);
        }
    }

    private static Process daemon(String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("SLURM_CONF", conf == null ? "" : conf.toString());
        pb.redirectErrorStream(true).redirectOutput(root.resolve(command[0] + ".out").toFile());
        return pb.start();
    }

    private static String exec(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (conf != null) {
            pb.environment().put("SLURM_CONF", conf.toString());
        }
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
