package doseengine.methods;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.VoxelGrid;
import doseengine.report.RunContext;
import doseengine.tally.DoseVolumeHistogram;
import doseengine.tally.RegionDose;
import doseengine.tally.TissueMaximum;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code report.html} of {@code compare} and its pictures: the table of structure means per method with their
 * difference to Monte Carlo and gamma pass rates; per structure the DVHs of every method overlaid; per fast method
 * the difference to Monte Carlo on the axial slice through the hottest structure's hottest voxel; and the dose
 * profile of every method along x through that voxel.
 */
public final class ComparisonReport {
    static final String PROFILE_PNG = "profile.png";
    /** Air (not tissue) on the difference maps: no dose worth comparing, drawn grey rather than in the scale. */
    private static final int AIR_GREY = 0xc8c8c8;
    private static final int[] PALETTE = {0x000000, 0xd62728, 0x1f77b4, 0x2ca02c, 0x9467bd, 0xff7f0e};

    private ComparisonReport() {
    }

    /** Writes the pictures and report.html into {@code dir}. */
    public static void write(Path dir, MethodComparison.Result r, RunContext ctx) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        MethodResult mc = r.of(Method.MC);
        Hotspot hot = Hotspot.find(mc, r.problem().labels());
        List<String> dvhFiles = new ArrayList<>();
        for (RegionDose ref : mc.regions()) {
            String f = "dvh_" + ref.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".png";
            dvh(dir.resolve(f), ref.name(), r);
            dvhFiles.add(f);
        }
        List<String> diffFiles = new ArrayList<>();
        for (MethodResult m : r.methods()) {
            if (m.method() != Method.MC) {
                String f = "difference_" + m.method().key() + ".png";
                difference(dir.resolve(f), mc.doseGy(), r.problem().density(), m, hot);
                diffFiles.add(f);
            }
        }
        profile(dir.resolve(PROFILE_PNG), r, hot);
        html(dir.resolve("report.html"), r, ctx, hot, dvhFiles, diffFiles);
    }

    /** The voxel where the comparison is pictured: the hottest voxel of the structure with the highest mean. */
    record Hotspot(int i, int j, int k, String structure) {
        /** Without structures: the hottest voxel of the grid. */
        static Hotspot find(MethodResult mc, LabelMap labels) {
            FloatVolume d = mc.doseGy();
            VoxelGrid g = d.grid();
            float[] v = d.data();
            RegionDose top = mc.regions().stream().max((a, b) -> Double.compare(a.meanGy(), b.meanGy())).orElse(null);
            short[] lab = top == null || labels == null ? null : labels.layer(labels.layerOf(top.labelValue())).data();
            int best = -1;
            for (int x = 0; x < v.length; x++) {
                if ((lab == null || lab[x] == top.labelValue()) && (best < 0 || v[x] > v[best])) {
                    best = x;
                }
            }
            best = Math.max(best, 0);
            return new Hotspot(best % g.nx(), (best / g.nx()) % g.ny(), best / (g.nx() * g.ny()),
                    lab == null ? null : top.name());
        }
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(x).yAxisTitle(y).build();
        org.knowm.xchart.style.XYStyler st = c.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(0xdddddd));
        st.setLegendBorderColor(Color.WHITE);
        st.setChartTitleBoxVisible(false);
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        return c;
    }

    private static void style(XYSeries s, int n) {
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(new Color(PALETTE[n % PALETTE.length]));
        s.setLineStyle(new BasicStroke(n == 0 ? 2.8f : 2.0f));
    }

    private static void dvh(Path file, String structure, MethodComparison.Result r) {
        XYChart c = chart("Cumulative DVH: " + structure, "Dose (Gy)", "Volume (%)");
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(100.0);
        c.getStyler().setXAxisMin(0.0);
        int n = 0;
        for (MethodResult m : r.methods()) {
            RegionDose d = m.region(structure);
            if (d != null) {
                DoseVolumeHistogram h = d.distribution().dvh();
                double[] dose = h.doseGy();
                double[] vol = h.fractionAtLeast();
                for (int i = 0; i < vol.length; i++) {
                    vol[i] *= 100;
                }
                if (dose.length == 1) {
                    dose = new double[] {0, dose[0], dose[0]};
                    vol = new double[] {100, 100, 0};
                }
                style(c.addSeries(String.format(Locale.ROOT, "%s (mean %.4g Gy)", m.method().key(), d.meanGy()), dose,
                        vol), n);
            }
            n++;
        }
        save(c, file);
    }

    /**
     * The profile along x through the hotspot, over the row's tissue only (density at least
     * {@link TissueMaximum#MIN_TISSUE_DENSITY} g/cm3, from its first to its last tissue voxel): air at the skin, where
     * a fast method divides a voxel's energy by a near-zero mass, would otherwise set the scale.
     */
    private static void profile(Path file, MethodComparison.Result r, Hotspot hot) {
        VoxelGrid g = r.problem().grid();
        FloatVolume rho = r.problem().density();
        int first = 0;
        int last = g.nx() - 1;
        while (first < last && !TissueMaximum.isTissue(rho.get(first, hot.j(), hot.k()))) {
            first++;
        }
        while (last > first && !TissueMaximum.isTissue(rho.get(last, hot.j(), hot.k()))) {
            last--;
        }
        XYChart c = chart(String.format(Locale.ROOT, "Dose profile along x, row j=%d, slice k=%d%s, tissue only", hot.j(),
                hot.k(), hot.structure() == null ? "" : " (hottest voxel of " + hot.structure() + ")"), "x (mm)",
                "Dose (Gy)");
        int n = last - first + 1;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = g.origin()[0] + (first + i) * g.spacingX();
        }
        int s = 0;
        for (MethodResult m : r.methods()) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = m.doseGy().get(first + i, hot.j(), hot.k());
            }
            style(c.addSeries(m.method().key(), x, y), s++);
        }
        save(c, file);
    }

    /**
     * (D_method - D_mc) on the slice, as % of the Monte Carlo maximum in tissue on that slice, on a blue-white-red scale
     * clipped at +-50 % (the colour bar says so; the numbers are in the NIfTI maps).
     */
    private static void difference(Path file, FloatVolume mc, FloatVolume density, MethodResult m, Hotspot hot) {
        VoxelGrid g = mc.grid();
        double max = 0;
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                if (TissueMaximum.isTissue(density.get(i, j, hot.k()))) {
                    max = Math.max(max, mc.get(i, j, hot.k()));
                }
            }
        }
        int scale = Math.max(1, Math.min(6, 600 / Math.max(g.nx(), g.ny())));
        double aspect = g.spacingY() / g.spacingX();
        int w = g.nx() * scale;
        int h = (int) Math.round(g.ny() * scale * aspect);
        int top = 40;
        int bar = 70;
        BufferedImage img = new BufferedImage(w + bar, h + top, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = img.createGraphics();
        gr.setColor(Color.WHITE);
        gr.fillRect(0, 0, w + bar, h + top);
        for (int py = 0; py < h; py++) {
            int j = Math.min(g.ny() - 1, (int) (py / (scale * aspect)));
            for (int px = 0; px < w; px++) {
                int i = px / scale;
                if (!TissueMaximum.isTissue(density.get(i, j, hot.k()))) {
                    img.setRGB(px, py + top, AIR_GREY);
                    continue;
                }
                double diff = max > 0 ? 100 * (m.doseGy().get(i, j, hot.k()) - mc.get(i, j, hot.k())) / max : 0;
                img.setRGB(px, py + top, diverging(diff / 50));
            }
        }
        for (int py = 0; py < h; py++) {
            double v = 1 - 2.0 * py / (h - 1);
            for (int px = w + 15; px < w + 35; px++) {
                img.setRGB(px, py + top, diverging(v));
            }
        }
        gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        gr.setColor(Color.BLACK);
        gr.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        gr.drawString(String.format(Locale.ROOT, "%s - mc, slice k=%d, %% of mc tissue max %.3g Gy; air grey",
                m.method().key(), hot.k(), max), 5, 18);
        gr.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        gr.drawString("+50%", w + 36, top + 10);
        gr.drawString("0", w + 36, top + h / 2 + 4);
        gr.drawString("-50%", w + 36, top + h);
        gr.dispose();
        try {
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write: " + e.getMessage());
        }
    }

    /** Blue (-1) through white (0) to red (+1), clamped. */
    static int diverging(double v) {
        v = Math.max(-1, Math.min(1, v));
        int r;
        int g;
        int b;
        if (v >= 0) {
            r = 255;
            g = (int) Math.round(255 * (1 - v));
            b = (int) Math.round(255 * (1 - v));
        } else {
            r = (int) Math.round(255 * (1 + v));
            g = (int) Math.round(255 * (1 + v));
            b = 255;
        }
        return (r << 16) | (g << 8) | b;
    }

    private static void save(XYChart c, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(c, out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write: " + e.getMessage());
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void html(Path file, MethodComparison.Result r, RunContext ctx, Hotspot hot, List<String> dvh,
            List<String> diff) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>doseengine compare: ")
                .append(esc(r.problem().name())).append("</title><style>body{font-family:sans-serif;margin:2em;"
                        + "max-width:1200px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;"
                        + "text-align:right}th{background:#f3f3f3}td.l{text-align:left}img{max-width:100%}</style>"
                        + "</head><body>\n");
        h.append("<h1>Fast methods against Monte Carlo</h1>\n<p>").append(esc(r.problem().name())).append(", ")
                .append(esc(r.problem().nuclide().name())).append(String.format(Locale.ROOT,
                        ", time-integrated activity %.4g MBq h. Monte Carlo: %,d decays in %d batches (%s, seed %d). "
                                + "Gamma %s against Monte Carlo. doseengine %s, %s.</p>\n", r.problem().totalTiaMBqH(),
                        r.mc().outcome().decays(), r.mc().outcome().batches(), esc(r.mc().settings().backend().device()),
                        r.mc().settings().seed(), esc(r.gamma().toString()), esc(ctx.version()), ctx.started()));
        h.append("<h2>Methods</h2>\n<table><tr><th>method</th><th>what</th><th>time (s)</th><th>gamma pass rate</th>"
                + "<th>notes</th></tr>\n");
        for (MethodResult m : r.methods()) {
            h.append("<tr><td class=l>").append(m.method().key()).append("</td><td class=l>")
                    .append(esc(m.method().title())).append(String.format(Locale.ROOT, "</td><td>%.2f</td><td>%s</td>",
                            m.seconds(), m.gamma() == null ? "" : String.format(Locale.ROOT, "%.1f %%",
                                    100 * m.gamma().overall())))
                    .append("<td class=l>").append(esc(String.join("; ", m.notes()))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (!r.tablesComputed().isEmpty()) {
            h.append(String.format(Locale.ROOT, "<p>Kernels computed now (%.1f s, kept for later runs): ",
                    r.tableSeconds())).append(esc(String.join("; ", r.tablesComputed()))).append(".</p>\n");
        }
        MethodResult mc = r.of(Method.MC);
        if (!mc.regions().isEmpty()) {
            h.append("<h2>Structures</h2>\n<p>Mean dose (Gy) per method; in brackets the difference to Monte Carlo "
                    + "and, for Monte Carlo, its own relative standard error; then the gamma pass rate inside the "
                    + "structure (voxels above the threshold only).</p>\n<table><tr><th>structure</th><th>mass (g)</th>");
            for (MethodResult m : r.methods()) {
                h.append("<th>").append(m.method().key()).append("</th>");
            }
            h.append("</tr>\n");
            for (RegionDose ref : mc.regions()) {
                h.append("<tr><td class=l>").append(esc(ref.name())).append(String.format(Locale.ROOT,
                        "</td><td>%.4g</td>", ref.massG()));
                for (MethodResult m : r.methods()) {
                    RegionDose d = m.region(ref.name());
                    if (d == null) {
                        h.append("<td>&ndash;</td>");
                    } else if (m.method() == Method.MC) {
                        h.append(String.format(Locale.ROOT, "<td>%.4g (&plusmn;%.2f %%)</td>", d.meanGy(),
                                100 * d.relativeUncertainty()));
                    } else {
                        Double rate = m.gamma() == null ? null : m.gamma().byStructure().get(ref.name());
                        h.append(String.format(Locale.ROOT, "<td>%.4g (%+.1f %%)%s</td>", d.meanGy(),
                                100 * (d.meanGy() / ref.meanGy() - 1), rate == null ? ""
                                        : String.format(Locale.ROOT, "<br>&gamma; %.1f %%", 100 * rate)));
                    }
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n<h2>Dose-volume histograms</h2>\n");
            for (String f : dvh) {
                h.append("<p><img src=\"").append(f).append("\" alt=\"").append(f).append("\"></p>\n");
            }
        }
        h.append("<h2>Profile</h2>\n<p><img src=\"").append(PROFILE_PNG).append("\" alt=\"profile\"></p>\n");
        h.append("<h2>Differences to Monte Carlo</h2>\n<p>Axial slice k=").append(hot.k())
                .append(hot.structure() == null ? "" : " through the hottest voxel of " + esc(hot.structure()))
                .append(": method minus Monte Carlo in % of Monte Carlo's maximum in tissue on the slice; air in grey.</p>\n");
        for (String f : diff) {
            h.append("<p><img src=\"").append(f).append("\" alt=\"").append(f).append("\"></p>\n");
        }
        List<String> notes = new ArrayList<>(r.notes());
        notes.addAll(ctx.notes());
        notes.addAll(r.problem().notes());
        if (!notes.isEmpty()) {
            h.append("<h2>Notes</h2>\n<ul>\n");
            for (String n : notes) {
                h.append("<li>").append(esc(n)).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<p>Methods and their sources: docs/methods.md. Numbers: comparison.json; dose maps: "
                + "&lt;method&gt;/dose.nii.gz; the Monte Carlo run's own report: mc/report.html.</p>\n</body></html>\n");
        try {
            Files.writeString(file, h.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write: " + e.getMessage());
        }
    }
}
