package doseengine.report;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.Volume;
import doseengine.geometry.VoxelGrid;
import doseengine.tally.RegionDose;
import doseengine.tally.TissueMaximum;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The dose-on-CT picture of a run: one slice of constant k (axial for the usual patient orientation) in grey CT
 * with the dose as a colour wash and a colour bar in Gy.
 *
 * <p>Display: voxels are drawn as they are (nearest neighbour, true aspect ratio), i to the right and j down, so
 * an axis-aligned LPS grid shows the patient's right on the left and anterior at the top (the radiological
 * convention); the R/L/A/P letters are drawn only for such grids. CT window: level {@value #CT_LEVEL_HU} HU, width
 * {@value #CT_WIDTH_HU} HU (lung black, soft tissue grey, bone white). The wash covers doses from
 * {@value #WASH_THRESHOLD_PERCENT} % of the colour scale's top up to the top, Turbo colours, {@value #WASH_ALPHA}
 * opaque. The top is the highest D2 of the labels ({@link #washTop}), not the maximum voxel: a few voxels at the body
 * surface or in low-density tissue can hold many times the organ doses (partial volumes of activity) and would
 * otherwise squeeze every organ into the bottom colour; doses above the top take the top colour, and the caption
 * gives the slice's maximum.
 */
public final class DoseSlicePlot {
    static final double CT_LEVEL_HU = 40, CT_WIDTH_HU = 800;
    static final double WASH_THRESHOLD_PERCENT = 5;
    static final float WASH_ALPHA = 0.6f;
    private static final int IMAGE_PX = 620, MARGIN = 36, TOP = 64, BOTTOM = 84, BAR_AREA = 150, BAR_WIDTH = 22;
    private static final double SCALE_BAR_MM = 50;

    /** The slice shown and why it was chosen. */
    public record Slice(int k, String reason) {}

    /** The dose at the top of the colour scale and where it comes from. */
    public record WashTop(double gray, String reason) {}

    private DoseSlicePlot() {}

    /**
     * The slice through the highest-dose region: the centroid (mean k) of the label with the highest mean dose,
     * or, without labels, the slice where the mass-weighted 3 x 3 x 3 mean dose ({@link LocalMeanDose}) peaks; the
     * centre slice when no voxel has dose.
     */
    public static Slice choose(FloatVolume dose, FloatVolume density, LabelMap labels, List<RegionDose> regions) {
        VoxelGrid g = dose.grid();
        RegionDose hottest = null;
        for (RegionDose r : regions) {
            if (r.voxels() > 0 && r.meanGy() > 0 && (hottest == null || r.meanGy() > hottest.meanGy())) {
                hottest = r;
            }
        }
        int plane = g.nx() * g.ny();
        if (hottest != null && labels != null) {
            double sumK = 0;
            long n = 0;
            for (int v : labels.voxelsOf(hottest.labelValue())) { // its own mask, though structures overlap
                sumK += v / plane;
                n++;
            }
            return new Slice((int) Math.round(sumK / n), "through " + hottest.name() + " (highest mean dose)");
        }
        float[] d = LocalMeanDose.of(dose, density);
        float[] rho = density.data();
        int best = -1;
        for (int v = 0; v < d.length; v++) {
            if (d[v] > 0 && TissueMaximum.isTissue(rho[v]) && (best < 0 || d[v] > d[best])) {
                best = v;
            }
        }
        if (best >= 0) {
            return new Slice(best / plane, "through the highest 3x3x3 mean dose");
        }
        return new Slice(g.nz() / 2, "centre slice (no dose)");
    }

    /**
     * The top of the colour scale: the highest D2 (near-maximum dose) of the labels; without labels, the highest
     * mass-weighted 3 x 3 x 3 mean dose of the grid ({@link LocalMeanDose}).
     */
    public static WashTop washTop(FloatVolume dose, FloatVolume density, List<RegionDose> regions) {
        RegionDose top = null;
        for (RegionDose r : regions) {
            if (r.d2Gy() > 0 && (top == null || r.d2Gy() > top.d2Gy())) {
                top = r;
            }
        }
        if (top != null) {
            return new WashTop(top.d2Gy(), "D2 of " + top.name());
        }
        double max = 0;
        float[] local = LocalMeanDose.of(dose, density);
        float[] rho = density.data();
        for (int v = 0; v < local.length; v++) {
            if (TissueMaximum.isTissue(rho[v])) {
                max = Math.max(max, local[v]);
            }
        }
        return new WashTop(max, max > 0 ? "highest 3x3x3 mean dose" : "no dose");
    }

    /**
     * Air voxels ({@link TissueMaximum#isTissue} false) get no wash and do not count in the slice maximum: their dose
     * is the dose to a few milligrams of air around the body, large and noisy, and of no clinical meaning.
     */
    public static void write(Path file, Volume ctHu, FloatVolume density, FloatVolume dose, Slice slice, WashTop top,
                             String title) {
        write(file, ctHu, density, dose, slice, top, title, null);
    }

    /**
     * As {@link #write(Path, Volume, FloatVolume, FloatVolume, Slice, WashTop, String)}, with the outline of
     * {@code outline} (a structure's mask, bit = flat voxel index; null for none) in the slice: the voxel edges
     * between the mask and the rest, white over black so that it shows on grey CT and on every wash colour.
     */
    public static void write(Path file, Volume ctHu, FloatVolume density, FloatVolume dose, Slice slice, WashTop top,
                             String title, BitSet outline) {
        HeadlessGraphics.require();
        VoxelGrid g = dose.grid();
        g.requireSameGrid(ctHu.grid(), "dose", "CT");
        g.requireSameGrid(density.grid(), "dose", "density");
        float[] rho = density.data();
        int k = slice.k();
        if (k < 0 || k >= g.nz()) {
            throw new IllegalArgumentException("slice " + k + " outside 0.." + (g.nz() - 1));
        }
        double widthMm = g.nx() * g.spacingX(), heightMm = g.ny() * g.spacingY();
        double pxPerMm = Math.min(IMAGE_PX / widthMm, IMAGE_PX / heightMm);
        int w = (int) Math.round(widthMm * pxPerMm), h = (int) Math.round(heightMm * pxPerMm);
        int plane = g.nx() * g.ny();
        float[] d = dose.data();
        double sliceMax = 0;
        for (int v = k * plane; v < (k + 1) * plane; v++) {
            if (TissueMaximum.isTissue(rho[v])) {
                sliceMax = Math.max(sliceMax, d[v]);
            }
        }
        double max = top.gray();
        double threshold = max * WASH_THRESHOLD_PERCENT / 100;

        BufferedImage img = new BufferedImage(MARGIN + w + BAR_AREA, TOP + h + BOTTOM, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = img.createGraphics();
        gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        gr.setColor(Color.WHITE);
        gr.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int py = 0; py < h; py++) {
            int j = Math.min(g.ny() - 1, (int) ((py + 0.5) / pxPerMm / g.spacingY()));
            for (int px = 0; px < w; px++) {
                int i = Math.min(g.nx() - 1, (int) ((px + 0.5) / pxPerMm / g.spacingX()));
                int v = g.flatIndex(i, j, k);
                int grey = grey(ctHu.valueAt(v));
                int rgb = (grey << 16) | (grey << 8) | grey;
                if (max > 0 && d[v] >= threshold && TissueMaximum.isTissue(rho[v])) {
                    rgb = blend(rgb, ColorMap.turbo(d[v] / max), WASH_ALPHA); // above max: top colour
                }
                img.setRGB(MARGIN + px, TOP + py, rgb);
            }
        }
        gr.setColor(Color.DARK_GRAY);
        gr.drawRect(MARGIN - 1, TOP - 1, w + 1, h + 1);
        if (outline != null) {
            drawOutline(gr, g, k, outline, pxPerMm);
        }

        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 16);
        Font textFont = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        gr.setColor(Color.BLACK);
        gr.setFont(titleFont);
        gr.drawString(title, MARGIN, 24);
        gr.setFont(textFont);
        double[] centre = g.indexToWorld((g.nx() - 1) / 2.0, (g.ny() - 1) / 2.0, k);
        gr.drawString(String.format(Locale.ROOT, "slice k = %d of %d (z = %.1f mm), %s", k, g.nz(), centre[2],
                slice.reason()), MARGIN, 46);
        if (g.isAxisAligned()) {
            drawOrientation(gr, w, h);
        }
        drawScaleBar(gr, pxPerMm, h);
        gr.setColor(Color.DARK_GRAY);
        gr.drawString(String.format(Locale.ROOT, "CT window %.0f / %.0f HU. Dose wash %s to %s Gy (top: %s); "
                + "slice maximum %s Gy (air not shown)", CT_LEVEL_HU, CT_WIDTH_HU, NiceNumbers.significant(threshold),
                NiceNumbers.significant(max), top.reason(), NiceNumbers.significant(sliceMax)), MARGIN,
                TOP + h + 72);
        drawColourBar(gr, MARGIN + w + 30, TOP, h, threshold, max);
        gr.dispose();
        try {
            if (!ImageIO.write(img, "png", file.toFile())) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Every edge between a voxel of {@code mask} in slice k and a neighbour outside it (or the grid's border). */
    private static void drawOutline(Graphics2D gr, VoxelGrid g, int k, BitSet mask, double pxPerMm) {
        double sx = g.spacingX() * pxPerMm, sy = g.spacingY() * pxPerMm;
        List<double[]> edges = new ArrayList<>();
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                if (!mask.get(g.flatIndex(i, j, k))) {
                    continue;
                }
                double x0 = MARGIN + i * sx, x1 = MARGIN + (i + 1) * sx, y0 = TOP + j * sy, y1 = TOP + (j + 1) * sy;
                if (i == 0 || !mask.get(g.flatIndex(i - 1, j, k))) {
                    edges.add(new double[] {x0, y0, x0, y1});
                }
                if (i == g.nx() - 1 || !mask.get(g.flatIndex(i + 1, j, k))) {
                    edges.add(new double[] {x1, y0, x1, y1});
                }
                if (j == 0 || !mask.get(g.flatIndex(i, j - 1, k))) {
                    edges.add(new double[] {x0, y0, x1, y0});
                }
                if (j == g.ny() - 1 || !mask.get(g.flatIndex(i, j + 1, k))) {
                    edges.add(new double[] {x0, y1, x1, y1});
                }
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            gr.setColor(pass == 0 ? Color.BLACK : Color.WHITE);
            gr.setStroke(new BasicStroke(pass == 0 ? 3.5f : 1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (double[] e : edges) {
                gr.draw(new Line2D.Double(e[0], e[1], e[2], e[3]));
            }
        }
        gr.setStroke(new BasicStroke(1f));
    }

    private static int grey(double hu) {
        double t = (hu - (CT_LEVEL_HU - CT_WIDTH_HU / 2)) / CT_WIDTH_HU;
        return (int) Math.round(255 * Math.max(0, Math.min(1, t)));
    }

    private static int blend(int base, int over, float alpha) {
        int r = mix(base >> 16 & 0xFF, over >> 16 & 0xFF, alpha);
        int g = mix(base >> 8 & 0xFF, over >> 8 & 0xFF, alpha);
        int b = mix(base & 0xFF, over & 0xFF, alpha);
        return (r << 16) | (g << 8) | b;
    }

    private static int mix(int a, int b, float alpha) {
        return Math.round(a * (1 - alpha) + b * alpha);
    }

    private static void drawOrientation(Graphics2D gr, int w, int h) {
        gr.setColor(Color.BLACK);
        gr.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        FontMetrics fm = gr.getFontMetrics();
        gr.drawString("R", MARGIN - 4 - fm.stringWidth("R") - 6, TOP + h / 2 + 5);
        gr.drawString("L", MARGIN + w + 6, TOP + h / 2 + 5);
        gr.drawString("A", MARGIN + w / 2 - fm.stringWidth("A") / 2, TOP - 4);
        gr.drawString("P", MARGIN + w / 2 - fm.stringWidth("P") / 2, TOP + h + 16);
    }

    private static void drawScaleBar(Graphics2D gr, double pxPerMm, int h) {
        int len = (int) Math.round(SCALE_BAR_MM * pxPerMm);
        int y = TOP + h + 28;
        gr.setColor(Color.BLACK);
        gr.setStroke(new BasicStroke(3f));
        gr.drawLine(MARGIN, y, MARGIN + len, y);
        gr.setStroke(new BasicStroke(1f));
        gr.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        gr.drawString(String.format(Locale.ROOT, "%.0f mm", SCALE_BAR_MM), MARGIN, y + 16);
    }

    /** A vertical bar from threshold (bottom) to max (top) with about five ticks at round doses. */
    private static void drawColourBar(Graphics2D gr, int x, int y, int h, double threshold, double max) {
        gr.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        gr.setColor(Color.BLACK);
        gr.drawString("Dose (Gy)", x - 6, y - 10);
        if (!(max > 0)) {
            gr.drawString("no dose", x, y + 20);
            return;
        }
        for (int py = 0; py < h; py++) {
            double dose = max - (max - threshold) * py / (h - 1.0);
            gr.setColor(new Color(blend(0xFFFFFF, ColorMap.turbo(dose / max), WASH_ALPHA)));
            gr.drawLine(x, y + py, x + BAR_WIDTH, y + py);
        }
        gr.setColor(Color.DARK_GRAY);
        gr.drawRect(x, y, BAR_WIDTH, h - 1);
        double step = NiceNumbers.step((max - threshold) / 6);
        gr.setColor(Color.BLACK);
        for (double t = Math.ceil(threshold / step) * step; t <= max * (1 + 1e-9); t += step) {
            int py = y + (int) Math.round((max - t) / (max - threshold) * (h - 1));
            gr.drawLine(x + BAR_WIDTH, py, x + BAR_WIDTH + 5, py);
            gr.drawString(NiceNumbers.significant(t), x + BAR_WIDTH + 9, py + 5);
        }
    }

}
