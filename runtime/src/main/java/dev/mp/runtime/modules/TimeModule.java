package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleSafepoint;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.builtins.StructSequence;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Types;

/**
 * The {@code time} module: clocks, {@code sleep}, {@code struct_time} and the conversions between seconds,
 * broken-down time and text. Local time is the JVM's default time zone (which follows {@code TZ}).
 */
final class TimeModule {
    private TimeModule() {
    }

    private static final String[] FIELDS = {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"};
    /** Beyond the 9 tuple items, struct_time has these attributes (stored in its attribute dict). */
    private static final String[] EXTRA_FIELDS = {"tm_zone", "tm_gmtoff"};

    /** {@code time.struct_time}: a tuple of 9 ints with named fields, plus the zone's name and offset. */
    private static final StructSequence STRUCT_TIME = StructSequence.define("time", "struct_time", FIELDS, EXTRA_FIELDS);

    /** The range of time_t on a 64-bit platform, and of the years Java's time API handles. */
    private static final double MAX_SECONDS = 3.0e16;

    static void populate(PModule m, MpContext context) {
        m.dict().put("struct_time", STRUCT_TIME.type());
        // The parser is written in mp (_strptime, shared with datetime.strptime).
        moduleFunction(m, "strptime", "string, format=?, /", a -> {
            Object parser = dev.mp.runtime.ops.Attributes.get(context.modules().importModule("_strptime", new PDict(), true, 0), "_strptime_time");
            return a[1] == null ? Calls.call(parser, a[0]) : Calls.call(parser, a[0], a[1]);
        });
        moduleFunction(m, "time", "", a -> {
            Instant now = Instant.now();
            return now.getEpochSecond() + now.getNano() / 1e9;
        });
        moduleFunction(m, "time_ns", "", a -> {
            Instant now = Instant.now();
            return Conversions.normalize(BigInteger.valueOf(now.getEpochSecond()).multiply(BigInteger.valueOf(1_000_000_000L))
                    .add(BigInteger.valueOf(now.getNano())));
        });
        moduleFunction(m, "monotonic", "", a -> System.nanoTime() / 1e9);
        moduleFunction(m, "monotonic_ns", "", a -> System.nanoTime());
        moduleFunction(m, "perf_counter", "", a -> System.nanoTime() / 1e9);
        moduleFunction(m, "perf_counter_ns", "", a -> System.nanoTime());
        moduleFunction(m, "process_time", "", a -> processCpuNanos() / 1e9);
        moduleFunction(m, "process_time_ns", "", a -> processCpuNanos());
        moduleFunction(m, "thread_time", "", a -> threadCpuNanos() / 1e9);
        moduleFunction(m, "thread_time_ns", "", a -> threadCpuNanos());
        moduleFunction(m, "sleep", "secs, /", a -> {
            sleep(a[0]);
            return PNone.NONE;
        });
        moduleFunction(m, "gmtime", "secs=None, /", a -> brokenDown(seconds(a[0]), ZoneOffset.UTC));
        moduleFunction(m, "localtime", "secs=None, /", a -> brokenDown(seconds(a[0]), ZoneId.systemDefault()));
        moduleFunction(m, "mktime", "t, /", a -> (double) mktime(timeTuple(a[0], "mktime")));
        moduleFunction(m, "asctime", "t=?, /", a -> asctime(a[0] == null ? now() : a[0], "asctime"));
        moduleFunction(m, "ctime", "secs=None, /", a -> asctime(brokenDown(seconds(a[0]), ZoneId.systemDefault()), "asctime"));
        moduleFunction(m, "strftime", "format, t=?, /", a -> {
            if (!(a[0] instanceof String format)) {
                throw Errors.typeError("strftime() argument 1 must be str, not %s", Types.typeName(a[0]));
            }
            return strftime(format, a[1] == null ? now() : a[1]);
        });
        ZoneId zone = ZoneId.systemDefault();
        int year = LocalDateTime.now().getYear();
        ZoneOffset winter = zone.getRules().getOffset(LocalDateTime.of(year, 1, 1, 0, 0));
        ZoneOffset summer = zone.getRules().getOffset(LocalDateTime.of(year, 7, 1, 0, 0));
        ZoneOffset standard = winter.getTotalSeconds() <= summer.getTotalSeconds() ? winter : summer;
        ZoneOffset daylight = standard == winter ? summer : winter;
        m.dict().put("timezone", (long) -standard.getTotalSeconds());
        m.dict().put("altzone", (long) -daylight.getTotalSeconds());
        m.dict().put("daylight", standard.equals(daylight) ? 0L : 1L);
        m.dict().put("tzname", PTuple.of(zoneName(zone, false), zoneName(zone, !standard.equals(daylight))));
    }

    /** The CPU time of the calling thread (user and system), as CPython's thread_time. */
    @TruffleBoundary
    private static long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static String zoneName(ZoneId zone, boolean daylight) {
        return zoneAbbreviation(ZonedDateTime.of(LocalDateTime.now().getYear(), daylight ? 7 : 1, 1, 0, 0, 0, 0, zone));
    }

    /** The zone's abbreviation at a time, as the C library gives it: "EST", "CEST", or a numeric "-03" or "+0530". */
    private static String zoneAbbreviation(ZonedDateTime t) {
        String name = java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.US).format(t);
        if (!name.startsWith("GMT+") && !name.startsWith("GMT-")) {
            return name;
        }
        int seconds = t.getOffset().getTotalSeconds();
        int minutes = Math.abs(seconds) / 60;
        return String.format("%s%02d%s", seconds < 0 ? "-" : "+", minutes / 60, minutes % 60 == 0 ? "" : String.format("%02d", minutes % 60));
    }

