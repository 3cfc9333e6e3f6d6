package daxlab.chart;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** How pictures write numbers: thousands separators always, shares that never round a hit to zero. */
final class Numbers {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TENTH = new BigDecimal("0.1");

    private Numbers() {
    }

    /** {@code 7,700,000}. */
    static String count(BigInteger n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * {@code count} as a share of {@code total}: one decimal ({@code 25.0%}), but two significant
     * digits below 0.1% ({@code 0.034%}) so that an outcome reached 2,582 times in 7.7 million does
     * not read as 0.0%, and never 100.0% for less than all ({@code >99.9%}). {@code -} for an
     * empty total.
     */
    static String percent(BigInteger count, BigInteger total) {
        if (total.signum() == 0) {
            return "-";
        }
        if (count.signum() == 0) {
            return "0%";
        }
        BigDecimal p = new BigDecimal(count).multiply(HUNDRED).divide(new BigDecimal(total), MathContext.DECIMAL64);
        if (p.compareTo(TENTH) < 0) {
            return p.round(new MathContext(2, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString() + "%";
        }
        BigDecimal rounded = p.setScale(1, RoundingMode.HALF_EVEN);
        if (count.compareTo(total) < 0 && rounded.compareTo(HUNDRED) >= 0) {
            return ">99.9%";
        }
        return rounded.toPlainString() + "%";
    }

    /** An axis tick on a percentage axis: {@code 20%}. */
    static String tickPercent(int p) {
        return p + "%";
    }
}
