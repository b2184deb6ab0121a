package dev.mp.runtime.multiprocessing;

import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import java.security.GeneralSecurityException;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.Types;

/**
 * {@code _mp_auth}: the HMAC that {@code multiprocessing.connection} authenticates connections with (CPython 3.11
 * sends a random challenge and expects its HMAC-MD5 under the shared authkey), until mp has an {@code hmac}
 * module of its own.
 */
public final class ConnectionAuthModule {
    private ConnectionAuthModule() {
    }

    public static void populate(PModule m) {
        moduleFunction(m, "hmac_digest", "key, msg, digest", a -> new PBytes(digest(bytes(a[0]), bytes(a[1]),
                Errors.requireStr(a[2]))));
    }

    private static byte[] bytes(Object o) {
        if (o instanceof PBytes || o instanceof PByteArray) {
            return Sequences.bytesOf(o);
        }
        throw Errors.typeError("a bytes-like object is required, not '%s'", Types.typeName(o));
    }

    @TruffleBoundary
    private static byte[] digest(byte[] key, byte[] msg, String digest) {
        String algorithm = "Hmac" + digest.toUpperCase(Locale.ROOT).replace("-", "");
        try {
            Mac mac = Mac.getInstance(algorithm);
            // An empty key is valid for HMAC but not for SecretKeySpec: a zero byte is the same key once padded.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return mac.doFinal(msg);
        } catch (GeneralSecurityException e) {
            throw Errors.valueError("unsupported hash type %s", digest);
        }
    }
}
