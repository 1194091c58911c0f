package org.pinn4j.validation.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The point files of {@code pinn predict}: a header naming the model's inputs in any order (extra
 * columns are kept verbatim), one point per line. Every problem is reported as an
 * {@link IllegalArgumentException} naming the file, line and column and the expected form.
 */
final class PointsCsv {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .setRecordSeparator("\n")
            .get();
    // possessive quantifiers: no backtracking, so a long cell is rejected in linear time (the greedy form took
    // quadratic time: 4.5 s for a 10,000-digit cell ending in a letter)
    private static final Pattern DECIMAL = Pattern.compile("[-+]?+(\\d++\\.?+\\d*+|\\.\\d++)([eE][-+]?+\\d++)?+");

    private PointsCsv() {}

    /**
     * A read point file.
     *
     * @param header all column names in file order
     * @param rows   all cells as written, one array per point
     * @param points the model inputs, feature-major {@code [input][p]}
     */
    record Table(List<String> header, List<String[]> rows, double[][] points) {
        int size() {
            return rows.size();
        }
    }

    /** Reads all of {@code file}, taking the columns named {@code inputs} as the points. */
    static Table read(Path file, List<String> inputs) {
        try (Points in = Points.open(file, inputs)) {
            Chunk all = in.next(Integer.MAX_VALUE); // one chunk of every row; a file without rows is refused
            return new Table(in.header(), all.rows(), all.points());
        }
    }

    /**
     * Some consecutive rows of a point file.
     *
     * @param rows   the cells as written, one array per point
     * @param points the model inputs, feature-major {@code [input][p]}
     */
    record Chunk(List<String[]> rows, double[][] points) {
        int size() {
            return rows.size();
        }
    }

    /**
     * A point file read as a stream, a chunk of rows at a time, in memory bounded by the chunk: the header is
     * checked on {@link #open}, each row when its chunk is read. Errors are {@link IllegalArgumentException}s
     * naming the file, the line and the column, as for {@link PointsCsv#read}.
     */
    static final class Points implements AutoCloseable {
        private final Path file;
        private final List<String> header;
        private final int[] cols;
        private final LineTracker lines;
        private final CSVParser parser;
        private final java.util.Iterator<CSVRecord> records;
        private long rowsRead;

        private Points(Path file, List<String> header, int[] cols, LineTracker lines, CSVParser parser) {
            this.file = file;
            this.header = header;
            this.cols = cols;
            this.lines = lines;
            this.parser = parser;
            this.records = parser.iterator();
        }

        /** Opens {@code file} and checks its header names every one of {@code inputs}. */
        static Points open(Path file, List<String> inputs) {
            if (Files.isDirectory(file)) {
                throw new IllegalArgumentException("input CSV " + file + " is a directory; expected a CSV file");
            }
            java.io.Reader reader;
            try {
                reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("input CSV " + file + " does not exist");
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read input CSV " + file + ": " + rootMessage(e));
            }
            LineTracker lines = new LineTracker(reader);
            CSVParser parser;
            CSVRecord head;
            try {
                parser = CSVParser.builder().setReader(lines).setFormat(FORMAT).get();
                java.util.Iterator<CSVRecord> it = parser.iterator();
                head = it.hasNext() ? it.next() : null;
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                closeQuietly(lines);
                throw invalid(file, e);
            }
            if (head == null) {
                closeQuietly(parser);
                throw new IllegalArgumentException(
                        "input CSV " + file + " is empty; expected a header line naming the inputs "
                                + String.join(", ", inputs) + ", then one point per line");
            }
            List<String> header = new ArrayList<>();
            head.forEach(header::add);
            Set<String> seen = new LinkedHashSet<>();
            int[] cols = new int[inputs.size()];
            try {
                for (String h : header) {
                    if (!h.isEmpty() && !seen.add(h)) {
                        throw new IllegalArgumentException("input CSV " + file + " has the column '" + h
                                + "' twice in its header; expected unique names");
                    }
                }
                for (int i = 0; i < cols.length; i++) {
                    cols[i] = header.indexOf(inputs.get(i));
                    if (cols[i] < 0) {
                        throw new IllegalArgumentException("input CSV " + file + " has no column '" + inputs.get(i)
                                + "'" + hint(header, inputs.get(i))
                                + "; expected a header naming the model inputs " + String.join(", ", inputs)
                                + " (any order, extra columns allowed); found "
                                + (header.isEmpty() ? "none" : String.join(", ", header)));
                    }
                }
            } catch (IllegalArgumentException e) {
                closeQuietly(parser);
                throw e;
            }
            return new Points(file, List.copyOf(header), cols, lines, parser);
        }

