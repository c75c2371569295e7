package org.dermread.inference;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * A decoded image as the model contract wants it: RGB planes (channel-first, NCHW without N), float values 0..255,
 * the image's own width and height. Nothing else is done to the pixels: the model resizes and normalises.
 *
 * @param chw {@code 3 * height * width} values, red plane, then green, then blue
 */
public record Pixels(int width, int height, float[] chw) {

    public Pixels {
        Objects.requireNonNull(chw);
        if (width <= 0 || height <= 0 || chw.length != 3L * width * height) {
            throw new IllegalArgumentException("pixels do not match " + width + "x" + height);
        }
    }

    /**
     * Decodes JPEG or PNG bytes with the JDK's ImageIO. Grey images are replicated to three channels without any
     * colour conversion (as Pillow's {@code convert("RGB")} does); alpha is dropped.
     */
    public static Pixels decode(byte[] imageBytes) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(imageBytes));
        } catch (IOException e) {
            throw new UncheckedIOException("image could not be decoded", e);
        }
        if (image == null) {
            throw new IllegalArgumentException("not a readable JPEG or PNG image");
        }
        return of(image);
    }

    /** The pixels of an image already in memory. */
    public static Pixels of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int plane = width * height;
        float[] chw = new float[3 * plane];
        Raster raster = image.getRaster();
        int type = image.getType();
        if ((type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_4BYTE_ABGR)
                && raster.getDataBuffer() instanceof DataBufferByte buffer && raster.getParent() == null) {
            // The common case (a decoded JPEG): read the interleaved bytes directly, no per-pixel colour model.
            byte[] data = buffer.getData();
            int stride = type == BufferedImage.TYPE_3BYTE_BGR ? 3 : 4;
            int offset = stride - 3;
            for (int i = 0, p = 0; i < plane; i++, p += stride) {
                chw[i] = data[p + offset + 2] & 0xff;
                chw[plane + i] = data[p + offset + 1] & 0xff;
                chw[2 * plane + i] = data[p + offset] & 0xff;
            }
        } else if (raster.getNumBands() <= 2 && image.getColorModel().getNumColorComponents() == 1) {
            int[] grey = raster.getSamples(0, 0, width, height, 0, (int[]) null);
            int max = (1 << image.getColorModel().getComponentSize(0)) - 1;
            for (int i = 0; i < plane; i++) {
                float value = max == 255 ? grey[i] : Math.round(grey[i] * 255f / max);
                chw[i] = value;
                chw[plane + i] = value;
                chw[2 * plane + i] = value;
            }
        } else {
            int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
            for (int i = 0; i < plane; i++) {
                chw[i] = (argb[i] >> 16) & 0xff;
                chw[plane + i] = (argb[i] >> 8) & 0xff;
                chw[2 * plane + i] = argb[i] & 0xff;
            }
        }
        return new Pixels(width, height, chw);
    }
}
