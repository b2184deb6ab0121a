package dev.mp.runtime.multiprocessing.ipc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;

/** What tests with child JVMs share: a thread pool for concurrent checks, and children, all ended after each test. */
abstract class ChildJvmTestBase {
    static final long MS = 1_000_000L;
    final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    });
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        for (Process p : children) p.destroyForcibly();
        pool.shutdownNow();
    }

    /** Starts an {@link IpcChild} with {@code args}; it is killed after the test. */
    Process spawn(String... args) throws IOException {
        List<String> cmd = MultiProcessTest.javaCommand(true);
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(p);
        return p;
    }
}
