package dev.mp.runtime.multiprocessing;

import java.io.File;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

/** Runs one mp script as a main program in a JVM of its own, for tests that kill or signal the main process. */
public final class ScriptMain {
    private ScriptMain() {
    }

    public static void main(String[] args) throws Exception {
        int status = 0;
        try (Context context = Context.newBuilder("mp").option("mp.Main", "true").option("mp.ProcessStdio", "true")
                .allowAllAccess(true).build()) {
            context.eval(Source.newBuilder("mp", new File(args[0])).build());
        } catch (PolyglotException e) {
            status = e.isExit() ? e.getExitStatus() : 1;
        }
        System.exit(status);
    }
}
