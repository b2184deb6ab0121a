package dev.mp.runtime.nodes.builtin;

import com.oracle.truffle.api.nodes.Node;

import dev.mp.runtime.objects.BuiltinIntrinsic;
import dev.mp.runtime.objects.PBuiltinFunction;

/**
 * A builtin function run at its call site as a node (builtins marked with a {@link BuiltinIntrinsic}): the common
 * cases are specializations the compiler can inline, instead of a call through the function's body behind a
 * boundary.
 *
 * <p>Contract: a node takes exactly {@link #arity()} positional arguments; for those it handles it gives what the
 * builtin's body gives, and for any others it gives null, and the caller then calls the builtin the generic way
 * (which also reports every error with CPython's message). A node never raises where the body would not.
 */
public abstract class BuiltinNode extends Node {
    /** The number of positional arguments a call must pass for this node to run it (and no keywords). */
    public abstract int arity();

    /** The builtin's result for {@code args} (exactly {@link #arity()} of them), or null to call it the generic way. */
    public abstract Object call(PBuiltinFunction builtin, Object[] args);

    /** The node of {@code intrinsic}'s builtin; the list of the builtins that have one. */
    public static BuiltinNode create(BuiltinIntrinsic intrinsic) {
        return switch (intrinsic) {
            case LEN -> LenNodeGen.create();
            case ISINSTANCE -> IsInstanceNodeGen.create();
            case ABS -> AbsNodeGen.create();
            case ORD -> OrdNodeGen.create();
        };
    }

    /** A builtin of one argument. */
    public abstract static class Unary extends BuiltinNode {
        @Override
        public final int arity() {
            return 1;
        }

        @Override
        public final Object call(PBuiltinFunction builtin, Object[] args) {
            return execute(args[0]);
        }

        public abstract Object execute(Object argument);
    }

    /** A builtin of two arguments. */
    public abstract static class Binary extends BuiltinNode {
        @Override
        public final int arity() {
            return 2;
        }

        @Override
        public final Object call(PBuiltinFunction builtin, Object[] args) {
            return execute(args[0], args[1]);
        }

        public abstract Object execute(Object first, Object second);
    }
}
