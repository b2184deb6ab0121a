package dev.mp.runtime.modules;

/**
 * A file object holding written data that has not reached the operating system yet. CPython closes (so flushes) a
 * file the moment its last reference goes, so {@code open(p, 'w').write(s)} followed by {@code open(p).read()}
 * sees {@code s}, and a file left open is flushed when the interpreter exits. mp has no reference counts: a file
 * with pending data notes itself in its context ({@link dev.mp.runtime.MpContext#notePendingWrites}), which
 * passes the data on before anything that could look at files (opening one, an {@code os} call on a path) and
 * when the context ends.
 */
public interface PendingWrites {
    /** Passes the pending data on to the operating system. */
    void writePending();
}
