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
 * For {@code obj.name(args)}: the function a type's MRO gives {@code name} when calling it with {@code obj} prepended
 * is what the generic look-up plus a bound method would do (a Python function or a method of a builtin type, and no
 * {@code __getattribute__} hook); null when the generic look-up must decide. Cached per type while the namespaces
 * of its MRO are unchanged (the hook is found along the same MRO). The caller still checks an instance's own dict.
 */
public abstract class LookupMethodNode extends Node {
    static final int CACHE_SIZE = 4;

    protected final String name;

    protected LookupMethodNode(String name) {
        this.name = name;
    }

    /** @param name an interned attribute name */
    public static LookupMethodNode create(String name) {
        return LookupMethodNodeGen.create(name.intern());
    }

    public abstract Object execute(PClass type);

    @Specialization(guards = "type == cachedType", assumptions = {"unchanged", "cacheable"}, limit = "CACHE_SIZE")
    protected static Object cached(PClass type,
                                   @Cached("type") PClass cachedType,
                                   @Cached(value = "type.mroUnchanged()", dimensions = 1) Assumption[] unchanged,
                                   @Cached("cacheable(cachedType)") Assumption cacheable,
                                   @Cached("plainMethod(cachedType, name)") Object method) {
        return method;
    }

    @Specialization(replaces = "cached")
    protected Object uncached(PClass type) {
        return plainMethod(type, name);
    }

    @TruffleBoundary
    protected static Object plainMethod(PClass type, String name) {
        Object descr = type.lookup(name);
        boolean callable = descr instanceof PFunction || descr instanceof PBuiltinFunction b && b.isMethod();
        return callable && type.getattributeHook() == null ? descr : null;
    }

    /** Builtin classes are cacheable for good; the others while the language serves one context. */
    protected final Assumption cacheable(PClass type) {
        return type.isBuiltin() ? Assumption.ALWAYS_VALID : MpLanguage.get(this).singleContextAssumption();
    }
}
