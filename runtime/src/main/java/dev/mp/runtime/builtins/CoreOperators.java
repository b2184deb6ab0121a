package dev.mp.runtime.builtins;

import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.util.Locale;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PSingleton;
import dev.mp.runtime.ops.Arithmetic;
import dev.mp.runtime.ops.Arithmetic.BinOp;
import dev.mp.runtime.ops.Comparisons;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Sequences;

/**
 * The special methods of the core types ({@code int.__add__}, {@code str.__len__}, {@code tuple.__lt__}, ...).
 * The operations implement these types directly; the methods exist for code that calls or looks for them,
 * and return NotImplemented for operands the type does not handle, as CPython's slot wrappers do.
 */
final class CoreOperators {
    private CoreOperators() {
    }

    private static final BinOp[] NUMERIC = {BinOp.ADD, BinOp.SUB, BinOp.MUL, BinOp.TRUEDIV, BinOp.FLOORDIV, BinOp.MOD, BinOp.POW};
    private static final BinOp[] BITWISE = {BinOp.LSHIFT, BinOp.RSHIFT, BinOp.AND, BinOp.OR, BinOp.XOR};
    private static final BinOp[] SEQUENCE = {BinOp.ADD, BinOp.MUL};
    private static final BinOp[] SET = {BinOp.OR, BinOp.AND, BinOp.SUB, BinOp.XOR};

    static void install() {
        PClass i = BuiltinClasses.INT;
        PClass f = BuiltinClasses.FLOAT;
        binary(i, NUMERIC);
        binary(i, BITWISE);
        binary(f, NUMERIC);
        for (PClass c : new PClass[] {i, f}) {
            method(c, "__neg__", "self, /", a -> Arithmetic.negate(a[0]));
            method(c, "__pos__", "self, /", a -> Arithmetic.positive(a[0]));
            method(c, "__abs__", "self, /", a -> Comparisons.compare(a[0], 0L, Comparisons.Op.LT) == Boolean.TRUE ? Arithmetic.negate(a[0])
                    : Arithmetic.positive(a[0]));
            method(c, "__bool__", "self, /", a -> Conversions.isTrue(a[0]));
            method(c, "__hash__", "self, /", a -> Conversions.hash(a[0]));
        }
        method(i, "__invert__", "self, /", a -> Arithmetic.invert(a[0]));
        complexOperators();
        binary(BuiltinClasses.STR, new BinOp[] {BinOp.ADD, BinOp.MUL, BinOp.MOD});
        reflected(BuiltinClasses.STR, BinOp.MUL);
        for (PClass c : new PClass[] {BuiltinClasses.LIST, BuiltinClasses.TUPLE, BuiltinClasses.BYTES, BuiltinClasses.BYTEARRAY}) {
            binary(c, SEQUENCE);
            reflected(c, BinOp.MUL);
        }
        binary(BuiltinClasses.BYTES, new BinOp[] {BinOp.MOD});
        binary(BuiltinClasses.BYTEARRAY, new BinOp[] {BinOp.MOD});
        binary(BuiltinClasses.SET, SET);
        binary(BuiltinClasses.FROZENSET, SET);
        binary(BuiltinClasses.DICT, new BinOp[] {BinOp.OR});
        for (PClass c : new PClass[] {i, f, BuiltinClasses.STR, BuiltinClasses.LIST, BuiltinClasses.TUPLE, BuiltinClasses.BYTES,
            BuiltinClasses.BYTEARRAY, BuiltinClasses.SET, BuiltinClasses.FROZENSET, BuiltinClasses.DICT, BuiltinClasses.RANGE}) {
            for (Comparisons.Op op : Comparisons.Op.values()) {
                method(c, "__" + op.name().toLowerCase(Locale.ROOT) + "__", "self, other, /",
                        a -> handles(c, a[1]) ? Comparisons.nativeCompare(a[0], a[1], op) : PSingleton.NOT_IMPLEMENTED);
            }
        }
        for (PClass c : new PClass[] {BuiltinClasses.STR, BuiltinClasses.BYTES, BuiltinClasses.BYTEARRAY, BuiltinClasses.RANGE,
            BuiltinClasses.SET, BuiltinClasses.FROZENSET}) {
            method(c, "__len__", "self, /", a -> Sequences.builtinLen(a[0]));
            method(c, "__contains__", "self, value, /", a -> Comparisons.builtinContains(a[0], a[1]));
            method(c, "__iter__", "self, /", a -> Iteration.builtinIter(a[0], false));
        }
        for (PClass c : new PClass[] {BuiltinClasses.STR, BuiltinClasses.BYTES, BuiltinClasses.BYTEARRAY, BuiltinClasses.RANGE}) {
            method(c, "__getitem__", "self, key, /", a -> Sequences.builtinGetItem(a[0], a[1]));
        }
        for (PClass c : new PClass[] {BuiltinClasses.STR, BuiltinClasses.BYTES, BuiltinClasses.TUPLE, BuiltinClasses.FROZENSET,
            BuiltinClasses.RANGE}) {
            method(c, "__hash__", "self, /", a -> Conversions.hash(a[0]));
        }
        for (PClass c : new PClass[] {BuiltinClasses.LIST, BuiltinClasses.DICT, BuiltinClasses.SET, BuiltinClasses.BYTEARRAY}) {
            c.dict().put("__hash__", PNone.NONE);
        }
    }

