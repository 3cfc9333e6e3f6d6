package daxlab.stress.gen;

import daxlab.dax.Scenario;

/**
 * The teaching text at the top of each generated test file: what the test shows, how to run it,
 * and what a run on the machine this was written on printed.
 */
final class Notes {
    private Notes() {
    }

    static String of(Scenario s) {
        switch (s) {
            case PUT_VS_GET:
                return PUT_VS_GET;
            case PUT_VS_READER:
                return PUT_VS_READER;
            case PUT_VS_OBSERVER:
                return PUT_VS_OBSERVER;
            case PUT_VS_GET_VS_READER:
                return PUT_VS_GET_VS_READER;
            case WRONG_HOLDER_PUT:
                return WRONG_HOLDER_PUT;
            case WRONG_HOLDER_VS_GET:
                return WRONG_HOLDER_VS_GET;
            default:
                throw new IllegalArgumentException("no stress notes for " + s);
        }
    }

    private static final String PUT_VS_GET = String.join("\n",
            "put-vs-get: the race the patch is about.",
            "",
            "A holds the device. A calls fs_put_dax() while B calls fs_dax_get(). With the ORIGINAL put,",
            "A's cmpxchg frees holder_data, B's cmpxchg takes it and B installs opsB, and only then does",
            "A's late `holder_ops = NULL` land: B holds the device with no ops (\"lost ops\"). Every memory",
            "failure after that is answered -EOPNOTSUPP. The patch clears ops before releasing, so the",
            "late store cannot exist. Nothing here depends on weak ordering: the SC enumeration shows the",
            "same race, so x86 shows it too, in a fraction of the samples.",
            "",
            "How to run one:",
            "    $ daxlab stress --scenario put-vs-get --put ORIGINAL --time 1s",
            "    $ java -cp target/daxlab.jar org.openjdk.jcstress.Main -t PutVsGet.ORIGINAL",
            "",
            "A run here (2-core AMD EPYC, JDK 17, 1 s per JIT mode, other builds running; all four modes):",
            "",
            "    put       holder_data  holder_ops  get    count      class",
            "    ORIGINAL  B         NULL        OK       47,311   FORBIDDEN  lost ops (2.2%; C2 3.9%, C1 0.35%, interpreter 0.006%)",
            "    ORIGINAL  B         opsB        OK    1,340,315   ACCEPTABLE",
            "    ORIGINAL  NULL      NULL        EBUSY   744,418   ACCEPTABLE",
            "    PATCH_V1: 1,814,604 samples, no lost ops.");

    private static final String PUT_VS_READER = String.join("\n",
            "put-vs-reader: the reader's double read of holder_ops.",
            "",
            "A holds the device and calls fs_put_dax() while a memory failure runs",
            "dax_holder_notify_failure(). Today's reader tests dev->holder_ops and then reads it again to",
            "call through it: a NULL store between the two reads makes the call go through NULL.",
            "",
            "Java teaches the READ_ONCE lesson here. With two plain loads (DOUBLE_READ_PLAIN) C1 and C2",
            "load the field once and reuse the value, so once compiled the window closes and the NULL call",
            "all but disappears. With two opaque loads (DOUBLE_READ_OPAQUE) both loads happen and the",
            "NULL call shows. The kernel's C compiler has the same freedom with plain loads, in either",
            "direction, which is why the review asks for one READ_ONCE() into a local: READ_ONCE and",
            "LOAD_ACQUIRE never call through NULL. They can still call A's ops after holder_data went",
            "NULL (\"wrong context\"): the reader takes no lock against the put.",
            "",
            "How to run one:",
            "    $ daxlab stress --scenario put-vs-reader --put PATCH_V1 --reader DOUBLE_READ_OPAQUE --by-mode",
            "",
            "A run here (2-core AMD EPYC, JDK 17, 1 s per JIT mode, other builds running; put PATCH_V1),",
            "NULL calls per mode:",
            "",
            "    reader               interpreter   C1    C2   C2+stress",
            "    DOUBLE_READ_PLAIN         17         0     0      0",
            "    DOUBLE_READ_OPAQUE    11,615       183    84      1",
            "    READ_ONCE                  0         0     0      0     (wrong context: 217 in all)");

