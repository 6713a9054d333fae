package dev.cognitosecured.testing.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Creates the JDK HTTP servers of the stand-ins, on the loopback address, set up for tests that
 * send many requests at once.
 *
 * <ul>
 *   <li>{@code TCP_NODELAY}: the JDK server writes an answer's headers and body as two segments;
 *       with Nagle's algorithm and the client's delayed ACK each keep-alive answer would wait about
 *       40 ms. The JDK reads the switch ({@code sun.net.httpserver.nodelay}) once, when its first
 *       server starts, so it is set here unless the application set it.</li>
 *   <li>An accept backlog of {@value #BACKLOG}, not the default 50, so a burst of a thousand
 *       connections (a refresh-storm test) is queued rather than reset.</li>
 * </ul>
 */
public final class LoopbackHttpServers {

    /** How many connections may wait to be accepted. */
    public static final int BACKLOG = 1024;

    static {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private LoopbackHttpServers() {
    }

    /** An unstarted server on the loopback address and {@code port} (0 for any free port). */
    public static HttpServer create(int port) throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
    }
}
