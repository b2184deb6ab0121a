package dev.mp.runtime.modules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.source.Source;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.MpException;
import dev.mp.runtime.MpLanguage;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Exceptions;
import dev.mp.runtime.parser.SourceCompiler;
import dev.mp.runtime.parser.SourceDecoding;

/**
 * The import system of one context: {@code sys.modules}, the modules implemented in Java, and {@code .mp}
 * modules and packages found on {@code sys.path} (the script's directory, then {@code MP_PATH}).
 */
public final class ModuleLoader {

    /** Fills in a module implemented in Java. */
    @FunctionalInterface
    public interface ModuleDefinition {
        void populate(PModule module, MpContext context);
    }

    private static final Map<String, ModuleDefinition> JAVA_MODULES = new LinkedHashMap<>();

    /** Registers a Java module; called from {@link JavaModules}. */
    static void register(String name, ModuleDefinition definition) {
        JAVA_MODULES.put(name, definition);
    }

    static {
        JavaModules.registerAll();
    }

    private final MpContext context;
    private final PDict sysModules = new PDict();
    private final PList path = new PList();
    private final PModule builtins;
    private final PModule main;
    private final List<Object> exitHooks = new ArrayList<>();

    public ModuleLoader(MpContext context) {
        this.context = context;
        this.builtins = new PModule("builtins");
        BuiltinsModule.populate(builtins, context);
        sysModules.put("builtins", builtins);
        this.main = new PModule("__main__");
        main.dict().put("__builtins__", builtins);
        main.dict().put("__package__", PNone.NONE);
        sysModules.put("__main__", main);
        path.add("");
        // Through Env, so an embedder's environment-access policy decides whether MP_PATH is seen.
        String mpPath = context.env().getEnvironment().get("MP_PATH");
        if (mpPath != null) {
            for (String p : mpPath.split(java.io.File.pathSeparator)) {
                if (!p.isEmpty()) {
                    path.add(p);
                }
            }
        }
    }

    public PModule builtins() {
        return builtins;
    }

    public PModule mainModule() {
        return main;
    }

    public PDict sysModules() {
        return sysModules;
    }

    public PList path() {
        return path;
    }

    /** Sets {@code sys.path[0]}, the directory of the main script. */
    public void setScriptDirectory(String directory) {
        path.items().set(0, directory);
    }

    /**
     * Imports {@code sitecustomize} when a module of that name is on {@code sys.path}, as CPython's {@code site}
     * does at start-up, so an environment (MP_PATH) can prepare every process of a program, its children
     * included. A missing module is no error; an exception raised in it is reported as CPython reports it, and
     * start-up goes on.
     */
    public void importSiteCustomize() {
        try {
            importModule("sitecustomize", new PDict(), false, 0);
        } catch (MpException e) {
            String message = Conversions.str(e.pythonException());
            if (Exceptions.matches(e, "ModuleNotFoundError") && message.equals("No module named 'sitecustomize'")) {
                return;
            }
            context.err().println("Error in sitecustomize; set PYTHONVERBOSE for traceback:");
            context.err().println(e.pythonException().getPythonClass().name() + ": " + message);
            context.err().flush();
        }
    }

    /** Adds a callable run when the main program ends (multiprocessing joins its children there). */
    public void addExitHook(Object callable) {
        exitHooks.add(callable);
    }

    /** Removes the exit hooks that {@code which} accepts (atexit.unregister). */
    public void removeExitHooks(java.util.function.Predicate<Object> which) {
        exitHooks.removeIf(which);
    }

    /**
     * Runs the exit hooks, last registered first; an exception in one is printed and makes the status 1. First,
     * as CPython does, the program waits for its non-daemon threads ({@code threading._shutdown}).
     */
    public int runExitHooks(int status) {
        awaitThreads();
        // Standbys are of no use now; killed here, they are torn down while the hooks run (see StandbyPool).
        dev.mp.runtime.multiprocessing.StandbyPool.release(context);
        for (int i = exitHooks.size() - 1; i >= 0; i--) {
            try {
                Calls.call(exitHooks.get(i));
            } catch (MpException e) {
                if (Exceptions.matches(e, "SystemExit")) {
                    continue;
                }
                dev.mp.runtime.TracebackPrinter.print(e.pythonException(), context.err());
                status = status == 0 ? 1 : status;
            }
        }
        exitHooks.clear();
        return status;
    }

