package dev.mp.runtime.threading;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.builtins.BuiltinBuilder;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PSubclassable;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Classes;
import dev.mp.runtime.ops.Errors;

/**
 * {@code _thread._local}, which is {@code threading.local}: an object whose attributes each thread sees on its own.
 * The attribute dict that attribute access uses ({@link #attributes}) is the calling thread's, so a read is an
 * ordinary attribute read. A thread other than the creator that touches the object first runs the class's
 * {@code __init__} with the constructor's arguments, as CPython does. A thread's dict goes with the thread.
 */
public final class ThreadLocalData extends PSubclassable {
    static final PClass TYPE = new PClass("_local", "_thread", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN)
            .allowSubclasses();

    private final ThreadLocal<PDict> dicts = new ThreadLocal<>();
    private final Object[] initArgs;
    private final PDict initKeywords;

    private ThreadLocalData(PClass cls, Object[] initArgs, PDict initKeywords) {
        super(cls);
        this.initArgs = initArgs;
        this.initKeywords = initKeywords;
        dicts.set(new PDict()); // the creating thread's, which the class call's own __init__ fills
    }

    @Override
    @TruffleBoundary
    public PDict attributes() {
        PDict d = dicts.get();
        if (d == null) {
            d = new PDict();
            dicts.set(d); // before __init__, whose stores land in it
            Object init = getPythonClass().lookup("__init__");
            if (init != BuiltinClasses.OBJECT.lookup("__init__")) {
                Object[] positional = new Object[initArgs.length + 1];
                positional[0] = this;
                System.arraycopy(initArgs, 0, positional, 1, initArgs.length);
                Classes.Arguments a = Classes.Arguments.of(positional, initKeywords);
                Calls.call(init, a.values(), a.names());
            }
        }
        return d;
    }

    static void populate() {
        BuiltinBuilder.constructor(TYPE, "cls, *args, **kwargs", a -> {
            PClass cls = (PClass) a[0];
            Object[] args = ((PTuple) a[1]).items();
            PDict kwargs = (PDict) a[2];
            if ((args.length > 0 || kwargs.size() > 0) && cls.lookup("__init__") == BuiltinClasses.OBJECT.lookup("__init__")) {
                throw Errors.typeError("Initialization arguments are not supported");
            }
            return new ThreadLocalData(cls, args, kwargs);
        });
    }
}
