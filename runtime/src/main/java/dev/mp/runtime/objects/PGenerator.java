package dev.mp.runtime.objects;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.frame.MaterializedFrame;

/**
 * A generator: a suspended function frame. Resumption re-enters the body, and the resumable nodes
 * (blocks, loops, if, try, with) follow the positions they saved in the frame down to the yield that
 * suspended it (see nodes.function.GeneratorState).
 */
public final class PGenerator extends PObject {
    public final MaterializedFrame frame;
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

    public PGenerator(MaterializedFrame frame, RootCallTarget body, String name, String qualname) {
        this.frame = frame;
        this.body = body;
        this.name = name;
        this.qualname = qualname;
    }

    @Override
    public PClass getPythonClass() {
        return BuiltinClasses.GENERATOR;
    }
}
