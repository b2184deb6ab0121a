package dev.mp.runtime.nodes.pattern;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.objects.PNone;

/** {@code None}, {@code True} or {@code False}: matches that very object (so {@code case True} does not match 1). */
public final class SingletonPatternNode extends PatternNode {
    private final Object singleton;

    public SingletonPatternNode(Object singleton) {
        this.singleton = singleton;
    }

    @Override
    public boolean matches(VirtualFrame frame, Object subject, Object[] captures) {
        return singleton == PNone.NONE ? subject == PNone.NONE : singleton.equals(subject);
    }
}
