package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.oracle.truffle.api.TruffleFile;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.Signals;
import dev.mp.runtime.builtins.StructSequence;
import dev.mp.runtime.objects.PBuiltinFunction;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Sizes;
import dev.mp.runtime.ops.Types;
import dev.mp.runtime.posix.Libc;

/**
 * The {@code posix} module: the operating system calls that {@code os} (a bundled mp module, as CPython's
 * os.py over posix) builds on. Files are reached through the context's Truffle environment, so the
 * embedder's IO policy applies; the environment is the one the embedder gave the context.
 */
final class PosixModule {
    private PosixModule() {
    }

    private static final String[] STAT_FIELDS = {"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime",
        "st_mtime", "st_ctime"};
    /** The float times replace the int ones of the tuple as attributes, as in CPython. */
    private static final String[] STAT_EXTRA_FIELDS = {"st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_rdev"};
    private static final StructSequence STAT_RESULT = StructSequence.define("os", "stat_result", STAT_FIELDS, STAT_EXTRA_FIELDS);

    private static final StructSequence UNAME_RESULT = StructSequence.define("posix", "uname_result",
            new String[] {"sysname", "nodename", "release", "version", "machine"}, new String[0]);

    private static final List<TruffleFile.AttributeDescriptor<?>> STAT_ATTRIBUTES = List.of(TruffleFile.UNIX_MODE, TruffleFile.UNIX_INODE,
            TruffleFile.UNIX_DEV, TruffleFile.UNIX_NLINK, TruffleFile.UNIX_UID, TruffleFile.UNIX_GID, TruffleFile.SIZE, TruffleFile.LAST_ACCESS_TIME,
            TruffleFile.LAST_MODIFIED_TIME, TruffleFile.UNIX_CTIME, TruffleFile.UNIX_RDEV);

    private static final SecureRandom ENTROPY = new SecureRandom();

