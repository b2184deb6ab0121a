import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * A Java application that embeds mp: it evaluates a script, calls a script function with Java arguments,
 * hands the script a Java object, reads script values back, reports a script error and runs a script that
 * starts processes. It needs no build
 * setup; run it with the JDK's source launcher and the mp runtime's jars:
 *
 * <pre>
 *   java -cp "runtime/target/mp-runtime-0.1.0-SNAPSHOT.jar:$(cat runtime/target/runtime-classpath.txt)" \
 *        scripts/embedding/HostExample.java
 * </pre>
 *
 * (or {@code --module-path ... --add-modules dev.mp.runtime} instead of {@code -cp}).
 */
public class HostExample {

    /** A Java object the script fills in: with host access allowed, its public methods are callable. */
    public static class OrderBook {
        private final List<String> lines = new ArrayList<>();

        public void add(String item, int quantity) {
            lines.add(quantity + " x " + item);
        }

        public List<String> lines() {
            return lines;
        }
    }

    private static final String SCRIPT = """
            PRICES = {'apple': 3, 'pear': 5, 'plum': 2}

            def total(cart):
                # cart may be a dict or a Java Map: both iterate by key and subscript by key.
                return sum(PRICES[item] * cart[item] for item in cart)

            def place(book, cart):
                for item in sorted(cart):
                    book.add(item, cart[item])
                return len(book.lines())

            def cheapest(n):
                return sorted(PRICES, key=PRICES.get)[:n]
            """;

    /** Starts child processes: each Process is a JVM of its own, started through the context's policy. */
    private static final String WORKERS = """
            from multiprocessing import Process, Queue

            def square(q, n):
                q.put((n, n * n))

            q = Queue()
            workers = [Process(target=square, args=(q, n)) for n in range(3)]
            for w in workers:
                w.start()
            results = dict(q.get() for _ in workers)
            for w in workers:
                w.join()
            print('squares from child processes:', sorted(results.items()), [w.exitcode for w in workers])
            """;

    public static void main(String[] args) {
        // One context per thread; host access lets the script call OrderBook's methods.
        try (Context context = Context.newBuilder("mp").allowHostAccess(HostAccess.ALL).build()) {
            context.eval(Source.create("mp", SCRIPT));
            Value globals = context.getBindings("mp");

            // A script function called with a Java Map: the result is an mp int, read as a Java long.
            Map<String, Integer> cart = Map.of("apple", 2, "pear", 1);
            long total = globals.getMember("total").execute(cart).asLong();
            System.out.println("total: " + total);

            // The script calls methods of a Java object.
            OrderBook book = new OrderBook();
            int placed = globals.getMember("place").execute(book, cart).asInt();
            System.out.println("placed " + placed + ": " + book.lines());

            // A script list read as a Java List; a Java value put into the globals is a script global.
            List<?> cheapest = globals.getMember("cheapest").execute(2).as(List.class);
            System.out.println("cheapest: " + cheapest);
            globals.putMember("budget", 20);
            System.out.println("affordable: " + context.eval("mp", "budget // PRICES['pear']").asInt() + " pears");

            // A script error is a PolyglotException with Python's message and the script's stack.
            try {
                globals.getMember("total").execute(Map.of("kiwi", 1));
            } catch (PolyglotException e) {
                System.out.println("error: " + e.getMessage());
                for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
                    if (frame.isGuestFrame()) {
                        System.out.println("  in " + frame.getRootName() + " at line " + frame.getSourceLocation().getStartLine());
                    }
                }
            }
        }

        // Processes need the embedder's permission: to start them (which reads files: the JDK's java launcher),
        // and to share memory with them.
        try (Context context = Context.newBuilder("mp").allowCreateProcess(true).allowNativeAccess(true)
                .allowIO(IOAccess.ALL).build()) {
            context.eval(Source.create("mp", WORKERS));
        }
    }
}
