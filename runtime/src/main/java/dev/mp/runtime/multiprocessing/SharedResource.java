package dev.mp.runtime.multiprocessing;

/**
 * An object that crosses to another process by handle rather than by value: a lock is its shared-memory
 * descriptor, a socket is a token from which the receiver fetches the file descriptor itself.
 *
 * <p>The pickler writes {@link #resourceKind()} and {@link #shareHandle()}; the unpickler in the receiving
 * process passes the handle to the rebuilder registered under that kind with
 * {@link ResourceKinds#register}.
 */
public interface SharedResource {
    /** The name under which the receiving side's rebuilder is registered. */
    String resourceKind();

    /**
     * A handle the rebuilder turns back into an equivalent object in the receiving process. Called once per
     * pickling; it may raise a Python exception (for example on a closed socket).
     */
    String shareHandle();

    /**
     * The handle for a known receiving process (a child being started): resources whose other side must be
     * claimed by that very process (a pipe end the parent closes right after {@code start()}) grant it here.
     */
    default String shareHandle(long receiverPid) {
        return shareHandle();
    }

    /**
     * Python objects that travel with the handle and are pickled by value (a Barrier's action, say); they are
     * passed to the rebuilder. None by default.
     */
    default Object sharedState() {
        return dev.mp.runtime.objects.PNone.NONE;
    }
}
