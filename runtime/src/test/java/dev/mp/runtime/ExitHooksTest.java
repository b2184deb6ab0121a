package dev.mp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicInteger;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;

import dev.mp.runtime.builtins.BuiltinBuilder;
import dev.mp.runtime.objects.PNone;

/** The exit hooks (where multiprocessing joins its children) run once however the program ends. */
class ExitHooksTest {
    private final AtomicInteger runs = new AtomicInteger();

    private Context newContext(boolean main) {
        Context context = Context.newBuilder("mp").out(new ByteArrayOutputStream()).err(new ByteArrayOutputStream())
                .option("mp.Main", Boolean.toString(main)).allowIO(IOAccess.ALL).build();
        context.initialize("mp");
        context.enter();
        try {
            MpContext.get(null).modules().addExitHook(BuiltinBuilder.function("hook", "", a -> {
                runs.incrementAndGet();
                return PNone.NONE;
            }));
        } finally {
            context.leave();
        }
        return context;
    }

    private static Source typed(String statement) {
        return Source.newBuilder("mp", statement, "<stdin>").interactive(true).cached(false).buildLiteral();
    }

    @Test
    void runWhenASessionIsClosed() {
        try (Context context = newContext(false)) {
            context.eval(typed("x = 1"));
            assertEquals(0, runs.get());
        }
        assertEquals(1, runs.get());
    }

    @Test
    void runOnceWhenAScriptEnds() {
        try (Context context = newContext(true)) {
            context.eval(Source.create("mp", "x = 1"));
            assertEquals(1, runs.get());
        }
        assertEquals(1, runs.get());
    }

    @Test
    void runOnceWhenAScriptFails() {
        assertEquals(1, exitStatus(newContext(true), Source.create("mp", "1 / 0")));
        assertEquals(1, runs.get());
    }

    @Test
    void runOnceWhenTheSessionExits() {
        assertEquals(3, exitStatus(newContext(false), typed("exit(3)")));
        assertEquals(1, runs.get());
    }

    /** Evaluates {@code source}, which exits the context, and closes the context; returns the exit status. */
    private static int exitStatus(Context context, Source source) {
        PolyglotException exit = assertThrows(PolyglotException.class, () -> {
            try (context) {
                context.eval(source);
            }
        });
        assertTrue(exit.isExit());
        return exit.getExitStatus();
    }
}
