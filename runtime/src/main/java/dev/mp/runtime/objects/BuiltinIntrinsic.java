package dev.mp.runtime.objects;

/**
 * The builtin functions that a call site may run as a node of its own instead of through the function's
 * {@link PBuiltinFunction.Body} (see {@code dev.mp.runtime.nodes.builtin}): hot ones whose common cases are a few
 * type checks. A builtin is marked with {@link PBuiltinFunction#markIntrinsic} where its module defines it; the
 * mark names what the function computes, so a site keyed by it serves the same builtin of every context.
 */
public enum BuiltinIntrinsic {
    LEN,
    ISINSTANCE,
    ABS,
    ORD
}
