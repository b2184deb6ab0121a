package dev.mp.runtime;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a user must never see in a program's output: a Java stack frame, or mp's report of an internal error. */
public final class JavaFrames {
    /** A Java stack frame as a stack trace prints it. */
    private static final Pattern FRAME = Pattern.compile("\\bat (java\\.|jdk\\.|dev\\.mp\\.|com\\.oracle\\.|org\\.graalvm\\.|org\\.antlr\\.)");
    private static final String INTERNAL_ERROR = "internal error in mp";

    private JavaFrames() {
    }

    /** Where in {@code printed} the first Java frame or internal-error report starts, or -1. */
    public static int find(String printed) {
        Matcher m = FRAME.matcher(printed);
        int frame = m.find() ? m.start() : -1;
        int internal = printed.indexOf(INTERNAL_ERROR);
        return frame < 0 ? internal : internal < 0 ? frame : Math.min(frame, internal);
    }

    /** Fails with an excerpt around it when {@code printed} (the output of {@code what}) shows Java or an internal error. */
    public static void assertNone(String printed, String what) {
        int at = find(printed);
        if (at >= 0) {
            fail("Java or an internal error in the output of " + what + ":\n" + excerpt(printed, at));
        }
    }

    /** The lines around position {@code at} of {@code printed}. */
    public static String excerpt(String printed, int at) {
        int from = Math.max(0, printed.lastIndexOf('\n', Math.max(0, at - 400)));
        return printed.substring(from, Math.min(printed.length(), at + 600));
    }
}