    // =====================================================================================================
    // sleep
    // =====================================================================================================

    /**
     * Blocks for {@code secs} seconds. The wait is interruptible by Truffle's thread-local actions (cancelling
     * or interrupting the context, or an action such as a signal handler run), which run and then let the
     * sleep go on for the time that remains.
     */
    private static void sleep(Object secs) {
        double seconds = secondsArgument(secs, true);
        if (seconds < 0) {
            throw Errors.valueError("sleep length must be non-negative");
        }
        long deadline = System.nanoTime() + (long) Math.ceil(seconds * 1e9);
        // Other threads of the program run meanwhile.
        dev.mp.runtime.MpContext.get(null).gil().releaseWhile(() -> TruffleSafepoint.setBlockedThreadInterruptible(null, end -> {
            for (long remaining = end - System.nanoTime(); remaining > 0; remaining = end - System.nanoTime()) {
                Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
            }
        }, deadline));
    }

    /**
     * A duration or timestamp argument in seconds: an int or a float, as CPython's time functions take them.
     *
     * @param duration whether it is a duration (then too large an int reports the _PyTime_t limit)
     */
    private static double secondsArgument(Object secs, boolean duration) {
        if (secs instanceof Double d) {
            if (Double.isNaN(d)) {
                throw Errors.valueError("Invalid value NaN (not a number)");
            }
            if (Math.abs(d) > MAX_SECONDS) {
                throw Errors.overflowError("timestamp out of range for platform time_t");
            }
            return d;
        }
        Object n = Types.override(secs, "__float__") != null ? (Object) Conversions.asDouble(secs) : Conversions.index(secs);
        if (n instanceof Double d) {
            return secondsArgument(d, duration);
        }
        if (n instanceof BigInteger || Math.abs((Long) n) > MAX_SECONDS) {
            throw Errors.overflowError(duration ? "timestamp too large to convert to C _PyTime_t" : "timestamp out of range for platform time_t");
        }
        return (Long) n;
    }

    // =====================================================================================================
    // Broken-down time
    // =====================================================================================================

    /** Whole seconds since the epoch (rounded down) from an optional argument; now when it is None. */
    private static long seconds(Object secs) {
        if (secs == PNone.NONE) {
            return Instant.now().getEpochSecond();
        }
        // Any time_t (a Java long) is accepted here: the C library, not java.time, sets the range (brokenDown).
        Object n = secs instanceof Double || Types.override(secs, "__float__") != null ? (Object) Conversions.asDouble(secs) : Conversions.index(secs);
        if (n instanceof Double d) {
            if (Double.isNaN(d)) {
                throw Errors.valueError("Invalid value NaN (not a number)");
            }
            double floor = Math.floor(d);
            if (floor < -0x1p63 || floor >= 0x1p63) {
                throw Errors.overflowError("timestamp out of range for platform time_t");
            }
            return (long) floor;
        }
        if (n instanceof BigInteger) {
            throw Errors.overflowError("timestamp out of range for platform time_t");
        }
        return (Long) n;
    }

