package dev.mp.runtime.ops;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InteropException;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PIterator;

/** Iterating foreign objects: host arrays, collections and iterators. */
final class HostIteration {
    private HostIteration() {
    }

    private static final InteropLibrary LIB = InteropLibrary.getUncached();

    static Object iter(Object obj, boolean quiet) {
        try {
            if (LIB.hasIterator(obj)) {
                Object it = LIB.getIterator(obj);
                return new PIterator(BuiltinClasses.ITERATOR) {
                    @Override
                    public Object next() {
                        try {
                            return LIB.hasIteratorNextElement(it) ? HostValues.toMp(LIB.getIteratorNextElement(it)) : null;
                        } catch (InteropException e) {
                            return null;
                        }
                    }
                };
            }
        } catch (InteropException e) {
            // not iterable
        }
        if (!quiet) {
            throw Errors.typeError("'%s' object is not iterable", Types.typeName(obj));
        }
        return null;
    }
}
