package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Errors;

/** The {@code importlib} module: {@code import_module}, {@code reload} and {@code invalidate_caches} over the context's {@link ModuleLoader}. */
final class ImportlibModule {
    private ImportlibModule() {
    }

    static void populate(PModule m, MpContext context) {
        moduleFunction(m, "import_module", "name, package=None", a -> {
            String name = Errors.requireStr(a[0], "import_module() argument 'name'");
            int level = 0;
            while (level < name.length() && name.charAt(level) == '.') {
                level++;
            }
            PDict globals = new PDict();
            if (level > 0) {
                if (!(a[1] instanceof String pkg)) {
                    if (a[1] != PNone.NONE) {
                        throw Errors.typeError("__package__ not set to a string");
                    }
                    throw Errors.typeError("the 'package' argument is required to perform a relative import for %s", dev.mp.runtime.ops.Conversions.repr(name));
                }
                globals.put("__package__", pkg);
                globals.put("__name__", pkg);
            }
            return context.modules().importModule(name.substring(level), globals, true, level);
        });
        moduleFunction(m, "reload", "module", a -> {
            if (!(a[0] instanceof PModule module)) {
                throw Errors.typeError("reload() argument must be a module");
            }
            return context.modules().reload(module);
        });
        moduleFunction(m, "invalidate_caches", "", a -> PNone.NONE);
        // For `mp -m NAME` of a module or package bundled with mp: (its file name, its source), or None.
        moduleFunction(m, "_bundled_source", "name, /", a -> {
            String[] found = ModuleLoader.bundledSource(dev.mp.runtime.ops.Conversions.str(a[0]));
            return found == null ? PNone.NONE : new dev.mp.runtime.objects.PTuple(new Object[] {found[0], found[1], found[2]});
        });
        m.dict().put("__doc__", "A pure Python implementation of import.");
    }
}
