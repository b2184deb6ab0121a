package dev.mp.runtime.nodes.function;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.controlflow.Completion;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PGenerator;
import dev.mp.runtime.objects.PNone;

/** {@code yield value}: suspends the generator; on resumption evaluates to the value sent in. */
public final class YieldNode extends SuspensionPointNode {
    private final int id;
    private final int generatorSlot;
    @Child private MpExpressionNode value;
    /** In an async generator: the value goes up marked as yielded, unlike what its awaits pass up to the event loop. */
    private final boolean asyncGenerator;

    public YieldNode(int id, int generatorSlot, MpExpressionNode value) {
        this(id, generatorSlot, value, false);
    }

    public YieldNode(int id, int generatorSlot, MpExpressionNode value, boolean asyncGenerator) {
        this.asyncGenerator = asyncGenerator;
        this.id = id;
        this.generatorSlot = generatorSlot;
        this.value = value;
    }

    @Override
    public int id() {
        return id;
    }

    /** The value sent in when the generator resumes here, else a {@link Completion.Suspend} with the value it gives. */
    @Override
    public Object executeOrSuspend(VirtualFrame frame) {
        PGenerator gen = GeneratorState.generator(frame, generatorSlot);
        if (gen.resuming && gen.suspendedAt == id) {
            gen.resuming = false;
            return resumeValue(gen);
        }
        Object v = value == null ? PNone.NONE : value.execute(frame);
        gen.suspendedAt = id;
        return new Completion.Suspend(asyncGenerator ? new dev.mp.runtime.ops.Coroutines.Yielded(v) : v);
    }

    static Object resumeValue(PGenerator gen) {
        Object thrown = gen.thrown;
        if (thrown != null) {
            gen.thrown = null;
            MpException e = ((PBaseException) thrown).javaException();
            e.reraiseHere();
            throw e;
        }
        Object sent = gen.sent;
        gen.sent = null;
        return sent == null ? PNone.NONE : sent;
    }
}
