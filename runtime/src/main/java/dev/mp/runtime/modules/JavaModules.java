package dev.mp.runtime.modules;

import dev.mp.runtime.multiprocessing.ResourceKinds;
import dev.mp.runtime.socket.PSocket;

/** The list of modules implemented in Java, by import name. */
final class JavaModules {
    private JavaModules() {
    }

    static void registerAll() {
        ModuleLoader.register("sys", SysModule::populate);
        ModuleLoader.register("importlib", ImportlibModule::populate);
        ModuleLoader.register("_json", (m, c) -> JsonModule.populate(m));
        ModuleLoader.register("time", TimeModule::populate);
        ModuleLoader.register("_multiprocessing", dev.mp.runtime.multiprocessing.MultiprocessingModule::populate);
        ModuleLoader.register("_shared_memory", (m, c) -> dev.mp.runtime.multiprocessing.SharedMemoryModule.populate(m));
        ModuleLoader.register("_mp_auth", (m, c) -> dev.mp.runtime.multiprocessing.ConnectionAuthModule.populate(m));
        ResourceKinds.registerOnFirstUse(dev.mp.runtime.multiprocessing.MultiprocessingModule::registerResourceKinds);
        ModuleLoader.register("socket", (m, c) -> SocketModule.populate(m));
        ResourceKinds.registerOnFirstUse(() -> ResourceKinds.register(PSocket.RESOURCE_KIND, PSocket::rebuild));
        ModuleLoader.register("posix", PosixModule::populate);
        ModuleLoader.register("java", JavaModule::populate);
        ModuleLoader.register("math", (m, c) -> MathModule.populate(m));
        ModuleLoader.register("cmath", (m, c) -> CmathModule.populate(m));
        ModuleLoader.register("_traceback", TracebackModule::populate);
        ModuleLoader.register("atexit", AtexitModule::populate);
        ModuleLoader.register("_random", (m, c) -> RandomModule.populate(m));
        ModuleLoader.register("_collections", (m, c) -> DequeModule.populate(m));
        ModuleLoader.register("itertools", (m, c) -> ItertoolsModule.populate(m));
        ModuleLoader.register("_thread", dev.mp.runtime.threading.ThreadModule::populate);
        ModuleLoader.register("signal", SignalModule::populate);
        ModuleLoader.register("_re", (m, c) -> RegexModule.populate(m));
        ModuleLoader.register("_io", (m, c) -> IoModule.populate(m));
        ModuleLoader.register("_subprocess", SubprocessModule::populate);
        ModuleLoader.register("_hashlib", (m, c) -> HashlibModule.populate(m));
        ModuleLoader.register("_struct", (m, c) -> StructModule.populate(m));
        ModuleLoader.register("binascii", (m, c) -> BinasciiModule.populate(m));
        ModuleLoader.register("_weakref", (m, c) -> WeakrefModule.populate(m));
        ModuleLoader.register("_debugger", DebuggerModule::populate);
        ModuleLoader.register("_lsprof", (m, c) -> ProfilerModule.populate(m));
        ModuleLoader.register("array", (m, c) -> ArrayModule.populate(m));
        ModuleLoader.register("zlib", (m, c) -> ZlibModule.populate(m));
        ModuleLoader.register("_codecs_registry", (m, c) -> dev.mp.runtime.builtins.CodecErrors.populate(m));
    }
}
