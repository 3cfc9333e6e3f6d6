package daxlab.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jupyter's kernel conformance suite (jupyter_kernel_test) against the Java (daxlab) kernel. */
class ConformanceIT {
    /** The suite's tests this kernel must pass (pager and clear_output are not features of ours). */
    private static final List<String> REQUIRED = List.of("test_kernel_info", "test_execute_stdout",
            "test_execute_stderr", "test_completion", "test_is_complete", "test_error", "test_execute_result",
            "test_display_data", "test_history", "test_inspect");

    @Test
    void passesJupyterKernelTest() throws Exception {
        Jupyter j = JupyterTools.jupyter("jupyter_kernel_test");
        ProcessBuilder pb = j.process(List.of("-m", "unittest", "-v", "test_conformance"))
                .directory(JupyterTools.PYTHON_TESTS.toFile());
        JupyterTools.Run run = JupyterTools.run(pb, 300);
        String report = run.err();
        System.out.println(report);
        assertEquals(0, run.exit(), report + run.out());
        for (String test : REQUIRED) {
            assertTrue(report.lines().anyMatch(l -> l.startsWith(test + " ") && l.endsWith("ok")),
                    test + " did not pass:\n" + report);
        }
        assertTrue(report.contains("\nOK"), report);
    }
}