        /** All column names in file order. */
        List<String> header() {
            return header;
        }

        /**
         * The next at most {@code max} rows, or null after the last; a file without any data row is refused on
         * the first call.
         */
        Chunk next(int max) {
            List<String[]> rows = new ArrayList<>(Math.min(max, 4096));
            List<double[]> values = new ArrayList<>(Math.min(max, 4096));
            try {
                while (rows.size() < max && records.hasNext()) {
                    CSVRecord rec = records.next();
                    long line = lines.lineAt(rec.getCharacterPosition());
                    if (rec.size() != header.size()) {
                        throw new IllegalArgumentException("input CSV " + file + " line " + line + " has "
                                + rec.size() + " field" + (rec.size() == 1 ? "" : "s") + "; expected "
                                + header.size() + " (one per header column: " + String.join(", ", header) + ")");
                    }
                    String[] cells = rec.values();
                    double[] point = new double[cols.length];
                    for (int i = 0; i < cols.length; i++) {
                        point[i] = number(file, line, cols[i], header.get(cols[i]), cells[cols[i]]);
                    }
                    rows.add(cells);
                    values.add(point);
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                throw invalid(file, e);
            }
            rowsRead += rows.size();
            if (rows.isEmpty()) {
                if (rowsRead == 0) {
                    throw new IllegalArgumentException("input CSV " + file
                            + " has a header but no data rows; expected one point per line after the header");
                }
                return null;
            }
            double[][] points = new double[cols.length][rows.size()];
            for (int p = 0; p < rows.size(); p++) {
                for (int i = 0; i < cols.length; i++) {
                    points[i][p] = values.get(p)[i];
                }
            }
            return new Chunk(rows, points);
        }

        @Override
        public void close() {
            closeQuietly(parser);
        }
    }

