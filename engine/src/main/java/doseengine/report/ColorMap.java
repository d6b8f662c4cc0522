package doseengine.report;

/**
 * The dose colour wash: Google's Turbo colour map (A. Mikhailov, "Turbo, an improved rainbow colormap for
 * visualization", Google AI Blog, 2019) in its published polynomial approximation. A rainbow that reads like the
 * "jet" maps of treatment planning systems, without jet's false bands.
 */
final class ColorMap {
    private ColorMap() {}

    /** The colour of {@code x} in [0, 1] (clamped) as 0xRRGGBB. */
    static int turbo(double x) {
        x = Math.max(0, Math.min(1, x));
        double r = 0.13572138 + x * (4.61539260 + x * (-42.66032258 + x * (132.13108234 + x * (-152.94239396
                + x * 59.28637943))));
        double g = 0.09140261 + x * (2.19418839 + x * (4.84296658 + x * (-14.18503333 + x * (4.27729857
                + x * 2.82956604))));
        double b = 0.10667330 + x * (12.64194608 + x * (-60.58204836 + x * (110.36276771 + x * (-89.90310912
                + x * 27.34824973))));
        return (channel(r) << 16) | (channel(g) << 8) | channel(b);
    }

    private static int channel(double c) {
        return (int) Math.round(255 * Math.max(0, Math.min(1, c)));
    }
}
