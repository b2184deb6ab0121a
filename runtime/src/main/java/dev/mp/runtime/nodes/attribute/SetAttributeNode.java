package dev.mp.runtime.nodes.attribute;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

import dev.mp.runtime.MpLanguage;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PGetSet;
import dev.mp.runtime.objects.PInstance;
import dev.mp.runtime.objects.PProperty;
import dev.mp.runtime.ops.Attributes;
import dev.mp.runtime.ops.Types;

/**
 * Sets {@code obj.name = value}. For an instance of a class made by a {@code class} statement whose MRO has no
 * {@code __setattr__} override, no data descriptor (nor anything that could become one) under {@code name} and no
 * {@code __slots__} leaving it out, the generic path ends in a store into the instance's dict: that plan is cached
 * per class while the namespaces of its MRO are unchanged (as in {@link GetAttributeNode}). Everything else goes to
 * {@link Attributes#set}.
 */
public abstract class SetAttributeNode extends Node {
    static final int CACHE_SIZE = 3;

    protected final String name;

    protected SetAttributeNode(String name) {
        this.name = name;
    }

    /** @param name an interned attribute name */
    public static SetAttributeNode create(String name) {
        return SetAttributeNodeGen.create(name.intern());
    }

    public abstract void execute(Object obj, Object value);

    @Specialization(guards = "obj.getPythonClass() == cachedType", assumptions = {"unchanged", "singleContext"}, limit = "CACHE_SIZE")
    protected void instance(PInstance obj, Object value,
                            @Cached("obj.getPythonClass()") PClass cachedType,
                            @Cached(value = "cachedType.mroUnchanged()", dimensions = 1) Assumption[] unchanged,
                            @Cached("singleContext()") Assumption singleContext,
                            @Cached("isDictStore(cachedType)") boolean dictStore) {
        if (dictStore) {
            obj.dict().put(name, value);
        } else {
            generic(obj, name, value);
        }
    }

    @Specialization(replaces = "instance")
    protected void other(Object obj, Object value) {
        generic(obj, name, value);
    }

    @TruffleBoundary
    private static void generic(Object obj, String name, Object value) {
        Attributes.set(obj, name, value);
    }

    protected final Assumption singleContext() {
        return MpLanguage.get(this).singleContextAssumption();
    }

    @TruffleBoundary
    protected final boolean isDictStore(PClass type) {
        Object descr = type.lookup(name);
        java.util.Set<String> slots = type.instanceSlots();
        return type.lookup("__setattr__") == dev.mp.runtime.objects.BuiltinClasses.OBJECT.lookup("__setattr__")
                && !name.equals("__class__") && !name.equals("__dict__") && (slots == null || slots.contains(name))
                && !(descr instanceof PProperty) && !(descr instanceof PGetSet) && !Types.hasOverrides(descr);
    }
}
