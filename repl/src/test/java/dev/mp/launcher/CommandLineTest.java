package dev.mp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The command line parsed as python3 parses its own (each case checked against python3 3.11). */
class CommandLineTest {
    private static CommandLine parse(String... args) throws CommandLine.UsageError {
        return CommandLine.parse(args);
    }

    @Test
    void combinedFlagsEndWithAnOptionTakingTheRestOrTheNextArgument() throws Exception {
        CommandLine line = parse("-uBc", "print(1)", "a", "-i");
        assertEquals(CommandLine.Kind.COMMAND, line.kind);
        assertEquals("print(1)", line.program);
        assertEquals(List.of("a", "-i"), line.arguments); // -c ends the options: -i is an argument
        assertFalse(line.inspect);

        line = parse("-cprint(2)");
        assertEquals("print(2)", line.program);

        line = parse("-qimpkg.mod", "x");
        assertTrue(line.quiet);
        assertTrue(line.inspect);
        assertEquals(CommandLine.Kind.MODULE, line.kind);
        assertEquals("pkg.mod", line.program);
        assertEquals(List.of("x"), line.arguments);
    }

    @Test
    void warningAndImplementationOptionsTakeAnArgumentAttachedOrNot() throws Exception {
        CommandLine line = parse("-Wignore", "-W", "error", "-X", "dev", "-Ximporttime", "-OO", "-s", "-S", "-E", "script.mp", "-u");
        assertEquals(CommandLine.Kind.FILE, line.kind);
        assertEquals("script.mp", line.program);
        assertEquals(List.of("-u"), line.arguments);
        assertTrue(line.ignoreEnvironment);
    }

    @Test
    void doubleDashEndsTheOptionsSoAFileMayStartWithADash() throws Exception {
        CommandLine line = parse("-u", "--", "-c", "x");
        assertEquals(CommandLine.Kind.FILE, line.kind);
        assertEquals("-c", line.program);
        assertEquals(List.of("x"), line.arguments);

        line = parse("--");
        assertEquals(CommandLine.Kind.STDIN, line.kind);
        line = parse("-", "a");
        assertTrue(line.dashProgram);
        assertEquals(List.of("a"), line.arguments);
    }

    @Test
    void isolatedModeImpliesIgnoringTheEnvironmentAndASafePath() throws Exception {
        CommandLine line = parse("-I", "-c", "pass");
        assertTrue(line.ignoreEnvironment);
        assertTrue(line.safePath);
    }

    @Test
    void longOptionsOtherThanPythonsOwnArePolyglotOptions() throws Exception {
        CommandLine line = parse("--cpusampler", "--cpusampler.Output=calltree", "--log.file=/tmp/x", "--engine.Compilation=false", "s.mp");
        assertEquals(Map.of("cpusampler", "true", "cpusampler.Output", "calltree", "log.file", "/tmp/x", "engine.Compilation", "false"),
                line.polyglotOptions);
        assertEquals("s.mp", line.program);
        assertTrue(parse("--help").help);
        assertEquals(2, parse("-V", "--version").version);
        assertEquals("s.mp", parse("--check-hash-based-pycs", "never", "s.mp").program);
    }

    @Test
    void refusedCommandLinesSayWhatPython3Says() {
        assertEquals("Unknown option: -Z", assertThrows(CommandLine.UsageError.class, () -> parse("-uZ")).getMessage());
        assertEquals("Argument expected for the -c option", assertThrows(CommandLine.UsageError.class, () -> parse("-c")).getMessage());
        assertEquals("Argument expected for the -m option", assertThrows(CommandLine.UsageError.class, () -> parse("-um")).getMessage());
        assertEquals("Argument expected for the -W option", assertThrows(CommandLine.UsageError.class, () -> parse("-W")).getMessage());
        assertEquals("Argument expected for the -X option", assertThrows(CommandLine.UsageError.class, () -> parse("-X")).getMessage());
        assertEquals("-J is reserved for Jython", assertThrows(CommandLine.UsageError.class, () -> parse("-J")).getMessage());
        assertEquals("unknown option --=x", assertThrows(CommandLine.UsageError.class, () -> parse("--=x")).getMessage());
        assertEquals("Argument expected for the --check-hash-based-pycs options",
                assertThrows(CommandLine.UsageError.class, () -> parse("--check-hash-based-pycs")).getMessage());
    }
}
