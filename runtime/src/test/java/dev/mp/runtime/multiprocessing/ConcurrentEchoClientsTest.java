package dev.mp.runtime.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial's echo server pattern under load: fifty clients connected at once, each connection accepted by
 * the main process and served by a child process of its own, which answers with its pid so the test sees that
 * fifty distinct processes, none of them the parent, did the serving.
 */
class ConcurrentEchoClientsTest {
    private static final int CLIENTS = 50;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void fiftyClientsEachServedByItsOwnChild() throws Exception {
        Path script = dir.resolve("server.mp");
        Files.writeString(script, """
                import os
                import socket
                from multiprocessing import Process

                def handle_conn(conn):
                    replies = conn.makefile('rb')
                    for line in replies:
                        conn.sendall(line.rstrip().upper() + b' ' + str(os.getpid()).encode() + b'\\n')
                    conn.close()

                if __name__ == '__main__':
                    sk = socket.create_server(('127.0.0.1', 0))
                    print(sk.getsockname()[1], os.getpid(), flush=True)
                    children = []
                    for _ in range(%d):
                        conn, address = sk.accept()
                        p = Process(target=handle_conn, args=(conn,))
                        p.start()
                        conn.close()
                        children.append(p)
                    sk.close()
                    for p in children:
                        p.join()
                    print('exit codes', sorted({p.exitcode for p in children}), flush=True)
                """.formatted(CLIENTS));
        Process server = ScriptRunner.separateJvm(script).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader serverOut = new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String[] first = serverOut.readLine().split(" ");
            int port = Integer.parseInt(first[0]);
            String parentPid = first[1];

            List<Socket> clients = new ArrayList<>();
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
                    client.setSoTimeout(240_000);
                    clients.add(client);
                }
                Set<String> servingPids = new HashSet<>();
                for (int round = 0; round < 2; round++) {
                    for (int i = 0; i < CLIENTS; i++) {
                        OutputStream toServer = clients.get(i).getOutputStream();
                        toServer.write(("client %d round %d\n".formatted(i, round)).getBytes(StandardCharsets.UTF_8));
                        toServer.flush();
                    }
                    for (int i = 0; i < CLIENTS; i++) {
                        String reply = readLine(clients.get(i));
                        assertNotNull(reply, "client " + i + " got no reply");
                        String expected = "CLIENT %d ROUND %d ".formatted(i, round);
                        assertEquals(expected, reply.substring(0, Math.min(reply.length(), expected.length())));
                        String pid = reply.substring(expected.length());
                        assertFalse(pid.equals(parentPid), "the parent served client " + i);
                        if (round == 0) {
                            servingPids.add(pid);
                        }
                    }
                }
                assertEquals(CLIENTS, servingPids.size(), "each client is served by a process of its own");
            } finally {
                for (Socket client : clients) {
                    client.close();
                }
            }
            assertEquals("exit codes [0]", serverOut.readLine());
            assertEquals(true, server.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, server.exitValue());
        } finally {
            server.destroyForcibly();
        }
    }

    /** One line from the socket, read byte by byte so that nothing beyond the line is consumed. */
    private static String readLine(Socket socket) throws Exception {
        StringBuilder line = new StringBuilder();
        var in = socket.getInputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.isEmpty() ? null : line.toString();
            }
            line.append((char) b);
        }
        return line.toString();
    }
}
