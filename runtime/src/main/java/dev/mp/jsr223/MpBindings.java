package dev.mp.jsr223;

import java.io.Reader;
import java.io.Writer;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.script.Bindings;
import javax.script.ScriptContext;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;

import dev.mp.runtime.MpLanguage;

/**
 * Engine-scope bindings of an mp script engine: a live view of the globals of {@code __main__} in a
 * polyglot context of their own. A value put here is a global the scripts see; a global a script assigns
 * can be read here. Values read are converted by {@link #toJava}: numbers, strings and booleans become Java
 * ones, None is null, lists, dicts and functions become live {@code List}, {@code Map} and function views.
 *
 * <p>The context is made on first use, with full access as a JSR-223 script expects (host objects and
 * classes, files, processes). Its standard streams are those of the {@link ScriptContext} of the running
 * evaluation. {@link #close()} closes the context.
 */
final class MpBindings extends AbstractMap<String, Object> implements Bindings, AutoCloseable {
    private final Engine engine;
    private Context context;
    /** The script context whose reader and writers the scripts use; switched by each evaluation. */
    private volatile ScriptContext io;

    MpBindings(Engine engine, ScriptContext io) {
        this.engine = engine;
        this.io = io;
    }

    Context context() {
        if (context == null) {
            context = Context.newBuilder(MpLanguage.ID).engine(engine).allowAllAccess(true)
                    .out(new WriterOutputStream(() -> io.getWriter()))
                    .err(new WriterOutputStream(() -> io.getErrorWriter()))
                    .in(new ReaderInputStream(() -> io.getReader()))
                    .build();
        }
        return context;
    }

    /** Makes the scripts use the streams of {@code scriptContext} from now on. */
    void useStreamsOf(ScriptContext scriptContext) {
        this.io = scriptContext;
    }

    private Value globals() {
        return context().getBindings(MpLanguage.ID);
    }

    /**
     * A value as the Java object a JSR-223 caller expects: None is null, an int an Integer, Long or BigInteger
     * (the smallest that holds it), a float a Double; anything else as {@code Value.as(Object.class)} maps it.
     */
    static Object toJava(Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber() && !value.isBoolean()) {
            // The Python type decides, not the magnitude: 2.0 stays a Double and 2**70 a BigInteger.
            if ("float".equals(value.getMetaObject().getMetaSimpleName())) {
                return value.asDouble();
            }
            return value.fitsInInt() ? (Object) value.asInt() : value.fitsInLong() ? (Object) value.asLong() : value.asBigInteger();
        }
        return value.as(Object.class);
    }

    private static String checkKey(Object key) {
        Objects.requireNonNull(key, "key");
        if (!(key instanceof String name)) {
            throw new ClassCastException("key must be a String");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        return name;
    }

    @Override
    public Object put(String name, Object value) {
        Object previous = get(name);
        globals().putMember(checkKey(name), value);
        return previous;
    }

    @Override
    public void putAll(Map<? extends String, ? extends Object> values) {
        for (Map.Entry<? extends String, ? extends Object> e : values.entrySet()) {
            globals().putMember(checkKey(e.getKey()), e.getValue());
        }
    }

    @Override
    public boolean containsKey(Object key) {
        return globals().hasMember(checkKey(key));
    }

    @Override
    public Object get(Object key) {
        return toJava(globals().getMember(checkKey(key)));
    }

    @Override
    public Object remove(Object key) {
        String name = checkKey(key);
        Value globals = globals();
        if (!globals.hasMember(name)) {
            return null;
        }
        Object previous = toJava(globals.getMember(name));
        globals.removeMember(name);
        return previous;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<String> names = new ArrayList<>(globals().getMemberKeys()).iterator();
                return new Iterator<>() {
                    private String current;

                    @Override
                    public boolean hasNext() {
                        return names.hasNext();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        current = names.next();
                        return new SimpleEntry<>(current, MpBindings.this.get(current));
                    }

                    @Override
                    public void remove() {
                        MpBindings.this.remove(current);
                    }
                };
            }

            @Override
            public int size() {
                return globals().getMemberKeys().size();
            }
        };
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }

    /** A writer supplier, read at each write so the stream follows the current script context. */
    interface WriterSource {
        Writer writer();
    }

    /** A reader supplier, read at each read so the stream follows the current script context. */
    interface ReaderSource {
        Reader reader();
    }
}
