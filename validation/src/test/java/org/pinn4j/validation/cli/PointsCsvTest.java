package org.pinn4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointsCsvTest {
    @TempDir
    Path tmp;

    private Path file(String text) throws Exception {
        Path f = tmp.resolve("p.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsInputsInFileOrderIndependentOfModelOrder() throws Exception {
        // byte-order mark, CRLF line ends, spaces around cells, a quoted extra cell with a comma
        PointsCsv.Table t =
                PointsCsv.read(file("\uFEFFt , note, x\r\n0.5, \"a,b\", -1e-3\r\n1,c,2.5E+1\r\n"), List.of("x", "t"));
        assertEquals(List.of("t", "note", "x"), t.header());
        // parsed values are exact decimal conversions
        assertArrayEquals(new double[] {-1e-3, 25.0}, t.points()[0], 0.0);
        assertArrayEquals(new double[] {0.5, 1.0}, t.points()[1], 0.0);
        assertEquals("a,b", t.rows().get(0)[1]);
    }

    @Test
    void lineNumbersCountQuotedLineBreaks() throws Exception {
        // the record on lines 2-3 holds a quoted line break, so the bad cell is on line 4
        Path f = file("x,note\n0.1,\"two\nlines\"\noops,z\n");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PointsCsv.read(f, List.of("x")));
        assertEquals(
                "input CSV " + f
                        + " line 4, column 1 ('x'): 'oops' is not a number; expected a finite decimal number such as 0.25",
                e.getMessage());
    }

    @Test
    void writesInputColumnsThenOutputs() throws Exception {
        PointsCsv.Table t = PointsCsv.read(file("x,note\n0.25,\"a,b\"\n"), List.of("x"));
        String csv = PointsCsv.write(t, List.of("u", "v"), new double[][] {{0.1}, {-2.0}});
        assertEquals("x,note,u,v\n0.25,\"a,b\",0.1,-2.0\n", csv);
        assertEquals(List.of("u_pred", "v"), PointsCsv.outputColumns(List.of("x", "u"), List.of("u", "v")));
        assertEquals(List.of("u_pred2"), PointsCsv.outputColumns(List.of("u", "u_pred"), List.of("u")));
    }

    @Test
    void overflowingNumberIsRejected() throws Exception {
        Path f = file("x\n1e400\n");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PointsCsv.read(f, List.of("x")));
        assertTrue(
                e.getMessage()
                        .endsWith(
                                "line 2, column 1 ('x'): '1e400' overflows to Infinity; expected a finite decimal number"),
                e.getMessage());
    }
}