    /** {@code threading._shutdown()} when the program imported threading; Ctrl-C there is reported and ignored. */
    private void awaitThreads() {
        Object threading = sysModules.get("threading");
        if (!(threading instanceof PModule module) || !(module.dict().get("_shutdown") instanceof Object shutdown)) {
            return;
        }
        try {
            Calls.call(shutdown);
        } catch (MpException e) {
            context.out().flush();
            context.err().println("Exception ignored in: " + Conversions.repr(threading));
            dev.mp.runtime.TracebackPrinter.print(e.pythonException(), context.err());
            context.err().flush();
        }
    }

    /**
     * {@code __import__(name, globals, fromlist, level)}: loads the module and its parent packages.
     *
     * @return the top-level package when {@code fromlist} is empty, else the named module itself
     */
    public Object importModule(String name, PDict globals, boolean hasFromList, int level) {
        String absolute = level > 0 ? resolveRelative(name, globals, level) : name;
        if (absolute.isEmpty()) {
            throw Errors.make("ValueError", "Empty module name");
        }
        String[] parts = absolute.split("\\.");
        Object top = null;
        Object current = null;
        StringBuilder qualified = new StringBuilder();
        for (String part : parts) {
            if (!qualified.isEmpty()) {
                qualified.append('.');
            }
            if (current != null && !(current instanceof PModule)) {
                throw Errors.importError("ModuleNotFoundError", qualified + part, "No module named '%s'; '%s' is not a package", qualified + part,
                        qualified.substring(0, qualified.length() - 1));
            }
            qualified.append(part);
            // Any object a program put in sys.modules is what importing its name gives, as in CPython.
            Object existing = sysModules.get(qualified.toString());
            current = existing != null && !(existing instanceof PModule) && existing != PNone.NONE ? existing
                    : load(qualified.toString(), (PModule) current);
            if (top == null) {
                top = current;
            }
        }
        return hasFromList ? current : (level > 0 ? current : top);
    }

    /** Loads a submodule {@code parent.name} for {@code from parent import name}; null when there is none. */
    public PModule importSubmodule(PModule parent, String name) {
        String qualified = parent.name() + "." + name;
        Object existing = sysModules.get(qualified);
        if (existing instanceof PModule m) {
            return m;
        }
        if (!(parent.dict().get("__path__") instanceof PList)) {
            return null;
        }
        try {
            return load(qualified, parent);
        } catch (MpException e) {
            if (Exceptions.matches(e, "ModuleNotFoundError")) {
                return null;
            }
            throw e;
        }
    }

    private String resolveRelative(String name, PDict globals, int level) {
        Object pkg = globals.get("__package__");
        String packageName;
        if (pkg instanceof String s && !s.isEmpty()) {
            packageName = s;
        } else {
            Object modName = globals.get("__name__");
            boolean isPackage = globals.get("__path__") != null;
            String n = modName instanceof String s ? s : "";
            packageName = isPackage ? n : (n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : "");
        }
        if (packageName.isEmpty()) {
            throw Errors.make("ImportError", "attempted relative import with no known parent package");
        }
        String base = packageName;
        for (int i = 1; i < level; i++) {
            int dot = base.lastIndexOf('.');
            if (dot < 0) {
                throw Errors.make("ImportError", "attempted relative import beyond top-level package");
            }
            base = base.substring(0, dot);
        }
        return name.isEmpty() ? base : base + "." + name;
    }

