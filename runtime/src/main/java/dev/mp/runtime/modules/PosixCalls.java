package dev.mp.runtime.modules;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import dev.mp.runtime.ops.Errors;

/**
 * The C library calls of {@code os} that Java has no equivalent for: {@code kill}, {@code strerror}, {@code uname}
 * and glibc's version.
 */
public final class PosixCalls {
    private PosixCalls() {
    }

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle KILL = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("kill"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT),
            Linker.Option.captureCallState("errno"));
    private static final MethodHandle STRERROR_L = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("strerror_l"),
            FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS));
    private static final MethodHandle NEWLOCALE = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("newlocale"),
            FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
    /** LC_ALL_MASK of glibc. */
    private static final int LC_ALL_MASK = 8127;
    private static final MemorySegment C_LOCALE = newCLocale();

    private static MemorySegment newCLocale() {
        try {
            return (MemorySegment) NEWLOCALE.invokeExact(LC_ALL_MASK, Arena.global().allocateFrom("C"), MemorySegment.NULL);
        } catch (Throwable t) {
            throw new ExceptionInInitializerError(t);
        }
    }

    /** {@code os.kill(pid, sig)}: sends a signal, or raises the OSError for the errno kill(2) set. */
    public static void kill(long pid, int signal) {
        if (pid < Integer.MIN_VALUE || pid > Integer.MAX_VALUE) {
            throw Errors.overflowError("signed integer is greater than maximum");
        }
        int result;
        int errno;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE_LAYOUT);
            result = (int) KILL.invokeExact(capture, (int) pid, signal);
            errno = (int) ERRNO.get(capture, 0L);
        } catch (Throwable t) {
            throw Errors.internal(t);
        }
        if (result != 0) {
            throw Errors.osError(errno, strerror(errno), null);
        }
    }

    /** The C library's message for an errno, in the C locale (as CPython, which leaves LC_MESSAGES at "C"). */
    static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR_L.invokeExact(errno, C_LOCALE);
            return text.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw Errors.internal(t);
        }
    }

    /** glibc's {@code struct utsname}: six fields of 65 characters (sysname, nodename, release, version, machine, domainname). */
    private static final int UTSNAME_FIELD = 65;

    /**
     * {@code uname(2)}: sysname, nodename, release, version and machine; from the JVM's properties where the C
     * library has no Linux {@code uname} layout (os.version is the release, the version is then empty).
     */
    static String[] uname() {
        if (System.getProperty("os.name").equals("Linux")) {
            try (Arena arena = Arena.ofConfined()) {
                MethodHandle uname = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("uname"), FunctionDescriptor.of(JAVA_INT, ADDRESS));
                MemorySegment buffer = arena.allocate(UTSNAME_FIELD * 6L);
                if ((int) uname.invokeExact(buffer) == 0) {
                    String[] fields = new String[5];
                    for (int i = 0; i < fields.length; i++) {
                        fields[i] = buffer.getString(i * (long) UTSNAME_FIELD);
                    }
                    return fields;
                }
            } catch (Throwable t) {
                throw Errors.internal(t);
            }
        }
        String arch = System.getProperty("os.arch");
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return new String[] {System.getProperty("os.name"), host, System.getProperty("os.version"), "",
            arch.equals("amd64") ? "x86_64" : arch};
    }

    /** glibc's version ("2.36"), or null when the C library is not glibc. */
    static String glibcVersion() {
        var function = LINKER.defaultLookup().find("gnu_get_libc_version");
        if (function.isEmpty()) {
            return null;
        }
        try {
            MethodHandle version = LINKER.downcallHandle(function.get(), FunctionDescriptor.of(ADDRESS));
            return ((MemorySegment) version.invokeExact()).reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw Errors.internal(t);
        }
    }
}
