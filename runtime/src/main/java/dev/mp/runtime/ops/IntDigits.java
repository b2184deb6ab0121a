package dev.mp.runtime.ops;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.MpContext;

/**
 * CPython 3.11's limit on decimal conversions of big ints ({@code sys.set_int_max_str_digits}): converting an int
 * of more than the limit's digits to or from a decimal string is a ValueError, since the conversion is quadratic.
 * The limit lives in the context ({@link MpContext#intMaxStrDigits}); 0 means none.
 */
public final class IntDigits {
    private IntDigits() {
    }

    /** CPython's default limit, {@code sys.int_info.default_max_str_digits}. */
    public static final int DEFAULT_LIMIT = 4300;
    /** The smallest limit other than 0, {@code sys.int_info.str_digits_check_threshold}. */
    public static final int THRESHOLD = 640;
    private static final double DIGITS_PER_BIT = Math.log10(2);

    private static int limit() {
        MpContext context = MpContext.current();
        // Outside a context (the runtime's Java code used directly) no program set a limit: none applies.
        return context == null ? 0 : context.intMaxStrDigits;
    }

    /** {@code value} in decimal, or the ValueError of CPython when it has more digits than the limit. */
    @TruffleBoundary
    public static String toDecimal(BigInteger value) {
        int limit = limit();
        if (limit > 0) {
            // Decimal digits are bitLength * log10(2) rounded either way: only a borderline value needs the string.
            double estimate = value.bitLength() * DIGITS_PER_BIT;
            if (estimate > limit + 1) {
                throw tooManyDigits(-1);
            }
            if (estimate > limit - 1) {
                String s = value.toString();
                if (s.length() - (value.signum() < 0 ? 1 : 0) > limit) {
                    throw tooManyDigits(-1);
                }
                return s;
            }
        }
        return value.toString();
    }

    /**
     * Checks the digits of an int about to be parsed in {@code radix} (a power of two is not limited, as in
     * CPython); {@code digits} may hold underscores, which do not count.
     */
    @TruffleBoundary
    public static void checkParse(CharSequence digits, int radix) {
        int limit = limit();
        if (limit <= 0 || (radix & (radix - 1)) == 0 || digits.length() <= limit) {
            return;
        }
        int count = 0;
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) != '_') {
                count++;
            }
        }
        if (count > limit) {
            throw tooManyDigits(count);
        }
    }

    /** Whether a decimal literal of {@code digits} (no underscores) has more digits than the limit. */
    public static boolean exceedsLimit(String digits) {
        int limit = limit();
        return limit > 0 && digits.length() > limit;
    }

    /** The SyntaxError message of CPython 3.11 for a decimal literal over the limit. */
    public static String literalMessage(String digits) {
        return String.format("Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() "
                + "to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", limit(), digits.length());
    }

    /** The ValueError; {@code digits} is the parsed value's count, or -1 for a conversion to str. */
    public static dev.mp.runtime.MpException tooManyDigits(int digits) {
        return Errors.valueError("Exceeds the limit (%d digits) for integer string conversion%s; use sys.set_int_max_str_digits() to increase the limit",
                limit(), digits < 0 ? "" : ": value has " + digits + " digits");
    }

    /** {@code sys.set_int_max_str_digits(maxdigits)}. */
    public static void setLimit(MpContext context, Object maxdigits) {
        long n = Conversions.asLong(maxdigits);
        if (n != 0 && n < THRESHOLD) {
            throw Errors.valueError("maxdigits must be 0 or larger than %d", THRESHOLD);
        }
        if (n > Integer.MAX_VALUE) {
            throw Errors.overflowError("Python int too large to convert to C int");
        }
        context.intMaxStrDigits = (int) n;
    }
}
