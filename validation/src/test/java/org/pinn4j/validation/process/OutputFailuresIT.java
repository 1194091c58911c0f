package org.pinn4j.validation.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output that cannot be written is never lost silently, and output onto a special file never replaces it;
 * with real {@code pinn} processes. Standard output onto {@code /dev/full} (write error ENOSPC): {@code list},
 * {@code run} and {@code predict} exit 1 with one line naming the failure. A full disk under {@code --output}
 * or a run directory is simulated by the seam in {@code AtomicFiles} ({@code -Dpinn4j.test.diskBytes}): exit 1,
 * one line, the previous complete file kept byte for byte, no temporary file left; and for real on a 64 KB
 * tmpfs where the test can mount one (skipped with the reason printed otherwise). {@code --output} onto a
 * FIFO, a symbolic link and a character device writes through them and leaves them as they were.
 */
class OutputFailuresIT {
    private static final File DEV_FULL = new File("/dev/full");

    @TempDir
    static Path d;

    static Path model;
    static Path points;
    static String expectedCsv;

    @BeforeAll
    static void setUp() throws Exception {
        model = PinnProcess.quickModel(d, "poisson-1d", "run");
        points = d.resolve("points.csv");
        Files.writeString(points, "x\n-0.5\n0.25\n0.75\n");
        PinnProcess.Result p = predict();
        assertEquals(0, p.code(), p.toString());
        expectedCsv = p.out();
        assertEquals(4, expectedCsv.lines().count(), expectedCsv);
    }

    private static PinnProcess.Result predict(String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(
                List.of("predict", "--model", model.toString(), "--input", points.toString()));
        args.addAll(List.of(more));
        return PinnProcess.run(d, args.toArray(String[]::new));
    }

