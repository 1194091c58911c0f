package org.pinn4j.core.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Writes files so that a crash never leaves a broken file in place of a good one: the bytes go to a
 * temporary file in the same directory, are forced to disk, and the temporary file is renamed over
 * the target atomically. Only regular files are replaced: a target that is a symbolic link, a device, a
 * FIFO or another special file (such as {@code /dev/null}, or {@code /dev/stdout}, a link) is written
 * through in place, so the link or node stays what it was.
 *
 * <p>Test seam: with {@code -Dpinn4j.test.diskBytes=N} every write of this JVM fails, as on a full disk,
 * once N bytes in all have been written through this class (used by the full-disk tests of the command line).
 */
public final class AtomicFiles {
    /** Names of this class's temporary files: "." + target name + "." + digits + ".tmp". */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.[0-9]+\\.tmp");
    /** Bytes the simulated disk still takes (test seam), or negative when no disk is simulated. */
    private static final AtomicLong SIMULATED_DISK_LEFT = new AtomicLong(Long.getLong("pinn4j.test.diskBytes", -1L));

    private AtomicFiles() {}

    /**
     * Deletes the temporary files that writes into {@code dir} left behind when their process was killed
     * mid-write (a normal write, failed or not, removes its own). Call it only while no other process writes
     * into {@code dir}. Other files are not touched.
     *
     * @return how many files were removed
     * @throws UncheckedIOException with a message naming the directory if it cannot be listed
     */
    public static int removeLeftovers(Path dir) {
        int removed = 0;
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (TEMPORARY.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f)) {
                    Files.deleteIfExists(f);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up temporary files in " + dir + ": " + e.getMessage(), e);
        }
        return removed;
    }

    /** A file's content, written to a stream (which the caller of {@link #write(Path, Content)} closes). */
    @FunctionalInterface
    public interface Content {
        /** Writes the content to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically. */
    public static void writeString(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code bytes} to {@code target} atomically, creating parent directories.
     *
     * @throws UncheckedIOException with a message naming the file if it cannot be written
     */
    public static void write(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes what {@code content} produces to {@code target} atomically, as a stream (for content too large to
     * hold in memory), creating parent directories. An unchecked exception from {@code content} leaves the
     * target untouched and is rethrown as it is.
     *
     * @throws UncheckedIOException with a message naming the file if it cannot be written ({@link
     *     WriteFailedException} when the disk fails or fills up during the write)
     */
    public static void write(Path target, Content content) {
        Path abs = target.toAbsolutePath();
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(abs)) {
            writeInPlace(abs, content);
            return;
        }
        Path dir = abs.getParent();
        Path tmp = null;
        boolean writing = false;
        DiskStream disk = null;
        try {
            if (Files.isDirectory(abs)) {
                throw new IOException(abs + " is a directory");
            }
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
            writing = true;
            readableByAll(tmp);
            try (FileChannel ch =
                    FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                disk = new DiskStream(ch);
                OutputStream out = new BufferedOutputStream(disk, 1 << 16);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            forceDirectory(dir);
        } catch (IOException e) {
            // the disk's own error, even when an encoder wrapped it into a message of its own
            IOException reason = disk != null && disk.failure != null ? disk.failure : e;
            String message = "cannot write " + abs + ": " + describe(reason);
            throw writing ? new WriteFailedException(message, e) : new UncheckedIOException(message, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is harmless; the target was not touched
                }
            }
        }
    }

    /**
     * A symbolic link or a special file (device, FIFO) is written through, in place: replacing it would turn
     * it into a regular file (as root, replacing /dev/null would break the system).
     */
    private static void writeInPlace(Path target, Content content) {
        FileChannel ch;
        try {
            ch = FileChannel.open(
                    target, StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + describe(e), e);
        }
        DiskStream disk = new DiskStream(ch);
        try (ch) {
            OutputStream out = new BufferedOutputStream(disk, 1 << 16);
            content.writeTo(out);
            out.flush();
        } catch (IOException e) {
            IOException reason = disk.failure != null ? disk.failure : e;
            throw new WriteFailedException("cannot write " + target + ": " + describe(reason), e);
        }
    }

    /**
     * The stream onto the file's channel: remembers the first error of the disk itself (which an encoder may
     * turn into a message of its own) and spends the simulated disk of the test seam.
     */
    private static final class DiskStream extends FilterOutputStream {
        IOException failure;

        DiskStream(FileChannel ch) {
            super(Channels.newOutputStream(ch));
        }

        @Override
        public void write(int b) throws IOException {
            try {
                spend(1);
                out.write(b);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                spend(len);
                out.write(b, off, len);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw remember(e);
            }
        }

        private IOException remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }

    private static void spend(int bytes) throws IOException {
        if (SIMULATED_DISK_LEFT.get() < 0) {
            return;
        }
        if (SIMULATED_DISK_LEFT.addAndGet(-bytes) < 0) {
            SIMULATED_DISK_LEFT.set(0);
            throw new IOException("No space left on device (simulated: -Dpinn4j.test.diskBytes)");
        }
    }

    /** Temporary files are created owner-only; results are ordinary files (rw-r--r--) like any other output. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not all platforms can fsync a directory; the rename itself is still atomic
        }
    }

    /**
     * The reason of a failed write in a few words: the message of the innermost I/O exception, since encoders
     * wrap the disk's own error ("No space left on device") in theirs ("I/O error writing PNG file!").
     */
    private static String describe(IOException e) {
        IOException inner = e;
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IOException io && io.getMessage() != null) {
                inner = io;
            }
        }
        if (inner instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String m = inner.getMessage();
        return m == null ? inner.getClass().getSimpleName() : m;
    }

    /**
     * A write that failed after its target was found usable: the disk is full or failing. Nothing was
     * replaced (a regular target keeps its previous content); a command line reports it as a failure of the
     * work (exit 1), not as bad input.
     */
    public static final class WriteFailedException extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        /** A failed write, {@code message} naming the file and the reason. */
        public WriteFailedException(String message, IOException cause) {
            super(message, cause);
        }
    }
}
