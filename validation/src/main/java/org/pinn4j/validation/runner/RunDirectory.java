package org.pinn4j.validation.runner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An output directory held by one run: an operating-system lock on {@value #LOCK_FILE} in it keeps every other
 * run (another process, or another run of this one) out until {@link #close}. The lock file holds the owner's
 * process id, only so that a refused run can name it; the operating system drops the lock when its process
 * dies, so a killed run never leaves a stale lock. A refused run changes nothing in the directory.
 */
public final class RunDirectory implements AutoCloseable {
    /** The lock file in an output directory. */
    public static final String LOCK_FILE = ".pinn.lock";

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean created;

    private RunDirectory(Path dir, FileChannel channel, FileLock lock, boolean created) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
        this.created = created;
    }

    /**
     * Creates {@code dir} if needed and takes it for this run; then, holding it, checks that it is writable and
     * removes the temporary files a killed run left there ({@link OutputDirs#prepare}).
     *
     * @throws IllegalArgumentException naming the directory if it cannot be used or another run holds it (with
     *     that run's process id)
     */
    public static RunDirectory open(Path dir) {
        boolean existed = java.nio.file.Files.isDirectory(dir);
        OutputDirs.create(dir);
        Path file = dir.resolve(LOCK_FILE);
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IllegalArgumentException("output directory " + dir + " is not writable: "
                    + OutputDirs.describe(e, dir) + "; expected a writable directory");
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this process already runs into the directory
        } catch (IOException e) {
            close(ch);
            throw new IllegalArgumentException("output directory " + dir + " cannot be locked: "
                    + OutputDirs.describe(e, file) + "; expected a directory on a file system with locks");
        }
        if (lock == null) {
            String owner = owner(ch);
            close(ch);
            throw new IllegalArgumentException("output directory " + dir + " is in use by another pinn run"
                    + (owner.isEmpty() ? "" : " (pid " + owner + ")")
                    + "; wait for it to finish or give another --out");
        }
        RunDirectory d = new RunDirectory(dir, ch, lock, !existed);
        try {
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(pid), 0);
            OutputDirs.prepare(dir);
        } catch (IOException | RuntimeException e) {
            d.close();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalArgumentException("output directory " + dir + " cannot be locked: "
                    + OutputDirs.describe((IOException) e, file) + "; expected a writable directory");
        }
        return d;
    }

    /** The process id written in the lock file, or empty. */
    private static String owner(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            ch.read(b, 0);
            return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing held yet
        }
    }

    /** The directory. */
    public Path path() {
        return dir;
    }

    /**
     * Releases the directory and removes it again if this run created it and left nothing in it but the lock: a
     * refused run (a damaged or mismatched checkpoint found only once the directory was taken) leaves nothing behind.
     */
    public void closeAndRemoveIfUnused() {
        close();
        if (!created) {
            return;
        }
        try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(dir)) {
            if (entries.anyMatch(e -> !e.getFileName().toString().equals(LOCK_FILE))) {
                return;
            }
            java.nio.file.Files.deleteIfExists(dir.resolve(LOCK_FILE));
            java.nio.file.Files.deleteIfExists(dir);
        } catch (IOException e) {
            // left as it is: an empty directory is harmless
        }
    }

    /** Releases the directory (the lock file stays, unlocked). */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel, and the channel with the process
        }
    }
}
