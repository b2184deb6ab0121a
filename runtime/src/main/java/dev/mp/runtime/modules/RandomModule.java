package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

import dev.mp.runtime.builtins.BuiltinBuilder;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PSubclassable;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Types;

/**
 * The {@code _random} module: the Mersenne Twister generator (MT19937) with CPython's seeding, so that
 * {@code random.seed(n)} reproduces CPython's sequences. The {@code random} module (bundled, in mp) builds
 * its distributions on {@code random()} and {@code getrandbits()} as CPython's random.py does.
 */
final class RandomModule {
    private RandomModule() {
    }

    /** {@code _random.Random}; {@code random.Random} derives from it. */
    static final PClass RANDOM = new PClass("Random", "_random", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN)
            .allowSubclasses();

    private static final SecureRandom ENTROPY = new SecureRandom();

    /** A generator's state: 624 words and the position of the next one. */
    static final class PRandom extends PSubclassable {
        private static final int N = 624;
        private static final int M = 397;
        final int[] mt = new int[N];
        int index = N;

        PRandom(PClass cls) {
            super(cls);
        }

        /** Fills the state from one 32-bit seed (MT's init_genrand). */
        private void initGenrand(int seed) {
            mt[0] = seed;
            for (int i = 1; i < N; i++) {
                mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
            }
            index = N;
        }

        /** Fills the state from an array of 32-bit words (MT's init_by_array), as CPython seeds. */
        void seedWords(int[] key) {
            initGenrand(19650218);
            int i = 1;
            int j = 0;
            for (int k = Math.max(N, key.length); k > 0; k--) {
                mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
                i++;
                j++;
                if (i >= N) {
                    mt[0] = mt[N - 1];
                    i = 1;
                }
                if (j >= key.length) {
                    j = 0;
                }
            }
            for (int k = N - 1; k > 0; k--) {
                mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
                i++;
                if (i >= N) {
                    mt[0] = mt[N - 1];
                    i = 1;
                }
            }
            mt[0] = 0x80000000;
            index = N;
        }

        /** The next 32 random bits, as an unsigned value in an int. */
        int nextWord() {
            if (index >= N) {
                twist();
            }
            int y = mt[index++];
            y ^= y >>> 11;
            y ^= (y << 7) & 0x9d2c5680;
            y ^= (y << 15) & 0xefc60000;
            y ^= y >>> 18;
            return y;
        }

        private void twist() {
            for (int k = 0; k < N; k++) {
                int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
                mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            index = 0;
        }

        /** A float in [0, 1) with 53 random bits, from two words (MT's genrand_res53). */
        double nextDouble() {
            long a = Integer.toUnsignedLong(nextWord()) >>> 5;
            long b = Integer.toUnsignedLong(nextWord()) >>> 6;
            return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
        }

        /** A non-negative int of {@code k} random bits, built from 32-bit words least significant first. */
        Object bits(long k) {
            if (k <= 32) {
                return k == 0 ? 0L : Integer.toUnsignedLong(nextWord()) >>> (32 - k);
            }
            int words = (int) ((k - 1) / 32 + 1);
            byte[] bigEndian = new byte[words * 4];
            long remaining = k;
            for (int w = 0; w < words; w++, remaining -= 32) {
                int word = nextWord();
                if (remaining < 32) {
                    word >>>= 32 - remaining;
                }
                int at = (words - 1 - w) * 4;
                bigEndian[at] = (byte) (word >>> 24);
                bigEndian[at + 1] = (byte) (word >>> 16);
                bigEndian[at + 2] = (byte) (word >>> 8);
                bigEndian[at + 3] = (byte) word;
            }
            return Conversions.normalize(new BigInteger(1, bigEndian));
        }
    }

    static {
        BuiltinBuilder.constructor(RANDOM, "cls, /, *args, **kwargs", a -> {
            PRandom r = new PRandom((PClass) a[0]);
            Object[] args = ((PTuple) a[1]).items();
            if (a[0] == RANDOM && args.length > 1) {
                throw Errors.typeError("Random() requires 0 or 1 argument");
            }
            seed(r, a[0] == RANDOM && args.length == 1 ? args[0] : PNone.NONE);
            return r;
        });
        method(RANDOM, "seed", "self, n=None, /", a -> {
            seed((PRandom) a[0], a[1]);
            return PNone.NONE;
        });
        method(RANDOM, "random", "self", a -> ((PRandom) a[0]).nextDouble());
        method(RANDOM, "getrandbits", "self, k, /", a -> {
            long k = Conversions.asLong(a[1]);
            if (k < 0) {
                throw Errors.valueError("number of bits must be non-negative");
            }
            return ((PRandom) a[0]).bits(k);
        });
        method(RANDOM, "getstate", "self", a -> {
            PRandom r = (PRandom) a[0];
            Object[] state = new Object[PRandom.N + 1];
            for (int i = 0; i < PRandom.N; i++) {
                state[i] = Integer.toUnsignedLong(r.mt[i]);
            }
            state[PRandom.N] = (long) r.index;
            return new PTuple(state);
        });
        method(RANDOM, "setstate", "self, state, /", a -> {
            PRandom r = (PRandom) a[0];
            if (!(a[1] instanceof PTuple state)) {
                throw Errors.typeError("state vector must be a tuple");
            }
            if (state.size() != PRandom.N + 1) {
                throw Errors.valueError("state vector is the wrong size");
            }
            long index = Conversions.asLong(state.get(PRandom.N));
            if (index < 0 || index > PRandom.N) {
                throw Errors.valueError("invalid state");
            }
            for (int i = 0; i < PRandom.N; i++) {
                r.mt[i] = (int) Conversions.asLong(state.get(i));
            }
            r.index = (int) index;
            return PNone.NONE;
        });
    }

    static void populate(PModule m) {
        m.dict().put("Random", RANDOM);
    }

    /**
     * Seeds as CPython's random.seed (version 2): None from the system's entropy (so every process gets its own
     * sequence), an int by its absolute value, str, bytes and bytearray by their bytes followed by their
     * SHA-512, and any other hashable value by its hash.
     */
    private static void seed(PRandom r, Object arg) {
        if (arg == PNone.NONE) {
            int[] key = new int[PRandom.N];
            for (int i = 0; i < key.length; i++) {
                key[i] = ENTROPY.nextInt();
            }
            r.seedWords(key);
            return;
        }
        BigInteger n;
        if (Types.isInt(arg)) {
            n = Conversions.asBig(arg instanceof Boolean b ? (b ? 1L : 0L) : arg);
        } else if (arg instanceof String || arg instanceof PBytes || arg instanceof PByteArray) {
            byte[] bytes = arg instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : dev.mp.runtime.ops.Sequences.bytesOf(arg);
            byte[] withDigest = new byte[bytes.length + 64];
            System.arraycopy(bytes, 0, withDigest, 0, bytes.length);
            System.arraycopy(sha512(bytes), 0, withDigest, bytes.length, 64);
            n = new BigInteger(1, withDigest);
        } else if (arg instanceof Double) {
            // CPython takes the hash as an unsigned 64-bit number.
            n = new BigInteger(Long.toUnsignedString(Conversions.hash(arg)));
        } else {
            throw Errors.typeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
        }
        n = n.abs();
        // The key is n's 32-bit words, least significant first; zero is the one word 0.
        int words = Math.max(1, (n.bitLength() + 31) / 32);
        int[] key = new int[words];
        for (int i = 0; i < words; i++) {
            key[i] = n.shiftRight(32 * i).intValue();
        }
        r.seedWords(key);
    }

    private static byte[] sha512(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-512", e);
        }
    }
}