    /** The one-line refusal of a file the CSV parser or the UTF-8 decoder cannot read. */
    private static IllegalArgumentException invalid(Path file, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return new IllegalArgumentException(
                        "input CSV " + file + " is not UTF-8 text; expected a UTF-8 CSV file");
            }
        }
        return new IllegalArgumentException("input CSV " + file + " is not valid CSV: " + rootMessage(e)
                + "; expected comma-separated values with a header line");
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // reading is over; a failing close loses nothing
        }
    }

    /**
     * The reader under the CSV parser: drops a leading byte-order mark and remembers where the line breaks
     * after the last looked-up position are, so that a record's character position becomes its line number
     * in memory bounded by the parser's read-ahead (a line break is a LF, a CR LF pair or a lone CR).
     */
    private static final class LineTracker extends java.io.Reader {
        private final java.io.Reader in;
        /** Positions of the CR and LF characters not yet passed, with whether each ends a line. */
        private final java.util.ArrayDeque<long[]> breaks = new java.util.ArrayDeque<>();
        /** Line breaks before the oldest remembered one. */
        private long linesBefore;
        /** Characters handed to the parser so far. */
        private long position;

        private boolean started;

        LineTracker(java.io.Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0 && !started) {
                started = true;
                if (buf[off] == '\uFEFF') {
                    System.arraycopy(buf, off + 1, buf, off, n - 1);
                    n--;
                    if (n == 0) {
                        return read(buf, off, len);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                char c = buf[off + i];
                if (c == '\n') {
                    long[] last = breaks.peekLast();
                    if (last != null && last[0] == position - 1 && last[1] == 1 && last[2] == '\r') {
                        last[1] = 0; // CR LF: the LF ends the line
                    }
                    breaks.add(new long[] {position, 1, c});
                } else if (c == '\r') {
                    breaks.add(new long[] {position, 1, c});
                }
                position++;
            }
            return n;
        }

        /** 1-based line of the first character at or after {@code pos} that is not a CR or LF. */
        long lineAt(long pos) {
            long p = pos;
            while (!breaks.isEmpty() && breaks.peekFirst()[0] <= p) {
                long[] b = breaks.pollFirst();
                linesBefore += b[1];
                if (b[0] == p) {
                    p++; // the record's reported position can lie on skipped empty lines before it
                }
            }
            return linesBefore + 1;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** The table's columns followed by one column per output (named {@code outputNames}), as CSV text. */
    static String write(Table t, List<String> outputNames, double[][] values) {
        StringBuilder sb = new StringBuilder();
        try {
            CSVPrinter printer = printer(sb);
            printHeader(printer, t.header(), outputNames);
            printRows(printer, new Chunk(t.rows(), t.points()), values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot format CSV: " + e.getMessage(), e);
        }
        return sb.toString();
    }

    /** A CSV printer in this file format onto {@code out} (flush it when done; closing it closes {@code out}). */
    static CSVPrinter printer(Appendable out) throws IOException {
        return new CSVPrinter(out, FORMAT);
    }

    /** The header line: the input file's columns, then the output columns. */
    static void printHeader(CSVPrinter printer, List<String> header, List<String> outputNames) throws IOException {
        List<String> head = new ArrayList<>(header);
        head.addAll(outputNames);
        printer.printRecord(head);
    }

    /** The chunk's rows as read, each followed by its values {@code values[output][p]}. */
    static void printRows(CSVPrinter printer, Chunk chunk, double[][] values) throws IOException {
        for (int p = 0; p < chunk.size(); p++) {
            List<String> row = new ArrayList<>(Arrays.asList(chunk.rows().get(p)));
            for (double[] v : values) {
                row.add(Double.toString(v[p]));
            }
            printer.printRecord(row);
        }
    }

    /** Output column names: each output's name, or name_pred when the input already has that column. */
    static List<String> outputColumns(List<String> header, List<String> outputs) {
        List<String> names = new ArrayList<>();
        for (String o : outputs) {
            String name = o;
            int k = 1;
            while (header.contains(name) || names.contains(name)) {
                name = o + "_pred" + (k == 1 ? "" : Integer.toString(k));
                k++;
            }
            names.add(name);
        }
        return names;
    }

    private static double number(Path file, long line, int col, String name, String cell) {
        String where = "input CSV " + file + " line " + line + ", column " + (col + 1) + " ('" + name + "')";
        if (cell.isEmpty()) {
            throw new IllegalArgumentException(where + " is empty; expected a finite decimal number such as 0.25");
        }
        if (!DECIMAL.matcher(cell).matches()) {
            String lower = cell.toLowerCase(Locale.ROOT).replace("+", "").replace("-", "");
            if (lower.equals("nan") || lower.startsWith("inf")) {
                throw new IllegalArgumentException(
                        where + ": '" + cell + "' is not finite; expected a finite decimal number such as 0.25");
            }
            throw new IllegalArgumentException(
                    where + ": '" + cell + "' is not a number; expected a finite decimal number such as 0.25");
        }
        double v = Double.parseDouble(cell);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(
                    where + ": '" + cell + "' overflows to " + v + "; expected a finite decimal number");
        }
        return v;
    }

    private static String hint(List<String> header, String input) {
        for (String h : header) {
            if (h.strip().equalsIgnoreCase(input)) {
                return " (found '" + h + "'; names are case-sensitive)";
            }
        }
        return "";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? "unreadable content" : m;
    }
}
