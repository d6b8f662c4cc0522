package doseengine.cli;

import doseengine.kernels.opencl.OpenClDeviceInfo;
import doseengine.kernels.opencl.OpenClDiscovery;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Lists the compute backends: OpenCL devices through JOCL, and the Java fallback. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List OpenCL platforms and devices, and the Java fallback with its thread count.")
public final class DevicesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        OpenClDiscovery.Result r = OpenClDiscovery.discover();
        out.println("OpenCL:");
        if (r.available()) {
            for (OpenClDeviceInfo d : r.devices()) {
                out.println("  " + d);
            }
        } else {
            out.println("  none: " + r.problem());
        }
        out.println("Java fallback:");
        out.println("  " + Runtime.getRuntime().availableProcessors() + " threads (all cores), Java "
                + System.getProperty("java.version"));
        out.flush();
        return 0;
    }
}
