package dev.cognitosecured.testing.graphql;

import dev.cognitosecured.testing.internal.LoopbackHttpServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.function.Function;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The Jetty server under a {@link LocalGraphQL}: one connector on the loopback address, which can be stopped
 * (connections refused, open ones closed) and started again on the same port. Jetty rather than the JDK's
 * {@code com.sun.net.httpserver}, because the real-time endpoint needs WebSocket on the same port.
 */
final class JettyLoopback {

    /** Enough threads for a burst of held requests (silent faults, latency) and WebSocket sessions. */
    private static final int MAX_THREADS = 1024;

    /** How long {@link #refuse()} waits for the port to refuse connections. */
    private static final Duration REFUSING_WITHIN = Duration.ofSeconds(5);

    private final Server server;
    private ServerConnector connector; // guarded by this; null while refusing connections
    private final int port;

    JettyLoopback(int port, Function<Server, Handler> handler) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
        threads.setName("local-graphql");
        threads.setDaemon(true);
        // Jetty's own scheduler would be a non-daemon "Scheduler-<n>" thread: name it as ours, and let it not hold
        // the JVM up, like the pool.
        this.server = new Server(threads, new ScheduledExecutorScheduler("local-graphql-scheduler", true), null);
        server.setStopTimeout(0);
        server.setHandler(handler.apply(server));
        this.connector = connector(port);
        server.addConnector(connector);
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly();
            throw e;
        } catch (Exception e) {
            stopQuietly();
            throw new IOException("Jetty did not start: " + e, e);
        }
        this.port = connector.getLocalPort();
    }

    Server server() {
        return server;
    }

    int port() {
        return port;
    }

    private ServerConnector connector(int on) {
        ServerConnector listening = new ServerConnector(server, 1, 1);
        listening.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        listening.setPort(on);
        listening.setAcceptQueueSize(LoopbackHttpServers.BACKLOG);
        listening.setReuseAddress(true);
        return listening;
    }

    /** Stops listening and closes every open connection (HTTP and WebSocket); does nothing if stopped. */
    synchronized void refuse() {
        if (connector != null) {
            ServerConnector stopping = connector;
            connector = null;
            try {
                stopping.stop();
            } catch (Exception e) {
                throw new IllegalStateException("LocalGraphQL could not stop listening: " + e, e);
            } finally {
                server.removeConnector(stopping);
            }
            awaitRefusing();
        }
    }

    /**
     * Returns once a connection to the port is refused. Jetty's connector can close its listening channel a moment
     * after {@code stop()} returned (an acceptor thread finishing its accept): a client connecting then would be
     * accepted and closed unread instead of refused. Bounded: after {@link #REFUSING_WITHIN} it gives up.
     */
    private void awaitRefusing() {
        long deadline = System.nanoTime() + REFUSING_WITHIN.toNanos();
        while (System.nanoTime() - deadline < 0) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            } catch (IOException refused) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("LocalGraphQL still accepted connections on 127.0.0.1:" + port + " "
                + REFUSING_WITHIN.toSeconds() + " s after it stopped listening");
    }

    /** Listens again on the same port; does nothing if listening. */
    synchronized void accept() {
        if (connector == null) {
            ServerConnector again = connector(port);
            server.addConnector(again);
            try {
                again.start();
            } catch (Exception e) {
                server.removeConnector(again);
                throw new UncheckedIOException("LocalGraphQL cannot listen again on 127.0.0.1:" + port,
                        e instanceof IOException io ? io : new IOException(e));
            }
            connector = again;
        }
    }

    /** Stops the server. */
    synchronized void stop() {
        connector = null;
        stopQuietly();
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping a test server: nothing more to do
        }
    }
}
