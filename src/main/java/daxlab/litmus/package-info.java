/**
 * C litmus tests in the Linux kernel's format ({@code tools/memory-model/litmus-tests}), to and
 * from the program IR, and herd7's output, to and from data.
 *
 * <pre>
 *   file.litmus --LitmusParser--&gt; LitmusTest(Program) --LitmusEngines.byName(model).run--&gt; Histogram
 *   Histogram --Herd7Layout.result--&gt; Herd7Result --Herd7Layout.print--&gt; herd7's text  (diff it against herd7)
 *   LitmusTest --LitmusRun.of(engine)--&gt; Histogram and Herd7Result (herd7's terms), with the engine's time
 *   file.litmus.herd7 --Herd7Result.parse--&gt; Herd7Result --differencesFrom(EXACT|WITHOUT_COUNTS|WITHIN)--&gt; what disagrees
 *   Program --LitmusPrinter.print--&gt; file.litmus   (parse(print(p)) == p)
 * </pre>
 *
 * <p>Primitives map onto the IR as docs/primitives.md and the LKMM's {@code linux-kernel.def} say
 * ({@link daxlab.litmus.Primitive}): a plain C access is {@code Mode.PLAIN}, READ_ONCE/WRITE_ONCE
 * and rcu_dereference are {@code ONCE}, smp_load_acquire is {@code ACQUIRE}, smp_store_release and
 * rcu_assign_pointer are {@code RELEASE}, the value-returning RMWs without suffix are {@code FULL},
 * {@code _relaxed} is {@code RELAXED}, the void atomics ({@code atomic_inc}) are {@code NORETURN}
 * with no register, fences and RCU markers are {@code Instr.Fence}, locks {@code Instr.Lock},
 * SRCU {@code Instr.Srcu} (the index {@code srcu_read_lock()} returns in a register, passed back
 * to {@code srcu_read_unlock()}).
 *
 * <p>Bad input is an error at its place ({@code file:line:col: expected ... but found ...},
 * {@link daxlab.litmus.LitmusSyntaxException}), never a stack overflow or a hang:
 * {@link daxlab.litmus.LitmusFile} reads only regular files (a FIFO or /dev/zero is refused
 * unopened), of at most 4 MiB, in UTF-8 (a byte-order mark is skipped; another byte that is not
 * UTF-8 is named at its line and column); statements, expressions and conditions nest at most 128
 * levels deep. A register the condition, {@code locations} or {@code filter} names that its
 * thread does not have, or a location no thread has, is read as 0, as herd7 7.58 reads it, with a
 * warning at its place
 * ({@link daxlab.litmus.LitmusTest#warnings()}).
 *
 * <p>Memory models plug in as {@link daxlab.litmus.LitmusEngine}s, found by name in
 * {@link daxlab.litmus.LitmusEngines} ({@code sc} is built in; others register or are
 * {@code ServiceLoader} providers).
 */
package daxlab.litmus;
