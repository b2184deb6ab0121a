package dev.mp.prototype;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.NodeChild;
import com.oracle.truffle.api.dsl.NodeField;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RepeatingNode;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.nodes.UnexpectedResultException;

/**
 * The DSL-specialized AST design, in SimpleLanguage's style: typed {@code execute} methods so that a
 * {@code long} crosses from child to parent unboxed, frame slots whose kind specializes to {@code long}, a
 * {@link LoopNode} for {@code while}, calls through an inline cache of {@link DirectCallNode}s.
 */
final class AstKernels {
    private AstKernels() {
    }

    abstract static class Expr extends Node {
        abstract Object execute(VirtualFrame frame);

        long executeLong(VirtualFrame frame) throws UnexpectedResultException {
            Object value = execute(frame);
            if (value instanceof Long l) {
                return l;
            }
            throw new UnexpectedResultException(value);
        }

        boolean executeBoolean(VirtualFrame frame) {
            return (Boolean) execute(frame);
        }
    }

    static final class Constant extends Expr {
        private final long value;

        Constant(long value) {
            this.value = value;
        }

        @Override
        Object execute(VirtualFrame frame) {
            return value;
        }

        @Override
        long executeLong(VirtualFrame frame) {
            return value;
        }
    }

    static final class Argument extends Expr {
        private final int index;

        Argument(int index) {
            this.index = index;
        }

        @Override
        Object execute(VirtualFrame frame) {
            return frame.getArguments()[index];
        }
    }

    @NodeField(name = "slot", type = int.class)
    abstract static class ReadLocal extends Expr {
        abstract int getSlot();

        @Specialization(guards = "frame.isLong(getSlot())")
        long readLong(VirtualFrame frame) {
            return frame.getLong(getSlot());
        }

        @Specialization(replaces = "readLong")
        Object readObject(VirtualFrame frame) {
            return frame.getValue(getSlot());
        }
    }

    @NodeChild("value")
    @NodeField(name = "slot", type = int.class)
    abstract static class WriteLocal extends Expr {
        abstract int getSlot();

        @Specialization(guards = "isLongOrIllegal(frame)")
        long writeLong(VirtualFrame frame, long value) {
            frame.getFrameDescriptor().setSlotKind(getSlot(), FrameSlotKind.Long);
            frame.setLong(getSlot(), value);
            return value;
        }

        @Specialization(replaces = "writeLong")
        Object writeObject(VirtualFrame frame, Object value) {
            frame.getFrameDescriptor().setSlotKind(getSlot(), FrameSlotKind.Object);
            frame.setObject(getSlot(), value);
            return value;
        }

        boolean isLongOrIllegal(VirtualFrame frame) {
            FrameSlotKind kind = frame.getFrameDescriptor().getSlotKind(getSlot());
            return kind == FrameSlotKind.Long || kind == FrameSlotKind.Illegal;
        }
    }

    @NodeChild("left")
    @NodeChild("right")
    abstract static class Add extends Expr {
        @Specialization(rewriteOn = ArithmeticException.class)
        long longs(long a, long b) {
            return Math.addExact(a, b);
        }

        @Specialization(replaces = "longs")
        Object ints(Object a, Object b) {
            return Ints.add(a, b);
        }
    }

    @NodeChild("left")
    @NodeChild("right")
    abstract static class Sub extends Expr {
        @Specialization(rewriteOn = ArithmeticException.class)
        long longs(long a, long b) {
            return Math.subtractExact(a, b);
        }

        @Specialization(replaces = "longs")
        Object ints(Object a, Object b) {
            return Ints.sub(a, b);
        }
    }

    @NodeChild("left")
    @NodeChild("right")
    abstract static class Mod extends Expr {
        @Specialization(guards = "b > 0")
        long positive(long a, long b) {
            return Math.floorMod(a, b);
        }

        @Specialization(replaces = "positive")
        Object ints(Object a, Object b) {
            return Ints.mod(a, b);
        }
    }

    @NodeChild("left")
    @NodeChild("right")
    abstract static class Less extends Expr {
        @Specialization
        boolean longs(long a, long b) {
            return a < b;
        }

        @Specialization(replaces = "longs")
        boolean ints(Object a, Object b) {
            return Ints.less(a, b);
        }

        @Override
        abstract boolean executeBoolean(VirtualFrame frame);
    }

    static final class Conditional extends Expr {
        @Child private Expr condition;
        @Child private Expr then;
        @Child private Expr otherwise;

        Conditional(Expr condition, Expr then, Expr otherwise) {
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        Object execute(VirtualFrame frame) {
            return condition.executeBoolean(frame) ? then.execute(frame) : otherwise.execute(frame);
        }
    }

    static final class Block extends Expr {
        @Children private final Expr[] body;

        Block(Expr... body) {
            this.body = body;
        }

        @Override
        @ExplodeLoop
        Object execute(VirtualFrame frame) {
            Object last = null;
            for (Expr e : body) {
                last = e.execute(frame);
            }
            return last;
        }
    }

    static final class While extends Expr {
        @Child private LoopNode loop;

        While(Expr condition, Expr body) {
            this.loop = Truffle.getRuntime().createLoopNode(new Iteration(condition, body));
        }

