package dev.cognitosecured.it.e2e;

import dev.cognitosecured.testing.graphql.LocalGraphQL;
import dev.cognitosecured.testing.graphql.VerifiedCaller;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server side of the to-do API on {@link LocalGraphQL}: the schema in {@code e2e/todo.graphqls}
 * and its data fetchers. Every answer names the user read from the verified token, and
 * {@code whoAmI} counts the requests whose token named another user than the one the caller claims
 * to be: a token that crossed from one user to another.
 */
public final class TodoBackend {

    /** The group that may read {@code Query.stats}. */
    public static final String ADMINS = "admins";

    private static final String SCHEMA = "e2e/todo.graphqls";

    private final AtomicLong nextId = new AtomicLong();
    private final AtomicLong identityChecks = new AtomicLong();
    private final AtomicLong crossed = new AtomicLong();

    /** {@code builder} with the data fetchers and the group rule of the {@linkplain #schema() schema}. */
    public LocalGraphQL.Builder wire(LocalGraphQL.Builder builder) {
        return builder
                .dataFetcher("Query", "getTodo", env -> todo(env.getArgument("id"), "Todo " + env.getArgument("id"),
                        VerifiedCaller.of(env)))
                .dataFetcher("Mutation", "addTodo", env -> todo(Long.toString(nextId.incrementAndGet()),
                        env.getArgument("title"), VerifiedCaller.of(env)))
                .dataFetcher("Query", "whoAmI", env -> {
                    String claimed = env.getArgument("claimedUser");
                    String actual = VerifiedCaller.of(env).username();
                    identityChecks.incrementAndGet();
                    if (!actual.equals(claimed)) {
                        crossed.incrementAndGet();
                    }
                    return Map.of("username", actual);
                })
                .dataFetcher("Query", "stats", env -> Map.of("open", 3, "done", 1))
                .requireGroup("Query", "stats", ADMINS);
    }

    /** How many {@code whoAmI} requests were executed. */
    public long identityChecks() {
        return identityChecks.get();
    }

    /** How many {@code whoAmI} requests carried the token of another user than the caller. */
    public long crossed() {
        return crossed.get();
    }

    private static Map<String, Object> todo(String id, String title, VerifiedCaller caller) {
        return Map.of("id", id, "title", title, "done", false, "owner", caller.username());
    }

    /** The schema, in SDL. */
    public static String schema() {
        try (InputStream in = TodoBackend.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
