package dev.mp.runtime.objects;

import com.oracle.truffle.api.RootCallTarget;

import dev.mp.runtime.MpContext;

/**
 * A function made by {@code def} or {@code lambda}: code plus defaults, closure cells and globals.
 *
 * <p>Its call target takes the arguments {@code [function, bound parameters...]} in {@link Signature} order.
 */
public final class PFunction extends PObject {
    private String name;
    private String qualname;
    private final Signature signature;
    private final Object[] defaults;
    private final Object[] kwDefaults;
    private final PCell[] closure;
    private final PModule module;
    private final RootCallTarget callTarget;
    private final boolean generator;
    /** The context the function was made in, which every call of it runs in: cheaper to reach than a context lookup. */
    private final MpContext context;
    private Object doc = PNone.NONE;
    private PClass definingClass;
    private PDict attributes;
    /** {@code __module__} when assigned (functools.wraps does); null means the defining module's name. */
    private Object moduleName;

    public PFunction(String name, String qualname, Signature signature, Object[] defaults, Object[] kwDefaults, PCell[] closure,
                    PModule module, RootCallTarget callTarget, boolean generator, MpContext context) {
        this.context = context;
        this.name = name;
        this.qualname = qualname;
        this.signature = signature;
        this.defaults = defaults;
        this.kwDefaults = kwDefaults;
        this.closure = closure;
        this.module = module;
        this.callTarget = callTarget;
        this.generator = generator;
    }

    public MpContext context() {
        return context;
    }

    public String name() {
        return name;
    }

    /** Sets {@code __name__} (tracebacks keep showing the name the code was defined with, as CPython's do). */
    public void setName(String name) {
        this.name = name;
    }

    public Object moduleName() {
        return moduleName != null ? moduleName : module.name();
    }

    public void setModuleName(Object moduleName) {
        this.moduleName = moduleName;
    }

    public String qualname() {
        return qualname;
    }

    public void setQualname(String qualname) {
        this.qualname = qualname;
    }

    public Signature signature() {
        return signature;
    }

    /** Defaults of the last {@code defaults.length} positional parameters. */
    public Object[] defaults() {
        return defaults;
    }

    /** Defaults of the keyword-only parameters, null where one is required. */
    public Object[] kwDefaults() {
        return kwDefaults;
    }

    public PCell[] closure() {
        return closure;
    }

    public PModule module() {
        return module;
    }

    public RootCallTarget callTarget() {
        return callTarget;
    }

    public boolean isGenerator() {
        return generator;
    }

    public Object doc() {
        return doc;
    }

    public void setDoc(Object doc) {
        this.doc = doc;
    }

    /** The class whose body defined this function, for zero-argument {@code super()}. */
    public PClass definingClass() {
        return definingClass;
    }

    public void setDefiningClass(PClass definingClass) {
        this.definingClass = definingClass;
    }

    public PDict attributes() {
        if (attributes == null) {
            attributes = new PDict();
        }
        return attributes;
    }

    @Override
    public PClass getPythonClass() {
        return BuiltinClasses.FUNCTION;
    }
}
