package daxlab.kernel;

import daxlab.lab.Lab;
import daxlab.lab.LitmusResult;
import daxlab.litmus.LitmusSyntaxException;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user's own litmus test in a cell: litmus(text) and %%litmus, against herd7's answers. */
class LitmusMagicTest {
    /** tools/memory-model/litmus-tests/MP+pooncerelease+poacquireonce.litmus, comments left out. */
    private static final String MP = String.join("\n",
            "C MP+pooncerelease+poacquireonce",
            "",
            "{}",
            "",
            "P0(int *buf, int *flag)",
            "{",
            "\tWRITE_ONCE(*buf, 1);",
            "\tsmp_store_release(flag, 1);",
            "}",
            "",
            "P1(int *buf, int *flag)",
            "{",
            "\tint r0;",
            "\tint r1;",
            "",
            "\tr0 = smp_load_acquire(flag);",
            "\tr1 = READ_ONCE(*buf);",
            "}",
            "",
            "exists (1:r0=1 /\\ 1:r1=0)",
            "");

    /** herd7 7.58 with the kernel's LKMM on that test (its Hash line left out). */
    private static final String MP_HERD7 = String.join("\n",
            "Test MP+pooncerelease+poacquireonce Allowed",
            "States 3",
            "1:r0=0; 1:r1=0;",
            "1:r0=0; 1:r1=1;",
            "1:r0=1; 1:r1=1;",
            "No",
            "Witnesses",
            "Positive: 0 Negative: 3",
            "Condition exists (1:r0=1 /\\ 1:r1=0)",
            "Observation MP+pooncerelease+poacquireonce Never 0 3",
            "", "");

    @Test
    void litmusRunsUnderTheLkmmByDefaultAndPrintsWhatHerd7Prints() {
        LitmusResult r = Lab.litmus(MP);
        assertEquals(MP_HERD7, r.text());
        assertEquals("lkmm", r.runs().get(0).model());
        assertEquals(3, r.histogram().total().intValue());
    }

    @Test
    void severalModelsRunInTheOrderNamed() {
        // Without the release/acquire pair's fence semantics, MP's bad outcome is a matter of model:
        // sc never, tso never (stores and loads stay in order), lkmm never (release/acquire).
        LitmusResult r = Lab.litmus(MP, "sc", "tso", "lkmm");
        assertEquals(List.of("sc", "tso", "lkmm"), r.runs().stream().map(LitmusResult.Run::model).toList());
        for (LitmusResult.Run run : r.runs()) {
            assertEquals("No", run.herd7().ok() ? "Ok" : "No", run.model());
            assertEquals("Never", run.herd7().observation(), run.model());
        }
        assertTrue(r.text().startsWith("-- model sc\nTest MP+pooncerelease+poacquireonce Allowed\n"), r.text());
        assertTrue(r.text().contains("-- model lkmm\n" + MP_HERD7), r.text());
        String html = Renderers.litmusHtml(r);
        assertTrue(html.startsWith("<pre>-- model sc\n") && html.contains("<img alt=\"MP+pooncerelease+poacquireonce\" src=\"data:image/png;base64,"), html.substring(0, 80));
    }

    @Test
    void aLitmusCellMagicRunsTheRestOfTheCell() {
        Magics.Parsed p = Magics.parse("%%litmus lkmm sc\n" + MP);
        Magics.CellMagic m = p.cellMagic().orElseThrow();
        assertEquals(List.of("lkmm", "sc"), m.args());
        assertEquals(1, m.bodyLine());
        LitmusResult r = assertInstanceOf(LitmusResult.class, Magics.runCell(m, 3));
        assertEquals(List.of("lkmm", "sc"), r.runs().stream().map(LitmusResult.Run::model).toList());
        LitmusResult byDefault = assertInstanceOf(LitmusResult.class, Magics.runCell(Magics.parse("%%litmus\n" + MP).cellMagic().orElseThrow(), 4));
        assertEquals(MP_HERD7, byDefault.text());
        assertTrue(Magics.isCellMagic("\n%%litmus\nC x"));
    }

    @Test
    void aSyntaxErrorPointsAtTheCellsLineAndColumn() {
        // Line 8 of the test, line 9 of the cell (under the magic line): a primitive misspelt.
        String broken = MP.replace("\tsmp_store_release(flag, 1);", "\tsmp_store_relase(flag, 1);");
        CellFailure f = assertThrows(CellFailure.class,
                () -> Magics.runCell(Magics.parse("%%litmus\n" + broken).cellMagic().orElseThrow(), 7));
        LitmusSyntaxException direct = assertThrows(LitmusSyntaxException.class, () -> Lab.litmus(broken));
        assertEquals(8, direct.line());
        assertEquals("LitmusSyntaxError", f.ename());
        assertTrue(f.evalue().startsWith("line 9, column " + direct.column() + ": expected "), f.evalue());
        String tb = JavaReplTest.plain(f.traceback());
        assertTrue(tb.contains("cell [7]:9:" + direct.column() + ": expected"), tb);
        assertTrue(tb.contains("line 9 | \tsmp_store_relase(flag, 1);"), tb);
        // the caret sits under the column the parser names
        String caretLine = tb.lines().filter(l -> l.strip().equals("^")).findFirst().orElseThrow();
        assertEquals("line 9 | ".length() + direct.column() - 1, caretLine.indexOf('^'), tb);
    }

    @Test
    void unknownModelsAndMisplacedCellMagicsSaySo() {
        CellFailure model = assertThrows(CellFailure.class,
                () -> Magics.runCell(Magics.parse("%%litmus power\n" + MP).cellMagic().orElseThrow(), 1));
        assertTrue(model.evalue().contains("unknown model; valid models: sc"), model.evalue());
        CellFailure late = assertThrows(CellFailure.class, () -> Magics.parse("int x = 1;\n%%litmus\n" + MP));
        assertEquals("a cell magic must be the cell's first line", late.evalue());
        CellFailure other = assertThrows(CellFailure.class, () -> Magics.parse("%%bash\necho hi"));
        assertTrue(other.evalue().contains("%%litmus"), other.evalue());
    }
}
