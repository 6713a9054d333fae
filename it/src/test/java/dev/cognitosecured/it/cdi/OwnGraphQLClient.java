package dev.cognitosecured.it.cdi;

import dev.cognitosecured.annotations.AuthFlow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.util.concurrent.TimeUnit;

/**
 * The README's sample "Your own JAX-RS client", kept compiling here: the application hands the pool
 * {@code default} its own client (a proxy, TLS, a connector of its choice), and closes it itself.
 * {@code e2e/DeadlinesTest.theApplicationsOwnClientIsUsedAndNotClosed} checks that such a client is
 * used and not closed.
 */
@ApplicationScoped
public class OwnGraphQLClient {

    @Produces @AuthFlow @ApplicationScoped
    Client graphQLClient() {
        return ClientBuilder.newBuilder()
                .connectTimeout(2, TimeUnit.SECONDS)   // the library's timeouts do not apply to your client;
                .readTimeout(20, TimeUnit.SECONDS)     // graphql.timeout and call-timeout still bound each call
                .build();
    }

    void close(@Disposes @AuthFlow Client client) {
        client.close();
    }
}
