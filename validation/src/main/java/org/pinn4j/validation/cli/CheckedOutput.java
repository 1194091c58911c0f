package org.pinn4j.validation.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The process's standard output as a stream that remembers its first write failure. {@code System.out}
 * (a PrintStream) and a PrintWriter both swallow write errors, so output lost to a full disk or
 * {@code /dev/full} would go unnoticed with exit 0; the command line asks {@link #failure()} at the end
 * and exits 1 with the reason instead.
 */
final class CheckedOutput extends FilterOutputStream {
    private volatile IOException failure;

    private CheckedOutput(OutputStream out) {
        super(out);
    }

    /** Standard output, unbuffered here (the writer over it buffers), with failures recorded. */
    static CheckedOutput stdout() {
        return new CheckedOutput(new FileOutputStream(FileDescriptor.out));
    }

    /** The first write or flush failure, if any. */
    Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw record(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw record(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw record(e);
        }
    }

    private IOException record(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }
}
