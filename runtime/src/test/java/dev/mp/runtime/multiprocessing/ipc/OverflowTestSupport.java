package dev.mp.runtime.multiprocessing.ipc;

import dev.mp.runtime.multiprocessing.shm.SharedRegion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

/** Looks at the files a queue keeps in the shared memory directory. */
final class OverflowTestSupport {
    private OverflowTestSupport() {}

    /** The files of {@code region} other than its users file: spilled items and overflow segments. */
    static List<String> filesOf(String region) {
        try (Stream<java.nio.file.Path> files = Files.list(SharedRegion.directory())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith(region + ".") && !n.endsWith(".users")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> overflowFiles(ShmQueue q) {
        return filesOf(q.regionName());
    }

    /** Every file of {@code region}, the region itself included. */
    static List<String> allFilesOf(String region) {
        try (Stream<java.nio.file.Path> files = Files.list(SharedRegion.directory())) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(region)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
