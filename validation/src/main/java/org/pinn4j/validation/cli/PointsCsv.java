package org.pinn4j.validation.cli;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
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

    /** Reads {@code file}, taking the columns named {@code inputs} as the points. */
    static Table read(Path file, List<String> inputs) {
        String text = readText(file);
        int[] lineStarts = lineStarts(text);
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(FORMAT)
                .get()) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("input CSV " + file + " is not valid CSV: " + rootMessage(e)
                    + "; expected comma-separated values with a header line");
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException(
                    "input CSV " + file + " is empty; expected a header line naming the inputs "
                            + String.join(", ", inputs) + ", then one point per line");
        }
        CSVRecord head = records.get(0);
        List<String> header = new ArrayList<>();
        head.forEach(header::add);
        Set<String> seen = new LinkedHashSet<>();
        for (String h : header) {
            if (!h.isEmpty() && !seen.add(h)) {
                throw new IllegalArgumentException(
                        "input CSV " + file + " has the column '" + h + "' twice in its header; expected unique names");
            }
        }
        int[] cols = new int[inputs.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = header.indexOf(inputs.get(i));
            if (cols[i] < 0) {
                throw new IllegalArgumentException(
                        "input CSV " + file + " has no column '" + inputs.get(i) + "'" + hint(header, inputs.get(i))
                                + "; expected a header naming the model inputs " + String.join(", ", inputs)
                                + " (any order, extra columns allowed); found "
                                + (header.isEmpty() ? "none" : String.join(", ", header)));
            }
        }
        int n = records.size() - 1;
        if (n == 0) {
            throw new IllegalArgumentException("input CSV " + file
                    + " has a header but no data rows; expected one point per line after the header");
        }
        double[][] points = new double[inputs.size()][n];
        List<String[]> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            CSVRecord rec = records.get(r + 1);
            int line = lineOf(lineStarts, recordStart(text, rec.getCharacterPosition()));
            if (rec.size() != header.size()) {
                throw new IllegalArgumentException("input CSV " + file + " line " + line + " has " + rec.size()
                        + " field" + (rec.size() == 1 ? "" : "s") + "; expected " + header.size()
                        + " (one per header column: " + String.join(", ", header) + ")");
            }
            String[] cells = rec.values();
            for (int i = 0; i < cols.length; i++) {
                points[i][r] = number(file, line, cols[i], header.get(cols[i]), cells[cols[i]]);
            }
            rows.add(cells);
        }
        return new Table(List.copyOf(header), rows, points);
    }

    /** The table's columns followed by one column per output (named {@code outputNames}), as CSV text. */
    static String write(Table t, List<String> outputNames, double[][] values) {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(sb, FORMAT)) {
            List<String> head = new ArrayList<>(t.header());
            head.addAll(outputNames);
            printer.printRecord(head);
            for (int p = 0; p < t.size(); p++) {
                List<String> row = new ArrayList<>(Arrays.asList(t.rows().get(p)));
                for (double[] v : values) {
                    row.add(Double.toString(v[p]));
                }
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot format CSV: " + e.getMessage(), e);
        }
        return sb.toString();
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

    private static double number(Path file, int line, int col, String name, String cell) {
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

    private static String readText(Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("input CSV " + file + " is a directory; expected a CSV file");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("input CSV " + file + " does not exist");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("input CSV " + file + " is not UTF-8 text; expected a UTF-8 CSV file");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read input CSV " + file + ": " + rootMessage(e));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The record's first character: its reported position can lie on skipped empty lines before it. */
    private static long recordStart(String text, long pos) {
        long p = pos;
        while (p < text.length() && (text.charAt((int) p) == '\n' || text.charAt((int) p) == '\r')) {
            p++;
        }
        return p;
    }

    /** 1-based line containing character offset {@code pos}. */
    private static int lineOf(int[] starts, long pos) {
        int i = Arrays.binarySearch(starts, (int) pos);
        return (i >= 0 ? i : -i - 2) + 1;
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
