package dev.mp.runtime.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.attribute.LookupInMroNode;
import dev.mp.runtime.objects.ExpressionSpan;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PInstance;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.ops.Attributes;
import dev.mp.runtime.ops.HostInterop;
import dev.mp.runtime.ops.Types;

/**
 * {@code obj.name(args)}: when {@code name} is a plain method of the type, calls it with {@code obj} as
 * the first argument without making a bound-method object.
 */
public final class MethodCallNode extends CallNode {
    @Child private MpExpressionNode receiver;
    private final String name;
    @Child private LookupInMroNode lookup;

    public MethodCallNode(MpExpressionNode receiver, String name, MpExpressionNode[] positional, boolean[] starred,
                          String[] keywordNames, MpExpressionNode[] keywordValues, MpExpressionNode[] kwStarred) {
        super(null, positional, starred, keywordNames, keywordValues, kwStarred);
        this.receiver = receiver;
        // Interned, as the keys of namespaces made from source are, so a look-up compares them by identity.
        this.name = name.intern();
        this.lookup = LookupInMroNode.forMethodCall(name);
    }

    /** Where {@code receiver.name} is: the expression a failed method lookup is shown at. */
    private ExpressionSpan attributeSpan;

    /** Sets where the method's attribute expression is; returns this node. */
    public MethodCallNode withAttributeAt(ExpressionSpan where) {
        this.attributeSpan = where;
        return this;
    }

    @Override
    @ExplodeLoop
    public Object execute(VirtualFrame frame) {
        Object self = receiver.execute(frame);
        Object method = plainMethod(self);
        if (method == null) {
            Object bound;
            try {
                bound = Attributes.get(self, name);
            } catch (MpException e) {
                throw e.failedAt(attributeSpan);
            }
            if (isSimple()) {
                return callHere(bound, evaluatePositional(frame), null);
            }
            Arguments a = evaluate(frame, null, bound);
            return callHere(bound, a.values(), a.names());
        }
        if (isSimple()) {
            Object[] args = new Object[positional.length + 1];
            args[0] = self;
            for (int i = 0; i < positional.length; i++) {
                args[i + 1] = positional[i].execute(frame);
            }
            return callHere(method, args, null);
        }
        Arguments a = evaluate(frame, self, method);
        return callHere(method, a.values(), a.names());
    }

    /** The function to call with self prepended, or null when normal attribute lookup must decide. */
    private Object plainMethod(Object self) {
        if (self instanceof PModule || self instanceof PClass || self instanceof dev.mp.runtime.objects.PSuper || HostInterop.isForeign(self)) {
            return null;
        }
        if (self instanceof PInstance inst && inst.dict().mayContainStr(name) && inst.dict().get(name) != null) {
            return null;
        }
        return lookup.execute(Types.typeOf(self));
    }
}
