package dev.mp.runtime.objects;

/**
 * A function implemented in Java: a builtin, a module function, or a method of a builtin type (then the
 * first parameter is {@code self} and finding it on an instance binds it).
 */
public final class PBuiltinFunction extends PObject {

    /** The implementation; receives the arguments bound to the signature (absent optional ones are null). */
    @FunctionalInterface
    public interface Body {
        Object call(Object[] args);
    }

    private final String name;
    private final String ownerType;
    private final Signature signature;
    private final Object[] defaults;
    private final Object[] kwDefaults;
    private final Body body;
    /** {@link #displayName()}, made once: every call passes it to the argument binder. */
    private final String displayName;
    /** {@link #fixedPositionalArity()}, worked out once. */
    private final int fixedPositionalArity;
    /** Set once by {@link #setModule} for a module's function. */
    private String module;
    /** The one number of arguments that binds without the binder (see {@link #takesExactly}); -1 for none. */
    private final int plainArity;
    /** The type this builtin belongs to, and as what (set once, where it is defined); null for a plain function. */
    private PClass declaringType;
    private Role role;
    /** Whether CPython parses this function's arguments as a tuple (METH_VARARGS), which words its errors apart. */
    private boolean tupleParsed;
    /** Set once, where the builtin is defined, when call sites may run it as a node (see {@link BuiltinIntrinsic}). */
    private BuiltinIntrinsic intrinsic;

    private static final java.util.Set<String> CORE_TYPES = java.util.Set.of("str", "bytes", "bytearray", "list", "tuple", "dict", "set",
            "frozenset", "int", "float", "bool", "object", "complex");

    /**
     * @param ownerType the type whose method this is, or null for a plain function
     * @param defaults  defaults of the last positional parameters; a trailing parameter without one is required
     */
    public PBuiltinFunction(String name, String ownerType, Signature signature, Object[] defaults, Body body) {
        this(name, ownerType, signature, defaults, null, body);
    }

    /** @param kwDefaults defaults of the keyword-only parameters (null entries: absent gives null, not an error) */
    public PBuiltinFunction(String name, String ownerType, Signature signature, Object[] defaults, Object[] kwDefaults, Body body) {
        this.name = name;
        this.ownerType = ownerType;
        this.signature = signature;
        this.defaults = defaults;
        this.kwDefaults = kwDefaults == null ? new Object[signature.kwOnlyCount()] : kwDefaults;
        this.body = body;
        this.displayName = ownerType == null ? name : ownerType + "." + name;
        this.fixedPositionalArity = fixedPositionalArity(ownerType, signature, defaults);
        this.plainArity = signature.hasVarArgs() || signature.kwOnlyCount() > 0 || signature.hasVarKeywords() ? -1 : signature.size();
    }

    /**
     * Whether {@code n} positional arguments and no keywords are exactly this function's parameters, so that the
     * arguments as given are already bound: no {@code *args}, keyword-only parameters or {@code **kwargs}, and no
     * default in play.
     */
    public boolean takesExactly(int n) {
        return n == plainArity;
    }

    /**
     * What CPython's C functions and core-type methods of the calling conventions METH_NOARGS and METH_O have in
     * mp: 0 or 1 for a builtin that takes exactly that many positional-only arguments (besides {@code self}), and
     * -1 for any other. CPython's messages and recursion checks for such calls differ from the others'.
     */
    public int fixedPositionalArity() {
        return fixedPositionalArity;
    }

    private static int fixedPositionalArity(String ownerType, Signature sig, Object[] defaults) {
        if (sig.hasVarArgs() || sig.kwOnlyCount() > 0 || sig.hasVarKeywords() || defaults.length > 0) {
            return -1;
        }
        boolean method = ownerType != null;
        if (method ? !CORE_TYPES.contains(ownerType) : sig.posOnlyCount() != sig.positionalCount()) {
            return -1;
        }
        int params = sig.positionalCount() - (method ? 1 : 0);
        return params <= 1 ? params : -1;
    }

    public String name() {
        return name;
    }

    public String ownerType() {
        return ownerType;
    }

    public boolean isMethod() {
        return ownerType != null;
    }

    public Signature signature() {
        return signature;
    }

    public Object[] defaults() {
        return defaults;
    }

    public Object[] kwDefaults() {
        return kwDefaults;
    }

    public Body body() {
        return body;
    }

    /** The name used in argument errors, as CPython prints it. */
    public String displayName() {
        return displayName;
    }

    /** The module a module's function belongs to ({@code __module__}), null for any other. */
    public String module() {
        return module;
    }

    /** Records the module this function is defined in; done once, as the module is populated. */
    public void setModule(String moduleName) {
        this.module = moduleName;
    }

    /** What a builtin that belongs to a type is to it. */
    public enum Role {
        METHOD,
        CLASS_METHOD,
        STATIC_METHOD,
        /** Its {@code __new__}: the first parameter is the class being instantiated. */
        CONSTRUCTOR
    }

    /** The type this builtin belongs to, or null for a plain function: CPython names it in some argument errors. */
    public PClass declaringType() {
        return declaringType;
    }

    /** What this builtin is to {@link #declaringType}, or null. */
    public Role role() {
        return role;
    }

    /** Marks this as {@code role} of {@code type}; returns this. */
    public PBuiltinFunction markDeclaredBy(PClass type, Role role) {
        this.declaringType = type;
        this.role = role;
        return this;
    }

    public boolean isTupleParsed() {
        return tupleParsed;
    }

    /** Marks this as a function whose arguments CPython parses as a tuple; returns this. */
    public PBuiltinFunction markTupleParsed() {
        this.tupleParsed = true;
        return this;
    }

    /** Which builtin this is, when call sites may run it as a node; null for the others. */
    public BuiltinIntrinsic intrinsic() {
        return intrinsic;
    }

    /** Marks this builtin as {@code which} (its body must compute what the intrinsic's node computes); returns this. */
    public PBuiltinFunction markIntrinsic(BuiltinIntrinsic which) {
        this.intrinsic = which;
        return this;
    }

    /**
     * How CPython names the function in its "takes exactly one argument" and "takes no arguments" errors: with its
     * module, unless that is {@code builtins} ({@code time.sleep()}, {@code len()}).
     */
    public String functionStr() {
        return module == null || module.equals("builtins") ? displayName : module + "." + name;
    }

    @Override
    public PClass getPythonClass() {
        return BuiltinClasses.BUILTIN_FUNCTION;
    }
}
