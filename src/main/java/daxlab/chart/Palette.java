package daxlab.chart;

import daxlab.outcome.OutcomeClass;

import java.awt.Color;
import java.awt.Font;

/** The colours and fonts every daxlab picture uses, so a red bar means the same thing everywhere. */
public final class Palette {
    /** FORBIDDEN: the outcome the review worries about. */
    public static final Color FORBIDDEN = new Color(0xD6, 0x27, 0x28);
    /** INTERESTING: allowed, but worth a look (jcstress's word). */
    public static final Color INTERESTING = new Color(0xF0, 0xA3, 0x0A);
    /** ACCEPTABLE: what the code is meant to do. */
    public static final Color ACCEPTABLE = new Color(0x2C, 0xA0, 0x2C);

    /** Series colours for grouped charts (one per histogram), distinct from the class colours. */
    static final Color[] SERIES = {
            new Color(0x1F, 0x77, 0xB4), new Color(0x94, 0x67, 0xBD), new Color(0x17, 0xBE, 0xCF),
            new Color(0x8C, 0x56, 0x4B), new Color(0x7F, 0x7F, 0x7F), new Color(0xBC, 0xBD, 0x22)};

    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font MONO = new Font(Font.MONOSPACED, Font.PLAIN, 12);

    private Palette() {
    }

    public static Color of(OutcomeClass c) {
        switch (c) {
            case FORBIDDEN:
                return FORBIDDEN;
            case INTERESTING:
                return INTERESTING;
            default:
                return ACCEPTABLE;
        }
    }
}
