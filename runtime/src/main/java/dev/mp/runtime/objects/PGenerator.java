package dev.mp.runtime.objects;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.frame.MaterializedFrame;

/**
 * A generator: a suspended function frame. Resumption re-enters the body, and the resumable nodes
 * (blocks, loops, if, try, with) follow the positions they saved in the frame down to the yield that
 * suspended it (see nodes.function.GeneratorState).
 */
public final class PGenerator extends PObject {
    /** The kinds of object a suspended function body is: what {@code def} with yield, {@code async def} and both make. */
    public static final int GENERATOR = 0;
    public static final int COROUTINE = 1;
    public static final int ASYNC_GENERATOR = 2;

    public final MaterializedFrame frame;
    /** {@link #GENERATOR}, {@link #COROUTINE} or {@link #ASYNC_GENERATOR}. */
    public final int kind;
    public final RootCallTarget body;
    public final String name;
    public final String qualname;
    /** True while a resumption is travelling down to the suspended yield. */
    public boolean resuming;
    /** The id of the yield that suspended the generator. */
    public int suspendedAt;
    /** The value sent in by {@code send}, delivered by the yield on resumption. */
    public Object sent;
    /** An exception thrown in by {@code throw}/{@code close}, raised by the yield on resumption. */
    public Object thrown;
    public boolean started;
    public boolean running;
    public boolean finished;
    /** What the body returned, once finished; StopIteration.value. */
    public Object returnValue = PNone.NONE;

    /** An async generator's asend/athrow awaitable in progress, which a second one may not overlap (CPython's rule). */
    public Object runningAwaitable;

    public PGenerator(MaterializedFrame frame, RootCallTarget body, String name, String qualname) {
        this(frame, body, name, qualname, GENERATOR);
    }

    public PGenerator(MaterializedFrame frame, RootCallTarget body, String name, String qualname, int kind) {
        this.frame = frame;
        this.kind = kind;
        this.body = body;
        this.name = name;
        this.qualname = qualname;
    }

    /** A plain generator, which is its own iterator (coroutines and async generators are not iterable). */
    public boolean isIterator() {
        return kind == GENERATOR;
    }

    @Override
    public PClass getPythonClass() {
        return kind == GENERATOR ? BuiltinClasses.GENERATOR : kind == COROUTINE ? BuiltinClasses.COROUTINE : BuiltinClasses.ASYNC_GENERATOR;
    }
}
