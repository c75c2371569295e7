package org.dermread.inference;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * Draws a saliency map over its image. The map is the largest absolute input gradient over the three colour
 * channels at each pixel (Simonyan, Vedaldi and Zisserman, "Deep Inside Convolutional Networks: Visualising Image
 * Classification Models and Saliency Maps", arXiv:1312.6034, 2014, section 3.1), smoothed with a small box blur
 * (raw gradients are speckled), scaled so its 99th percentile is full strength, and blended over the image in a
 * blue-to-red colour scale, stronger where the model looks.
 */
public final class SaliencyRenderer {

    private static final double PERCENTILE = 0.99;
    private static final double MAX_ALPHA = 0.65;

    private SaliencyRenderer() {
    }

    /** The heat-map PNG for an image's bytes and the gradient with respect to its pixels. */
    public static byte[] overlayPng(byte[] imageBytes, float[] gradient) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(imageBytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int width = image.getWidth();
        int height = image.getHeight();
        double[] map = saliency(gradient, width, height);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double s = map[y * width + x];
                int rgb = image.getRGB(x, y);
                int heat = colour(s);
                double alpha = MAX_ALPHA * s;
                out.setRGB(x, y, blend(rgb, heat, alpha));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** Per pixel max over channels of |gradient|, box-blurred, scaled to 0..1 at the 99th percentile. */
    static double[] saliency(float[] gradient, int width, int height) {
        int plane = width * height;
        if (gradient.length != 3 * plane) {
            throw new IllegalArgumentException("gradient does not match the image");
        }
        double[] raw = new double[plane];
        for (int i = 0; i < plane; i++) {
            raw[i] = Math.max(Math.abs(gradient[i]), Math.max(Math.abs(gradient[plane + i]),
                    Math.abs(gradient[2 * plane + i])));
        }
        int radius = Math.max(1, Math.min(width, height) / 100);
        double[] smooth = boxBlur(raw, width, height, radius);
        double[] sorted = smooth.clone();
        Arrays.sort(sorted);
        double top = sorted[(int) Math.min(sorted.length - 1, Math.floor(PERCENTILE * sorted.length))];
        double scale = top > 0 ? 1 / top : 0;
        for (int i = 0; i < plane; i++) {
            smooth[i] = Math.min(1, smooth[i] * scale);
        }
        return smooth;
    }

    private static double[] boxBlur(double[] values, int width, int height, int radius) {
        double[] horizontal = new double[values.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sum = 0;
                int n = 0;
                for (int dx = -radius; dx <= radius; dx++) {
                    int xx = x + dx;
                    if (xx >= 0 && xx < width) {
                        sum += values[y * width + xx];
                        n++;
                    }
                }
                horizontal[y * width + x] = sum / n;
            }
        }
        double[] result = new double[values.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sum = 0;
                int n = 0;
                for (int dy = -radius; dy <= radius; dy++) {
                    int yy = y + dy;
                    if (yy >= 0 && yy < height) {
                        sum += horizontal[yy * width + x];
                        n++;
                    }
                }
                result[y * width + x] = sum / n;
            }
        }
        return result;
    }

    /** Blue (0) through green and yellow to red (1). */
    static int colour(double s) {
        double r = clamp(1.5 - Math.abs(4 * s - 3));
        double g = clamp(1.5 - Math.abs(4 * s - 2));
        double b = clamp(1.5 - Math.abs(4 * s - 1));
        return ((int) Math.round(255 * r) << 16) | ((int) Math.round(255 * g) << 8) | (int) Math.round(255 * b);
    }

    private static int blend(int rgb, int heat, double alpha) {
        int r = (int) Math.round(((rgb >> 16) & 0xff) * (1 - alpha) + ((heat >> 16) & 0xff) * alpha);
        int g = (int) Math.round(((rgb >> 8) & 0xff) * (1 - alpha) + ((heat >> 8) & 0xff) * alpha);
        int b = (int) Math.round((rgb & 0xff) * (1 - alpha) + (heat & 0xff) * alpha);
        return (r << 16) | (g << 8) | b;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
