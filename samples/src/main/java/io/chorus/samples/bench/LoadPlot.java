package io.chorus.samples.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Draws CPU per media second against room size, one line per series, into a PNG (Java2D; no plotting library). */
final class LoadPlot {
    /** One line of the plot: (N, cores) points in ascending N. */
    record Series(String name, Color colour, List<double[]> points) {
    }

    private static final int WIDTH = 720;
    private static final int HEIGHT = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;

    private LoadPlot() {
    }

    static void write(String title, List<Series> series, Path png) throws IOException {
        double maxN = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[0]).max().orElse(1);
        double maxY = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[1]).max().orElse(1);
        double yTop = Math.ceil(maxY * 4 + 0.5) / 4;
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        g.setColor(new Color(230, 230, 230));
        for (double y = 0; y <= yTop + 1e-9; y += 0.25) {
            int py = TOP + plotH - (int) (y / yTop * plotH);
            g.drawLine(LEFT, py, LEFT + plotW, py);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.2f", y), LEFT - 40, py + 4);
            g.setColor(new Color(230, 230, 230));
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(LEFT, TOP, plotW, plotH);
        for (int n = 0; n <= maxN; n += 2) {
            int px = LEFT + (int) (n / maxN * plotW);
            g.drawLine(px, TOP + plotH, px, TOP + plotH + 4);
            g.drawString(Integer.toString(n), px - 6, TOP + plotH + 18);
        }
        g.drawString("participants in the room (N)", LEFT + plotW / 2 - 80, HEIGHT - 20);
        g.drawString("CPU per media second (cores)", 8, TOP - 12);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, LEFT + 150, TOP - 12);
        g.setStroke(new BasicStroke(2.5f));
        int legendY = TOP + 20;
        for (Series s : series) {
            g.setColor(s.colour());
            int[] xs = new int[s.points().size()];
            int[] ys = new int[s.points().size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = LEFT + (int) (s.points().get(i)[0] / maxN * plotW);
                ys[i] = TOP + plotH - (int) (s.points().get(i)[1] / yTop * plotH);
                g.fillOval(xs[i] - 4, ys[i] - 4, 8, 8);
            }
            g.drawPolyline(xs, ys, xs.length);
            g.drawLine(LEFT + 15, legendY, LEFT + 45, legendY);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(s.name(), LEFT + 52, legendY + 4);
            legendY += 18;
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }
}
