package dev.mp.runtime.ops;

import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.HostValues;
import dev.mp.runtime.objects.PIterator;

/**
 * Iterating foreign objects: a host map (or any foreign hash) yields its keys as a dict does; a host array,
 * collection or iterator yields its elements.
 */
final class HostIteration {
    private HostIteration() {
    }

    private static final InteropLibrary LIB = InteropLibrary.getUncached();

    static boolean isIterable(Object obj) {
        return LIB.hasHashEntries(obj) || LIB.hasIterator(obj) || LIB.isIterator(obj);
    }

    static Object iter(Object obj, boolean quiet) {
        try {
            if (LIB.hasHashEntries(obj)) {
                return iterator(LIB.getHashKeysIterator(obj));
            }
            if (LIB.hasIterator(obj)) {
                return iterator(LIB.getIterator(obj));
            }
            if (LIB.isIterator(obj)) {
                return iterator(obj);
            }
        } catch (InteropException e) {
            throw HostInterop.error(e, obj);
        }
        if (!quiet) {
            throw Errors.typeError("'%s' object is not iterable", Types.typeName(obj));
        }
        return null;
    }

    private static PIterator iterator(Object it) {
        return new PIterator(BuiltinClasses.ITERATOR) {
            @Override
            public Object next() {
                try {
                    return LIB.hasIteratorNextElement(it) ? HostValues.toMp(LIB.getIteratorNextElement(it)) : null;
                } catch (InteropException e) {
                    throw HostInterop.error(e, it);
                }
            }
        };
    }
}
