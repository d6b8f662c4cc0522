package doseengine.report;

/**
 * The reports draw PNGs with java.awt on machines without a display: AWT must run headless. Set before the first
 * AWT class loads; harmless when already set.
 */
final class HeadlessGraphics {
    private HeadlessGraphics() {}

    static void require() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
