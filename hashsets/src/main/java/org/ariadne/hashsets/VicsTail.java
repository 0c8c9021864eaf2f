package org.ariadne.hashsets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The second half of a large VICS file, read by a second thread while the first reads the first half:
 * loading ten million entries takes half the time on two cores.
 *
 * <p>Where an item of {@code value} starts cannot be told from the middle of a file without reading
 * all before it; so this thread guesses. It takes the first {@code ,{} after the middle (an item of
 * some list starts there) and reads from it as if it were an item of {@code value}: if it was not (an
 * item of a case's {@code Media}, say), the lists close where this reader does not expect it, and it
 * guesses again after that place, which is usually the next case. A guess holds if the reading ends
 * exactly at the end of the file. The first thread has the last word: it uses this half only if an item
 * of {@code value} starts exactly at the guess, and otherwise reads on by itself; what this thread read
 * is then thrown away. So the entries and problems are those one thread would find, only found sooner.
 */
final class VicsTail implements AutoCloseable {

    /** Guesses tried before this thread gives up (the first reads on alone). */
    private static final int MAX_GUESSES = 32;
    /**
     * A guess this close to where the first thread already is would be reached before it is checked:
     * guesses are made at least this far ahead of it.
     */
    private static final long AHEAD = 16L << 20;
    /** Bytes read at a time while looking for a place to guess. */
    private static final int LOOK_BYTES = 1 << 16;

    private enum Outcome { PENDING, HELD, FAILED }

    private final Path file;
    private final long size;
    private final RecordSink.Later sink;
    private final Thread thread;

    // between the two threads, under this object's lock
    private long guess = -1;
    private Outcome outcome = Outcome.FAILED;
    /** The guess the first thread went past (no item of {@code value} starts there). */
    private long passed = -1;
    private boolean closing;
    private HashSetFormat format;
    private RuntimeException bug;
    /** The first thread's latest item offset, and the latest guess, read without the lock. */
    private volatile long firstAt;
    private volatile long latestGuess = -1;

    private VicsTail(Path file, long size, RecordSink.Later sink) {
        this.file = file;
        this.size = size;
        this.sink = sink;
        this.thread = Thread.ofPlatform().name("vics-tail").daemon().unstarted(this::run);
    }

    /** Starts reading the second half of {@code file} into {@code sink}. */
    static VicsTail start(Path file, long size, RecordSink.Later sink) {
        VicsTail tail = new VicsTail(file, size, sink);
        tail.thread.start();
        return tail;
    }

    /**
     * Called by the first thread at the start of each item of {@code value}: its file offset and index.
     * True if this thread has read everything from there on, which the sink has now taken on: the first
     * thread then stops. Otherwise it reads on.
     */
    boolean reached(long offset, int item) throws IOException {
        firstAt = offset;
        long latest = latestGuess;
        if (latest < 0 || offset < latest) {
            return false;
        }
        synchronized (this) {
            if (offset > guess) { // gone past it, and no item started there: a wrong guess
                passed = guess;
                return false;
            }
            while (guess == offset && outcome == Outcome.PENDING) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the second half of " + file, e);
                }
            }
            if (bug != null) {
                throw bug;
            }
            if (guess != offset || outcome != Outcome.HELD) {
                return false;
            }
        }
        sink.join(item, 0);
        return true;
    }

    /** A format named after the {@code value} list, which only this thread saw (null if none). */
    synchronized HashSetFormat format() {
        return format;
    }

    /** Whether the reading of the current guess may stop: the first thread went past it, or is done. */
    synchronized boolean abandoned() {
        return closing || passed == guess;
    }

    /** Stops this thread, if it is still reading, and waits for it. Unless joined, what it read is discarded. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            closing = true;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the second half of " + file, e);
        }
        sink.discard();
        synchronized (this) {
            if (bug != null) {
                throw bug;
            }
        }
    }

    private void run() {
        try {
            long from = size / 2;
            for (int attempt = 0; attempt < MAX_GUESSES; attempt++) {
                long at = nextItem(Math.max(from, firstAt + Math.min(AHEAD, size / 8)));
                synchronized (this) {
                    if (at < 0 || closing) {
                        return;
                    }
                    guess = at;
                    outcome = Outcome.PENDING;
                }
                latestGuess = at;
                sink.restart();
                long wrongAt = read(at);
                synchronized (this) {
                    outcome = wrongAt < 0 && !abandoned() ? Outcome.HELD : Outcome.FAILED;
                    notifyAll();
                    if (outcome == Outcome.HELD) {
                        return;
                    }
                }
                from = Math.max(wrongAt, at + 1);
            }
        } catch (IOException e) {
            fail(null); // the first thread reads on alone, and meets the error itself if it is in the file
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private synchronized void fail(RuntimeException e) {
        bug = e;
        outcome = Outcome.FAILED;
        notifyAll();
    }

    /** Reads from the guess {@code at}: -1 if the reading ended exactly at the end of the file, else where it went wrong. */
    private long read(long at) throws IOException {
        try (InputStream in = open(at)) {
            JsonScanner json = JsonScanner.insideList(in, at);
            VicsJsonReader reader = VicsJsonReader.tail(json, sink, this);
            try {
                if (!reader.readTail()) {
                    return Math.max(json.offset(), at + 1);
                }
            } catch (JsonScanner.SyntaxException e) {
                return Math.max(e.offset(), at + 1);
            }
            synchronized (this) {
                if (reader.format() != null) {
                    format = reader.format();
                }
            }
            return -1;
        }
    }

    /** The offset of the first {@code {} from {@code from} on that follows a comma (and white space); -1 if none. */
    private long nextItem(long from) throws IOException {
        try (InputStream in = open(from)) {
            byte[] bytes = new byte[LOOK_BYTES];
            boolean comma = false;
            long offset = from;
            for (int n = in.read(bytes); n > 0; n = in.read(bytes)) {
                for (int i = 0; i < n; i++, offset++) {
                    byte b = bytes[i];
                    if (b == '{' && comma) {
                        return offset;
                    }
                    if (b == ',') {
                        comma = true;
                    } else if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                        comma = false;
                    }
                }
            }
            return -1;
        }
    }

    private InputStream open(long offset) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            channel.position(offset);
        } catch (IOException | UncheckedIOException e) {
            channel.close();
            throw e;
        }
        return new BufferedInputStream(Channels.newInputStream(channel), LOOK_BYTES);
    }
}
