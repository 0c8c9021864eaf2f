package org.ariadne.hashing.metadata;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads EXIF, XMP and IPTC with metadata-extractor. Never fails: a damaged or hostile header yields
 * whatever could be read before the damage, or nothing.
 *
 * <p>EXIF is preferred; XMP fills what EXIF lacks (editors often move tags there), then IPTC. A body
 * serial number missing from EXIF's standard tag is looked for in the maker notes, where most camera
 * makers keep it.
 */
public final class MetadataReader {

    private static final Pattern EXIF_DATE = Pattern.compile("(\\d{4}):(\\d{2}):(\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2}).*");
    private static final Pattern OFFSET = Pattern.compile("[+-]\\d{2}:\\d{2}|Z");
    private static final Pattern SERIAL_TAG = Pattern.compile("(?i).*serial number.*");
    private static final Pattern NOT_BODY_SERIAL = Pattern.compile("(?i).*(lens|internal|battery|flash|format).*");

    /** Reads the metadata of a file held in memory. */
    public MediaMetadata read(byte[] data, int length) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(data, 0, length), length);
        } catch (Exception | StackOverflowError e) {
            return MediaMetadata.NONE; // unrecognised or damaged: no metadata, and no failure
        }
        try {
            return extract(metadata);
        } catch (RuntimeException e) {
            return MediaMetadata.NONE;
        }
    }

    private static MediaMetadata extract(Metadata metadata) {
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        IptcDirectory iptc = metadata.getFirstDirectoryOfType(IptcDirectory.class);
        XmpDirectory xmpDirectory = metadata.getFirstDirectoryOfType(XmpDirectory.class);
        Map<String, String> xmp = new HashMap<>();
        if (xmpDirectory != null) {
            xmpDirectory.getXmpProperties().forEach((key, value) -> {
                String v = clean(value);
                if (v != null) {
                    xmp.put(key, v);
                }
            });
        }

        String make = first(text(ifd0, ExifDirectoryBase.TAG_MAKE), xmp.get("tiff:Make"));
        String model = first(text(ifd0, ExifDirectoryBase.TAG_MODEL), xmp.get("tiff:Model"));
        String bodySerial = first(text(exif, ExifDirectoryBase.TAG_BODY_SERIAL_NUMBER),
                xmp.get("exifEX:BodySerialNumber"), xmp.get("aux:SerialNumber"), makerNoteSerial(metadata));
        String lensSerial = first(text(exif, ExifDirectoryBase.TAG_LENS_SERIAL_NUMBER),
                xmp.get("exifEX:LensSerialNumber"), xmp.get("aux:LensSerialNumber"));
        String taken = first(exifDateTime(text(exif, ExifDirectoryBase.TAG_DATETIME_ORIGINAL),
                        text(exif, ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL)),
                xmpDateTime(xmp.get("exif:DateTimeOriginal")), xmpDateTime(xmp.get("photoshop:DateCreated")),
                iptcDateTime(text(iptc, IptcDirectory.TAG_DATE_CREATED), text(iptc, IptcDirectory.TAG_TIME_CREATED)));
        String software = first(text(ifd0, ExifDirectoryBase.TAG_SOFTWARE), xmp.get("xmp:CreatorTool"),
                text(iptc, IptcDirectory.TAG_ORIGINATING_PROGRAM));
        String uniqueId = first(text(exif, ExifDirectoryBase.TAG_IMAGE_UNIQUE_ID));
        Integer orientation = integer(ifd0, ExifDirectoryBase.TAG_ORIENTATION);
        if (orientation != null && (orientation < 1 || orientation > 8)) {
            orientation = null; // out of range (0 is common): treated as absent
        }

        Double latitude = null;
        Double longitude = null;
        Double altitude = null;
        if (gps != null) {
            GeoLocation location = gps.getGeoLocation();
            if (location != null && !location.isZero()
                    && Math.abs(location.getLatitude()) <= 90 && Math.abs(location.getLongitude()) <= 180) {
                latitude = location.getLatitude();
                longitude = location.getLongitude();
            }
            Rational height = gps.getRational(GpsDirectory.TAG_ALTITUDE);
            if (height != null && height.getDenominator() != 0) {
                Integer ref = gps.getInteger(GpsDirectory.TAG_ALTITUDE_REF);
                altitude = (ref != null && ref == 1 ? -1 : 1) * height.doubleValue();
            }
        }
        return new MediaMetadata(make, model, bodySerial, lensSerial, taken, latitude, longitude, altitude,
                software, uniqueId, orientation, null, null);
    }

    private static String makerNoteSerial(Metadata metadata) {
        for (Directory directory : metadata.getDirectories()) {
            if (!directory.getClass().getSimpleName().contains("Makernote")) {
                continue;
            }
            for (Tag tag : directory.getTags()) {
                String name = tag.getTagName();
                if (SERIAL_TAG.matcher(name).matches() && !NOT_BODY_SERIAL.matcher(name).matches()) {
                    String value = clean(directory.getString(tag.getTagType()));
                    if (value != null) {
                        return value;
                    }
                }
            }
        }
        return null;
    }

    /** EXIF writes {@code 2019:07:14 16:02:11}, and since 2.31 the offset in a separate tag. */
    private static String exifDateTime(String dateTime, String offset) {
        if (dateTime == null) {
            return null;
        }
        var m = EXIF_DATE.matcher(dateTime);
        if (!m.matches() || m.group(1).equals("0000")) {
            return null;
        }
        String local = m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "T" + m.group(4) + ":" + m.group(5) + ":" + m.group(6);
        return offset != null && OFFSET.matcher(offset.strip()).matches() ? local + offset.strip() : local;
    }

    /** XMP writes ISO-8601 already, possibly without seconds or with fractions. */
    private static String xmpDateTime(String value) {
        String v = clean(value);
        if (v == null || !v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*")) {
            return null;
        }
        return v.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2})(?=[+\\-Z]|$)", "$1:00")
                .replaceFirst("(T\\d{2}:\\d{2}:\\d{2})\\.\\d+", "$1");
    }

    /** IPTC writes {@code 20190714} and {@code 160211+0200}. */
    private static String iptcDateTime(String date, String time) {
        if (date == null || !date.matches("\\d{8}")) {
            return null;
        }
        String day = date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6, 8);
        if (time == null || !time.matches("\\d{6}([+-]\\d{4})?")) {
            return day + "T00:00:00";
        }
        String clock = "T" + time.substring(0, 2) + ":" + time.substring(2, 4) + ":" + time.substring(4, 6);
        String offset = time.length() > 6 ? time.substring(6, 9) + ":" + time.substring(9, 11) : "";
        return day + clock + offset;
    }

    private static String text(Directory directory, int tag) {
        return directory == null ? null : clean(directory.getString(tag));
    }

    private static Integer integer(Directory directory, int tag) {
        return directory == null ? null : directory.getInteger(tag);
    }

    /** Trims, drops NULs and placeholder values cameras write for 'unknown'. */
    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String v = value.replace("\0", "").strip();
        String lower = v.toLowerCase(Locale.ROOT);
        if (v.isEmpty() || lower.equals("unknown") || v.chars().allMatch(c -> c == '0' || c == ' ' || c == ':')) {
            return null;
        }
        return v;
    }

    @SafeVarargs
    private static <T> T first(T... candidates) {
        for (T c : candidates) {
            if (c != null) {
                return c;
            }
        }
        return null;
    }
}
