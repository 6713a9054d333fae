package dev.cognitosecured.runtime.internal.graphql;

import dev.cognitosecured.runtime.internal.config.Limits;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.util.concurrent.TimeUnit;

/**
 * The JAX-RS client a pool makes when the application gives it none: the connect and read timeouts of
 * {@code graphql.connect-timeout} and {@code graphql.timeout}, and, with Jersey, the connector over the
 * JDK's {@code java.net.http.HttpClient} if the application has {@code jersey-jnh-connector}: it keeps
 * a connection per concurrent caller alive, where Jersey's default connector ({@code HttpURLConnection})
 * keeps at most {@code http.maxConnections} (5) per host and opens a new one for every other caller.
 * Other JAX-RS implementations ignore the Jersey property.
 */
public final class DefaultGraphQLClient {

    /** Jersey's {@code ClientProperties.CONNECTOR_PROVIDER}: a connector provider's class name. */
    static final String JERSEY_CONNECTOR_PROVIDER = "jersey.config.client.connector.provider";

    /** Jersey's connector over {@code java.net.http.HttpClient}, in {@code jersey-jnh-connector}. */
    static final String JDK_HTTP_CONNECTOR = "org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider";

    private DefaultGraphQLClient() {
    }

    /** A new client with {@code limits}' timeouts and the pooling connector when there is one; the caller closes it. */
    public static Client create(Limits limits) {
        ClientBuilder builder = ClientBuilder.newBuilder()
                .connectTimeout(limits.graphqlConnectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(limits.graphqlTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (hasJdkHttpConnector(builder)) {
            builder.property(JERSEY_CONNECTOR_PROVIDER, JDK_HTTP_CONNECTOR);
        }
        return builder.build();
    }

    /** Whether the client is Jersey's and the JDK HTTP connector can be loaded beside it. */
    static boolean hasJdkHttpConnector(ClientBuilder builder) {
        if (!builder.getClass().getName().startsWith("org.glassfish.jersey.")) {
            return false;
        }
        try {
            Class.forName(JDK_HTTP_CONNECTOR, false, builder.getClass().getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
