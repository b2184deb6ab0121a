package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import com.oracle.truffle.api.exception.AbstractTruffleException;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Types;

/**
 * The {@code java} module: Java classes for scripts, when the embedder allows host class lookup
 * ({@code Context.Builder.allowHostClassLookup}). {@code java.type('java.util.ArrayList')} is the class;
 * calling it constructs an instance, and its static members are attributes.
 */
final class JavaModule {
    private JavaModule() {
    }

    static void populate(PModule m, MpContext context) {
        moduleFunction(m, "type", "name, /", a -> {
            if (!(a[0] instanceof String name)) {
                throw Errors.typeError("type() argument must be str, not %s", Types.typeName(a[0]));
            }
            if (!context.env().isHostLookupAllowed()) {
                throw Errors.make("PermissionError", "Java class lookup is not allowed by the embedder (Context.Builder.allowHostClassLookup)");
            }
            Object cls;
            try {
                cls = context.env().lookupHostSymbol(name);
            } catch (AbstractTruffleException missing) {
                // Truffle reports a class that does not exist or that the lookup filter rejects this way.
                cls = null;
            }
            if (cls == null) {
                throw Errors.make("ImportError", "no Java class '%s' (it does not exist or the embedder does not allow it)", name);
            }
            return cls;
        });
    }
}
