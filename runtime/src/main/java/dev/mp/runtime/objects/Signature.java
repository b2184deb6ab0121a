package dev.mp.runtime.objects;

/**
 * The parameters of a function, in frame order: positional ones (the first {@link #posOnlyCount} of them
 * positional-only), then {@code *args} if present, then keyword-only ones, then {@code **kwargs} if present.
 */
public final class Signature {
    private final String[] names;
    private final int positionalCount;
    private final int posOnlyCount;
    private final boolean varArgs;
    private final int kwOnlyCount;
    private final boolean varKeywords;

    public Signature(String[] names, int positionalCount, int posOnlyCount, boolean varArgs, int kwOnlyCount, boolean varKeywords) {
        this.names = names;
        this.positionalCount = positionalCount;
        this.posOnlyCount = posOnlyCount;
        this.varArgs = varArgs;
        this.kwOnlyCount = kwOnlyCount;
        this.varKeywords = varKeywords;
    }

    /** A signature of positional-or-keyword parameters only. */
    public static Signature positional(String... names) {
        return new Signature(names, names.length, 0, false, 0, false);
    }

    public String[] names() {
        return names;
    }

    public int positionalCount() {
        return positionalCount;
    }

    public int posOnlyCount() {
        return posOnlyCount;
    }

    public boolean hasVarArgs() {
        return varArgs;
    }

    public int kwOnlyCount() {
        return kwOnlyCount;
    }

    public boolean hasVarKeywords() {
        return varKeywords;
    }

    public int varArgsIndex() {
        return positionalCount;
    }

    public int kwOnlyStart() {
        return positionalCount + (varArgs ? 1 : 0);
    }

    public int varKeywordsIndex() {
        return names.length - 1;
    }

    public int size() {
        return names.length;
    }
}
