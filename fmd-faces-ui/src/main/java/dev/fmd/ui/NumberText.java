package dev.fmd.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The pages' numbers as text, exactly as {@code String.format(Locale.ROOT, ...)} writes them, without its cost: it
 * parses the format string (with a regular expression) on every call, and the overview writes eight numbers a row
 * (a third of its table's rendering time).
 */
final class NumberText {

    private NumberText() {
    }

    /** @return the count with a comma every three digits, as {@code "%,d"} */
    static String count(long count) {
        return grouped(Long.toString(count));
    }

    /**
     * @param ms       a number, 0 or more (infinity and NaN are written as the formats write them)
     * @param decimals digits after the point
     * @param grouped  commas every three digits before the point
     * @return it rounded half up, as {@code "%.Nf"} or {@code "%,.Nf"} write it (they round the shortest decimal
     *         form of the double, {@link Double#toString}, not its exact binary value: 1.005 gives 1.01)
     */
    static String fixed(double ms, int decimals, boolean grouped) {
        if (!Double.isFinite(ms)) {
            return Double.toString(ms);
        }
        String plain = new BigDecimal(Double.toString(ms)).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        if (!grouped) {
            return plain;
        }
        int point = plain.indexOf('.');
        return point < 0 ? grouped(plain) : grouped(plain.substring(0, point)) + plain.substring(point);
    }

    /** @param digits an integer's digits, maybe after a minus sign */
    private static String grouped(String digits) {
        int sign = digits.startsWith("-") ? 1 : 0;
        int length = digits.length() - sign;
        if (length <= 3) {
            return digits;
        }
        StringBuilder text = new StringBuilder(digits.length() + length / 3).append(digits, 0, sign);
        int head = length % 3 == 0 ? 3 : length % 3;
        text.append(digits, sign, sign + head);
        for (int at = sign + head; at < digits.length(); at += 3) {
            text.append(',').append(digits, at, at + 3);
        }
        return text.toString();
    }
}
