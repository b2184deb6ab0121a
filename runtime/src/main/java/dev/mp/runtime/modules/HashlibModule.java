package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.method;
import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Sequences;

/**
 * The {@code _hashlib} module: message digests of the JDK ({@link MessageDigest}) under the bundled
 * {@code hashlib}, which gives them CPython's names and attributes.
 */
final class HashlibModule {
    private HashlibModule() {
    }

    static final PClass DIGEST = new PClass("Digest", "_hashlib", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);

    /** A running digest. */
    static final class PDigest extends PObject {
        final MessageDigest digest;

        PDigest(MessageDigest digest) {
            this.digest = digest;
        }

        @Override
        public PClass getPythonClass() {
            return DIGEST;
        }
    }

    static {
        method(DIGEST, "update", "self, data, /", a -> {
            update((PDigest) a[0], a[1]);
            return PNone.NONE;
        });
        method(DIGEST, "digest", "self", a -> new PBytes(digestOf((PDigest) a[0])));
        method(DIGEST, "copy", "self", a -> copy((PDigest) a[0]));
    }

    static void populate(PModule m) {
        m.dict().put("Digest", DIGEST);
        // new(algorithm) with the JDK's name of the algorithm ("SHA-256"); ValueError if the JDK has none.
        moduleFunction(m, "new", "algorithm, /", a -> create((String) a[0]));
    }

    @TruffleBoundary
    private static PDigest create(String algorithm) {
        try {
            return new PDigest(MessageDigest.getInstance(algorithm));
        } catch (NoSuchAlgorithmException e) {
            throw Errors.valueError("unsupported hash type %s", algorithm);
        }
    }

    @TruffleBoundary
    private static void update(PDigest d, Object data) {
        if (data instanceof String) {
            throw Errors.typeError("Strings must be encoded before hashing");
        }
        if (!(data instanceof PBytes) && !(data instanceof dev.mp.runtime.objects.PByteArray)) {
            throw Errors.typeError("object supporting the buffer API required");
        }
        d.digest.update(Sequences.bytesOf(data));
    }

    /** The digest of what was fed so far; the running state goes on (as CPython's digest() leaves it). */
    @TruffleBoundary
    private static byte[] digestOf(PDigest d) {
        try {
            return ((MessageDigest) d.digest.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw Errors.make("RuntimeError", "the JDK's %s digest cannot be copied", d.digest.getAlgorithm());
        }
    }

    @TruffleBoundary
    private static PDigest copy(PDigest d) {
        try {
            return new PDigest((MessageDigest) d.digest.clone());
        } catch (CloneNotSupportedException e) {
            throw Errors.make("RuntimeError", "the JDK's %s digest cannot be copied", d.digest.getAlgorithm());
        }
    }
}
