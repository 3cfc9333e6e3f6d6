package daxlab.chart;

import org.jfree.svg.SVGGraphics2D;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * A drawing that can be written as SVG (vector, for browsers) or PNG (pixels, for every viewer).
 * One painter draws both: it is handed a JFreeSVG {@code SVGGraphics2D} for SVG and an image's
 * {@code Graphics2D} for PNG, so the two always show the same thing.
 *
 * @param title   what the picture shows; the text/plain fallback starts with it
 * @param text    a plain-text rendering of the same content (a table), for terminals and logs
 * @param width   in pixels
 * @param height  in pixels
 * @param painter draws the picture on a white canvas of that size
 */
public record Picture(String title, String text, int width, int height, Consumer<Graphics2D> painter) {

    static {
        // Charts are drawn off-screen: a kernel or CI machine has no display.
        System.setProperty("java.awt.headless", "true");
    }

    public Picture {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("picture size must be positive, got " + width + "x" + height);
        }
    }

    /** The picture as an {@code <svg>} element. */
    public String svg() {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // A fixed prefix keeps ids (clip paths, gradients) stable from run to run, so executed
        // notebooks diff cleanly.
        g.setDefsKeyPrefix("daxlab");
        paint(g);
        return g.getSVGElement();
    }

    /** The picture as PNG bytes. */
    public byte[] png() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            paint(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode PNG for " + title, e);
        }
        return out.toByteArray();
    }

    public String pngBase64() {
        return Base64.getEncoder().encodeToString(png());
    }

    /** Writes {@code NAME.svg} or {@code NAME.png}, by the file's extension. */
    public Path save(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".svg")) {
            Files.writeString(file, svg());
        } else if (name.endsWith(".png")) {
            Files.write(file, png());
        } else {
            throw new IllegalArgumentException("save as .svg or .png, not " + file);
        }
        return file;
    }

    private void paint(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        painter.accept(g);
    }

    @Override
    public String toString() {
        return text;
    }
}
