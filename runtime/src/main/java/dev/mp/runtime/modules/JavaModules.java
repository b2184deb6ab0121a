package dev.mp.runtime.modules;

import dev.mp.runtime.multiprocessing.ResourceKinds;

/** The list of modules implemented in Java, by import name. */
final class JavaModules {
    private JavaModules() {
    }

    static void registerAll() {
        ModuleLoader.register("sys", SysModule::populate);
        ModuleLoader.register("json", (m, c) -> JsonModule.populate(m));
        ModuleLoader.register("socket", (m, c) -> SocketModule.populate(m));
        ResourceKinds.register(PSocket.RESOURCE_KIND, PSocket::rebuild);
    }
}
