package dev.mp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.graalvm.shadowed.org.json.JSONArray;
import org.graalvm.shadowed.org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Truffle tools on mp programs, through the launcher: the CPU sampler's profile names mp functions with their
 * lines, and both debuggers (the Debug Adapter Protocol server, driven over TCP as VS Code drives it, and the Chrome
 * inspector, driven over its WebSocket as Chrome DevTools drives it) stop at a breakpoint and read the function's
 * local variables as Python values.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ToolsTest {
    @TempDir
    Path dir;

    private static final String FIB = """
            def fib(n):
                if n < 2:
                    return n
                return fib(n - 1) + fib(n - 2)

            def work():
                total = 0
                for i in range(22):
                    total += fib(i)
                return total

            print(work())
            """;

    @Test
    void cpuSamplerProfileNamesFunctionsAndTheirLines() throws Exception {
        Path script = dir.resolve("prof.mp");
        Files.writeString(script, FIB);
        Process mp = LauncherProcessTest.mp("--cpusampler", "--cpusampler.Output=histogram", script.toString()).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(mp.getErrorStream()));
        String out = read(mp.getInputStream());
        assertEquals(0, mp.waitFor(), err.get());
        assertTrue(out.startsWith("28656\n"), out);
        assertTrue(out.contains("Sampling Histogram"), out);
        // Each function with its lines: fib is lines 1-4, work 6-10 of prof.mp.
        assertTrue(out.lines().anyMatch(l -> l.strip().startsWith("fib ") && l.contains("prof.mp~1-4:")), out);
        assertTrue(out.lines().anyMatch(l -> l.strip().startsWith("work ") && l.contains("prof.mp~6-10:")), out);
    }

    @Test
    void debuggerStopsAtABreakpointAndShowsLocalVariables() throws Exception {
        Path script = dir.resolve("dbg.mp");
        Files.writeString(script, """
                class Point:
                    def __init__(self, x):
                        self.x = x

                def area(p, scale):
                    result = p.x * scale
                    return result

                print(area(Point(3), 4))
                """);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process mp = LauncherProcessTest.mp("--dap=127.0.0.1:" + port, "--dap.Suspend=false", "--dap.WaitAttached=true", script.toString()).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(mp.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(mp.getErrorStream()));
        try (DapClient dap = DapClient.connect(port, mp)) {
            dap.request("initialize", new JSONObject().put("adapterID", "mp").put("linesStartAt1", true).put("columnsStartAt1", true));
            dap.request("attach", new JSONObject());
            JSONObject breakpoints = dap.request("setBreakpoints", new JSONObject()
                    .put("source", new JSONObject().put("path", script.toString()))
                    .put("breakpoints", new JSONArray().put(new JSONObject().put("line", 7))));
            assertEquals(1, breakpoints.getJSONObject("body").getJSONArray("breakpoints").length());
            dap.request("configurationDone", new JSONObject());
            JSONObject stopped = dap.await(m -> "stopped".equals(m.optString("event")));
            assertEquals("breakpoint", stopped.getJSONObject("body").getString("reason"));
            int thread = stopped.getJSONObject("body").getInt("threadId");

            JSONArray frames = dap.request("stackTrace", new JSONObject().put("threadId", thread)).getJSONObject("body").getJSONArray("stackFrames");
            JSONObject top = frames.getJSONObject(0);
            assertEquals("area", top.getString("name"));
            assertEquals(7, top.getInt("line"));
            assertEquals("<module>", frames.getJSONObject(1).getString("name"));

            JSONArray scopes = dap.request("scopes", new JSONObject().put("frameId", top.getInt("id"))).getJSONObject("body").getJSONArray("scopes");
            JSONArray variables = dap.request("variables", new JSONObject().put("variablesReference", scopes.getJSONObject(0).getInt("variablesReference")))
                    .getJSONObject("body").getJSONArray("variables");
            Map<String, JSONObject> locals = new HashMap<>();
            for (int i = 0; i < variables.length(); i++) {
                locals.put(variables.getJSONObject(i).getString("name"), variables.getJSONObject(i));
            }
            assertEquals("12", locals.get("result").getString("value"), variables.toString());
            assertEquals("int", locals.get("result").getString("type"));
            assertEquals("4", locals.get("scale").getString("value"));
            assertEquals("Point", locals.get("p").getString("type"));

            dap.request("continue", new JSONObject().put("threadId", thread));
            dap.request("disconnect", new JSONObject());
        }
        assertEquals(0, mp.waitFor(), err.get());
        // The server announces itself on stdout; the program's output follows.
        assertTrue(out.get().endsWith("\n12\n"), out.get());
    }

    /**
     * The Chrome inspector, driven over its WebSocket with the DevTools protocol as Chrome drives it: the program
     * waits for the client, pauses at its first statement, stops at a breakpoint set by URL, and the paused frame's
     * local scope holds the function's variables as Python values.
     */
    @Test
    void inspectorStopsAtABreakpointAndShowsLocalVariables() throws Exception {
        Path script = dir.resolve("insp.mp");
        Files.writeString(script, """
                def area(width, height):
                    result = width * height
                    return result

                print(area(3, 4))
                """);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process mp = LauncherProcessTest.mp("--inspect=" + port, "--inspect.Path=mp-test",
                "--inspect.WaitAttached=true", script.toString()).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(mp.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(mp.getErrorStream()));
        try (InspectorClient inspector = InspectorClient.connect(port, "mp-test", mp)) {
            inspector.call("Runtime.enable", new JSONObject());
            inspector.call("Debugger.enable", new JSONObject());
            inspector.call("Runtime.runIfWaitingForDebugger", new JSONObject());
            inspector.await(m -> "Debugger.paused".equals(m.optString("method")));
            inspector.call("Debugger.setBreakpointByUrl", new JSONObject().put("lineNumber", 2).put("urlRegex", ".*insp\\.mp$"));
            inspector.call("Debugger.resume", new JSONObject());
            JSONObject paused = inspector.await(m -> "Debugger.paused".equals(m.optString("method")));
            JSONObject frame = paused.getJSONObject("params").getJSONArray("callFrames").getJSONObject(0);
            assertEquals("area", frame.getString("functionName"));
            assertEquals(2, frame.getJSONObject("location").getInt("lineNumber"));
            String scope = frame.getJSONArray("scopeChain").getJSONObject(0).getJSONObject("object").getString("objectId");
            JSONArray properties = inspector.call("Runtime.getProperties", new JSONObject().put("objectId", scope).put("ownProperties", true))
                    .getJSONObject("result").getJSONArray("result");
            Map<String, Object> locals = new HashMap<>();
            for (int i = 0; i < properties.length(); i++) {
                JSONObject value = properties.getJSONObject(i).getJSONObject("value");
                locals.put(properties.getJSONObject(i).getString("name"), value.opt("value") != null ? value.get("value") : value.opt("description"));
            }
            assertEquals("12", String.valueOf(locals.get("result")), properties.toString());
            assertEquals("3", String.valueOf(locals.get("width")), properties.toString());
            inspector.call("Debugger.resume", new JSONObject());
        }
        assertEquals(0, mp.waitFor(), err.get());
        assertTrue(out.get().endsWith("12\n"), out.get());
    }

    /**
     * A Chrome DevTools protocol client over a WebSocket of its own (RFC 6455: the upgrade, masked text frames out,
     * unmasked frames in): calls with ids, and events kept in order until waited for.
     */
    private static final class InspectorClient implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final java.util.List<JSONObject> pending = new java.util.ArrayList<>();
        private final java.util.Random random = new java.util.Random();
        private int id;

        private InspectorClient(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Connects and upgrades once the inspector of {@code process} listens (it starts with the program's JVM). */
        static InspectorClient connect(int port, String path, Process process) throws Exception {
            Socket socket;
            while (true) {
                try {
                    socket = new Socket("127.0.0.1", port);
                    break;
                } catch (java.net.ConnectException notYet) {
                    if (!process.isAlive()) {
                        throw notYet;
                    }
                    process.waitFor(100, TimeUnit.MILLISECONDS);
                }
            }
            socket.setSoTimeout(120_000);
            InspectorClient client = new InspectorClient(socket);
            client.out.write(("GET /" + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            client.out.flush();
            String status = headerLine(client.in);
            assertTrue(status.startsWith("HTTP/1.1 101"), status);
            while (!headerLine(client.in).isEmpty()) {
                // the rest of the response's headers
            }
            return client;
        }

        /** Sends {@code method} and returns its response; the events read meanwhile are kept for {@link #await}. */
        JSONObject call(String method, JSONObject params) throws IOException {
            int callId = ++id;
            send(new JSONObject().put("id", callId).put("method", method).put("params", params).toString());
            while (true) {
                JSONObject message = receive();
                if (message.optInt("id", -1) == callId) {
                    assertTrue(!message.has("error"), message.toString());
                    return message;
                }
                pending.add(message);
            }
        }

        /** The first message, kept or new, that satisfies {@code wanted}; kept ones before it are dropped. */
        JSONObject await(Predicate<JSONObject> wanted) throws IOException {
            while (!pending.isEmpty()) {
                JSONObject message = pending.removeFirst();
                if (wanted.test(message)) {
                    return message;
                }
            }
            while (true) {
                JSONObject message = receive();
                if (wanted.test(message)) {
                    return message;
                }
            }
        }

        private void send(String text) throws IOException {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
            frame.write(0x81); // FIN, text
            if (payload.length < 126) {
                frame.write(0x80 | payload.length);
            } else {
                frame.write(0x80 | 126);
                frame.write(payload.length >>> 8);
                frame.write(payload.length & 0xff);
            }
            byte[] mask = new byte[4];
            random.nextBytes(mask);
            frame.write(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.write(payload[i] ^ mask[i % 4]);
            }
            out.write(frame.toByteArray());
            out.flush();
        }

        /** The next text message (continuation frames joined; control frames skipped). */
        private JSONObject receive() throws IOException {
            java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();
            while (true) {
                int head = in.read();
                int second = in.read();
                if (head < 0 || second < 0) {
                    throw new IOException("the inspector closed the connection");
                }
                long length = second & 0x7f;
                if (length == 126) {
                    length = ((long) in.read() << 8) | in.read();
                } else if (length == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = (length << 8) | in.read();
                    }
                }
                byte[] payload = in.readNBytes((int) length);
                int opcode = head & 0x0f;
                if (opcode == 0x1 || opcode == 0x0) {
                    message.write(payload);
                    if ((head & 0x80) != 0) {
                        return new JSONObject(message.toString(StandardCharsets.UTF_8));
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** One line of an HTTP-style header (the DAP framing, the WebSocket upgrade), without its CR LF. */
    private static String headerLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the debugger closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A Debug Adapter Protocol client: requests with {@code Content-Length} framing, responses and events read in order. */
    private static final class DapClient implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private int seq;

        private DapClient(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Connects once the server of {@code process} listens (it starts with the program's JVM). */
        static DapClient connect(int port, Process process) throws IOException, InterruptedException {
            while (true) {
                try {
                    return new DapClient(new Socket("127.0.0.1", port));
                } catch (java.net.ConnectException notYet) {
                    if (!process.isAlive()) {
                        throw notYet;
                    }
                    process.waitFor(100, TimeUnit.MILLISECONDS);
                }
            }
        }

        /** Sends a request and returns its response (events before it are skipped), which must be a success. */
        JSONObject request(String command, JSONObject arguments) throws IOException {
            int id = ++seq;
            byte[] body = new JSONObject().put("seq", id).put("type", "request").put("command", command).put("arguments", arguments)
                    .toString().getBytes(StandardCharsets.UTF_8);
            out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            JSONObject response = await(m -> "response".equals(m.optString("type")) && m.optInt("request_seq") == id);
            assertTrue(response.getBoolean("success"), response.toString());
            return response;
        }

        /** Reads messages until one satisfies {@code wanted}. */
        JSONObject await(Predicate<JSONObject> wanted) throws IOException {
            while (true) {
                JSONObject message = next();
                if (wanted.test(message)) {
                    return message;
                }
            }
        }

        private JSONObject next() throws IOException {
            int length = -1;
            for (String header = headerLine(in); !header.isEmpty(); header = headerLine(in)) {
                if (header.startsWith("Content-Length:")) {
                    length = Integer.parseInt(header.substring("Content-Length:".length()).strip());
                }
            }
            return new JSONObject(new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