    private static final String PUT_VS_OBSERVER = String.join("\n",
            "put-vs-observer: the review's first concern, as a message-passing test.",
            "",
            "A holds the device and calls fs_put_dax(); an observer loads holder_data and then",
            "holder_ops. PATCH_V1 clears ops before it releases holder_data, so seeing the device",
            "released (seen_data=NULL) with A's ops still there (seen_ops=opsA) needs the two stores,",
            "or the two loads, to be reordered. No SC interleaving does that, and neither does x86:",
            "TSO keeps stores in order and loads in order. arm64 may, unless the put releases",
            "(smp_store_release or a fully ordered cmpxchg) and the observer acquires; the axiomatic",
            "models show it. On this machine stress can only confirm the SC outcomes.",
            "",
            "How to run one:",
            "    $ daxlab stress --scenario put-vs-observer --put PATCH_V1_RELAXED --reader DOUBLE_READ_PLAIN",
            "",
            "A run here (2-core AMD EPYC, JDK 17, C2 and C2 + stress, 500 ms each): PATCH_V1_RELAXED",
            "showed the released device with A's ops in 0 of 1,521,702 samples (plain loads) and 0 of",
            "2,156,582 (READ_ONCE); ORIGINAL, which releases before it clears, in 1,484 and 629.");

    private static final String PUT_VS_GET_VS_READER = String.join("\n",
            "put-vs-get-vs-reader: all three at once.",
            "",
            "A puts, B gets, and a memory failure notifies the holder. Besides the lost ops of",
            "put-vs-get and the NULL call of put-vs-reader, the reader can now run A's callback while",
            "holder_data already names B (\"wrong context\": A's code handed B's data).",
            "",
            "How to run one:",
            "    $ daxlab stress --scenario put-vs-get-vs-reader --put PATCH_V1 --reader READ_ONCE",
            "",
            "jcstress runs a test only when each of its threads has a core of its own: this one needs",
            "three, and the machine these tests were written on has two, so it has not run here yet.");

    private static final String WRONG_HOLDER_PUT = String.join("\n",
            "wrong-holder-put: the review's second point.",
            "",
            "A holds the device; a stranger C calls fs_put_dax(C). The ORIGINAL put's cmpxchg fails and",
            "nothing changes. PATCH_V1 (and the review's suggestion) clear holder_ops before the cmpxchg",
            "that fails, so every sample ends with holder_data=A and holder_ops=NULL (\"ops wiped by a",
            "stranger\"): A's poison recovery is silently off from then on. CHECK_HOLDER looks before it",
            "clears and leaves A alone. This is not a race: it happens in every run, on every CPU.",
            "",
            "How to run one:",
            "    $ daxlab stress --scenario wrong-holder-put --put PATCH_V1 --reader READ_ONCE",
            "",
            "A run here (2-core AMD EPYC, JDK 17, 1 s per JIT mode, other builds running; all four modes):",
            "PATCH_V1 wiped A's ops in 2,531,404 of 2,531,404 samples; CHECK_HOLDER in 0 of 1,609,804.");

    private static final String WRONG_HOLDER_VS_GET = String.join("\n",
            "wrong-holder-vs-get: a stranger's put against a new holder.",
            "",
            "The device is free; a stranger C calls fs_put_dax(C) while B calls fs_dax_get(). With",
            "PATCH_V1 the stranger's unconditional NULL store can land after B installed opsB: B holds",
            "the device with no ops, lost without B ever putting it.",
            "",
            "How to run one:",
            "    $ daxlab stress --scenario wrong-holder-vs-get --put PATCH_V1",
            "",
            "A run here (2-core AMD EPYC, JDK 17, 1 s per JIT mode, other builds running; all four modes):",
            "B was left with NULL ops in 386,874 of 1,804,364 samples (21%).");
}
