package org.ariadne.hashing.metadata;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a minimal EXIF APP1 segment (little-endian TIFF: IFD0, the Exif IFD and the GPS IFD) so that
 * tests can give a JPEG exactly the tags they mean to read back. Test values are synthetic.
 */
public final class ExifSegment {

    private static final short ASCII = 2;
    private static final short SHORT = 3;
    private static final short LONG = 4;
    private static final short RATIONAL = 5;
    private static final short BYTE = 1;

    private record Entry(int tag, short type, int count, byte[] value) {
    }

    public static final class Ifd {
        private final List<Entry> entries = new ArrayList<>();

        public Ifd ascii(int tag, String text) {
            byte[] bytes = (text + "\0").getBytes(StandardCharsets.US_ASCII);
            entries.add(new Entry(tag, ASCII, bytes.length, bytes));
            return this;
        }

        public Ifd shortValue(int tag, int value) {
            entries.add(new Entry(tag, SHORT, 1, le(2).putShort((short) value).array()));
            return this;
        }

        public Ifd byteValue(int tag, int value) {
            entries.add(new Entry(tag, BYTE, 1, new byte[] {(byte) value}));
            return this;
        }

        public Ifd rationals(int tag, long... numeratorsAndDenominators) {
            ByteBuffer b = le(4 * numeratorsAndDenominators.length);
            for (long v : numeratorsAndDenominators) {
                b.putInt((int) v);
            }
            entries.add(new Entry(tag, RATIONAL, numeratorsAndDenominators.length / 2, b.array()));
            return this;
        }

        private int size() {
            int size = 2 + 12 * entries.size() + 4;
            for (Entry e : entries) {
                size += e.value.length > 4 ? e.value.length + (e.value.length & 1) : 0;
            }
            return size;
        }

        /** The IFD at {@code offset} (from the TIFF header), with sub-IFD pointers already added as LONGs. */
        private byte[] write(int offset) {
            entries.sort((a, b) -> Integer.compare(a.tag, b.tag));
            ByteBuffer out = le(size());
            int data = offset + 2 + 12 * entries.size() + 4;
            ByteArrayOutputStream extra = new ByteArrayOutputStream();
            out.putShort((short) entries.size());
            for (Entry e : entries) {
                out.putShort((short) e.tag).putShort(e.type).putInt(e.count);
                if (e.value.length <= 4) {
                    byte[] inline = new byte[4];
                    System.arraycopy(e.value, 0, inline, 0, e.value.length);
                    out.put(inline);
                } else {
                    out.putInt(data + extra.size());
                    extra.writeBytes(e.value);
                    if ((e.value.length & 1) == 1) {
                        extra.write(0);
                    }
                }
            }
            out.putInt(0); // no next IFD
            out.put(extra.toByteArray());
            return out.array();
        }
    }

    /** The APP1 segment, marker included, for IFD0 with the Exif and GPS IFDs hanging from it. */
    public static byte[] app1(Ifd ifd0, Ifd exif, Ifd gps) {
        // Layout: header (8), IFD0, Exif IFD, GPS IFD. IFD0's size depends only on its entry count.
        ifd0.entries.add(new Entry(0x8769, LONG, 1, new byte[4]));
        ifd0.entries.add(new Entry(0x8825, LONG, 1, new byte[4]));
        int exifOffset = 8 + ifd0.size();
        int gpsOffset = exifOffset + exif.size();
        ifd0.entries.removeIf(e -> e.tag == 0x8769 || e.tag == 0x8825);
        ifd0.entries.add(new Entry(0x8769, LONG, 1, le(4).putInt(exifOffset).array()));
        ifd0.entries.add(new Entry(0x8825, LONG, 1, le(4).putInt(gpsOffset).array()));

        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0});
        tiff.writeBytes(ifd0.write(8));
        tiff.writeBytes(exif.write(exifOffset));
        tiff.writeBytes(gps.write(gpsOffset));

        byte[] body = tiff.toByteArray();
        ByteBuffer segment = ByteBuffer.allocate(4 + 6 + body.length).order(ByteOrder.BIG_ENDIAN);
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + body.length));
        segment.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(body);
        return segment.array();
    }

    /** The JPEG with the segment inserted right after its start-of-image marker. */
    public static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
