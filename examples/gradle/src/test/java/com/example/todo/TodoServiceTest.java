package com.example.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.testing.cognito.LocalCognito;
import dev.cognitosecured.testing.cognito.ManualClock;
import dev.cognitosecured.testing.cognito.UserPool;
import dev.cognitosecured.testing.graphql.LocalGraphQL;
import dev.cognitosecured.testing.junit.CognitoTestKit;
import jakarta.enterprise.inject.spi.Extension;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signs in as a user of a fresh pool, reads a to-do, and reads it again once the tokens have expired. */
class TodoServiceTest {

    @RegisterExtension
    static final CognitoTestKit KIT = CognitoTestKit.builder()
            .schemaResource("graphql/todo.graphqls") // the schema the processor checked TodoApi against
            .graphQL(graphQL -> graphQL.dataFetcher("Query", "getTodo",
                    env -> Map.of("id", env.getArgument("id"), "title", "Buy milk", "done", false)))
            .systemProperties() // cognito-secured.* name this test's pool, app client and servers
            .build();

    @Test
    void readsATodoAsTheSignedInUserAndRefreshesAfterExpiry(LocalCognito cognito, UserPool pool,
            LocalGraphQL graphQL, ManualClock clock) {
        cognito.createUser(pool, "alice", "Corr3ct-horse");

        // Gradle keeps classes and resources in separate directories, so a beans.xml among the resources would
        // not make the classes a bean archive: the test names its beans, and adds the CDI extensions that discovery
        // would have loaded (the library's finds the generated client through the index the processor writes).
        Weld weld = new Weld().disableDiscovery().addBeanClasses(TodoService.class)
                .addExtension(new TestClockTicker(clock));
        ServiceLoader.load(Extension.class).forEach(weld::addExtension);
        try (WeldContainer app = weld.initialize()) {
            TodoService todos = app.select(TodoService.class).get();

            assertTrue(todos.login("alice", "Corr3ct-horse".toCharArray()));
            assertEquals("Buy milk", todos.title("1"));

            clock.advance(Duration.ofHours(1)); // the access token has expired
            assertEquals("Buy milk", todos.title("1"));
        }

        assertEquals(2, graphQL.requestCount("GetTodo"));
        assertEquals(2, graphQL.distinctTokenCount()); // the second call went out with refreshed tokens
        assertEquals(0, graphQL.unauthorizedCount()); // and no call was sent with an expired one
    }
}