    @Test
    void stdoutOntoAFullDeviceExitsOneWithOneLine() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(DEV_FULL.canWrite(), "no writable /dev/full here");
        PinnProcess.Result list = PinnProcess.run(d, DEV_FULL, List.of(), "list");
        assertFullStdout(list, "pinn list");
        PinnProcess.Result predict = PinnProcess.run(
                d, DEV_FULL, List.of(), "predict", "--model", model.toString(), "--input", points.toString());
        assertFullStdout(predict, "pinn predict");
        PinnProcess.Result run =
                PinnProcess.run(d, DEV_FULL, List.of(), "run", "poisson-1d", "--quick", "--out", "run-full");
        assertFullStdout(run, "pinn run");
        // the run's files were written; only its summary lines were lost, and it says so
        assertTrue(Files.isRegularFile(d.resolve("run-full/model.json")));
    }

    private static void assertFullStdout(PinnProcess.Result r, String command) {
        assertEquals(1, r.code(), r.toString());
        List<String> err = r.errLines().stream()
                .filter(l -> !l.startsWith("[")
                        && !l.startsWith("step ")
                        && !l.startsWith("phase ")
                        && !l.startsWith("training "))
                .toList();
        assertEquals(
                List.of(command
                        + ": cannot write to standard output (No space left on device); the output is incomplete"),
                err,
                r.toString());
    }

    @Test
    void fullDiskUnderOutputKeepsThePreviousFileAndExitsOne() throws Exception {
        Path out = d.resolve("full/pred.csv");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "previous complete content\n");
        byte[] before = Files.readAllBytes(out);
        PinnProcess.Result r = PinnProcess.run(
                d,
                null,
                List.of("-Dpinn4j.test.diskBytes=20"),
                "predict",
                "--model",
                model.toString(),
                "--input",
                points.toString(),
                "--output",
                out.toString());
        assertEquals(1, r.code(), r.toString());
        assertEquals(
                List.of("pinn predict: cannot write " + out
                        + ": No space left on device (simulated: -Dpinn4j.test.diskBytes)"),
                r.errLines(),
                r.toString());
        assertArrayEquals(before, Files.readAllBytes(out));
        assertEquals(List.of(out), list(out.getParent()), "no temporary file left behind");
    }

    @Test
    void aMessageQuotingANulByteReachesTheTerminal() throws Exception {
        // the launcher's stderr filter used to print "grep: (standard input): binary file matches" instead
        Path nul = d.resolve("nul.csv");
        Files.writeString(nul, "x\n0." + (char) 0 + "5\n");
        PinnProcess.Result r = PinnProcess.run(d, "predict", "--model", model.toString(), "--input", nul.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                List.of("pinn predict: input CSV " + nul + " line 2, column 1 ('x'): '0.\\u00005' is not a number;"
                        + " expected a finite decimal number such as 0.25"),
                r.errLines(),
                r.toString());
    }

    @Test
    void fullDiskDuringARunKeepsThePreviousModelAndExitsOne() throws Exception {
        Path dir = d.resolve("rerun");
        PinnProcess.Result first = PinnProcess.run(d, "run", "poisson-1d", "--quick", "--out", dir.toString());
        assertEquals(0, first.code(), first.toString());
        byte[] before = Files.readAllBytes(dir.resolve("model.json"));
        // another seed gives another model; the disk takes 1,000 bytes, less than model.json
        PinnProcess.Result r = PinnProcess.quickRunOnDisk(d, 1000, dir);
        assertEquals(1, r.code(), r.toString());
        String last = r.errLines().get(r.errLines().size() - 1);
        assertEquals(
                "pinn run: cannot write " + dir.resolve("model.json")
                        + ": No space left on device (simulated: -Dpinn4j.test.diskBytes)",
                last,
                r.toString());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("model.json")));
        assertTrue(
                list(dir).stream().noneMatch(f -> f.getFileName().toString().endsWith(".tmp")),
                "no temporary file left: " + list(dir));
    }

    @Test
    void realFullDiskUnderOutputKeepsThePreviousFileAndExitsOne() throws Exception {
        // a 64 KB tmpfs, where the machine lets the test mount one (root, no container restriction)
        Path mnt = d.resolve("tmpfs");
        PinnProcess.mountTmpfsOrSkip(mnt, "64k", "real full-disk case");
        try {
            Path big = d.resolve("big-points.csv");
            StringBuilder sb = new StringBuilder("x\n");
            for (int p = 0; p < 20_000; p++) {
                sb.append(-1 + 2.0 * p / 19_999).append('\n');
            }
            Files.writeString(big, sb.toString());
            Path out = mnt.resolve("pred.csv");
            Files.writeString(out, "previous complete content\n");
            byte[] before = Files.readAllBytes(out);
            PinnProcess.Result r = PinnProcess.run(
                    d, "predict", "--model", model.toString(), "--input", big.toString(), "--output", out.toString());
            assertEquals(1, r.code(), r.toString());
            assertEquals(
                    List.of("pinn predict: cannot write " + out + ": No space left on device"),
                    r.errLines(),
                    r.toString());
            assertArrayEquals(before, Files.readAllBytes(out));
            assertEquals(List.of(out), list(mnt), "no temporary file left behind");
        } finally {
            PinnProcess.unmount(mnt);
        }
    }

    @Test
    void outputOntoAFifoWritesThroughIt() throws Exception {
        Path fifo = d.resolve("pipe");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo failed here");
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        PinnProcess.Result r = predict("--output", fifo.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals(expectedCsv, new String(read.get(60, TimeUnit.SECONDS), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(isSpecial(fifo), "still a FIFO");
    }

    @Test
    void outputOntoASymbolicLinkWritesThroughItAndKeepsTheLink() throws Exception {
        Path target = d.resolve("linked/real.csv");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old\n");
        Path link = Files.createSymbolicLink(d.resolve("linked/link.csv"), target.getFileName());
        PinnProcess.Result r = predict("--output", link.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals(expectedCsv, Files.readString(target));
    }

    @Test
    void outputOntoACharacterDeviceLeavesTheDevice() throws Exception {
        // a private twin of /dev/null (char 1:3): the test must never risk replacing the system's own
        Path dev = d.resolve("null-device");
        boolean made = new ProcessBuilder("mknod", dev.toString(), "c", "1", "3")
                        .redirectErrorStream(true)
                        .start()
                        .waitFor()
                == 0;
        if (!made) {
            System.out.println("character-device case skipped: mknod needs root here");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(made, "mknod needs root");
        PinnProcess.Result r = predict("--output", dev.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(isSpecial(dev), "still a device, not replaced by a regular file");
        assertEquals(0, Files.size(dev));
    }

    /** A FIFO, device or socket (not a regular file, directory or link), without following links. */
    private static boolean isSpecial(Path p) throws Exception {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .isOther();
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
