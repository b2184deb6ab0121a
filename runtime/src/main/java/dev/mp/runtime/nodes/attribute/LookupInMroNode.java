package dev.mp.runtime.nodes.attribute;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

import dev.mp.runtime.MpLanguage;
import dev.mp.runtime.objects.PBuiltinFunction;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PFunction;

/**
 * Finds an attribute along a class's MRO ({@link PClass#lookup}), caching the result per class for as long as
 * the namespaces of the classes of that MRO are unchanged (their assumptions). Builtin classes are shared by every
 * context and never change after start-up; other classes belong to one context, so they are cached only while the
 * language serves one context.
 *
 * <p>For a method call ({@link #forMethodCall}) the answer is the function to call with the receiver prepended when
 * that is what the generic look-up plus a bound method would do (a Python function or a method of a builtin type,
 * and no {@code __getattribute__} hook, which is found along the same MRO); else null. The caller still checks an
 * instance's own dict.
 */
public abstract class LookupInMroNode extends Node {
    static final int CACHE_SIZE = 4;

    protected final String name;
    private final boolean methodCall;

    protected LookupInMroNode(String name, boolean methodCall) {
        this.name = name;
        this.methodCall = methodCall;
    }

    public static LookupInMroNode create(String name) {
        return LookupInMroNodeGen.create(name.intern(), false);
    }

    /** The look-up of {@code receiver.name(args)}: see the class comment. */
    public static LookupInMroNode forMethodCall(String name) {
        return LookupInMroNodeGen.create(name.intern(), true);
    }

    /** The attribute's value in the first class of the MRO that has it (for a method call, the method), or null. */
    public abstract Object execute(PClass type);

    @Specialization(guards = "type == cachedType", assumptions = {"unchanged", "cacheable"}, limit = "CACHE_SIZE")
    protected static Object cached(PClass type,
                                   @Cached("type") PClass cachedType,
                                   @Cached(value = "type.mroUnchanged()", dimensions = 1) Assumption[] unchanged,
                                   @Cached("cacheable(cachedType)") Assumption cacheable,
                                   @Cached("find(type)") Object found) {
        return found;
    }

    @Specialization(replaces = "cached")
    protected Object uncached(PClass type) {
        return find(type);
    }

    @TruffleBoundary
    protected final Object find(PClass type) {
        Object found = type.lookup(name);
        if (!methodCall) {
            return found;
        }
        boolean callable = found instanceof PFunction || found instanceof PBuiltinFunction b && b.isMethod();
        return callable && type.getattributeHook() == null ? found : null;
    }

    /** Builtin classes are cacheable for good; the others while the language serves one context. */
    protected final Assumption cacheable(PClass type) {
        return type.isBuiltin() ? Assumption.ALWAYS_VALID : MpLanguage.get(this).singleContextAssumption();
    }
}
