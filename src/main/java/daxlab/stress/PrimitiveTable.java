package daxlab.stress;

import java.util.ArrayList;
import java.util.List;

/**
 * The primitive table (docs/primitives.md shows it): each kernel primitive the thread uses, its
 * LKMM tag, what Linux emits for it on arm64 and x86, and the Java access mode the stress twins
 * use for it. {@link #table()} prints it for a notebook cell and {@code daxlab stress --primitives}.
 *
 * <p>Read the x86 column first: every access is a MOV and every RMW a LOCK-prefixed instruction,
 * so x86 hardware orders almost everything (TSO: only a store followed by a load of another
 * location may pass). Stress on this machine can show what the compiler and TSO allow, never
 * the arm64 reorderings the review worries about; the axiomatic models cover those.
 */
public enum PrimitiveTable {
    PLAIN("plain access (dev->holder_ops)", "Plain", "LDR / STR", "MOV", "plain field"),
    ONCE("READ_ONCE / WRITE_ONCE", "Once", "LDR / STR", "MOV", "getOpaque / setOpaque"),
    ACQUIRE_RELEASE("smp_load_acquire / smp_store_release", "Acquire / Release", "LDAR / STLR", "MOV",
            "getAcquire / setRelease"),
    CMPXCHG_SUCCESS("cmpxchg (success)", "Mb (full)", "LL/SC with STLXR + DMB ISH, or CASAL", "LOCK CMPXCHG",
            "compareAndExchange"),
    CMPXCHG_FAILURE("cmpxchg (failure)", "Once, no order", "LDXR, no barrier", "LOCK CMPXCHG",
            "compareAndExchange"),
    CMPXCHG_WEAK("cmpxchg_relaxed / _acquire / _release", "Once / Acquire / Release", "LDXR+STXR / LDAXR / STLXR",
            "LOCK CMPXCHG",
            "getOpaque + weakCompareAndSetPlain loop / compareAndExchangeAcquire / compareAndExchangeRelease"),
    FENCES("smp_mb / smp_wmb / smp_rmb", "Mb / Wmb / Rmb", "DMB ISH / ISHST / ISHLD", "MFENCE / - / -",
            "fullFence / storeStoreFence / loadLoadFence");

    private final String kernel;
    private final String lkmm;
    private final String arm64;
    private final String x86;
    private final String java;

    PrimitiveTable(String kernel, String lkmm, String arm64, String x86, String java) {
        this.kernel = kernel;
        this.lkmm = lkmm;
        this.arm64 = arm64;
        this.x86 = x86;
        this.java = java;
    }

    public String kernel() {
        return kernel;
    }

    public String lkmm() {
        return lkmm;
    }

    public String arm64() {
        return arm64;
    }

    public String x86() {
        return x86;
    }

    /** The VarHandle access mode (or plain field access) the twins use. */
    public String java() {
        return java;
    }

    /** The whole mapping as a fixed-width text table. */
    public static String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"kernel", "LKMM tag", "arm64 (Linux)", "x86", "Java (stress twins)"});
        for (PrimitiveTable p : values()) {
            rows.add(new String[] {p.kernel, p.lkmm, p.arm64, p.x86, p.java});
        }
        int[] w = new int[5];
        for (String[] r : rows) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < w.length; i++) {
                line.append(String.format("%-" + w[i] + "s", rows.get(r)[i])).append(i < w.length - 1 ? " | " : "");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                for (int i = 0; i < w.length; i++) {
                    sb.append("-".repeat(w[i])).append(i < w.length - 1 ? "-+-" : "");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return kernel + " -> " + java;
    }
}
