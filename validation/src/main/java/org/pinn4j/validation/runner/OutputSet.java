package org.pinn4j.validation.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.pinn4j.core.io.AtomicFiles;

/**
 * The outputs of one run, replaced as a set: every file is first written (and forced to disk) into a staging
 * directory inside the run directory; only when all are there does {@link #commit} rename them into place, one
 * after the other, and remove the charts and page of the previous set that this one does not have. A failure
 * before the commit (a full disk, a crash) leaves the previous set as it was; the rename sequence is the only
 * window in which a crash can leave a mix. The staging directory of a killed run is removed by the next run
 * into the directory ({@link OutputDirs#prepare}).
 */
final class OutputSet implements AutoCloseable {
    /** Names of staging directories: this prefix, then the process id. */
    static final String STAGING_PREFIX = ".pinn-staging-";
    /** Renamed last, so that a report never describes outputs that are not in place yet. */
    private static final List<String> LAST = List.of("model.json", "index.html", "report.md");

    private final Path dir;
    private final Path staging;
    private boolean committed;

    /** A new, empty staging directory in {@code dir} (the run directory, which the caller holds). */
    OutputSet(Path dir) {
        this.dir = dir;
        this.staging = dir.resolve(STAGING_PREFIX + ProcessHandle.current().pid());
        try {
            deleteTree(staging);
            Files.createDirectory(staging);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create " + staging + ": " + OutputDirs.describe(e, staging)
                            + "; expected a writable directory",
                    e);
        }
    }

    /** Where the outputs are written before the commit. */
    Path staging() {
        return staging;
    }

    /**
     * {@code e} (a write into the staging directory that failed) as its message should read: naming the file in
     * the run directory that the write was for.
     */
    AtomicFiles.WriteFailedException forTarget(AtomicFiles.WriteFailedException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        String separator = staging.getFileSystem().getSeparator();
        String named = m.replace(staging + separator, dir + separator);
        return named.equals(m) ? e : new AtomicFiles.WriteFailedException(named, e.getCause());
    }

    /**
     * Renames every staged file into the run directory (the charts and data first, then model.json, index.html
     * and report.md), removes the previous set's charts and page that were not staged again, and forces the
     * directory to disk.
     */
    void commit() {
        List<Path> files = new ArrayList<>(list(staging));
        files.sort(Comparator.comparing((Path f) -> LAST.indexOf(f.getFileName().toString()))
                .thenComparing(f -> f.getFileName().toString()));
        Set<String> names =
                Set.copyOf(files.stream().map(f -> f.getFileName().toString()).toList());
        for (Path f : files) {
            Path target = dir.resolve(f.getFileName());
            if (Files.isDirectory(target)) {
                // found before the first rename, so the previous set stays whole
                throw new AtomicFiles.WriteFailedException(
                        "cannot write " + target + ": a directory stands there", new IOException("is a directory"));
            }
        }
        for (Path f : files) {
            Path target = dir.resolve(f.getFileName());
            try {
                try {
                    Files.move(f, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new AtomicFiles.WriteFailedException(
                        "cannot write " + target + ": " + OutputDirs.describe(e, target), e);
            }
        }
        for (Path old : list(dir)) {
            String n = old.getFileName().toString();
            boolean output = n.endsWith(".png") || n.endsWith(".svg") || n.equals("index.html");
            if (output && !names.contains(n)) {
                try {
                    Files.deleteIfExists(old);
                } catch (IOException e) {
                    // a stale chart that cannot be removed is not worth failing a finished run for
                }
            }
        }
        committed = true;
        close();
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every file system can force a directory; the renames are done either way
        }
    }

    /** Removes the staging directory (with whatever a failed run left in it). */
    @Override
    public void close() {
        try {
            deleteTree(staging);
        } catch (IOException e) {
            // the next run into the directory removes it
        }
    }

    private static List<Path> list(Path d) {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + d + ": " + OutputDirs.describe(e, d), e);
        }
    }

    /** Deletes {@code root} and everything under it, if it exists. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
