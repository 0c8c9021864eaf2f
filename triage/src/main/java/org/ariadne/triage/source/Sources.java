package org.ariadne.triage.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The sources given to {@code ariadne triage} (folders, archives, single files) as the ordered items to
 * hash, archives expanded, nested ones too. See the package documentation for the names, the order and
 * the safety rules.
 */
public final class Sources {

    private final SourceLimits limits;
    private final Path temporaryFolder;

    /**
     * {@code temporaryFolder} (an existing folder) receives the members too large to hold in memory, under
     * names chosen here; nothing is ever written anywhere else.
     */
    public Sources(SourceLimits limits, Path temporaryFolder) {
        this.limits = Objects.requireNonNull(limits, "limits");
        if (!Files.isDirectory(temporaryFolder)) {
            throw new IllegalArgumentException("the temporary folder is no folder: " + temporaryFolder);
        }
        this.temporaryFolder = temporaryFolder;
    }

    /**
     * Walks the roots in order and hands every item to {@code sink}, on the calling thread ({@code sink} may
     * block: that is the back-pressure). What {@code sink} throws ends the walk and is thrown here.
     */
    public void walk(List<Path> roots, Consumer<SourceItem> sink) {
        Sink items = new Sink(sink);
        try {
            for (Path root : roots) {
                root(root, items);
            }
        } catch (Sink.Failure e) {
            throw e.consumerFailure();
        }
    }

    /** Roots that do not exist, a message for each: the command refuses to start when there is any. */
    public static List<String> missing(List<Path> roots) {
        return roots.stream().filter(Files::notExists).map(root -> root + ": no such file or folder").toList();
    }

    private void root(Path root, Sink sink) {
        BasicFileAttributes attributes;
        try {
            // A root is followed if it is a link: the examiner named it.
            attributes = Files.readAttributes(root, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            sink.accept(new SourceItem.Refused(root.toString(), -1, "no such file or folder"));
            return;
        } catch (IOException e) {
            sink.accept(new SourceItem.Refused(root.toString(), -1, "unreadable: " + Reasons.of(e)));
            return;
        }
        if (attributes.isDirectory()) {
            new FolderWalk(root, sink, (file, size) -> file(file, size, sink)).walk();
        } else if (attributes.isRegularFile()) {
            file(root, attributes.size(), sink);
        } else {
            sink.accept(new SourceItem.Refused(root.toString(), -1, FolderWalk.NOT_REGULAR));
        }
    }

    /** A regular file: an archive is expanded, anything else is an item as it is. */
    private void file(Path file, long size, Sink sink) {
        String name = file.toString();
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(ArchiveFormats.HEAD_BYTES);
        } catch (IOException e) {
            sink.accept(new SourceItem.Refused(name, size, "unreadable file: " + Reasons.of(e)));
            return;
        }
        SourceItem.OnDisk item = new SourceItem.OnDisk(name, file, false);
        ArchiveFormat format = ArchiveFormats.recognise(head);
        if (format == null) {
            sink.accept(item);
        } else {
            Expansion.expand(limits, temporaryFolder, sink, format, new Archive(item, size, 1));
        }
    }
}