        @Override
        Object execute(VirtualFrame frame) {
            loop.execute(frame);
            return null;
        }

        static final class Iteration extends Node implements RepeatingNode {
            @Child private Expr condition;
            @Child private Expr body;

            Iteration(Expr condition, Expr body) {
                this.condition = condition;
                this.body = body;
            }

            @Override
            public boolean executeRepeating(VirtualFrame frame) {
                if (!condition.executeBoolean(frame)) {
                    return false;
                }
                body.execute(frame);
                return true;
            }
        }
    }

    static final class Invoke extends Expr {
        @Child private Expr function;
        @Children private final Expr[] arguments;
        @Child private Dispatch dispatch = AstKernelsFactory.DispatchNodeGen.create();

        Invoke(Expr function, Expr... arguments) {
            this.function = function;
            this.arguments = arguments;
        }

        @Override
        @ExplodeLoop
        Object execute(VirtualFrame frame) {
            Object callee = function.execute(frame);
            Object[] values = new Object[arguments.length];
            for (int i = 0; i < arguments.length; i++) {
                values[i] = arguments[i].execute(frame);
            }
            return dispatch.execute((ProtoFunction) callee, values);
        }
    }

    /**
     * {@code -Dmp.prototype.executeRootDirectly=true}: a cached call runs the callee's root node itself instead of
     * going through its call target, to measure what the fallback runtime's call costs (its frame stack is kept
     * in thread-locals). Stack walking and guest stack traces do not see such calls.
     */
    static final boolean EXECUTE_ROOT_DIRECTLY = Boolean.getBoolean("mp.prototype.executeRootDirectly");

    abstract static class Dispatch extends Node {
        abstract Object execute(ProtoFunction function, Object[] arguments);

        @Specialization(guards = "function.target == cachedTarget", limit = "3")
        static Object direct(ProtoFunction function, Object[] arguments,
                             @Cached("function.target") RootCallTarget cachedTarget,
                             @Cached("create(cachedTarget)") DirectCallNode call) {
            if (EXECUTE_ROOT_DIRECTLY) {
                RootNode root = cachedTarget.getRootNode();
                return root.execute(Truffle.getRuntime().createVirtualFrame(arguments, root.getFrameDescriptor()));
            }
            return call.call(arguments);
        }

        @Specialization(replaces = "direct")
        static Object indirect(ProtoFunction function, Object[] arguments, @Cached IndirectCallNode call) {
            return call.call(function.target, arguments);
        }
    }

    static final class FunctionConstant extends Expr {
        private final ProtoFunction function;

        FunctionConstant(ProtoFunction function) {
            this.function = function;
        }

        @Override
        Object execute(VirtualFrame frame) {
            return function;
        }
    }

    static final class KernelRoot extends RootNode {
        @Child private Expr body;

        KernelRoot(ProtoLanguage language, FrameDescriptor descriptor, Expr body) {
            super(language, descriptor);
            this.body = body;
        }

        @Override
        public Object execute(VirtualFrame frame) {
            return body.execute(frame);
        }
    }

    static ProtoFunction build(ProtoLanguage language, String kernel) {
        ProtoFunction function = new ProtoFunction();
        FrameDescriptor.Builder frame = FrameDescriptor.newBuilder();
        Expr body = switch (kernel) {
            case "fib" -> new Conditional(
                    AstKernelsFactory.LessNodeGen.create(new Argument(0), new Constant(2)),
                    new Argument(0),
                    AstKernelsFactory.AddNodeGen.create(
                            new Invoke(new FunctionConstant(function), AstKernelsFactory.SubNodeGen.create(new Argument(0), new Constant(1))),
                            new Invoke(new FunctionConstant(function), AstKernelsFactory.SubNodeGen.create(new Argument(0), new Constant(2)))));
            case "loop" -> {
                int s = frame.addSlot(FrameSlotKind.Illegal, "s", null);
                int i = frame.addSlot(FrameSlotKind.Illegal, "i", null);
                yield new Block(
                        AstKernelsFactory.WriteLocalNodeGen.create(new Constant(0), s),
                        AstKernelsFactory.WriteLocalNodeGen.create(new Constant(0), i),
                        new While(AstKernelsFactory.LessNodeGen.create(AstKernelsFactory.ReadLocalNodeGen.create(i), new Argument(0)),
                                new Block(
                                        AstKernelsFactory.WriteLocalNodeGen.create(AstKernelsFactory.AddNodeGen.create(
                                                AstKernelsFactory.ReadLocalNodeGen.create(s),
                                                AstKernelsFactory.ModNodeGen.create(AstKernelsFactory.ReadLocalNodeGen.create(i), new Constant(7))), s),
                                        AstKernelsFactory.WriteLocalNodeGen.create(AstKernelsFactory.AddNodeGen.create(
                                                AstKernelsFactory.ReadLocalNodeGen.create(i), new Constant(1)), i))),
                        AstKernelsFactory.ReadLocalNodeGen.create(s));
            }
            default -> throw new IllegalArgumentException("no kernel " + kernel);
        };
        function.target = new KernelRoot(language, frame.build(), body).getCallTarget();
        return function;
    }
}
