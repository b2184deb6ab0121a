package dev.mp.runtime.modules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.ops.Errors;

/**
 * The context's standard streams. Each print is one write followed by a flush, so lines printed by
 * concurrent processes never interleave within a line and reach the terminal at once.
 */
public final class Streams {
    private Streams() {
    }

    public static void writeStdout(MpContext context, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        context.out().write(bytes, 0, bytes.length);
        context.out().flush();
    }

    public static void writeStderr(MpContext context, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        context.err().write(bytes, 0, bytes.length);
        context.err().flush();
    }

    static BufferedReader reader(MpContext context) {
        return context.stdinReader(() -> new BufferedReader(new InputStreamReader(context.env().in(), StandardCharsets.UTF_8)));
    }

    /** {@code input(prompt)}: EOFError at end of input. */
    static String input(MpContext context, String prompt) {
        if (!prompt.isEmpty()) {
            writeStdout(context, prompt);
        }
        try {
            BufferedReader in = reader(context);
            String line = context.gil().releaseWhile(() -> {
                try {
                    return in.readLine();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            if (line == null) {
                throw Errors.raise(BuiltinClasses.exception("EOFError"), "EOF when reading a line");
            }
            return line;
        } catch (java.io.UncheckedIOException e) {
            throw Errors.osError(5, "Input/output error", null);
        }
    }

    /** One line including its newline, or "" at end of input. */
    static String readline(MpContext context) {
        try {
            StringBuilder sb = new StringBuilder();
            BufferedReader r = reader(context);
            int c;
            while ((c = r.read()) >= 0) {
                sb.append((char) c);
                if (c == '\n') {
                    break;
                }
            }
            return sb.toString();
        } catch (IOException e) {
            throw Errors.osError(5, "Input/output error", null);
        }
    }
}
