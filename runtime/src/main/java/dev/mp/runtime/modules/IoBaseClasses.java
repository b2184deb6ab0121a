package dev.mp.runtime.modules;

import dev.mp.runtime.builtins.BuiltinBuilder;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PSubclassable;

/**
 * The abstract classes of the {@code io} hierarchy. Every stream type implemented in Java (files, the standard
 * streams, socket files) derives from one of them, so {@code isinstance(f, io.TextIOBase)} holds for all text
 * streams whichever class implements them; {@code io.StringIO} and {@code io.BytesIO} (in mp) derive from them too.
 */
final class IoBaseClasses {
    private IoBaseClasses() {
    }

    static final PClass IO_BASE = abstractType("_IOBase", BuiltinClasses.OBJECT);
    static final PClass RAW_IO_BASE = abstractType("_RawIOBase", IO_BASE);
    static final PClass BUFFERED_IO_BASE = abstractType("_BufferedIOBase", IO_BASE);
    static final PClass TEXT_IO_BASE = abstractType("_TextIOBase", IO_BASE);

    /** An instance of a class written in mp that derives from one of the bases (StringIO, a user's stream). */
    static final class PStream extends PSubclassable {
        PStream(PClass cls) {
            super(cls);
        }
    }

    static {
        BuiltinBuilder.constructor(IO_BASE, "cls, *args, **kwargs", a -> new PStream((PClass) a[0]));
    }

    private static PClass abstractType(String name, PClass base) {
        return new PClass(name, "_io", new PClass[] {base}, true, PClass.Layout.BUILTIN).allowSubclasses();
    }

    /** A concrete stream type of {@code module} deriving from {@code base}. */
    static PClass streamType(String name, String module, PClass base) {
        return new PClass(name, module, new PClass[] {base}, true, PClass.Layout.BUILTIN);
    }
}
