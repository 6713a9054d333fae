package dev.cognitosecured.testing.graphql;

import dev.cognitosecured.testing.cognito.ManualClock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The schema and data fetchers the tests serve, and a server builder wired with them. */
final class TestSchema {

    static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

    static final String SDL = """
            type Query {
              getTodo(id: ID!): Todo
              me: Caller
              secretStats: Int
              todos: [Todo!]!
            }
            type Mutation {
              addTodo(title: String!): Todo
            }
            type Todo {
              id: ID!
              title: String
              secretNote: String
            }
            type Caller {
              username: String!
              subject: String!
              groups: [String!]!
              tokenUse: String!
            }
            """;

    private TestSchema() {
    }

    /** A builder with the test schema and fetchers, trusting {@code tokens}' key and issuer, on {@code clock}. */
    static LocalGraphQL.Builder builder(TestTokens tokens, ManualClock clock) {
        return LocalGraphQL.builder()
                .schema(SDL)
                .dataFetcher("Query", "getTodo", env -> todo(env.getArgument("id"), "Buy milk"))
                .dataFetcher("Query", "todos", env -> List.of(todo("1", "Buy milk"), todo("2", "Walk the dog")))
                .dataFetcher("Query", "secretStats", env -> 42)
                .dataFetcher("Query", "me", env -> {
                    VerifiedCaller caller = VerifiedCaller.of(env);
                    return Map.of("username", caller.username(), "subject", caller.subject(),
                            "groups", caller.groups().stream().sorted().toList(),
                            "tokenUse", caller.tokenUse().name());
                })
                .dataFetcher("Mutation", "addTodo", env -> {
                    String title = env.getArgument("title");
                    if (title.isBlank()) {
                        throw new ResolverError("BadRequest", "A todo needs a title");
                    }
                    return todo("3", title);
                })
                .issuer(TestTokens.ISSUER)
                .jwks(tokens.publicKeys())
                .clock(clock);
    }

    static Map<String, Object> todo(String id, String title) {
        Map<String, Object> todo = new LinkedHashMap<>();
        todo.put("id", id);
        todo.put("title", title);
        todo.put("secretNote", "note of " + id);
        return todo;
    }
}
