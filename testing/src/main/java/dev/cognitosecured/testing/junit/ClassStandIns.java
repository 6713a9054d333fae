package dev.cognitosecured.testing.junit;

import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.ClientSettings;
import dev.cognitosecured.testing.cognito.LocalCognito;
import dev.cognitosecured.testing.cognito.PoolSettings;
import dev.cognitosecured.testing.cognito.UserPool;
import dev.cognitosecured.testing.graphql.LocalGraphQL;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The stand-ins of one test class: a LocalCognito and, if the class gave a schema, a LocalGraphQL, on one clock.
 * Kept in the class's extension store, which closes them when the class is done.
 */
final class ClassStandIns implements ExtensionContext.Store.CloseableResource {

    final InstantSource clock;
    final LocalCognito cognito;
    final Optional<LocalGraphQL> graphQL;
    private final PoolSettings poolSettings;
    private final ClientSettings clientSettings;

    private ClassStandIns(InstantSource clock, LocalCognito cognito, Optional<LocalGraphQL> graphQL,
            PoolSettings poolSettings, ClientSettings clientSettings) {
        this.clock = clock;
        this.cognito = cognito;
        this.graphQL = graphQL;
        this.poolSettings = poolSettings;
        this.clientSettings = clientSettings;
    }

    /**
     * Starts LocalCognito, then LocalGraphQL for {@code schema} if given. LocalGraphQL trusts a pool of its own
     * until the first test's pool replaces it.
     */
    static ClassStandIns start(InstantSource clock, String region, PoolSettings poolSettings,
            ClientSettings clientSettings, Optional<String> schema, Consumer<LocalGraphQL.Builder> graphQLSettings) {
        LocalCognito cognito = LocalCognito.builder().clock(clock).region(region).start();
        try {
            Optional<LocalGraphQL> graphQL = schema.map(sdl -> {
                LocalGraphQL.Builder builder = LocalGraphQL.builder().schema(sdl);
                graphQLSettings.accept(builder);
                return builder.userPool(cognito.issuer(cognito.createPool(poolSettings))).clock(clock).start();
            });
            return new ClassStandIns(clock, cognito, graphQL, poolSettings, clientSettings);
        } catch (RuntimeException e) {
            cognito.close();
            throw e;
        }
    }

    /**
     * A fresh pool and app client for the next test, which LocalGraphQL trusts from now on; request counts,
     * injected faults and recorded GraphQL requests start again from nothing.
     */
    TestStandIns nextTest() {
        UserPool pool = cognito.createPool(poolSettings);
        AppClient client = cognito.createClient(pool, clientSettings);
        cognito.resetRequestCounts();
        cognito.clearFaults();
        graphQL.ifPresent(server -> {
            server.trustUserPool(cognito.issuer(pool));
            server.clearRequests();
        });
        return new TestStandIns(pool, client,
                CognitoSecuredProperties.of(cognito, pool, client, graphQL.map(LocalGraphQL::endpoint)));
    }

    @Override
    public void close() {
        try {
            graphQL.ifPresent(LocalGraphQL::close);
        } finally {
            cognito.close();
        }
    }
}
