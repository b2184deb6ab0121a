package dev.mp.runtime.nodes.builtin;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PInstance;
import dev.mp.runtime.ops.Types;

/**
 * {@code isinstance(obj, cls)} for a class whose metaclass is {@code type} (so no {@code __instancecheck__}):
 * whether {@code obj}'s type is {@code cls} or a subclass of it. An instance of a class statement that is not one
 * goes the generic way, which also asks its {@code __class__}; a tuple or union of classes does too.
 * METH_FASTCALL in CPython: no recursion check.
 */
public abstract class IsInstanceNode extends BuiltinNode.Binary {
    @Specialization(guards = "cls.getPythonClass() == TYPE")
    protected static Object plainClass(Object obj, PClass cls) {
        if (Types.typeOf(obj).isSubclassOf(cls)) {
            return true;
        }
        return obj instanceof PInstance ? null : Boolean.FALSE;
    }

    @Fallback
    protected static Object other(Object obj, Object spec) {
        return null;
    }

    protected static final PClass TYPE = BuiltinClasses.TYPE;
}
