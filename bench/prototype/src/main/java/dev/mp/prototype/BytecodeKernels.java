package dev.mp.prototype;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.bytecode.BytecodeConfig;
import com.oracle.truffle.api.bytecode.BytecodeLocal;
import com.oracle.truffle.api.bytecode.BytecodeParser;
import com.oracle.truffle.api.bytecode.BytecodeRootNode;
import com.oracle.truffle.api.bytecode.GenerateBytecode;
import com.oracle.truffle.api.bytecode.Operation;
import com.oracle.truffle.api.bytecode.Variadic;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.RootNode;

/**
 * The Bytecode DSL design: one interpreter loop over quickened instructions, locals and operands kept unboxed
 * as {@code long}/{@code boolean} where they stay so, a {@code while} that is an OSR-able loop by construction,
 * calls through an inline cache of {@link DirectCallNode}s.
 */
final class BytecodeKernels {
    private BytecodeKernels() {
    }

    @GenerateBytecode(languageClass = ProtoLanguage.class, boxingEliminationTypes = {long.class, boolean.class})
    abstract static class KernelRootNode extends RootNode implements BytecodeRootNode {
        protected KernelRootNode(ProtoLanguage language, FrameDescriptor frameDescriptor) {
            super(language, frameDescriptor);
        }

        @Operation
        static final class Add {
            @Specialization(rewriteOn = ArithmeticException.class)
            static long longs(long a, long b) {
                return Math.addExact(a, b);
            }

            @Specialization(replaces = "longs")
            static Object ints(Object a, Object b) {
                return Ints.add(a, b);
            }
        }

        @Operation
        static final class Sub {
            @Specialization(rewriteOn = ArithmeticException.class)
            static long longs(long a, long b) {
                return Math.subtractExact(a, b);
            }

            @Specialization(replaces = "longs")
            static Object ints(Object a, Object b) {
                return Ints.sub(a, b);
            }
        }

        @Operation
        static final class Mod {
            @Specialization(guards = "b > 0")
            static long positive(long a, long b) {
                return Math.floorMod(a, b);
            }

            @Specialization(replaces = "positive")
            static Object ints(Object a, Object b) {
                return Ints.mod(a, b);
            }
        }

        @Operation
        static final class Less {
            @Specialization
            static boolean longs(long a, long b) {
                return a < b;
            }

            @Specialization(replaces = "longs")
            static boolean ints(Object a, Object b) {
                return Ints.less(a, b);
            }
        }

        @Operation
        static final class Invoke {
            @Specialization(guards = "function.target == cachedTarget", limit = "3")
            static Object direct(ProtoFunction function, @Variadic Object[] arguments,
                                 @Cached("function.target") RootCallTarget cachedTarget,
                                 @Cached("create(cachedTarget)") DirectCallNode call) {
                return call.call(arguments);
            }

            @Specialization(replaces = "direct")
            static Object indirect(ProtoFunction function, @Variadic Object[] arguments, @Cached IndirectCallNode call) {
                return call.call(function.target, arguments);
            }
        }
    }

    static ProtoFunction build(ProtoLanguage language, String kernel) {
        ProtoFunction function = new ProtoFunction();
        BytecodeParser<KernelRootNodeGen.Builder> parser = switch (kernel) {
            case "fib" -> b -> fib(b, function);
            case "loop" -> BytecodeKernels::loop;
            default -> throw new IllegalArgumentException("no kernel " + kernel);
        };
        KernelRootNode root = KernelRootNodeGen.create(language, BytecodeConfig.DEFAULT, parser).getNode(0);
        function.target = root.getCallTarget();
        return function;
    }

    /** {@code return n if n < 2 else fib(n - 1) + fib(n - 2)} */
    private static void fib(KernelRootNodeGen.Builder b, ProtoFunction self) {
        b.beginRoot();
        b.beginIfThenElse();
        b.beginLess();
        b.emitLoadArgument(0);
        b.emitLoadConstant(2L);
        b.endLess();
        b.beginReturn();
        b.emitLoadArgument(0);
        b.endReturn();
        b.beginReturn();
        b.beginAdd();
        for (long k = 1; k <= 2; k++) {
            b.beginInvoke();
            b.emitLoadConstant(self);
            b.beginSub();
            b.emitLoadArgument(0);
            b.emitLoadConstant(k);
            b.endSub();
            b.endInvoke();
        }
        b.endAdd();
        b.endReturn();
        b.endIfThenElse();
        b.endRoot();
    }

    /** {@code s = 0; i = 0; while i < n: s += i % 7; i += 1; return s} */
    private static void loop(KernelRootNodeGen.Builder b) {
        b.beginRoot();
        BytecodeLocal s = b.createLocal();
        BytecodeLocal i = b.createLocal();
        b.beginStoreLocal(s);
        b.emitLoadConstant(0L);
        b.endStoreLocal();
        b.beginStoreLocal(i);
        b.emitLoadConstant(0L);
        b.endStoreLocal();
        b.beginWhile();
        b.beginLess();
        b.emitLoadLocal(i);
        b.emitLoadArgument(0);
        b.endLess();
        b.beginBlock();
        b.beginStoreLocal(s);
        b.beginAdd();
        b.emitLoadLocal(s);
        b.beginMod();
        b.emitLoadLocal(i);
        b.emitLoadConstant(7L);
        b.endMod();
        b.endAdd();
        b.endStoreLocal();
        b.beginStoreLocal(i);
        b.beginAdd();
        b.emitLoadLocal(i);
        b.emitLoadConstant(1L);
        b.endAdd();
        b.endStoreLocal();
        b.endBlock();
        b.endWhile();
        b.beginReturn();
        b.emitLoadLocal(s);
        b.endReturn();
        b.endRoot();
    }
}