    private static PTuple now() {
        return brokenDown(Instant.now().getEpochSecond(), ZoneId.systemDefault());
    }

    /** The range of glibc's gmtime: the year must fit tm_year, an int counting from 1900. */
    private static final long MIN_TIME = -67_768_040_609_740_800L;
    private static final long MAX_TIME = 67_768_036_191_676_799L;

    /** Seconds from the epoch within java.time's range of dates (about 982 million years). */
    private static final long JAVA_TIME_LIMIT = 31_000_000_000_000_000L;

    private static PTuple brokenDown(long seconds, ZoneId zone) {
        if (seconds < MIN_TIME || seconds > MAX_TIME) {
            throw Errors.osError(75, "Value too large for defined data type", null); // EOVERFLOW, as glibc
        }
        if (Math.abs(seconds) > JAVA_TIME_LIMIT) {
            return farBrokenDown(seconds, zone);
        }
        ZonedDateTime t = Instant.ofEpochSecond(seconds).atZone(zone);
        boolean dst = zone.getRules().isDaylightSavings(t.toInstant());
        Object[] fields = {(long) t.getYear(), (long) t.getMonthValue(), (long) t.getDayOfMonth(), (long) t.getHour(),
            (long) t.getMinute(), (long) t.getSecond(), (long) (t.getDayOfWeek().getValue() - 1), (long) t.getDayOfYear(), dst ? 1L : 0L};
        String name = zone == ZoneOffset.UTC ? "GMT" : zoneAbbreviation(t);
        return STRUCT_TIME.make(fields, name, (long) t.getOffset().getTotalSeconds());
    }

