package doseengine.validation;

import java.nio.file.Path;

/** Where a section's plots go and how the report refers to them. */
public record PlotFiles(Path reportDir, Path plotDir) {
    /** The PNG file for a section id. */
    public Path png(String id) {
        return plotDir.resolve(id + ".png");
    }

    /** How the report links it: relative to the report, with forward slashes. */
    public String link(Path png) {
        return reportDir.toAbsolutePath().normalize().relativize(png.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }

    /** A section id safe as a file name. */
    public static String id(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
