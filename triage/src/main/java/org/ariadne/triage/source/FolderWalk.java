package org.ariadne.triage.source;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Walks a source folder without following symbolic links, in the order of
 * {@code Files.walk(root).sorted()}, handing its regular files on. A link is never followed: one leading
 * outside the folder is refused, one staying inside is skipped (what it leads to is walked where it lies).
 */
final class FolderWalk {

    /**
     * Sorted among its siblings, a folder stands for its files, whose paths go on with a separator: a name
     * resolved under the folder's path sorts like them, so that sorting each folder's entries gives the
     * order of sorting every path of the walk, {@code a-b} before {@code a/x} before {@code a0}.
     */
    private static final String INSIDE = "x";
    /** Why a device, a pipe or a socket gives no item to hash (a pipe would block the walk for ever). */
    static final String NOT_REGULAR = "not a regular file (a device, pipe or socket), not read";

    private static final Comparator<Entry> ORDER = Comparator.comparing(
            entry -> entry.isFolder() ? entry.path().resolve(INSIDE) : entry.path());

    /** Receives the walk's regular files, in order. */
    @FunctionalInterface
    interface RegularFiles {
        void file(Path file, long size);
    }

    /** A folder's entry and what is known of it (null when its attributes could not be read). */
    private record Entry(Path path, BasicFileAttributes attributes, IOException failure) {

        boolean isFolder() {
            return attributes != null && attributes.isDirectory();
        }
    }

    private final Path root;
    private final Sink sink;
    private final RegularFiles files;

    FolderWalk(Path root, Sink sink, RegularFiles files) {
        this.root = root;
        this.sink = sink;
        this.files = files;
    }

    void walk() {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            refuse(root, "unreadable folder: " + Reasons.of(e));
            return;
        }
        walk(root, realRoot);
    }

    private void walk(Path folder, Path realRoot) {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder)) {
            for (Path path : listing) {
                entries.add(entry(path));
            }
        } catch (IOException e) {
            refuse(folder, "unreadable folder: " + Reasons.of(e));
            return;
        } catch (DirectoryIteratorException e) {
            refuse(folder, "unreadable folder: " + Reasons.of(e.getCause()));
            return;
        }
        entries.sort(ORDER);
        for (Entry entry : entries) {
            BasicFileAttributes attributes = entry.attributes();
            if (attributes == null) {
                refuse(entry.path(), "unreadable: " + Reasons.of(entry.failure()));
            } else if (attributes.isDirectory()) {
                walk(entry.path(), realRoot);
            } else if (attributes.isSymbolicLink()) {
                link(entry.path(), realRoot);
            } else if (attributes.isRegularFile()) {
                files.file(entry.path(), attributes.size());
            } else {
                refuse(entry.path(), NOT_REGULAR);
            }
        }
    }

    private static Entry entry(Path path) {
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new Entry(path, attributes, null);
        } catch (IOException e) {
            return new Entry(path, null, e);
        }
    }

    private void link(Path link, Path realRoot) {
        Path target;
        try {
            target = target(link);
        } catch (IOException e) {
            refuse(link, "unreadable symbolic link: " + Reasons.of(e));
            return;
        }
        if (!target.startsWith(realRoot)) {
            refuse(link, "symbolic link leads outside the source: " + target);
        }
    }

    /** Where a link leads, every link on the way resolved; for a broken one, where its own target would be. */
    private static Path target(Path link) throws IOException {
        try {
            return link.toRealPath();
        } catch (IOException broken) {
            return link.getParent().toRealPath().resolve(Files.readSymbolicLink(link)).normalize();
        }
    }

    private void refuse(Path path, String reason) {
        sink.accept(new SourceItem.Refused(path.toString(), -1, reason));
    }
}
