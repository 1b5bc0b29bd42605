package org.switchboard.media.dtmf;

import java.util.Optional;

/**
 * A key of the DTMF keypad (ITU-T Q.23): its symbol, its RFC 4733 event code (§3.2: 0-9, then
 * {@code *}=10, {@code #}=11, A-D=12-15) and its two tones, one of the low (row) group and one of
 * the high (column) group.
 */
public enum DtmfDigit {
    ZERO('0', 941, 1336),
    ONE('1', 697, 1209),
    TWO('2', 697, 1336),
    THREE('3', 697, 1477),
    FOUR('4', 770, 1209),
    FIVE('5', 770, 1336),
    SIX('6', 770, 1477),
    SEVEN('7', 852, 1209),
    EIGHT('8', 852, 1336),
    NINE('9', 852, 1477),
    STAR('*', 941, 1209),
    POUND('#', 941, 1477),
    A('A', 697, 1633),
    B('B', 770, 1633),
    C('C', 852, 1633),
    D('D', 941, 1633);

    /** The low-group (row) frequencies of Q.23, in Hz. */
    static final int[] ROWS_HZ = {697, 770, 852, 941};
    /** The high-group (column) frequencies of Q.23, in Hz. */
    static final int[] COLUMNS_HZ = {1209, 1336, 1477, 1633};

    private static final DtmfDigit[] BY_CODE = values();
    private static final DtmfDigit[] BY_ROW_COLUMN = new DtmfDigit[16];

    static {
        for (DtmfDigit d : BY_CODE) {
            BY_ROW_COLUMN[d.row() * 4 + d.column()] = d;
        }
    }

    private final char symbol;
    private final int rowHz;
    private final int columnHz;

    DtmfDigit(char symbol, int rowHz, int columnHz) {
        this.symbol = symbol;
        this.rowHz = rowHz;
        this.columnHz = columnHz;
    }

    /** The RFC 4733 §3.2 event code, 0-15. */
    public int code() { return ordinal(); }

    /** The key's symbol: {@code 0}-{@code 9}, {@code *}, {@code #}, {@code A}-{@code D}. */
    public char symbol() { return symbol; }

    /** The low-group tone in Hz (697, 770, 852 or 941). */
    public int rowHz() { return rowHz; }

    /** The high-group tone in Hz (1209, 1336, 1477 or 1633). */
    public int columnHz() { return columnHz; }

    /** The digit of an RFC 4733 event code, empty for codes other than 0-15 (flash, fax tones...). */
    public static Optional<DtmfDigit> fromCode(int code) {
        return isCode(code) ? Optional.of(BY_CODE[code]) : Optional.empty();
    }

    /** The digit of a symbol; {@code a}-{@code d} count as {@code A}-{@code D}. */
    public static Optional<DtmfDigit> fromChar(char symbol) {
        char c = Character.toUpperCase(symbol);
        for (DtmfDigit d : BY_CODE) {
            if (d.symbol == c) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Whether an RFC 4733 event code is a DTMF digit. */
    public static boolean isCode(int code) { return code >= 0 && code < BY_CODE.length; }

    /** The digit of a code known to satisfy {@link #isCode}: no allocation, for packet paths. */
    static DtmfDigit atCode(int code) { return BY_CODE[code]; }

    /** The digit at a keypad position, row and column 0-3. */
    static DtmfDigit at(int row, int column) { return BY_ROW_COLUMN[row * 4 + column]; }

    private int row() { return indexOf(ROWS_HZ, rowHz); }

    private int column() { return indexOf(COLUMNS_HZ, columnHz); }

    private static int indexOf(int[] values, int value) {
        int i = 0;
        while (values[i] != value) {
            i++;
        }
        return i;
    }
}
