/**
 * The mp language for GraalVM polyglot embedding. Hosts use it through {@code org.graalvm.polyglot}
 * ({@code Context.newBuilder("mp")}) or through JSR-223 ({@code javax.script}, engine names {@code mp} and
 * {@code mpscript}); neither needs any package of this module. On the module path, grant native access to
 * this module ({@code --enable-native-access=dev.mp.runtime}) for sockets and shared memory.
 */
module dev.mp.runtime {
    requires transitive org.graalvm.polyglot;
    requires transitive java.scripting;
    requires org.graalvm.truffle;
    requires dev.mp.grammar;
    requires org.slf4j;
    requires jdk.unsupported;
    requires java.management;
    requires jdk.management;

    exports dev.mp.jsr223;

    provides com.oracle.truffle.api.provider.TruffleLanguageProvider with dev.mp.runtime.MpLanguageProvider;
    provides javax.script.ScriptEngineFactory with dev.mp.jsr223.MpScriptEngineFactory;
}
