package daxlab.dax;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The races the thread argues about. Each names its threads; {@link Scenarios#build} turns one
 * into a program with the chosen variants and the rules that grade its outcomes.
 */
public enum Scenario {
    PUT_VS_GET("put-vs-get", true, false,
            "A holds the device. P0: A calls fs_put_dax(). P1: B calls fs_dax_get(). Can B end up holding with no ops?"),
    PUT_VS_GET_BY_BDEV("put-vs-get-by-bdev", true, false,
            "A holds the device. P0: A calls fs_put_dax(). P1: B calls fs_dax_get_by_bdev(), which claims inside "
                    + "dax_read_lock() and keeps its igrab() reference when the claim fails. Can B end up holding with no ops?"),
    PUT_VS_READER("put-vs-reader", true, true,
            "A holds the device. P0: A calls fs_put_dax(). P1: a memory failure calls dax_holder_notify_failure()."),
    PUT_VS_OBSERVER("put-vs-observer", true, true,
            "A holds. P0: A calls fs_put_dax(). P1 loads holder_data, then holder_ops, the order of concern #1's words "
                    + "(no function in super.c acts on that pair): can it see the device released but the old ops?"),
    PUT_VS_GET_VS_READER("put-vs-get-vs-reader", true, true,
            "A holds. P0: A puts. P1: B gets. P2: a reader notifies. Is any callback run with the wrong holder?"),
    GET_VS_READER("get-vs-reader", false, true,
            "The device is free. P0: B calls fs_dax_get() (cmpxchg of holder_data, then the ops). P1: a memory failure "
                    + "notifies; B's callback reads holder_data through dax_holder(). Can it run with holder_data NULL?"),
    UNMOUNT_VS_READER("unmount-vs-reader", true, true,
            "A holds. P0: A unmounts: fs_put_dax(), then A frees its data. P1: a memory failure notifies under "
                    + "dax_read_lock(); A's callback reads A's data. Can a callback run after fs_put_dax() returned?"),
    WRONG_HOLDER_PUT_SEQ("wrong-holder-put-seq", true, true,
            "A holds. P0, alone: a stranger C calls fs_put_dax(C), then a memory failure notifies the holder."),
    WRONG_HOLDER_PUT("wrong-holder-put", true, true,
            "A holds. P0: a stranger C calls fs_put_dax(C). P1: a memory failure notifies the holder."),
    WRONG_HOLDER_VS_GET("wrong-holder-vs-get", true, false,
            "The device is free. P0: a stranger C calls fs_put_dax(C). P1: B calls fs_dax_get()."),
    KILL_VS_PUT("kill-vs-put", true, true,
            "A holds. P0: kill_dax() (its notification uses the reader). P1: A calls fs_put_dax(). "
                    + "Does A's put warn, or keep its reference?"),
    KILL_VS_READER("kill-vs-reader", false, true,
            "A holds. P0: kill_dax(). P1: a memory failure notifies the holder under dax_read_lock()."),
    KILL_VS_GET("kill-vs-get", false, true,
            "The device is free and alive. P0: kill_dax(). P1: B calls fs_dax_get(), whose dax_alive() check is "
                    + "inside dax_read_lock() and whose claim is not. Can B claim a device being killed?");

    private final String id;
    private final boolean usesPut;
    private final boolean usesReader;
    private final String description;

    Scenario(String id, boolean usesPut, boolean usesReader, String description) {
        this.id = id;
        this.usesPut = usesPut;
        this.usesReader = usesReader;
        this.description = description;
    }

    /** The name users type: {@code put-vs-get}. */
    public String id() {
        return id;
    }

    public boolean usesPut() {
        return usesPut;
    }

    public boolean usesReader() {
        return usesReader;
    }

    public String description() {
        return description;
    }

    public static Scenario byId(String id) {
        for (Scenario s : values()) {
            if (s.id.equals(id) || s.name().equalsIgnoreCase(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + id + "'; valid scenarios: " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(Scenario::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