    /**
     * A time nearly a billion years away or more, past java.time's range but within the C library's: the proleptic
     * Gregorian calendar computed here (days to civil date as in Howard Hinnant's algorithm), with the zone's offset
     * at java.time's limit.
     */
    private static PTuple farBrokenDown(long seconds, ZoneId zone) {
        ZonedDateTime edge = Instant.ofEpochSecond(seconds < 0 ? -JAVA_TIME_LIMIT : JAVA_TIME_LIMIT).atZone(zone);
        int offset = edge.getOffset().getTotalSeconds();
        long local = seconds + offset;
        long days = Math.floorDiv(local, 86_400L);
        long secondOfDay = Math.floorMod(local, 86_400L);
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097L);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year > Integer.MAX_VALUE) {
            throw Errors.overflowError("signed integer is greater than maximum"); // CPython's year is a C int
        }
        boolean leap = Math.floorMod(year, 4) == 0 && (Math.floorMod(year, 100) != 0 || Math.floorMod(year, 400) == 0);
        int[] before = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
        long yearDay = before[(int) month - 1] + day + (leap && month > 2 ? 1 : 0);
        Object[] fields = {year, month, day, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, Math.floorMod(days + 3, 7L),
            yearDay, 0L};
        String name = zone == ZoneOffset.UTC ? "GMT" : zoneAbbreviation(edge);
        return STRUCT_TIME.make(fields, name, (long) offset);
    }

    /** A time tuple checked and normalized as CPython's gettmarg and checktm do; fields as Python numbers them. */
    private record TimeTuple(long year, int month, int day, int hour, int minute, int second, int weekday, int yearDay, int isDst,
                             Object zone, Object gmtoff) {
    }

    private static TimeTuple timeTuple(Object t, String function) {
        if (!(t instanceof PTuple tuple)) {
            throw Errors.typeError("Tuple or struct_time argument required");
        }
        if (tuple.size() != FIELDS.length) {
            throw Errors.typeError("%s(): illegal time tuple argument", function);
        }
        long[] v = new long[FIELDS.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Conversions.asLong(tuple.get(i));
        }
        Object zone = tuple.getPythonClass() == STRUCT_TIME.type() ? StructSequence.extra(tuple, EXTRA_FIELDS[0]) : null;
        Object gmtoff = tuple.getPythonClass() == STRUCT_TIME.type() ? StructSequence.extra(tuple, EXTRA_FIELDS[1]) : null;
        // CPython turns 0 into the first month, day and day of the year, and takes the weekday modulo 7.
        long month = v[1] == 0 ? 1 : v[1];
        long day = v[2] == 0 ? 1 : v[2];
        long yearDay = v[7] == 0 ? 1 : v[7];
        long weekday = (v[6] + 1) % 7;
        if (month < 1 || month > 12) {
            throw Errors.valueError("month out of range");
        }
        if (day < 1 || day > 31) {
            throw Errors.valueError("day of month out of range");
        }
        if (v[3] < 0 || v[3] > 23) {
            throw Errors.valueError("hour out of range");
        }
        if (v[4] < 0 || v[4] > 59) {
            throw Errors.valueError("minute out of range");
        }
        if (v[5] < 0 || v[5] > 61) {
            throw Errors.valueError("seconds out of range");
        }
        if (weekday < 0) {
            throw Errors.valueError("day of week out of range");
        }
        if (yearDay < 1 || yearDay > 366) {
            throw Errors.valueError("day of year out of range");
        }
        return new TimeTuple(v[0], (int) month, (int) day, (int) v[3], (int) v[4], (int) v[5], (int) ((weekday + 6) % 7), (int) yearDay,
                (int) v[8], zone, gmtoff);
    }

    /**
     * C's mktime: seconds since the epoch of a local time. Out-of-range days and seconds carry over into the
     * following fields; tm_isdst 0 or 1 says whether the time is standard or daylight time, -1 lets the zone decide.
     */
    private static long mktime(TimeTuple t) {
        LocalDateTime local = LocalDateTime.of((int) t.year, t.month, 1, 0, 0).plusDays(t.day - 1).plusHours(t.hour).plusMinutes(t.minute)
                .plusSeconds(t.second);
        java.time.zone.ZoneRules rules = ZoneId.systemDefault().getRules();
        long asUtc = local.toEpochSecond(ZoneOffset.UTC);
        ZoneOffset offset = rules.getOffset(local);
        if (t.isDst >= 0) {
            Instant guess = Instant.ofEpochSecond(asUtc - offset.getTotalSeconds());
            long standard = rules.getStandardOffset(guess).getTotalSeconds();
            long savings = rules.getDaylightSavings(guess).getSeconds();
            if (t.isDst == 0 || savings != 0) {
                return asUtc - standard - (t.isDst == 0 ? 0 : savings);
            }
        }
        return asUtc - offset.getTotalSeconds();
    }

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final String[] FULL_DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] FULL_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"};

    private static String asctime(Object t, String function) {
        TimeTuple tt = timeTuple(t, function);
        return String.format(Locale.ROOT, "%s %s %2d %02d:%02d:%02d %d", DAYS[tt.weekday], MONTHS[tt.month - 1], tt.day, tt.hour, tt.minute,
                tt.second, tt.year);
    }

    // =====================================================================================================
    // strftime
    // =====================================================================================================

    /** C's strftime in the C locale, with glibc's conversions; an unknown conversion is copied as written. */
    private static String strftime(String format, Object t) {
        TimeTuple tt = timeTuple(t, "strftime");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char conv = format.charAt(++i);
            String text = conversion(conv, tt);
            out.append(text == null ? "%" + conv : text);
        }
        return out.toString();
    }

    private static String conversion(char conv, TimeTuple t) {
        int hour12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
        return switch (conv) {
            case 'a' -> DAYS[t.weekday];
            case 'A' -> FULL_DAYS[t.weekday];
            case 'b', 'h' -> MONTHS[t.month - 1];
            case 'B' -> FULL_MONTHS[t.month - 1];
            case 'c' -> conversion('a', t) + " " + conversion('b', t) + " " + conversion('e', t) + " " + conversion('T', t) + " " + t.year;
            case 'C' -> Long.toString(Math.floorDiv(t.year, 100));
            case 'd' -> two(t.day);
            case 'D' -> conversion('m', t) + "/" + conversion('d', t) + "/" + conversion('y', t);
            case 'e' -> String.format("%2d", t.day);
            case 'F' -> conversion('Y', t) + "-" + conversion('m', t) + "-" + conversion('d', t);
            case 'g' -> two((int) Math.floorMod(isoYear(t), 100L));
            case 'G' -> Long.toString(isoYear(t));
            case 'H' -> two(t.hour);
            case 'I' -> two(hour12);
            case 'j' -> String.format("%03d", t.yearDay);
            case 'k' -> String.format("%2d", t.hour);
            case 'l' -> String.format("%2d", hour12);
            case 'm' -> two(t.month);
            case 'M' -> two(t.minute);
            case 'n' -> "\n";
            case 'p' -> t.hour < 12 ? "AM" : "PM";
            case 'P' -> t.hour < 12 ? "am" : "pm";
            case 'r' -> conversion('I', t) + ":" + conversion('M', t) + ":" + conversion('S', t) + " " + conversion('p', t);
            case 'R' -> conversion('H', t) + ":" + conversion('M', t);
            case 's' -> Long.toString(mktime(t));
            case 'S' -> two(t.second);
            case 't' -> "\t";
            case 'T' -> conversion('H', t) + ":" + conversion('M', t) + ":" + conversion('S', t);
            case 'u' -> Integer.toString(t.weekday + 1);
            case 'U' -> two((t.yearDay - 1 + 7 - (t.weekday + 1) % 7) / 7);
            case 'V' -> two(isoWeek(t));
            case 'w' -> Integer.toString((t.weekday + 1) % 7);
            case 'W' -> two((t.yearDay - 1 + 7 - t.weekday) / 7);
            case 'x' -> conversion('D', t);
            case 'X' -> conversion('T', t);
            case 'y' -> two((int) Math.floorMod(t.year, 100L));
            case 'Y' -> Long.toString(t.year);
            case 'z' -> offsetText(offset(t));
            case 'Z' -> t.zone instanceof String z ? z : zoneName(ZoneId.systemDefault(), t.isDst > 0);
            case '%' -> "%";
            default -> null;
        };
    }

    private static String two(int v) {
        return v < 10 && v >= 0 ? "0" + v : Integer.toString(v);
    }

    /**
     * The ISO 8601 week-based year and week of a time tuple, computed as C's strftime does: from the tuple's
     * own day of the year and weekday.
     */
    private static long[] isoYearAndWeek(TimeTuple t) {
        long year = t.year;
        int yday = t.yearDay - 1;
        int cWeekday = (t.weekday + 1) % 7;
        int days = isoWeekDays(yday, cWeekday);
        if (days < 0) {
            year--;
            days = isoWeekDays(yday + daysInYear(year), cWeekday);
        } else {
            int next = isoWeekDays(yday - daysInYear(year), cWeekday);
            if (next >= 0) {
                year++;
                days = next;
            }
        }
        return new long[] {year, days / 7 + 1};
    }

    /** Days from the Monday that starts ISO week 1 of the year (the week of January 4th) to day {@code yday}. */
    private static int isoWeekDays(int yday, int cWeekday) {
        int january4Weekday = Math.floorMod(cWeekday - (yday - 3), 7);
        int week1Monday = 3 - Math.floorMod(january4Weekday - 1, 7);
        return yday - week1Monday;
    }

    private static int daysInYear(long year) {
        return java.time.Year.isLeap(year) ? 366 : 365;
    }

    private static long isoYear(TimeTuple t) {
        return isoYearAndWeek(t)[0];
    }

    private static int isoWeek(TimeTuple t) {
        return (int) isoYearAndWeek(t)[1];
    }

    /** The UTC offset of a time tuple: its tm_gmtoff when it has one, else the local zone's at that time. */
    private static int offset(TimeTuple t) {
        if (t.gmtoff instanceof Long seconds) {
            return seconds.intValue();
        }
        ZoneId zone = ZoneId.systemDefault();
        LocalDateTime local = LocalDateTime.of((int) t.year, t.month, 1, t.hour, t.minute).plusDays(t.day - 1).truncatedTo(ChronoUnit.MINUTES);
        return zone.getRules().getOffset(local).getTotalSeconds();
    }

    private static String offsetText(int seconds) {
        int minutes = Math.abs(seconds) / 60;
        return String.format("%s%02d%02d", seconds < 0 ? "-" : "+", minutes / 60, minutes % 60);
    }
}