    private static void complexOperators() {
        PClass c = BuiltinClasses.COMPLEX;
        binary(c, new BinOp[] {BinOp.ADD, BinOp.SUB, BinOp.MUL, BinOp.TRUEDIV, BinOp.POW});
        method(c, "__neg__", "self, /", a -> Arithmetic.negate(a[0]));
        method(c, "__pos__", "self, /", a -> Arithmetic.positive(a[0]));
        method(c, "__abs__", "self, /", a -> dev.mp.runtime.ops.ComplexNumbers.abs((dev.mp.runtime.objects.PComplex) a[0]));
        // Computed here, not through the operations, which would call a subclass's __bool__ = complex.__bool__ again.
        method(c, "__bool__", "self, /", a -> ((dev.mp.runtime.objects.PComplex) a[0]).real != 0.0 || ((dev.mp.runtime.objects.PComplex) a[0]).imag != 0.0);
        method(c, "__hash__", "self, /", a -> dev.mp.runtime.ops.ComplexNumbers.hash((dev.mp.runtime.objects.PComplex) a[0]));
        for (Comparisons.Op op : Comparisons.Op.values()) {
            method(c, "__" + op.name().toLowerCase(Locale.ROOT) + "__", "self, other, /",
                    a -> dev.mp.runtime.ops.ComplexNumbers.isOperand(a[1]) ? dev.mp.runtime.ops.ComplexNumbers.compare(a[0], a[1], op)
                            : PSingleton.NOT_IMPLEMENTED);
        }
    }

    private static void binary(PClass c, BinOp[] ops) {
        for (BinOp op : ops) {
            String name = op.name().toLowerCase(Locale.ROOT);
            method(c, "__" + name + "__", "self, other, /", a -> handles(c, a[1]) ? Arithmetic.nativeBinary(op, a[0], a[1]) : PSingleton.NOT_IMPLEMENTED);
            method(c, "__r" + name + "__", "self, other, /", a -> handles(c, a[1]) ? Arithmetic.nativeBinary(op, a[1], a[0]) : PSingleton.NOT_IMPLEMENTED);
        }
    }

    /**
     * int's methods take only ints (a float operand is float's to handle) and float's only ints and floats, as
     * CPython's slots; complex's take any number.
     */
    private static boolean handles(PClass c, Object other) {
        if (c == BuiltinClasses.INT) {
            return dev.mp.runtime.ops.Types.isInt(other);
        }
        if (c == BuiltinClasses.FLOAT) {
            return dev.mp.runtime.ops.Types.isNumber(other);
        }
        return c != BuiltinClasses.COMPLEX || dev.mp.runtime.ops.ComplexNumbers.isOperand(other);
    }

    private static void reflected(PClass c, BinOp op) {
        String name = op.name().toLowerCase(Locale.ROOT);
        method(c, "__r" + name + "__", "self, other, /", a -> Arithmetic.nativeBinary(op, a[1], a[0]));
    }
}
