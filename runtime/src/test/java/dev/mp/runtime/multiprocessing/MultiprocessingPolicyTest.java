package dev.mp.runtime.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

/** The embedder's policies hold for multiprocessing: no processes and no shared memory unless allowed. */
class MultiprocessingPolicyTest {
    private static final String PROGRAM = """
            import multiprocessing as mp
            for make in (mp.Lock, mp.Queue, mp.Event, mp.Pipe, lambda: mp.Value('i', 0)):
                try:
                    make()
                    print('made')
                except PermissionError as e:
                    print('PermissionError:', e)
            try:
                mp.Process(target=print).start()
            except PermissionError as e:
                print('PermissionError:', e)
            """;

    private static String run(Context.Builder builder) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = builder.out(out).build()) {
            context.eval("mp", PROGRAM);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutNativeAccessOrProcessCreationBothAreRefusedNamingThePolicy() {
        String shm = "PermissionError: shared memory is not allowed by the embedder's policy (Context.Builder.allowNativeAccess)\n";
        assertEquals(shm.repeat(5)
                + "PermissionError: cannot start a process: process creation is not allowed by the embedder's policy"
                + " (Context.Builder.allowCreateProcess)\n", run(Context.newBuilder("mp")));
    }

    @Test
    void nativeAccessAloneAllowsPrimitivesButNotProcesses() {
        String out = run(Context.newBuilder("mp").allowNativeAccess(true));
        assertEquals("made\n".repeat(5) + "PermissionError: cannot start a process: process creation is not allowed by the"
                + " embedder's policy (Context.Builder.allowCreateProcess)\n", out);
    }
}
