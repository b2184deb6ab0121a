package dev.mp.runtime.objects;

import com.oracle.truffle.api.interop.TruffleObject;

/**
 * Base of the mp values that are not represented by a plain Java type.
 *
 * <p>Java types stand for some Python types: {@code Long} and {@code BigInteger} for int (a BigInteger only
 * outside the long range), {@code Boolean} for bool, {@code Double} for float and {@code String} for str.
 */
public abstract class PObject implements TruffleObject {
    /** Python's id(); 0 until first asked for (see ops.Identity). */
    private long identity;

    public final long identity() {
        return identity;
    }

    public final void setIdentity(long identity) {
        this.identity = identity;
    }

    /** The Python class of this object; {@code type(x)}. */
    public abstract PClass getPythonClass();
}
