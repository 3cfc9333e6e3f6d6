/**
 * The memory model as data: an interpreter for the part of herd7's cat language that the Linux
 * kernel's memory-model files use, run on daxlab's candidate executions. By default it runs the
 * LKMM as the kernel states it ({@code linux-kernel.cfg}, {@code .bell}, {@code .cat},
 * {@code .def} and {@code lock.cat}, pinned in {@code daxlab/lkmm/} with a PROVENANCE file);
 * {@link daxlab.cat.ModelFiles#directory} reads a kernel tree's {@code tools/memory-model}
 * instead ({@code daxlab litmus --model-dir DIR}, {@code --cat FILE}). {@code CatLkmmEqualityTest}
 * proves the hand-written {@link daxlab.axiomatic.Lkmm} (the fast path) equal to it, so a change
 * to the kernel's files that the Java does not follow fails the build.
 *
 * <h2>How a model runs</h2>
 * {@link daxlab.cat.CatModel#run} enumerates as herd7 does. daxlab's IR gives, per choice of
 * thread traces, the events and each read of a data location a write to read from
 * ({@link daxlab.axiomatic.CandidateExecutions#forEachReadsFrom}); the host picks a final write
 * for each observed location ({@code FW}); then the model's instructions run in order, and each
 * {@code with x from S} continues once per element of {@code S}: that is how lock.cat chooses
 * what {@code spin_is_locked} reads and how the coherence order is chosen. Every path that
 * passes every axiom is one allowed execution, with the flags it raised.
 * {@link daxlab.cat.CatModel#check} judges one complete candidate of daxlab's own enumeration
 * (the {@link daxlab.axiomatic.Model} interface). Errors in a file are
 * {@link daxlab.cat.CatException}s at {@code file:line:col}; names are resolved when the model
 * is loaded, so a name bound nowhere is reported before anything runs.
 *
 * <h2>What the interpreter covers</h2>
 * <ul>
 * <li>Instructions: {@code let}, {@code let rec ... and ...} (a fixpoint from {@code 0}, each
 *     binding recomputed in order with the others' latest values until none changes, as herd7
 *     does; or recursive functions), {@code include}, {@code acyclic}/{@code irreflexive}/
 *     {@code empty} with {@code ~} and {@code as name} (axioms), {@code flag} (flags),
 *     {@code with x from e}, {@code enum}, {@code if "variant" ... else ... end};
 *     {@code instructions} is read (its names must be bound) and {@code show}/{@code unshow}
 *     are read and ignored (they are about herd7's pictures).</li>
 * <li>Expressions: {@code | & \ ; ++}, cartesian {@code *}, {@code r* r+ r? r^-1}, {@code ~},
 *     {@code [S]}, {@code 0}, {@code _}, {@code {e1, e2}}, tuples, tags, application
 *     ({@code f x}, {@code f(x, y)}), {@code fun}, functions defined by {@code let f(x) = ...}
 *     and {@code let f x = ...}, {@code let ... in}, {@code let rec ... in},
 *     {@code try e with e'}, {@code if "variant" then e else e'}. {@code let} is lazy, as in
 *     herd7: a definition is computed when first used.</li>
 * <li>Built in for every execution ({@link daxlab.cat.View}): the sets {@code M R W IW FW F RMW}
 *     and the lock events {@code LK LKR LKW UL LF RL RU}; one set per declared tag
 *     ({@code 'rcu-lock} gives {@code Rcu-lock}), from the tags {@code linux-kernel.def} gives
 *     each primitive; the relations {@code po loc int ext id rmw addr data ctrl rf}; the
 *     functions {@code domain range different-values linearisations classes-loc map cross}.</li>
 * <li>herd7's own library, which the kernel's files rely on but which is herdtools7's, not the
 *     kernel's: daxlab's stand-ins in {@code daxlab/cat/lib/}: {@code stdlib.cat} ({@code po-loc
 *     rfe rfi co0 fencerel singlestep emptyset partition ...}), {@code cross.cat} ({@code cross}
 *     is built in) and {@code cos-opt.cat} (the coherence orders: per location, every total
 *     order of the writes that contains the orders coherence forces).</li>
 * </ul>
 * Not supported, with a message saying so: {@code procedure}/{@code call}, {@code match},
 * {@code forall}, {@code assert}, {@code undefined_unless}, {@code debug}, {@code when},
 * {@code catdep}. The LKMM's files use none of them.
 *
 * <h2>What stays in Java, and why</h2>
 * <ul>
 * <li>The events themselves: what the C code does, path by path ({@code axiomatic.Traces}), as
 *     herd7's C semantics does in OCaml. Which kernel primitive each IR event stands for is
 *     {@link daxlab.cat.View#primitive}: the IR keeps orderings ({@code Mode}, {@code FenceKind}),
 *     not spellings, so a Once load is READ_ONCE whether written READ_ONCE or rcu_dereference;
 *     the tags come from the .def file.</li>
 * <li>The first choice of {@code rf} (each read of a data location from a write of the value
 *     it returns) and of the final writes {@code FW}: herd7 makes these outside the model too.
 *     Everything after that, including every relation of spinlocks, is the files'.</li>
 * <li>SRCU as linux-kernel.def makes it: {@code srcu_read_lock} reads the srcu_struct and
 *     returns the value as its index, {@code srcu_read_unlock} writes the index back; the index
 *     flows between them as {@code data} (through memory too), and the bell's {@code srcu-rscs}
 *     matches them from that flow, as herd7's does.</li>
 * </ul>
 */
package daxlab.cat;