    static void populate(PModule m, MpContext context) {
        m.dict().put("stat_result", STAT_RESULT.type());
        PDict environ = new PDict();
        for (Map.Entry<String, String> e : context.env().getEnvironment().entrySet()) {
            environ.put(e.getKey(), e.getValue());
        }
        m.dict().put("environ", environ);

        moduleFunction(m, "getpid", "", a -> ProcessHandle.current().pid());
        moduleFunction(m, "_exit", "status, /", a -> {
            // Ends the program at once with the status: no exit hooks (joining children), no finally blocks.
            Object index = Conversions.index(a[0]);
            if (!(index instanceof Long l) || l != (int) (long) l) {
                throw Errors.overflowError("Python int too large to convert to C int");
            }
            int status = (int) (long) l;
            context.env().getContext().closeExited(null, status);
            return PNone.NONE;
        });
        moduleFunction(m, "getppid", "", a -> ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L));
        m.dict().put("uname_result", UNAME_RESULT.type());
        moduleFunction(m, "uname", "", a -> UNAME_RESULT.make(Libc.uname()));
        // Not os's: the bundled platform module reads glibc's version here (None for another C library).
        moduleFunction(m, "_glibc_version", "", a -> {
            String version = Libc.glibcVersion();
            return version == null ? PNone.NONE : version;
        });
        moduleFunction(m, "cpu_count", "", a -> (long) Runtime.getRuntime().availableProcessors());
        moduleFunction(m, "urandom", "size, /", a -> {
            long n = Conversions.asLong(a[0]);
            if (n < 0) {
                throw Errors.valueError("negative argument not allowed");
            }
            if (n > Long.MAX_VALUE - 33) {
                throw Errors.overflowError("byte string is too large"); // CPython's bytes object would overflow Py_ssize_t
            }
            byte[] bytes = new byte[Sizes.length(n)];
            ENTROPY.nextBytes(bytes);
            return new PBytes(bytes);
        });
        moduleFunction(m, "kill", "pid, signal, /", a -> {
            Signals.send(Conversions.asLong(a[0]), (int) Conversions.asLong(a[1]));
            return PNone.NONE;
        });
        moduleFunction(m, "getcwd", "", a -> {
            try {
                return context.env().getCurrentWorkingDirectory().getPath();
            } catch (SecurityException e) {
                throw Errors.osError(1, "Operation not permitted", null);
            }
        });
        fileFunction(m, "chdir", "path", a -> {
            String path = path(a[0], "chdir", false);
            TruffleFile dir = file(context, path);
            if (!dir.exists()) {
                throw Errors.osError(2, "No such file or directory", path);
            }
            if (!dir.isDirectory()) {
                throw Errors.osError(20, "Not a directory", path);
            }
            context.env().setCurrentWorkingDirectory(dir.getAbsoluteFile().normalize());
            return PNone.NONE;
        });
        fileFunction(m, "listdir", "path=None", a -> {
            String path = a[0] == PNone.NONE ? "." : path(a[0], "listdir", true);
            TruffleFile dir = file(context, path);
            if (dir.exists() && !dir.isDirectory()) {
                throw Errors.osError(20, "Not a directory", path);
            }
            PList names = new PList();
            try {
                for (TruffleFile f : dir.list()) {
                    names.add(f.getName());
                }
            } catch (IOException e) {
                throw Errors.osError(e, path, null);
            }
            return names;
        });
        fileFunction(m, "mkdir", "path, mode=511, *, dir_fd=None", a -> {
            String path = path(a[0], "mkdir", false);
            long mode = Conversions.asLong(a[1]);
            try {
                TruffleFile dir = file(context, path);
                if (mode == 0777) {
                    dir.createDirectory();
                } else {
                    dir.createDirectory(PosixFilePermissions.asFileAttribute(permissions(mode)));
                }
            } catch (IOException e) {
                throw Errors.osError(e, path, null);
            }
            return PNone.NONE;
        });
        fileFunction(m, "rmdir", "path, *, dir_fd=None", a -> {
            String path = path(a[0], "rmdir", false);
            TruffleFile dir = file(context, path);
            if (dir.exists(LinkOption.NOFOLLOW_LINKS) && !dir.isDirectory(LinkOption.NOFOLLOW_LINKS)) {
                throw Errors.osError(20, "Not a directory", path);
            }
            delete(dir, path);
            return PNone.NONE;
        });
        for (String name : new String[] {"remove", "unlink"}) {
            fileFunction(m, name, "path, *, dir_fd=None", a -> {
                String path = path(a[0], name, false);
                TruffleFile f = file(context, path);
                if (f.isDirectory(LinkOption.NOFOLLOW_LINKS)) {
                    throw Errors.osError(21, "Is a directory", path);
                }
                delete(f, path);
                return PNone.NONE;
            });
        }
        for (String name : new String[] {"rename", "replace"}) {
            fileFunction(m, name, "src, dst, *, src_dir_fd=None, dst_dir_fd=None", a -> {
                String src = path(a[0], name, false);
                String dst = path(a[1], name, false);
                TruffleFile from = file(context, src);
                TruffleFile to = file(context, dst);
                try {
                    if (!from.exists(LinkOption.NOFOLLOW_LINKS)) {
                        throw Errors.osError(2, "No such file or directory", src, dst);
                    }
                    if (to.isDirectory() && !from.isDirectory(LinkOption.NOFOLLOW_LINKS)) {
                        throw Errors.osError(21, "Is a directory", src, dst);
                    }
                    // rename(2) replaces the target atomically, which is what an atomic move does.
                    from.move(to, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw Errors.osError(e, src, dst);
                }
                return PNone.NONE;
            });
        }
        fileFunction(m, "stat", "path, *, dir_fd=None, follow_symlinks=True", a -> {
            String path = path(a[0], "stat", false);
            return stat(file(context, path), path, Conversions.isTrue(a[2]));
        });
        fileFunction(m, "lstat", "path, *, dir_fd=None", a -> {
            String path = path(a[0], "lstat", false);
            return stat(file(context, path), path, false);
        });
        fileFunction(m, "readlink", "path, *, dir_fd=None", a -> {
            String path = path(a[0], "readlink", false);
            TruffleFile link = file(context, path);
            try {
                if (link.exists(LinkOption.NOFOLLOW_LINKS) && !link.isSymbolicLink()) {
                    throw Errors.osError(22, "Invalid argument", path);
                }
                return link.readSymbolicLink().getPath();
            } catch (IOException e) {
                throw Errors.osError(e, path, null);
            }
        });
        fileFunction(m, "access", "path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True", a -> {
            String path = path(a[0], "access", false);
            long mode = Conversions.asLong(a[1]);
            TruffleFile f = file(context, path);
            boolean ok = f.exists() && ((mode & 4) == 0 || f.isReadable()) && ((mode & 2) == 0 || f.isWritable())
                    && ((mode & 1) == 0 || f.isExecutable());
            return ok;
        });
        fileFunction(m, "chmod", "path, mode, *, dir_fd=None, follow_symlinks=True", a -> {
            String path = path(a[0], "chmod", false);
            try {
                file(context, path).setPosixPermissions(permissions(Conversions.asLong(a[1])));
            } catch (IOException e) {
                throw Errors.osError(e, path, null);
            }
            return PNone.NONE;
        });
        // (total, used, free) bytes of the file system holding path, for shutil.disk_usage. The path is checked
        // through the Truffle file system first, so the embedder's IO policy decides whether it may be seen.
        fileFunction(m, "_disk_usage", "path", a -> {
            String path = path(a[0], "disk_usage", false);
            TruffleFile f = file(context, path);
            if (!f.exists()) {
                throw Errors.osError(2, "No such file or directory", path);
            }
            try {
                java.nio.file.FileStore store = java.nio.file.Files.getFileStore(java.nio.file.Path.of(f.getAbsoluteFile().getPath()));
                long total = store.getTotalSpace();
                long free = store.getUsableSpace();
                return PTuple.of(total, total - store.getUnallocatedSpace(), free);
            } catch (IOException | UnsupportedOperationException | java.nio.file.InvalidPathException e) {
                throw Errors.osError(5, "Input/output error", path);
            }
        });
        moduleFunction(m, "strerror", "code, /", a -> Libc.strerror((int) Conversions.asLong(a[0])));
        moduleFunction(m, "fspath", "path", a -> {
            if (a[0] instanceof String || a[0] instanceof PBytes) {
                return a[0];
            }
            Object fspath = Types.override(a[0], "__fspath__");
            if (fspath == null) {
                throw Errors.typeError("expected str, bytes or os.PathLike object, not %s", Types.typeName(a[0]));
            }
            Object r = Calls.callDescriptor(fspath, a[0]);
            if (!(r instanceof String) && !(r instanceof PBytes)) {
                throw Errors.typeError("expected %s.__fspath__() to return str or bytes, not %s", Types.typeName(a[0]), Types.typeName(r));
            }
            return r;
        });
    }