    private PModule load(String qualified, PModule parent) {
        Object existing = sysModules.get(qualified);
        if (existing instanceof PModule m) {
            return m;
        }
        ModuleDefinition java = JAVA_MODULES.get(qualified);
        if (java != null) {
            PModule m = new PModule(qualified);
            sysModules.put(qualified, m);
            java.populate(m, context);
            bindInParent(parent, qualified, m);
            return m;
        }
        List<String> searchPath = new ArrayList<>();
        if (parent == null) {
            for (Object p : path.items()) {
                searchPath.add(p instanceof String s ? s : "");
            }
        } else if (parent.dict().get("__path__") instanceof PList pp) {
            for (Object p : pp.items()) {
                searchPath.add((String) p);
            }
        } else {
            throw Errors.importError("ModuleNotFoundError", qualified, "No module named '%s'; '%s' is not a package", qualified, parent.name());
        }
        String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
        if (parent == null) {
            searchPath.add(LIBRARY_ROOT);
        }
        // As in CPython, a directory without __init__.mp is a namespace package only when no entry of the
        // path has a regular package or a module of that name; then it spans all such directories.
        List<TruffleFile> namespacePortions = new ArrayList<>();
        for (String dir : searchPath) {
            if (dir.startsWith(LIBRARY_ROOT)) {
                PModule bundled = loadBundled(qualified, dir, simple, parent);
                if (bundled != null) {
                    return bundled;
                }
                continue;
            }
            TruffleFile directory;
            TruffleFile init;
            TruffleFile moduleFile;
            try {
                TruffleFile base = file(dir.isEmpty() ? "." : dir);
                directory = base.resolve(simple).isDirectory() ? base.resolve(simple) : null;
                init = directory == null ? null : existing(directory, "__init__", TruffleFile::exists);
                moduleFile = existing(base, simple, TruffleFile::isRegularFile);
            } catch (SecurityException e) {
                // The embedder's IO policy hides this directory: search the next entry, as for a missing one.
                continue;
            }
            if (init != null) {
                return execute(qualified, init, directory, parent);
            }
            if (moduleFile != null) {
                return execute(qualified, moduleFile, null, parent);
            }
            if (directory != null) {
                namespacePortions.add(directory);
            }
        }
        if (!namespacePortions.isEmpty()) {
            PModule namespace = execute(qualified, null, namespacePortions.get(0), parent);
            PList portions = (PList) namespace.dict().get("__path__");
            namespacePortions.subList(1, namespacePortions.size()).forEach(d -> portions.add(d.getPath()));
            return namespace;
        }
        throw Errors.importError("ModuleNotFoundError", qualified, "No module named '%s'", qualified);
    }

    /**
     * {@code dir/name.mp}, failing that {@code dir/name.py} (so programs written for python3 import their sibling
     * modules unchanged), when it passes {@code test}; else null.
     */
    private static TruffleFile existing(TruffleFile dir, String name, java.util.function.Predicate<TruffleFile> test) {
        for (String suffix : SOURCE_SUFFIXES) {
            TruffleFile f = dir.resolve(name + suffix);
            if (test.test(f)) {
                return f;
            }
        }
        return null;
    }

    /** The file name endings of modules, in the order they are looked for in each directory. */
    private static final String[] SOURCE_SUFFIXES = {".mp", ".py"};

    /**
     * {@code importlib.reload(module)}: runs the module's source file again in the module's namespace (a module
     * implemented in Java or bundled in the runtime stays as it is); returns the module.
     */
    public PModule reload(PModule module) {
        if (sysModules.get(module.name()) != module) {
            throw Errors.importError("ImportError", module.name(), "module %s not in sys.modules", module.name());
        }
        Object file = module.dict().get("__file__");
        if (!(file instanceof String path) || path.startsWith(LIBRARY_ROOT) || JAVA_MODULES.containsKey(module.name())) {
            return module;
        }
        Source source = read(file(path));
        SourceCompiler.parseModule(context.language(), source).call(module);
        return module;
    }

    /** The source of a module file, decoded as PEP 263 says (see {@link SourceDecoding}). */
    private static Source read(TruffleFile code) {
        try {
            String text = SourceDecoding.decode(code.readAllBytes(), code.getPath());
            return Source.newBuilder(MpLanguage.ID, code).content(text).build();
        } catch (IOException e) {
            throw Errors.osError(2, "No such file or directory", code.getPath());
        }
    }

    /**
     * The search-path entry of the library bundled in the runtime jar ({@code dev/mp/lib/}). It comes last in
     * the search, as CPython's standard library comes after the script's directory.
     */
    public static final String LIBRARY_ROOT = "<mp-lib>";

