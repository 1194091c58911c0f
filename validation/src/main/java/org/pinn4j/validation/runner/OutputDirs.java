package org.pinn4j.validation.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.pinn4j.core.io.AtomicFiles;

/** Creates an output directory and proves it writable before any long work starts. */
public final class OutputDirs {
    private OutputDirs() {}

    /**
     * Creates {@code dir} (with parents) if needed, checks that a file can be written in it and removes the
     * temporary files and output staging directories an earlier run killed mid-write left there ({@link
     * AtomicFiles#removeLeftovers}, {@link OutputSet}): call it
     * only while no other run writes into {@code dir} (a run holds its {@link RunDirectory}).
     *
     * @throws IllegalArgumentException naming the directory and the reason if it cannot be used
     */
    static Path prepare(Path dir) {
        create(dir);
        try {
            Path probe = Files.createTempFile(dir, ".pinn-write-test", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new IllegalArgumentException("output directory " + dir + " is not writable: " + describe(e, dir)
                    + "; expected a writable directory");
        }
        try {
            AtomicFiles.removeLeftovers(dir);
            removeStaging(dir);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("output directory " + dir + " cannot be listed: "
                    + describe(e.getCause(), dir) + "; expected a readable directory");
        }
        return dir;
    }

    /** Removes the staging directories of {@link OutputSet}s whose run was killed before its commit. */
    private static void removeStaging(Path dir) {
        try (var entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                if (p.getFileName().toString().startsWith(OutputSet.STAGING_PREFIX)
                        && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    OutputSet.deleteTree(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates {@code dir} (with parents) if needed, and nothing else.
     *
     * @throws IllegalArgumentException naming the directory and the reason if it is a file or cannot be created
     */
    static void create(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(
                    "output directory " + dir + " is a file; expected a directory or a path where one can be created");
        }
        Path blocker = fileInTheWay(dir);
        if (blocker != null) {
            throw new IllegalArgumentException("cannot create output directory " + dir + ": " + blocker
                    + " is a file; expected a writable directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create output directory " + dir + ": " + describe(e, dir)
                    + "; expected a writable directory");
        }
    }

    /**
     * Checks that a file can be created at {@code file}: it is not a directory and no file stands where one
     * of its parent directories should be.
     *
     * @param label how the message names the file, e.g. "--output"
     * @throws IllegalArgumentException naming the file and the obstacle
     */
    public static void checkFileTarget(Path file, String label) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(label + " " + file + " is a directory; expected a file path");
        }
        Path parent = file.toAbsolutePath().getParent();
        Path blocker = parent == null ? null : fileInTheWay(parent);
        if (blocker != null) {
            throw new IllegalArgumentException(
                    label + " " + file + " cannot be written: " + blocker + " is a file, not a directory");
        }
    }

    /** The nearest existing ancestor of {@code dir} (or dir itself) if it is not a directory, else null. */
    private static Path fileInTheWay(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p != null && !Files.isDirectory(p) ? p : null;
    }

    /** A one-line reason for a file-system failure, without exception class names. */
    static String describe(IOException e, Path about) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return ((FileSystemException) e).getFile() + " exists and is not a directory";
        }
        if (e instanceof FileSystemException) {
            FileSystemException f = (FileSystemException) e;
            boolean sameFile = f.getFile() == null
                    || f.getFile().equals(about.toString())
                    || f.getFile().equals(about.toAbsolutePath().toString());
            return (sameFile ? "" : f.getFile() + ": ")
                    + (f.getReason() == null
                            ? "file-system error"
                            : f.getReason().toLowerCase(java.util.Locale.ROOT));
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }
}
