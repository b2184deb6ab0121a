package dev.mp.runtime.compiler;

import java.io.File;
import java.io.IOException;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;

/**
 * The program of {@link CompilationTest}'s JVM: runs an mp file as the main program with compilation made eager and
 * strict. Arguments: the program, and the file the compilation trace goes to.
 */
public final class CompiledRun {
    private CompiledRun() {
    }

    public static void main(String[] args) throws IOException {
        try (Engine engine = Engine.newBuilder("mp").allowExperimentalOptions(true)
                .option("engine.WarnInterpreterOnly", "true")
                .option("engine.CompilationFailureAction", "ExitVM")
                .option("engine.TraceCompilation", "true")
                .option("engine.BackgroundCompilation", "false")
                .option("engine.MultiTier", "false")
                .option("engine.SingleTierCompilationThreshold", "100")
                .option("engine.OSRCompilationThreshold", "2000")
                .option("log.file", args[1])
                .build();
             Context context = Context.newBuilder("mp").engine(engine).allowAllAccess(true).option("mp.Main", "true").build()) {
            context.eval(Source.newBuilder("mp", new File(args[0])).build());
        }
    }
}
