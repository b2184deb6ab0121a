package dev.mp.runtime.socket;

import java.nio.charset.StandardCharsets;

/**
 * Child-JVM entry point for the cross-process tests. Talks to the parent test through stdout lines.
 * <ul>
 *   <li>{@code echo <token>}: fetch a connected socket, echo until EOF.</li>
 *   <li>{@code accept-one <token> <name>}: fetch a listening socket, accept one connection, reply
 *       {@code <name>:<received text>}.</li>
 *   <li>{@code hold <port>}: connect to 127.0.0.1:port, register the connection with a ResourceSharer,
 *       print the token, wait until it has been fetched, then exit without closing anything explicitly.</li>
 * </ul>
 */
public final class SocketChildMain {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "echo" -> {
                try (NativeSocket s = ResourceSharer.fetchSocket(args[1])) {
                    say("FETCHED " + s.family() + " " + s.type());
                    byte[] data;
                    while ((data = s.recv(4096)).length > 0) s.sendall(data);
                }
                say("DONE");
            }
            case "accept-one" -> {
                try (NativeSocket l = ResourceSharer.fetchSocket(args[1])) {
                    say("FETCHED " + l.getsockname());
                    NativeSocket.Accepted acc = l.accept();
                    try (NativeSocket c = acc.socket()) {
                        byte[] got = c.recv(100);
                        c.sendall((args[2] + ":" + new String(got, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                        c.shutdown(NativeSocket.SHUT_WR);
                        c.recv(1);
                    }
                }
                say("DONE");
            }
            case "hold" -> {
                ResourceSharer sharer = new ResourceSharer(true);
                NativeSocket s = NativeSocket.create();
                s.connect(new SockAddr.Inet4("127.0.0.1", Integer.parseInt(args[1])));
                String token = sharer.register(s);
                s.close();
                say("TOKEN " + token);
                say(sharer.awaitNoPending(20_000) ? "HANDED" : "NOT-FETCHED");
                System.exit(0);
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
