package dev.mp.runtime.nodes.attribute;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

import dev.mp.runtime.MpLanguage;
import dev.mp.runtime.objects.PClass;

/**
 * Finds an attribute along a class's MRO ({@link PClass#lookup}), caching the result per class for as long as
 * the namespaces of the classes of that MRO are unchanged (their assumptions). Builtin classes are shared by every
 * context and never change after start-up; other classes belong to one context, so they are cached only while the
 * language serves one context.
 */
public abstract class LookupInMroNode extends Node {
    static final int CACHE_SIZE = 4;

    protected final String name;

    protected LookupInMroNode(String name) {
        this.name = name;
    }

    public static LookupInMroNode create(String name) {
        return LookupInMroNodeGen.create(name.intern());
    }

    /** The attribute's value in the first class of the MRO that has it, or null. */
    public abstract Object execute(PClass type);

    @Specialization(guards = "type == cachedType", assumptions = {"unchanged", "cacheable"}, limit = "CACHE_SIZE")
    protected static Object cached(PClass type,
                                   @Cached("type") PClass cachedType,
                                   @Cached(value = "type.mroUnchanged()", dimensions = 1) Assumption[] unchanged,
                                   @Cached("cacheable(cachedType)") Assumption cacheable,
                                   @Cached("type.lookup(name)") Object found) {
        return found;
    }

    @Specialization(replaces = "cached")
    protected Object uncached(PClass type) {
        return type.lookup(name);
    }

    /** Builtin classes are cacheable for good; the others while the language serves one context. */
    protected final Assumption cacheable(PClass type) {
        return type.isBuiltin() ? Assumption.ALWAYS_VALID : MpLanguage.get(this).singleContextAssumption();
    }
}
