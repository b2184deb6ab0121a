package dev.mp.runtime.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.MpException;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.ops.Arithmetic;
import dev.mp.runtime.ops.Arithmetic.BinOp;

/** A binary arithmetic or bitwise operator, with a fast path for two small ints. */
public final class BinaryNode extends MpExpressionNode {
    private final BinOp op;
    @Child private MpExpressionNode left;
    @Child private MpExpressionNode right;

    public BinaryNode(BinOp op, MpExpressionNode left, MpExpressionNode right) {
        this.op = op;
        this.left = left;
        this.right = right;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object a = left.execute(frame);
        Object b = right.execute(frame);
        if (a instanceof Long x && b instanceof Long y) {
            long l = x;
            long r = y;
            switch (op) {
                case ADD: {
                    long s = l + r;
                    if (((l ^ s) & (r ^ s)) >= 0) {
                        return s;
                    }
                    break;
                }
                case SUB: {
                    long s = l - r;
                    if (((l ^ r) & (l ^ s)) >= 0) {
                        return s;
                    }
                    break;
                }
                case MOD:
                    if (r > 0) {
                        return Math.floorMod(l, r);
                    }
                    break;
                default:
                    break;
            }
        }
        try {
            return Arithmetic.binary(op, a, b);
        } catch (MpException e) {
            throw failedHere(e);
        }
    }
}
