package doseengine.cli.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run split into N parts on Slurm: a job array whose task K runs part K/N, and a merge job that waits for them
 * all. Produces the text of the job folder's files; {@link SlurmJobFolder} writes them.
 *
 * @param command   the run or demo command line, checked
 * @param parts     N, at least 1
 * @param folder    the job folder, absolute
 * @param workDir   the folder the command line was written in, absolute: its relative paths (CT, activity, ...)
 *                  are relative to it, and the merge reads the inputs again from the paths the parts recorded
 * @param resources what to ask Slurm for
 * @param launcher  how the scripts start doseengine
 */
public record SlurmJob(SplitCommandLine command, int parts, Path folder, Path workDir, SlurmResources resources,
                       JobLauncher launcher) {

    public static final String PARTS_SCRIPT = "parts.sbatch";
    public static final String MERGE_SCRIPT = "merge.sbatch";
    public static final String SUBMIT_SCRIPT = "submit.sh";
    public static final String README = "README.txt";

    public Path logs() {
        return folder.resolve("logs");
    }

    public Path partsFolder() {
        return folder.resolve("parts");
    }

    public Path result() {
        return folder.resolve("result");
    }

    /** The job array: task K runs part K/N with its own output folder. */
    public String partsScript() {
        List<String> lines = header("doseengine-parts", "part-%a-job-%A");
        lines.add(SbatchDirective.line("array", "1-" + parts));
        lines.addAll(resources.directives(true));
        lines.add("");
        lines.add("# Task K of the array runs part K of " + parts + " of this command line (written by 'doseengine slurm').");
        lines.add("set -euo pipefail");
        lines.add("k=\"${SLURM_ARRAY_TASK_ID:?submit this script with sbatch: it is a job array, one task per part}\"");
        lines.addAll(common());
        List<String> words = new ArrayList<>(command.words());
        if (resources.cpusPerTask() != null && !command.has("--threads")) {
            // The JVM may see every core of the node when the cluster does not bind tasks to their CPUs.
            words.add("--threads");
            words.add(Integer.toString(resources.cpusPerTask()));
        }
        lines.add("exec \"${doseengine[@]}\" " + BashQuoting.join(words) + " --part \"$k/" + parts + "\" --out \"$dir/parts/part-$k\"");
        return String.join("\n", lines) + "\n";
    }

    /** The merge: every part's file into the outputs a single run writes. */
    public String mergeScript() {
        List<String> lines = header("doseengine-merge", "merge-job-%j");
        lines.addAll(resources.directives(false));
        lines.add("");
        lines.add("# Merges the " + parts + " parts into the outputs of one run (written by 'doseengine slurm').");
        lines.add("set -euo pipefail");
        lines.addAll(common());
        lines.add("exec \"${doseengine[@]}\" merge \"$dir\"/parts/part-*/part-*-of-" + parts + ".dep --out \"$dir/result\"");
        return String.join("\n", lines) + "\n";
    }

    /** Submits the array, then the merge with a dependency on the array's success (every task). */
    public String submitScript() {
        String dir = BashQuoting.quote(folder.toString());
        return String.join("\n",
                "#!/usr/bin/env bash",
                "# Submits the parts (a job array) and the merge, which starts once every part has succeeded.",
                "set -euo pipefail",
                "dir=" + dir,
                "# --parsable prints the job id, followed by ;CLUSTER on a multi-cluster site.",
                "jid=$(sbatch --parsable \"$dir/" + PARTS_SCRIPT + "\")",
                "jid=${jid%%;*}",
                "mid=$(sbatch --parsable --dependency=afterok:\"$jid\" \"$dir/" + MERGE_SCRIPT + "\")",
                "mid=${mid%%;*}",
                "echo \"parts: job array $jid (" + parts + " tasks)\"",
                "echo \"merge: job $mid (starts when every part has succeeded)\"",
                "") ;
    }

    public String readme() {
        String n = Integer.toString(parts);
        return String.join("\n",
                "A doseengine " + command.command() + " split into " + n + " parts for Slurm (written by 'doseengine slurm').",
                "",
                "Command line: " + BashQuoting.join(command.words()),
                "Relative paths in it are relative to: " + workDir,
                "",
                "Files",
                "  submit.sh      submits the two jobs below and prints their ids: run  bash submit.sh",
                "  parts.sbatch   job array 1-" + n + ": task K runs part K/" + n + " and writes parts/part-K/part-K-of-" + n + ".dep",
                "  merge.sbatch   runs once every task has succeeded (afterok): merges the parts into result/,",
                "                 the same files one run with the same seed and decays writes (dose.nii.gz, ...)",
                jarLine(),
                "  logs/          each task's output: part-K-job-J.out / .err; the merge's: merge-job-J.out / .err",
                "",
                "Progress",
                "  squeue --me                      pending (PD) and running (R) tasks; the merge waits with (Dependency)",
                "  sacct -j JOBID --format=JobID,State,Elapsed,ExitCode",
                "                                   each task's state once it ran (needs accounting on the cluster)",
                "  ls parts/*/*.dep | wc -l         parts finished so far",
                "  tail logs/part-1-job-*.err       a task's messages",
                "",
                "A failed task: the merge never starts (its dependency cannot be met; Slurm shows DependencyNeverSatisfied).",
                "Cancel it (scancel MERGE_JOBID), resubmit the failed task alone (sbatch --array=K parts.sbatch),",
                "then the merge (sbatch merge.sbatch) once it has succeeded.",
                "");
    }

    private String jarLine() {
        if (launcher instanceof JobLauncher.Jar) {
            return "  doseengine.jar the program the parts and the merge run (a copy: a rebuild cannot change it under the job)";
        }
        return "  (the scripts run " + ((JobLauncher.Executable) launcher).program() + ")";
    }

    private List<String> header(String name, String logName) {
        String logFolder = logs().toString();
        List<String> lines = new ArrayList<>();
        lines.add("#!/usr/bin/env bash");
        lines.add(SbatchDirective.line("job-name", name));
        lines.add(SbatchDirective.line("output", SbatchDirective.logFile(logFolder, logName + ".out")));
        lines.add(SbatchDirective.line("error", SbatchDirective.logFile(logFolder, logName + ".err")));
        return lines;
    }

    private List<String> common() {
        List<String> lines = new ArrayList<>();
        lines.add("dir=" + BashQuoting.quote(folder.toString()));
        lines.add("# The command line's relative paths are relative to where it was written.");
        lines.add("cd " + BashQuoting.quote(workDir.toString()));
        lines.addAll(launcher.scriptLines());
        return lines;
    }
}
