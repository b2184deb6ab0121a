import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;

import org.graalvm.polyglot.Context;

/**
 * Run by HostProgramTest with the runtime on the module path: the language and the JSR-223 engine must be
 * found there, coming from the named module dev.mp.runtime.
 */
public class ModulePathCheck {
    public static void main(String[] args) throws Exception {
        try (Context context = Context.create("mp")) {
            System.out.println("polyglot: " + context.eval("mp", "'-'.join(str(n) for n in range(3))").asString());
        }
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("mpscript");
        System.out.println("jsr223: " + engine.eval("6 * 7") + " from module " + engine.getClass().getModule().getName());
        ((AutoCloseable) engine).close();
    }
}
