package dev.mp.runtime.nodes.function;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.objects.PGenerator;

/**
 * An operand of a generator's expression that is evaluated before a {@code yield} of the same expression: its value
 * is kept in a frame slot, and a resumption of the generator, which re-enters the statement to reach the yield it
 * stopped at, takes the kept value instead of evaluating the operand again (so {@code side() + (yield 1)} calls
 * {@code side} once, as in CPython). An operand that itself holds the yield being resumed is re-entered.
 */
public final class ResumableValueNode extends MpExpressionNode {
    @Child private MpExpressionNode operand;
    private final int slot;
    private final int generatorSlot;
    /** The ids of the yields inside the operand. */
    @CompilationFinal(dimensions = 1) private final int[] innerYields;

    public ResumableValueNode(MpExpressionNode operand, int slot, int generatorSlot, int[] innerYields) {
        this.operand = operand;
        this.slot = slot;
        this.generatorSlot = generatorSlot;
        this.innerYields = innerYields;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        PGenerator gen = GeneratorState.generator(frame, generatorSlot);
        if (gen.resuming && !holds(gen.suspendedAt)) {
            return frame.getObjectStatic(slot);
        }
        Object value = operand.execute(frame);
        frame.setObjectStatic(slot, value);
        return value;
    }

    @ExplodeLoop
    private boolean holds(int yieldId) {
        for (int id : innerYields) {
            if (id == yieldId) {
                return true;
            }
        }
        return false;
    }
}
