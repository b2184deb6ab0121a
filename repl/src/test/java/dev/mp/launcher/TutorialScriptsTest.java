package dev.mp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * End-to-end tests of the tutorial's programs in {@code scripts/}: each runs with the real launcher in a JVM
 * of its own, its child processes being real JVMs too, and the test asserts what the tutorial says the
 * program shows. Where the output is deterministic it must equal CPython's, recorded in
 * {@code scripts/expected/} (see {@code regenerate.sh} there). Every script must print nothing to standard
 * error: no logging or warnings from the machinery.
 *
 * <p>Each test works on a copy of {@code scripts/} (so the ticket file starts with 5 tickets, and the echo
 * test can give the server a free port in its copy of {@code config/netconfig.mp}), with the copy on MP_PATH
 * as the README says. The scripts are independent, so the tests run concurrently
 * (see {@code junit-platform.properties}).
 */
@Execution(ExecutionMode.CONCURRENT)
class TutorialScriptsTest {
    private static final Path SCRIPTS = Path.of("..", "scripts").toAbsolutePath().normalize();
    /** Generous: the machine may be busy, and every child process is a JVM that starts from scratch. */
    private static final Duration LIMIT = Duration.ofMinutes(10);
    private static final String MAIN_DONE = "主进程执行完毕";

    @TempDir
    Path work;

    /** Copies {@code scripts/} into this test's folder and starts one of its scripts with the copy on MP_PATH. */
    private LaunchedScript launch(String script, String stdin, String... extraPath) throws IOException {
        Path copy = copyOfScripts();
        List<String> path = new ArrayList<>(List.of(extraPath));
        path.add(copy.toString());
        return LaunchedScript.start(copy.resolve(script), work, Map.of("MP_PATH", String.join(java.io.File.pathSeparator, path)), stdin);
    }

    private LaunchedScript launch(String script) throws IOException {
        return launch(script, "");
    }

