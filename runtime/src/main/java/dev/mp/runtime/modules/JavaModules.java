package dev.mp.runtime.modules;

/** The list of modules implemented in Java, by import name. */
final class JavaModules {
    private JavaModules() {
    }

    static void registerAll() {
        ModuleLoader.register("sys", SysModule::populate);
        ModuleLoader.register("json", (m, c) -> JsonModule.populate(m));
        ModuleLoader.register("time", (m, c) -> TimeModule.populate(m));
        ModuleLoader.register("posix", PosixModule::populate);
        ModuleLoader.register("math", (m, c) -> MathModule.populate(m));
        ModuleLoader.register("_random", (m, c) -> RandomModule.populate(m));
        ModuleLoader.register("_collections", (m, c) -> DequeModule.populate(m));
        ModuleLoader.register("itertools", (m, c) -> ItertoolsModule.populate(m));
    }
}
