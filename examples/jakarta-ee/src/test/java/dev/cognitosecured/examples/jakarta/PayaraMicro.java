package dev.cognitosecured.examples.jakarta;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro instance in a process of its own, started and stopped by the test: {@code java -jar
 * payara-micro.jar --deploy app.war:/ --port N}, with the stand-ins' endpoints as system properties of its JVM
 * (MicroProfile Config reads them). Its output goes to {@code target/payara-work/NAME.log}; the instance is
 * ready when it prints Payara's "ready in" line. Stopping sends SIGTERM, so the server shuts down as an operator's
 * stop would (it writes its sessions out, or hands them over to the cluster).
 */
final class PayaraMicro implements AutoCloseable {

    /** How long a boot may take on a busy 2-core machine (one boots in about 10 s, two together in about 60 s). */
    private static final long BOOT_SECONDS = 240;
    private static final long STOP_SECONDS = 90;

    private final String name;
    private final Process process;
    private final int port;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile boolean lostOutput;

    private PayaraMicro(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /** An instance to start. */
    static Builder named(String name) {
        return new Builder(name);
    }

    /** Where the application answers. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Stops the instance as an operator would (SIGTERM), and waits for its JVM to end. */
    void stop() {
        stopping = true;
        process.destroy();
        try {
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not stop within " + STOP_SECONDS + " s; killed. See " + log(name));
            }
            ended.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while stopping " + name, e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitReady() {
        try {
            if (!ready.await(BOOT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(name + " was not ready within " + BOOT_SECONDS + " s. See " + log(name));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while " + name + " started", e);
        }
        if (!process.isAlive() || lostOutput) {
            throw new AssertionError(name + " ended during its boot. See " + log(name));
        }
    }

    /** Copies the process's output to its log, and opens the latch at Payara's "ready" line. */
    private void follow() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter log = new PrintWriter(Files.newBufferedWriter(log(name), StandardCharsets.UTF_8), true)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                log.println(line);
                if (line.contains("Payara Micro") && line.contains("ready in")) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // The output ends with the process (its stream is closed as it exits): nothing more to copy. A failure
            // before the process was told to stop shows in the test as a server that is not ready or not answering.
            lostOutput = !stopping;
        } finally {
            ready.countDown(); // awaitReady then sees the process ended
            ended.countDown();
        }
    }

    private static Path work() {
        return Path.of(Objects.requireNonNull(System.getProperty("payara.work"), "payara.work (set by the pom)"));
    }

    private static Path log(String name) {
        return work().resolve(name + ".log");
    }

    /** A free port on loopback, as the kernel hands one out. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The options of one instance. */
    static final class Builder {
        private final String name;
        private Path war = Path.of(Objects.requireNonNull(System.getProperty("payara.war"), "payara.war (set by the pom)"));
        private Map<String, String> properties = Map.of();
        private List<String> cluster = List.of("--nocluster");
        private int port = freePort();

        private Builder(String name) {
            this.name = name;
        }

        /** The WAR to deploy at the root (the example's own by default). */
        Builder war(Path archive) {
            this.war = archive;
            return this;
        }

        /** System properties of the server's JVM: the application's configuration. */
        Builder properties(Map<String, String> values) {
            this.properties = Map.copyOf(values);
            return this;
        }

        /** The HTTP port (a free one by default). */
        Builder port(int number) {
            this.port = number;
            return this;
        }

        /**
         * A member of the cluster {@code clusterName} on loopback: Hazelcast on 127.0.0.1 from port {@code gridPort},
         * the cluster found over TCP at {@code firstMemberPort} (the first member's {@code gridPort}), and backups
         * kept on members of the same host (Payara keeps them off the host by default, which on one machine would
         * mean no backup at all). Start the first member before the others: members that start together may each
         * wait for the other to lead the cluster.
         */
        Builder clustered(String clusterName, int gridPort, int firstMemberPort) {
            this.cluster = List.of("--clustername", clusterName, "--interfaces", "127.0.0.1",
                    "--clustermode", "tcpip:127.0.0.1:" + firstMemberPort, "--startport", Integer.toString(gridPort),
                    "--nohostaware");
            return this;
        }

        /** Starts the instance, and waits until its application answers; if it does not, the process is ended. */
        PayaraMicro start() {
            PayaraMicro instance = launch();
            try {
                instance.awaitReady();
            } catch (RuntimeException | Error e) {
                instance.process.destroyForcibly();
                throw e;
            }
            return instance;
        }

        private PayaraMicro launch() {
            List<String> command = new ArrayList<>();
            command.add(Objects.requireNonNull(System.getProperty("payara.java"), "payara.java (set by the pom)"));
            command.add("-Xmx512m");
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-jar");
            command.add(Objects.requireNonNull(System.getProperty("payara.jar"), "payara.jar (set by the pom)"));
            command.addAll(List.of("--deploy", war + ":/", "--port", Integer.toString(port)));
            command.addAll(cluster);
            try {
                Files.createDirectories(work());
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                PayaraMicro instance = new PayaraMicro(name, process, port);
                Thread follower = new Thread(instance::follow, "payara-" + name);
                follower.setDaemon(true);
                follower.start();
                return instance;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