    private Path copyOfScripts() throws IOException {
        Path copy = work.resolve("scripts");
        if (Files.isDirectory(copy)) {
            return copy;
        }
        try (Stream<Path> files = Files.walk(SCRIPTS)) {
            for (Path f : files.toList()) {
                Path target = copy.resolve(SCRIPTS.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return copy;
    }

    /** Runs a script that ends by itself; it must exit with status 0 and print nothing to stderr. */
    private List<String> runToEnd(String script) throws Exception {
        try (LaunchedScript s = launch(script)) {
            return ended(s);
        }
    }

    private static List<String> ended(LaunchedScript s) throws InterruptedException {
        int status = s.awaitExit(LIMIT);
        assertEquals("", s.stderr(), "stderr");
        assertEquals(0, status, "exit status");
        return s.lines();
    }

    /** Waits until a script that never ends shows {@code done}, checks that it still runs, then stops it. */
    private List<String> runUntil(String script, Predicate<List<String>> done) throws Exception {
        try (LaunchedScript s = launch(script)) {
            List<String> lines = s.awaitLines(done, LIMIT);
            assertTrue(s.isAlive(), "the script ended by itself");
            assertEquals("", s.stderr(), "stderr");
            return lines;
        }
    }

    private static List<String> expected(String name) throws IOException {
        return Files.readString(SCRIPTS.resolve("expected").resolve(name), StandardCharsets.UTF_8).lines().toList();
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }

    private static List<String> numbered(String format, int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format(format, i)).toList();
    }

    /** The first group of every line that matches {@code pattern}, in order. */
    private static List<String> captured(List<String> lines, Pattern pattern) {
        return lines.stream().map(pattern::matcher).filter(Matcher::matches).map(m -> m.group(1)).toList();
    }

    private static Map<String, Integer> counts(List<String> items) {
        Map<String, Integer> counts = new TreeMap<>();
        items.forEach(i -> counts.merge(i, 1, Integer::sum));
        return counts;
    }

    // ---- 守护进程 (daemon processes)

    @Test
    void nonDaemonChildrenPrintAfterTheMainProcessEnds() throws Exception {
        List<String> out = runToEnd("daemon/children_outlive_main.mp");
        assertEquals(MAIN_DONE, out.get(0), String.join("\n", out));
        assertEquals(numbered("进程%d", 5), sorted(out.subList(1, out.size())));
    }

    @Test
    void daemonChildrenEndWithTheMainProcessAndPrintNothing() throws Exception {
        assertEquals(expected("daemon/daemon_children_end_with_main.out"), runToEnd("daemon/daemon_children_end_with_main.mp"));
    }

    // ---- 进程的其他方法 (terminate, is_alive)

    @Test
    void terminatedChildrenPrintNothing() throws Exception {
        List<String> out = runToEnd("process_methods/terminate.mp");
        assertEquals(MAIN_DONE, out.get(0), String.join("\n", out));
        assertEquals(List.of("进程0", "进程2", "进程4"), sorted(out.subList(1, out.size())));
    }

    @Test
    void isAliveTellsTerminatedChildrenFromRunningOnes() throws Exception {
        List<String> out = runToEnd("process_methods/is_alive.mp");
        assertEquals(List.of("进程0 存活", "进程1 销毁", "进程2 存活", "进程3 销毁", "进程4 存活", MAIN_DONE), out.subList(0, Math.min(6, out.size())));
        assertEquals(List.of("进程0", "进程2", "进程4"), sorted(out.subList(6, out.size())));
    }

    // ---- 锁 (locks)

    private static final Pattern RUNNING = Pattern.compile("(\\d): (\\d+) is running");
    private static final Pattern DONE = Pattern.compile("(\\d): ?(\\d+) is done");

    @Test
    void withoutALockThreeProcessesPrintTheirPids() throws Exception {
        List<String> out = runToEnd("lock/print_without_lock.mp");
        assertEquals(6, out.size(), String.join("\n", out));
        Map<String, String> pidOfRunning = new HashMap<>();
        Map<String, String> pidOfDone = new HashMap<>();
        for (String line : out) {
            Matcher running = RUNNING.matcher(line);
            Matcher done = DONE.matcher(line);
            if (running.matches()) {
                pidOfRunning.put(running.group(1), running.group(2));
            } else {
                assertTrue(done.matches(), line);
                pidOfDone.put(done.group(1), done.group(2));
            }
        }
        assertEquals(Map.of("0", pidOfRunning.get("0"), "1", pidOfRunning.get("1"), "2", pidOfRunning.get("2")), pidOfDone);
        assertEquals(3, pidOfRunning.values().stream().distinct().count(), "three distinct pids: " + pidOfRunning);
    }

    @Test
    void withTheLockEachRunningLineIsFollowedByItsOwnDoneLine() throws Exception {
        List<String> out = runToEnd("lock/print_with_lock.mp");
        assertEquals(6, out.size(), String.join("\n", out));
        List<String> workers = new ArrayList<>();
        List<String> pids = new ArrayList<>();
        for (int i = 0; i < 6; i += 2) {
            Matcher running = RUNNING.matcher(out.get(i));
            assertTrue(running.matches(), out.get(i));
            assertEquals(running.group(1) + ": " + running.group(2) + " is done", out.get(i + 1));
            workers.add(running.group(1));
            pids.add(running.group(2));
        }
        assertEquals(List.of("0", "1", "2"), sorted(workers));
        assertEquals(3, pids.stream().distinct().count(), "three distinct pids: " + pids);
    }

    private static final Pattern SOLD = Pattern.compile("(\\d) 抢到了票, 还剩余 (-?\\d+)");
    private static final Pattern NONE_LEFT = Pattern.compile("(\\d) 进行抢票, 但是没票了");

    @Test
    void withTheLockExactlyFiveTicketsAreSoldInOrder() throws Exception {
        List<String> out = runToEnd("lock/ticket_with_lock.mp");
        assertEquals(10, out.size(), String.join("\n", out));
        List<String> remaining = out.subList(0, 5).stream().map(SOLD::matcher).filter(Matcher::matches).map(m -> m.group(2)).toList();
        assertEquals(List.of("4", "3", "2", "1", "0"), remaining, "the first five lines sell the tickets: " + out);
        assertEquals(5, captured(out.subList(5, 10), NONE_LEFT).size(), "then five buyers find none: " + out);
        List<String> buyers = new ArrayList<>(captured(out, SOLD));
        buyers.addAll(captured(out, NONE_LEFT));
        assertEquals(numbered("%d", 10), sorted(buyers));
        assertEquals("{\"ticket_num\": 0}", Files.readString(work.resolve("scripts/config/ticket.json")));
    }

    private static final Pattern BUYER_FAILED = Pattern.compile("Process Process-\\d+:");

    @Test
    void withoutTheLockEveryBuyerTriesOnceAndAtLeastFiveTicketsAreSold() throws Exception {
        // The tutorial shows tickets sold twice; how many is up to timing. Without the lock a buyer may also
        // read the ticket file while another has just truncated it to write it again, and fail with a
        // JSONDecodeError (CPython too): that buyer prints a traceback instead of a line.
        List<String> out;
        String err;
        try (LaunchedScript s = launch("lock/ticket_without_lock.mp")) {
            assertEquals(0, s.awaitExit(LIMIT), "exit status");
            out = s.lines();
            err = s.stderr();
        }
        List<String> tracebacks = err.lines().filter(l -> BUYER_FAILED.matcher(l).matches()).toList();
        assertEquals(tracebacks.size(), err.lines().filter(l -> l.contains("JSONDecodeError: ")).count(), err);
        assertEquals(10 - tracebacks.size(), out.size(), String.join("\n", out) + "\n" + err);
        List<String> buyers = new ArrayList<>(captured(out, SOLD));
        buyers.addAll(captured(out, NONE_LEFT));
        assertEquals(out.size(), buyers.size(), String.join("\n", out));
        assertEquals(out.size(), buyers.stream().distinct().count(), "each buyer tries once: " + out);
        // A buyer finds none only after five sales in a row have brought the count to 0.
        assertTrue(captured(out, NONE_LEFT).isEmpty() || captured(out, SOLD).size() >= 5, String.join("\n", out));
        for (String line : out) {
            Matcher m = SOLD.matcher(line);
            assertTrue(!m.matches() || Integer.parseInt(m.group(2)) >= 0 && Integer.parseInt(m.group(2)) <= 4, line);
        }
    }

    // ---- 信号量 (semaphore)

    /**
     * A sitecustomize on MP_PATH (imported by the main process and by every child) wraps time.sleep, which
     * go_ktv calls only while it holds the semaphore: it appends "enter" to a log before sleeping and "leave"
     * after. Appends from all processes land in the order they happen, so at each point of the log the
     * entered-but-not-left count is at most the number of holders at that moment.
     */
    @Test
    void neverMoreThanFourProcessesAreInsideTheSemaphore() throws Exception {
        Path probe = Files.createDirectories(work.resolve("probe"));
        Path log = work.resolve("sleeps.log");
        Files.writeString(probe.resolve("sitecustomize.mp"), """
                import time

                LOG = %s
                _sleep = time.sleep


                def _logged_sleep(seconds):
                    with open(LOG, 'a') as f:
                        f.write('enter\\n')
                    _sleep(seconds)
                    with open(LOG, 'a') as f:
                        f.write('leave\\n')


                time.sleep = _logged_sleep
                """.formatted("'" + log.toString().replace("\\", "\\\\").replace("'", "\\'") + "'"));
        List<String> out;
        try (LaunchedScript s = launch("semaphore/ktv_rooms.mp", "", probe.toString())) {
            out = ended(s);
        }
        assertEquals(sorted(numbered("user%d 占到一间ktv小屋", 13)), sorted(out));
        int inside = 0;
        int most = 0;
        List<String> events = Files.readAllLines(log);
        for (String event : events) {
            inside += event.equals("enter") ? 1 : -1;
            most = Math.max(most, inside);
        }
        assertEquals(26, events.size(), "13 sleeps logged: " + events);
        assertEquals(0, inside);
        assertTrue(most <= 4, "at most 4 inside, saw " + most);
    }

    // ---- 事件 (event): the traffic lights

    private static final Pattern DROVE_AWAY = Pattern.compile("车开远了,car (\\d)");
    private static final Pattern POLICE_ON_RED = Pattern.compile("\u001b\\[33m红灯,警车先走\u001b\\[0m,car (\\d)");

    private static boolean allCarsGone(List<String> lines) {
        return captured(lines, DROVE_AWAY).size() == 10 && captured(lines, POLICE_ON_RED).size() == 5;
    }

    private static void assertEveryCarDroveAwayAndPoliceWentOnRed(List<String> out) {
        assertEquals(numbered("%d", 10), sorted(captured(out, DROVE_AWAY)), String.join("\n", out));
        assertEquals(numbered("%d", 5), sorted(captured(out, POLICE_ON_RED)), String.join("\n", out));
        assertTrue(out.stream().noneMatch(l -> l.contains("绿灯,警车走")), String.join("\n", out));
        assertTrue(out.contains("*********** True"), "the light turned green: " + out);
    }

    @Test
    void trafficLightsRunForeverAfterEveryCarHasGone() throws Exception {
        assertEveryCarDroveAwayAndPoliceWentOnRed(runUntil("event/traffic_lights.mp", TutorialScriptsTest::allCarsGone));
    }

    @Test
    void trafficLightsVariantEndsOnceEveryCarHasGone() throws Exception {
        assertEveryCarDroveAwayAndPoliceWentOnRed(runToEnd("event/traffic_lights_until_cars_leave.mp"));
    }

    // ---- 队列 (queues)

    @Test
    void queueMethodsPrintWhatCPythonPrints() throws Exception {
        assertEquals(expected("queues/queue_methods.out"), runToEnd("queues/queue_methods.mp"));
    }

    private static final Pattern STORED = Pattern.compile("存放数据 (\\d+)");
    private static final Pattern FETCHED = Pattern.compile("进程\\d 获取到数据 (\\d+)");

    @Test
    void exchangeThroughAQueueGoesOnForever() throws Exception {
        List<String> out = runUntil("queues/exchange_forever.mp", lines -> captured(lines, FETCHED).size() >= 20);
        // Each value fetched was stored; the producer prints after its put, so one store may not show yet.
        Map<String, Integer> unmatched = counts(captured(out, FETCHED));
        captured(out, STORED).forEach(v -> unmatched.computeIfPresent(v, (k, n) -> n == 1 ? null : n - 1));
        assertTrue(unmatched.values().stream().mapToInt(Integer::intValue).sum() <= 1, "fetched but never stored: " + unmatched);
    }

    @Test
    void exchangeVariantFetchesEveryStoredValueOnceAndEnds() throws Exception {
        List<String> out = runToEnd("queues/exchange_twenty_items.mp");
        assertEquals(20, captured(out, STORED).size(), String.join("\n", out));
        assertEquals(counts(captured(out, STORED)), counts(captured(out, FETCHED)), String.join("\n", out));
    }

    // ---- 生产者消费者模型 (producer and consumer)

    private static final Pattern CONSUMED = Pattern.compile("消费者\\d 消费 (\\d+)");
    private static final Pattern PRODUCED = Pattern.compile("生产者\\d? 生产 (\\d+)");

    @Test
    void version1ConsumesEveryItemOnceAndNeverEnds() throws Exception {
        List<String> out = runUntil("producer_consumer/v1_consumers_never_end.mp",
                lines -> captured(lines, CONSUMED).size() == 10 && captured(lines, PRODUCED).size() == 10);
        assertEquals(numbered("%d", 10), sorted(captured(out, CONSUMED)));
    }

    @Test
    void version1VariantWithDaemonConsumersEnds() throws Exception {
        List<String> out = runToEnd("producer_consumer/v1_consumers_as_daemons.mp");
        assertEquals(numbered("%d", 10), sorted(captured(out, PRODUCED)), String.join("\n", out));
        assertEquals(numbered("%d", 10), sorted(captured(out, CONSUMED)), String.join("\n", out));
    }

    @Test
    void version2EndsAfterEveryConsumerGetsItsNone() throws Exception {
        List<String> out = runToEnd("producer_consumer/v2_none_per_consumer.mp");
        List<String> items = IntStream.rangeClosed(1, 9).mapToObj(String::valueOf).toList();
        assertEquals(items, sorted(captured(out, CONSUMED)), String.join("\n", out));
        assertEquals(numbered("消费者进程%d 结束", 5), sorted(out.stream().filter(l -> l.endsWith(" 结束")).toList()));
    }

    @Test
    void version3ConsumesTwelveItemsOnceAndEnds() throws Exception {
        List<String> out = runToEnd("producer_consumer/v3_joinable_queue.mp");
        Map<String, Integer> threeOfEach = Map.of("1", 3, "2", 3, "3", 3, "4", 3);
        assertEquals(new TreeMap<>(threeOfEach), counts(captured(out, CONSUMED)), String.join("\n", out));
        List<String> produced = out.stream().filter(l -> l.startsWith("生产者")).toList();
        assertEquals(12, produced.size(), String.join("\n", out));
        assertEquals(12, produced.stream().distinct().count(), "each producer makes 1 to 4 once: " + produced);
    }

    // ---- 利用Process模块实现socketserver (echo server and client)

    @Test
    void echoServerSendsBackWhatTheClientTypesInUpperCase() throws Exception {
        Path copy = copyOfScripts();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // Port 8080 of the tutorial may be taken on a shared machine: this test's copy of the config uses a free one.
        Path netconfig = copy.resolve("config/netconfig.mp");
        Files.writeString(netconfig, Files.readString(netconfig).replace("8080", String.valueOf(port)));
        String input = Files.readString(SCRIPTS.resolve("expected/socket_server/echo_client.in"));
        try (LaunchedScript server = launch("socket_server/echo_server.mp")) {
            server.awaitLines(lines -> lines.contains("服务器已经启动"), LIMIT);
            try (LaunchedScript client = launch("socket_server/echo_client.mp", input)) {
                assertEquals(expected("socket_server/echo_client.out"), ended(client));
            }
            List<String> typed = input.lines().takeWhile(l -> !l.equals("q")).toList();
            List<String> received = typed.stream().map(l -> "服务端收到数据 b'" + l + "'").toList();
            List<String> serverOut = server.awaitLines(lines -> lines.containsAll(received), LIMIT);
            assertEquals(List.of("服务器已经启动"), serverOut.subList(0, 1));
            assertEquals(received, serverOut.subList(1, serverOut.size()));
            assertTrue(server.isAlive(), "the server still accepts connections");
            assertEquals("", server.stderr());
        }
    }
}
