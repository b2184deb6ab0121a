package dev.mp.runtime.nodes.attribute;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

import dev.mp.runtime.MpLanguage;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.objects.PGetSet;
import dev.mp.runtime.objects.PInstance;
import dev.mp.runtime.objects.PMethod;
import dev.mp.runtime.objects.PProperty;
import dev.mp.runtime.ops.Attributes;
import dev.mp.runtime.ops.Types;

/**
 * Reads {@code obj.name} (raising AttributeError as {@link Attributes#get} does when it is absent).
 *
 * <p>For an instance of a class made by a {@code class} statement, what the generic look-up would decide before
 * it looks at the instance's dict depends only on the class's MRO: no {@code __getattribute__}/{@code __getattr__}
 * hook and no data descriptor under {@code name} means "the instance's dict, then the class attribute". That plan
 * is cached per class for as long as the namespaces of its MRO are unchanged, so a read costs one dict probe (and
 * binding a method when the class attribute is a function). Every other case goes to {@link Attributes#get}.
 */
public abstract class GetAttributeNode extends Node {
    static final int CACHE_SIZE = 3;

    protected final String name;

    protected GetAttributeNode(String name) {
        this.name = name;
    }

    /** @param name an interned attribute name (namespace keys from source are interned, and compared by identity) */
    public static GetAttributeNode create(String name) {
        return GetAttributeNodeGen.create(name.intern());
    }

    public abstract Object execute(Object obj);

    @Specialization(guards = "obj.getPythonClass() == cachedType", assumptions = {"unchanged", "singleContext"}, limit = "CACHE_SIZE")
    protected Object instance(PInstance obj,
                              @Cached("obj.getPythonClass()") PClass cachedType,
                              @Cached(value = "cachedType.mroUnchanged()", dimensions = 1) Assumption[] unchanged,
                              @Cached("singleContext()") Assumption singleContext,
                              @Cached("cachedType.lookup(name)") Object classAttribute,
                              @Cached("isDictFirst(cachedType, classAttribute)") boolean dictFirst) {
        if (dictFirst) {
            Object own = obj.dict().get(name);
            if (own != null) {
                return own;
            }
            if (classAttribute instanceof PFunction) {
                return new PMethod(obj, classAttribute);
            }
        }
        return generic(obj, name);
    }

    @Specialization(replaces = "instance")
    protected Object other(Object obj) {
        return generic(obj, name);
    }

    @TruffleBoundary
    private static Object generic(Object obj, String name) {
        return Attributes.get(obj, name);
    }

    /** Classes of class statements belong to one context: their look-ups are cached only while the language serves one. */
    protected final Assumption singleContext() {
        return MpLanguage.get(this).singleContextAssumption();
    }

    /**
     * Whether a read is "the instance's dict, then the class attribute": no attribute hooks, no data descriptor
     * (whose kind could change without the MRO's namespaces changing, when it is an instance of a user class), and
     * not one of the names the generic look-up answers itself.
     */
    protected final boolean isDictFirst(PClass type, Object classAttribute) {
        return !type.hasAttributeHooks() && !name.equals("__class__") && !name.equals("__dict__")
                && !(classAttribute instanceof PProperty) && !(classAttribute instanceof PGetSet)
                && !Types.hasOverrides(classAttribute);
    }
}
