package org.ariadne.media;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_GRAYSCALE_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_GRAYSCALE_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_GRAYSCALE_8;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * JPEG decoding through OpenCV's libjpeg-turbo, in greyscale and at a reduced DCT scale.
 *
 * <p>Orientation is ignored here (Ariadne applies it itself, after reading it once from the metadata).
 */
final class NativeJpeg {

    private NativeJpeg() {
    }

    /** The greyscale picture, or null if libjpeg-turbo cannot decode this JPEG. */
    static LumaImage decodeGrey(byte[] data, int length, int reduction) {
        int flags = IMREAD_IGNORE_ORIENTATION | switch (reduction) {
            case 1 -> IMREAD_GRAYSCALE;
            case 2 -> IMREAD_REDUCED_GRAYSCALE_2;
            case 4 -> IMREAD_REDUCED_GRAYSCALE_4;
            case 8 -> IMREAD_REDUCED_GRAYSCALE_8;
            default -> throw new IllegalArgumentException("DCT scaling is 1, 2, 4 or 8, not " + reduction);
        };
        try (BytePointer bytes = new BytePointer(length);
             Mat encoded = new Mat(1, length, CV_8UC1, bytes)) {
            bytes.put(data, 0, length);
            try (Mat grey = imdecode(encoded, flags)) {
                if (grey.empty() || grey.channels() != 1 || grey.elemSize() != 1) {
                    return null;
                }
                int width = grey.cols();
                int height = grey.rows();
                int stride = (int) grey.step();
                byte[] pixels = new byte[stride * height];
                grey.data().get(pixels);
                return LumaImage.fromGrey(width, height, pixels, stride);
            }
        }
    }
}
