package dev.mp.runtime.multiprocessing.shm;

import java.io.File;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Entry point of the child JVMs started by the multi-process tests. */
public final class ShmChild {
    private ShmChild() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "stress" -> {
                ShmLock lock = ShmLock.attach(args[1]);
                MemorySegment seg = Regions.get(args[2]).segment();
                long off = Long.parseLong(args[3]);
                int n = Integer.parseInt(args[4]);
                ShmEvent go = ShmEvent.attach(args[5]);
                go.await(-1);
                for (int i = 0; i < n; i++) {
                    lock.acquire(true, -1);
                    long v = seg.get(ValueLayout.JAVA_LONG, off); // plain, non-atomic read-modify-write
                    seg.set(ValueLayout.JAVA_LONG, off, v + 1);
                    lock.release();
                }
            }
            case "holdLock" -> {
                ShmLock lock = ShmLock.attach(args[1]);
                lock.acquire(true, -1);
                ShmEvent.attach(args[2]).set();
                Thread.sleep(Long.MAX_VALUE);
            }
            case "holdRLock" -> {
                ShmRLock lock = ShmRLock.attach(args[1]);
                lock.acquire(true, -1);
                lock.acquire(true, -1);
                ShmEvent.attach(args[2]).set();
                Thread.sleep(Long.MAX_VALUE);
            }
            case "holdSem" -> {
                ShmSemaphore sem = ShmSemaphore.attach(args[1]);
                sem.acquire(true, -1);
                ShmEvent.attach(args[2]).set();
                Thread.sleep(Long.MAX_VALUE);
            }
            case "useSemAndWait" -> {
                ShmSemaphore sem = ShmSemaphore.attach(args[1]);
                sem.acquire(true, -1);
                sem.release();
                ShmSemaphore.attach(args[2]).release();
                Thread.sleep(Long.MAX_VALUE);
            }
            case "consumeSemAndExit" -> {
                ShmSemaphore sem = ShmSemaphore.attach(args[1]);
                sem.acquire(true, -1);
                ShmSemaphore.forgetHeldPermits();
            }
            case "createRegion" -> {
                SharedRegion r = SharedRegion.create(4096);
                System.out.println(r.name());
                System.out.flush();
                if (args.length > 1 && args[1].equals("exit")) {
                    return;
                }
                Thread.sleep(Long.MAX_VALUE);
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.exit(0);
    }

    /** A started child JVM running {@code ShmChild.main(args)}. */
    static Process start(String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Xshare:auto");
        cmd.add("-Dslf4j.internal.verbosity=ERROR");
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(ShmChild.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        return pb.start();
    }

    /** java.class.path plus the locations of our classes and slf4j (the JUnit console launcher hides them). */
    static String classPath() throws URISyntaxException {
        Set<String> cp = new LinkedHashSet<>();
        for (Class<?> c : new Class<?>[] {ShmChild.class, ShmLock.class, org.slf4j.LoggerFactory.class}) {
            var src = c.getProtectionDomain().getCodeSource();
            if (src != null && src.getLocation() != null) {
                cp.add(Path.of(src.getLocation().toURI()).toString());
            }
        }
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                cp.add(e);
            }
        }
        return String.join(File.pathSeparator, cp);
    }
}
