package org.ariadne.hashing.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.ariadne.media.LumaImage;

/**
 * Decodes with the JDK's own javax.imageio readers, as the PDQ reference implementation does, even
 * when plug-ins such as TwelveMonkeys are on the class path (they register ahead of the JDK's and
 * would give other pixels).
 */
public final class JdkImageIo {

    private JdkImageIo() {
    }

    public static LumaImage luma(Path file) throws IOException {
        BufferedImage image = read(file);
        int w = image.getWidth();
        int h = image.getHeight();
        return LumaImage.fromArgb(w, h, image.getRGB(0, 0, w, h, null, 0, w));
    }

    public static BufferedImage read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                if (reader.getOriginatingProvider().getClass().getName().startsWith("com.sun.imageio.")) {
                    try {
                        reader.setInput(in, true, true);
                        return reader.read(0);
                    } finally {
                        reader.dispose();
                    }
                }
            }
        }
        throw new IOException("no JDK image reader for " + file);
    }
}