    private PModule loadBundled(String qualified, String dir, String simple, PModule parent) {
        String folder = dir.equals(LIBRARY_ROOT) ? "" : dir.substring(LIBRARY_ROOT.length() + 1) + "/";
        String packageInit = folder + simple + "/__init__.mp";
        String moduleFile = folder + simple + ".mp";
        boolean isPackage = libraryResource(packageInit) != null;
        String file = isPackage ? packageInit : moduleFile;
        java.net.URL url = libraryResource(file);
        if (url == null) {
            return null;
        }
        // Bundled modules never change: parsed once per engine, their code serves each context of it (a child JVM
        // running one Process after another gets a fresh context per Process).
        String name = LIBRARY_ROOT + "/" + file;
        CallTarget code = context.language().sharedCode(name, () -> SourceCompiler.parseModule(context.language(), readBundled(url, name)));
        return execute(qualified, name, () -> code, isPackage ? LIBRARY_ROOT + "/" + folder + simple : null, parent);
    }

    /**
     * The bundled module or package {@code qualified} as {@code {file name, source text, "package" or "module"}},
     * or null when mp bundles none of that name.
     */
    static String[] bundledSource(String qualified) {
        String path = qualified.replace('.', '/');
        for (String[] candidate : new String[][] {{path + "/__init__.mp", "package"}, {path + ".mp", "module"}}) {
            java.net.URL url = libraryResource(candidate[0]);
            if (url != null) {
                String name = LIBRARY_ROOT + "/" + candidate[0];
                return new String[] {name, readBundled(url, name).getCharacters().toString(), candidate[1]};
            }
        }
        return null;
    }

    private static Source readBundled(java.net.URL url, String name) {
        try (var in = url.openStream()) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return Source.newBuilder(MpLanguage.ID, text, name).build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled module " + name, e);
        }
    }

    private static java.net.URL libraryResource(String file) {
        return ModuleLoader.class.getResource("/dev/mp/lib/" + file);
    }

    private TruffleFile file(String path) {
        return context.env().getPublicTruffleFile(path);
    }

    private PModule execute(String qualified, TruffleFile code, TruffleFile packageDir, PModule parent) {
        Source source = null;
        if (code != null) {
            source = read(code);
        }
        return execute(qualified, source, packageDir == null ? null : packageDir.getPath(), parent);
    }

    private PModule execute(String qualified, Source source, String packageDir, PModule parent) {
        String file = source == null ? null : source.getPath() != null ? source.getPath() : source.getName();
        return execute(qualified, file, source == null ? null : () -> SourceCompiler.parseModule(context.language(), source), packageDir, parent);
    }

    /** Makes module {@code qualified} from {@code file} and runs its code (null: an empty namespace package). */
    private PModule execute(String qualified, String file, java.util.function.Supplier<CallTarget> code, String packageDir, PModule parent) {
        PModule m = new PModule(qualified);
        m.dict().put("__builtins__", builtins);
        if (packageDir != null) {
            PList pkgPath = new PList();
            pkgPath.add(packageDir);
            m.dict().put("__path__", pkgPath);
            m.dict().put("__package__", qualified);
        } else {
            m.dict().put("__package__", qualified.contains(".") ? qualified.substring(0, qualified.lastIndexOf('.')) : "");
        }
        if (file != null) {
            m.dict().put("__file__", file);
        }
        sysModules.put(qualified, m);
        try {
            if (code != null) {
                code.get().call(m);
            }
        } catch (MpException e) {
            sysModules.remove(qualified);
            throw e;
        }
        bindInParent(parent, qualified, m);
        return m;
    }

    private static void bindInParent(PModule parent, String qualified, PModule m) {
        if (parent != null) {
            parent.dict().put(qualified.substring(qualified.lastIndexOf('.') + 1), m);
        }
    }

    /**
     * Runs the main script again as a module named {@code name} that is also {@code sys.modules['__main__']}, as
     * a spawned child does with {@code __mp_main__}: functions pickled as {@code __main__.f} are found in it.
     * {@code code} is {@code source} parsed ({@link SourceCompiler#parseModule}), perhaps ahead of time.
     */
    public PModule runAsMain(String name, Source source, CallTarget code) {
        PModule m = new PModule(name);
        m.dict().put("__builtins__", builtins);
        m.dict().put("__package__", PNone.NONE);
        if (source.getPath() != null) {
            m.dict().put("__file__", source.getPath());
        }
        sysModules.put(name, m);
        sysModules.put("__main__", m);
        code.call(m);
        return m;
    }
}
