package dev.cognitosecured.runtime.internal.realtime;

import jakarta.json.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Where the real-time WebSocket of an AppSync API is, and the URI a connection opens.
 *
 * <p>AppSync serves it next to the GraphQL endpoint: {@code https://<id>.appsync-api.<region>.amazonaws.com/graphql}
 * has {@code wss://<id>.appsync-realtime-api.<region>.amazonaws.com/graphql}; an API on a custom domain,
 * {@code https://api.example.com/graphql}, has {@code wss://api.example.com/graphql/realtime}.
 */
public final class RealtimeEndpoint {

    private RealtimeEndpoint() {
    }

    /** The real-time endpoint AppSync serves for {@code graphql}: see the class comment. */
    public static URI derive(URI graphql) {
        String scheme = "http".equalsIgnoreCase(graphql.getScheme()) ? "ws" : "wss";
        String host = graphql.getHost();
        String path = graphql.getRawPath() == null ? "" : graphql.getRawPath();
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.contains(".appsync-api.")) {
            int at = lower.indexOf(".appsync-api.");
            host = host.substring(0, at) + ".appsync-realtime-api." + host.substring(at + ".appsync-api.".length());
        } else {
            path = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + "/realtime";
        }
        try {
            return new URI(scheme, null, host, graphql.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("no real-time endpoint can be derived from " + host, e);
        }
    }

    /**
     * The {@code host} AppSync expects in the authorization header: the GraphQL endpoint's host, with
     * its port if it names one.
     */
    public static String host(URI graphql) {
        return graphql.getPort() < 0 ? graphql.getHost() : graphql.getHost() + ":" + graphql.getPort();
    }

    /**
     * The URI a connection opens: the endpoint with AppSync's {@code header} (base64 of
     * {@code {"host":..., "Authorization":...}}) and the empty {@code payload}. It carries the token:
     * never log it or put it in a message.
     */
    static URI connectUri(URI realtime, String host, String authorization) {
        String header = Json.createObjectBuilder().add("host", host).add("Authorization", authorization).build()
                .toString();
        String encoded = Base64.getEncoder().encodeToString(header.getBytes(StandardCharsets.UTF_8));
        String query = "header=" + encoded.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
                + "&payload=e30%3D";
        String base = realtime.toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + query);
    }

    /** The endpoint without user info or query, for messages. */
    static String forMessages(URI realtime) {
        return realtime.getScheme() + "://" + realtime.getHost() + (realtime.getPort() < 0 ? "" : ":" + realtime.getPort())
                + (realtime.getRawPath() == null ? "" : realtime.getRawPath());
    }
}
