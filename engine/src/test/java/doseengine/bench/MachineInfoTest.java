package doseengine.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineInfoTest {
    @TempDir
    Path tmp;

    @Test
    void cpuModelIsTheFirstModelNameLine() throws Exception {
        Path f = tmp.resolve("cpuinfo");
        Files.writeString(f, "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13 64-Core "
                + "Processor\n\nprocessor\t: 1\nmodel name\t: something else\n");
        assertEquals(Optional.of("AMD EPYC 7B13 64-Core Processor"), MachineInfo.cpuModel(f));
    }

    @Test
    void cpuModelIsEmptyWithoutModelNameOrFile() throws Exception {
        Path f = tmp.resolve("cpuinfo-arm");
        Files.writeString(f, "processor\t: 0\nBogoMIPS\t: 50.00\nCPU part\t: 0xd0c\n");
        assertEquals(Optional.empty(), MachineInfo.cpuModel(f));
        assertEquals(Optional.empty(), MachineInfo.cpuModel(tmp.resolve("missing")));
    }

    @Test
    void processCpuReadsUtimeAndStimeAfterTheCommandName() {
        // proc(5): pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime ...
        // The command name may hold spaces and parentheses.
        String stat = "4242 (a (b) c) S 1 4242 4242 0 -1 4194304 100 0 0 0 250 35 0 0 20 0 12 0 500";
        assertEquals(2.85, ProcessCpu.parse(stat), 1e-12);
    }
}
