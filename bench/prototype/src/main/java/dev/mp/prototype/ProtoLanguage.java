package dev.mp.prototype;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

/**
 * A language of two programs, {@code fib} and {@code loop}, each built in two designs: the source text is
 * {@code "<design> <kernel>"} with design {@code bytecode} or {@code ast}, and evaluating it gives the kernel as
 * an executable {@link ProtoFunction}. The kernels are the Python ones of {@code bench/programs/compute.py}:
 *
 * <pre>
 * def fib(n): return n if n &lt; 2 else fib(n - 1) + fib(n - 2)
 * def loop(n):
 *     s = 0; i = 0
 *     while i &lt; n: s += i % 7; i += 1
 *     return s
 * </pre>
 *
 * Integers are Python's: {@code long} until an operation overflows, then {@link java.math.BigInteger}.
 */
@TruffleLanguage.Registration(id = ProtoLanguage.ID, name = "mp core prototype", contextPolicy = TruffleLanguage.ContextPolicy.SHARED)
public final class ProtoLanguage extends TruffleLanguage<Object> {
    public static final String ID = "mpproto";

    @Override
    protected Object createContext(Env env) {
        return env;
    }

    @Override
    protected CallTarget parse(ParsingRequest request) {
        String[] words = request.getSource().getCharacters().toString().trim().split("\\s+");
        if (words.length != 2) {
            throw new IllegalArgumentException("expected '<bytecode|ast> <fib|loop>'");
        }
        ProtoFunction kernel = switch (words[0]) {
            case "bytecode" -> BytecodeKernels.build(this, words[1]);
            case "ast" -> AstKernels.build(this, words[1]);
            default -> throw new IllegalArgumentException("no design " + words[0]);
        };
        return new RootNode(this) {
            @Override
            public Object execute(VirtualFrame frame) {
                return kernel;
            }
        }.getCallTarget();
    }
}
