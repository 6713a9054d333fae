package dev.cognitosecured.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.event.RefreshFailed;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import dev.cognitosecured.testing.graphql.GraphQLFault;
import dev.cognitosecured.testing.graphql.LocalGraphQL;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11 §2, the GraphQL server's side, for the faults that need no timeout (the silent and slow server
 * belong with the GraphQL timeouts of §1): the application (Weld SE, Jersey over loopback HTTP to LocalGraphQL)
 * gets a {@link TransportException} naming the status or the broken connection; the tokens are kept and not
 * refreshed; the call is not repeated; the next call after recovery succeeds with the same tokens; and after the
 * application closes none of its threads and none of its connections remain.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GraphQLFaultsTest {

    record Scenario(String name, Consumer<LocalGraphQL> inject, Consumer<LocalGraphQL> recover, long requests,
            OptionalInt status, List<String> says) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> faults() {
        return Stream.of(
                httpError("HTTP 500", GraphQLFault.serverError(), 500, "InternalFailureException"),
                httpError("HTTP 502", GraphQLFault.badGateway(), 502, "Bad Gateway"),
                httpError("HTTP 503", GraphQLFault.serviceUnavailable(), 503, "Service Unavailable"),
                httpError("HTTP 504", GraphQLFault.gatewayTimeout(), 504, "Endpoint request timed out"),
                httpError("an HTML error page", GraphQLFault.htmlErrorPage(502), 502, "<title>502 Error</title>"),
                // Jersey's default connector (HttpURLConnection) hands over the half body without an error on JDK 17
                // and fails with "Premature EOF" on JDK 25: either way the library says the body was cut short
                new Scenario("connection reset mid-response",
                        graphQL -> graphQL.injectFault(GraphQLFault.resetMidResponse()), LocalGraphQL::clearFaults,
                        1, OptionalInt.of(200), List.of("GraphQL operation TodoApi.getTodo: the body of the HTTP 200"
                                + " answer could not be read (it was cut short of the ")),
                new Scenario("connection refused", LocalGraphQL::refuseConnections, LocalGraphQL::acceptConnections,
                        0, OptionalInt.empty(), List.of("GraphQL operation TodoApi.getTodo got no answer from ",
                                ": ConnectException: Connection refused")));
    }

    private static Scenario httpError(String name, GraphQLFault fault, int status, String excerpt) {
        return new Scenario(name, graphQL -> graphQL.injectFault(fault), LocalGraphQL::clearFaults, 1,
                OptionalInt.of(status), List.of("GraphQL operation TodoApi.getTodo failed with HTTP " + status + ": ",
                        excerpt));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void theCallerGetsATransportExceptionTheTokensAreKeptAndTheNextCallSucceeds(Scenario s)
            throws InterruptedException {
        try (StandIns standIns = StandIns.start()) {
            LocalGraphQL graphQL = standIns.graphQL();
            Leaks leaks = Leaks.threadsNow();
            TodoApp app = TodoApp.boot(standIns.config(), ClientTicker.following(standIns.clock()));
            List<Thread> appThreads;
            try {
                standIns.user("alice");
                app.service().login("alice", StandIns.PASSWORD.toCharArray());
                assertEquals("Todo 1", app.service().todo("1").title());
                graphQL.clearRequests();
                s.inject().accept(graphQL);

                TransportException failed = assertThrows(TransportException.class, () -> app.service().todo("2"));
                for (String part : s.says()) {
                    assertTrue(failed.getMessage().contains(part), failed.getMessage());
                }
                assertEquals(s.status(), failed.status());
                assertEquals(s.requests(), graphQL.requestCount(), "sent once, not repeated");
                TransportException again = assertThrows(TransportException.class, () -> app.service().todo("3"));
                assertEquals(s.status(), again.status());

                s.recover().accept(graphQL);
                assertEquals("Todo 4", app.service().todo("4").title(), "recovered");
                assertEquals(2 * s.requests() + 1, graphQL.requestCount());
                assertEquals(1, graphQL.distinctTokenCount(), "every request carried the same tokens");
                assertTrue(app.store().isSignedIn());
                assertEquals(0, app.events().count(TokensRefreshed.class) + app.events().count(RefreshFailed.class),
                        "a server fault is no reason to refresh");
                assertEquals(0, standIns.refreshes());
                appThreads = CognitoFaultsTest.applicationThreads(leaks);
            } finally {
                app.close();
            }
            assertEquals(List.of(), Leaks.stillAliveAfterJoining(appThreads), "threads left after closing");
            CognitoFaultsTest.assertNoConnectionsLeft(standIns.cognito().endpoint().getPort(), graphQL.port());
        }
    }
}
