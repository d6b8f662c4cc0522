package doseengine.cli.slurm;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobLauncherTest {
    @TempDir
    Path tmp;

    /** The default launcher's lines, run by bash with a fake java: java OPTIONS -jar JAR ARGS, paths intact. */
    @Test
    void jarLauncherStartsJavaOnTheJar() throws Exception {
        Path java = Files.createDirectories(tmp.resolve("my jdk/bin")).resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\nprintf '%s\\0' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = tmp.resolve("job 'x'/doseengine.jar");
        JobLauncher launcher = new JobLauncher.Jar(java, jar, List.of("-Xmx1g", "-Dname=a b"));
        List<String> lines = new ArrayList<>(launcher.scriptLines());
        lines.add("\"${doseengine[@]}\" demo --decays 1e5");
        Process p = new ProcessBuilder("bash", "-c", String.join("\n", lines)).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor());
        assertEquals(List.of("-Xmx1g", "-Dname=a b", "-jar", jar.toString(), "demo", "--decays", "1e5"),
                List.of(out.substring(0, out.length() - 1).split("\0")));
    }
}