    /**
     * A function that reaches files: an access the embedder's IO policy denies raises PermissionError, with the
     * path of the first argument, as a denied system call would.
     */
    private static void fileFunction(PModule m, String name, String params, PBuiltinFunction.Body body) {
        moduleFunction(m, name, params, a -> {
            try {
                return body.call(a);
            } catch (SecurityException e) {
                throw Errors.osError(1, "Operation not permitted", a[0] instanceof String path ? path : null);
            }
        });
    }

    /**
     * A path argument: a str, or an object whose {@code __fspath__} returns one. CPython's message names the
     * function and what else it would have accepted.
     */
    static String path(Object o, String function, boolean noneAllowed) {
        // What a file object still holds reaches the file before any look at the file system (see PendingWrites).
        dev.mp.runtime.MpContext.get(null).flushPendingWrites();
        if (o instanceof String s) {
            return s;
        }
        Object fspath = Types.override(o, "__fspath__");
        if (fspath != null) {
            Object r = Calls.callDescriptor(fspath, o);
            if (r instanceof String s) {
                return s;
            }
            throw Errors.typeError("expected %s.__fspath__() to return str or bytes, not %s", Types.typeName(o), Types.typeName(r));
        }
        if (o instanceof PBytes b) {
            return new String(b.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String accepted = switch (function) {
            case "listdir" -> "string, bytes, os.PathLike, integer or None";
            case "stat", "chdir" -> "string, bytes, os.PathLike or integer";
            default -> "string, bytes or os.PathLike";
        };
        throw Errors.typeError("%s: path should be %s, not %s", function, accepted, Types.typeName(o));
    }

    /** The file at {@code path}; the empty path names no file, as for the C library. */
    private static TruffleFile file(MpContext context, String path) {
        if (path.isEmpty()) {
            throw Errors.osError(2, "No such file or directory", path);
        }
        try {
            // Absolute, so that every operation resolves it against the context's working directory.
            return context.env().getPublicTruffleFile(path).getAbsoluteFile();
        } catch (SecurityException e) {
            throw Errors.osError(1, "Operation not permitted", path);
        }
    }

    private static void delete(TruffleFile f, String path) {
        try {
            f.delete();
        } catch (IOException e) {
            throw Errors.osError(e, path, null);
        }
    }

    private static Set<PosixFilePermission> permissions(long mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1L << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }

    private static PTuple stat(TruffleFile f, String path, boolean followLinks) {
        TruffleFile.Attributes attrs;
        try {
            attrs = followLinks ? f.getAttributes(STAT_ATTRIBUTES) : f.getAttributes(STAT_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw Errors.osError(e, path, null);
        }
        long atime = nanos(attrs.get(TruffleFile.LAST_ACCESS_TIME));
        long mtime = nanos(attrs.get(TruffleFile.LAST_MODIFIED_TIME));
        long ctime = nanos(attrs.get(TruffleFile.UNIX_CTIME));
        Object[] visible = {(long) attrs.get(TruffleFile.UNIX_MODE), attrs.get(TruffleFile.UNIX_INODE), attrs.get(TruffleFile.UNIX_DEV),
            (long) attrs.get(TruffleFile.UNIX_NLINK), (long) attrs.get(TruffleFile.UNIX_UID), (long) attrs.get(TruffleFile.UNIX_GID),
            attrs.get(TruffleFile.SIZE), Math.floorDiv(atime, 1_000_000_000L), Math.floorDiv(mtime, 1_000_000_000L),
            Math.floorDiv(ctime, 1_000_000_000L)};
        return STAT_RESULT.make(visible, atime / 1e9, mtime / 1e9, ctime / 1e9, atime, mtime, ctime, attrs.get(TruffleFile.UNIX_RDEV));
    }

    private static long nanos(FileTime t) {
        return t.to(TimeUnit.NANOSECONDS);
    }
}
