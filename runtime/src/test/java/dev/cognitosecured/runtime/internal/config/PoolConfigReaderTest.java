package dev.cognitosecured.runtime.internal.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.cognitosecured.runtime.InvalidConfigurationException;
import dev.cognitosecured.runtime.internal.config.PoolConfig.AuthFlowType;
import dev.cognitosecured.runtime.internal.config.PoolConfig.RefreshMode;
import dev.cognitosecured.runtime.internal.config.PoolConfig.SessionScope;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading through system properties and environment variables (given as maps). */
class PoolConfigReaderTest {

    private static final String SECRET = "sEcReT-0123456789abcdef";

    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    private PoolConfigResult read(String pool, boolean graphqlRequired) {
        return new PoolConfigReader(new SystemConfigValues(properties::get, environment)).read(pool, graphqlRequired);
    }

    private PoolConfig valid(String pool, boolean graphqlRequired) {
        return assertInstanceOf(PoolConfigResult.Valid.class, read(pool, graphqlRequired)).config();
    }

    private List<String> problems(String pool, boolean graphqlRequired) {
        return assertInstanceOf(PoolConfigResult.Invalid.class, read(pool, graphqlRequired)).problems();
    }

    private void requiredKeys(String prefix) {
        properties.put(prefix + "region", "eu-west-1");
        properties.put(prefix + "user-pool-id", "eu-west-1_AbCdEf123");
        properties.put(prefix + "client-id", "client123");
    }

    @Test
    void theRequiredKeysAloneGiveTheDefaults() {
        requiredKeys("cognito-secured.");

        PoolConfig config = valid("default", false);

        assertAll(
                () -> assertEquals("default", config.name()),
                () -> assertEquals("eu-west-1", config.region()),
                () -> assertEquals("eu-west-1_AbCdEf123", config.userPoolId()),
                () -> assertEquals("client123", config.clientId()),
                () -> assertEquals(Optional.empty(), config.clientSecret()),
                () -> assertEquals(Optional.empty(), config.endpoint()),
                () -> assertEquals(AuthFlowType.USER_SRP_AUTH, config.authFlow()),
                () -> assertEquals(RefreshMode.REFRESH_TOKEN_AUTH, config.refreshMode()),
                () -> assertEquals(SessionScope.APPLICATION, config.sessionScope()),
                () -> assertEquals(Duration.ofMinutes(2), config.prefetch()),
                () -> assertEquals(Optional.empty(), config.graphqlEndpoint()),
                () -> assertEquals("", config.authorizationPrefix()),
                () -> assertEquals(Duration.ofMinutes(3), config.challengeValidity()),
                () -> assertEquals(Duration.ofMinutes(1), config.marginCap()),
                () -> assertEquals(Limits.DEFAULTS, config.limits()));
    }

    @Test
    void theLimitsArePositiveDurationsAndASize() {
        String prefix = "cognito-secured.pools.slow.";
        requiredKeys(prefix);
        properties.put(prefix + "cognito.timeout", "4s");
        properties.put(prefix + "graphql.connect-timeout", "750ms");
        properties.put(prefix + "graphql.timeout", "PT12S");
        properties.put(prefix + "graphql.call-timeout", "2m");
        properties.put(prefix + "graphql.max-answer-size", "512KiB");

        assertEquals(new Limits(Duration.ofSeconds(4), Duration.ofMillis(750), Duration.ofSeconds(12),
                Duration.ofMinutes(2), 512 * 1024), valid("slow", false).limits());

        properties.put(prefix + "graphql.timeout", "0s");
        properties.put(prefix + "graphql.max-answer-size", "lots");
        assertEquals(List.of(prefix + "graphql.timeout: must be positive, e.g. 30s",
                prefix + "graphql.max-answer-size: 'lots' is not a positive size; write e.g. 16MiB or 524288"),
                problems("slow", false));
    }

    @ParameterizedTest
    @CsvSource({"1024, 1024", "2k, 2048", "16MiB, 16777216", "3 mb, 3145728", "1GiB, 1073741824"})
    void sizesAreBytesOrBinaryUnits(String text, long bytes) {
        assertEquals(Optional.of(bytes), SizeText.parse(text));
    }

    @Test
    void theSubscriptionGapLimitIsADurationThatMayBeZeroButNotNegative() {
        requiredKeys("cognito-secured.");
        assertEquals(Duration.ofSeconds(30), valid("default", false).limits().subscriptionGapLimit());
        properties.put("cognito-secured.graphql.subscription-gap-limit", "2m");
        assertEquals(Duration.ofMinutes(2), valid("default", false).limits().subscriptionGapLimit());

        properties.put("cognito-secured.graphql.subscription-gap-limit", "0");
        assertEquals(Duration.ZERO, valid("default", false).limits().subscriptionGapLimit());

        properties.put("cognito-secured.graphql.subscription-gap-limit", "-1s");
        assertEquals(List.of("cognito-secured.graphql.subscription-gap-limit: '-1s' is not a duration; write e.g. 2m"
                + " or PT2M"), problems("default", false));
    }

    @Test
    void theMarginCapIsADurationThatMayBeZeroButNotNegative() {
        requiredKeys("cognito-secured.");
        properties.put("cognito-secured.margin-cap", "20s");
        assertEquals(Duration.ofSeconds(20), valid("default", false).marginCap());

        properties.put("cognito-secured.margin-cap", "0s");
        assertEquals(Duration.ZERO, valid("default", false).marginCap());

        properties.put("cognito-secured.margin-cap", "-5s");
        assertEquals(List.of("cognito-secured.margin-cap: '-5s' is not a duration; write e.g. 2m or PT2M"),
                problems("default", false));
    }

    @Test
    void theChallengeValidityIsAPositiveDuration() {
        requiredKeys("cognito-secured.");
        properties.put("cognito-secured.challenge-validity", "5m");
        assertEquals(Duration.ofMinutes(5), valid("default", false).challengeValidity());

        properties.put("cognito-secured.challenge-validity", "0s");
        assertEquals(List.of("cognito-secured.challenge-validity: must be positive, e.g. 3m (the app client's"
                + " AuthSessionValidity)"), problems("default", false));
    }

    @Test
    void everyKeyOfANamedPoolIsRead() {
        String prefix = "cognito-secured.pools.partners.";
        requiredKeys(prefix);
        properties.put(prefix + "client-secret", SECRET);
        properties.put(prefix + "endpoint", "http://127.0.0.1:9229");
        properties.put(prefix + "auth-flow", "user-password-auth");
        properties.put(prefix + "refresh", "get_tokens_from_refresh_token");
        properties.put(prefix + "session-scope", "SESSION");
        properties.put(prefix + "prefetch", "PT45S");
        properties.put(prefix + "graphql.endpoint", "https://api.example.com/graphql");
        properties.put(prefix + "authorization-prefix", "Bearer ");

        PoolConfig config = valid("partners", true);

        assertAll(
                () -> assertEquals("partners", config.name()),
                () -> assertEquals(Optional.of(SECRET), config.clientSecret()),
                () -> assertEquals(Optional.of(URI.create("http://127.0.0.1:9229")), config.endpoint()),
                () -> assertEquals(AuthFlowType.USER_PASSWORD_AUTH, config.authFlow()),
                () -> assertEquals(RefreshMode.GET_TOKENS_FROM_REFRESH_TOKEN, config.refreshMode()),
                () -> assertEquals(SessionScope.SESSION, config.sessionScope()),
                () -> assertEquals(Duration.ofSeconds(45), config.prefetch()),
                () -> assertEquals(Optional.of(URI.create("https://api.example.com/graphql")), config.graphqlEndpoint()),
                () -> assertEquals("Bearer ", config.authorizationPrefix()));
    }

    @Test
    void aNamedPoolDoesNotReadTheDefaultPoolsKeys() {
        requiredKeys("cognito-secured.");

        assertEquals(List.of(
                "cognito-secured.pools.partners.region is missing",
                "cognito-secured.pools.partners.user-pool-id is missing",
                "cognito-secured.pools.partners.client-id is missing"), problems("partners", false));
    }

    @Test
    void environmentVariablesAreReadUnderMicroProfileConfigNames() {
        environment.put("COGNITO_SECURED_POOLS_PARTNERS_REGION", "us-east-1");
        environment.put("COGNITO_SECURED_POOLS_PARTNERS_USER_POOL_ID", "us-east-1_Pool");
        environment.put("cognito_secured_pools_partners_client_id", "from-sanitized-name");
        environment.put("COGNITO_SECURED_POOLS_PARTNERS_PREFETCH", "90s");

        PoolConfig config = valid("partners", false);

        assertEquals("us-east-1", config.region());
        assertEquals("us-east-1_Pool", config.userPoolId());
        assertEquals("from-sanitized-name", config.clientId());
        assertEquals(Duration.ofSeconds(90), config.prefetch());
    }

    @Test
    void aSystemPropertyWinsOverAnEnvironmentVariable() {
        requiredKeys("cognito-secured.");
        environment.put("COGNITO_SECURED_REGION", "from-environment");

        assertEquals("eu-west-1", valid("default", false).region());
    }

    @Test
    void blankValuesCountAsMissing() {
        requiredKeys("cognito-secured.");
        properties.put("cognito-secured.client-id", "  ");
        properties.put("cognito-secured.prefetch", "");

        assertEquals(List.of("cognito-secured.client-id is missing"), problems("default", false));
    }

    @Test
    void valuesAreTrimmed() {
        requiredKeys("cognito-secured.");
        properties.put("cognito-secured.region", " eu-west-1 \n");

        assertEquals("eu-west-1", valid("default", false).region());
    }

    @Test
    void graphqlEndpointIsRequiredOnlyWhenAClientIsUsed() {
        requiredKeys("cognito-secured.");

        assertEquals(Optional.empty(), valid("default", false).graphqlEndpoint());
        List<String> problems = problems("default", true);
        assertEquals(1, problems.size());
        assertEquals(true, problems.get(0).startsWith("cognito-secured.graphql.endpoint is missing"), problems.get(0));
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsFullKey() {
        String prefix = "cognito-secured.pools.partners.";
        properties.put(prefix + "region", "eu-west-1");
        properties.put(prefix + "endpoint", "not a uri");
        properties.put(prefix + "auth-flow", "magic");
        properties.put(prefix + "refresh", "sometimes");
        properties.put(prefix + "session-scope", "request");
        properties.put(prefix + "prefetch", "soon");
        properties.put(prefix + "graphql.endpoint", "ftp://example.com/graphql");

        assertEquals(List.of(
                "cognito-secured.pools.partners.user-pool-id is missing",
                "cognito-secured.pools.partners.client-id is missing",
                "cognito-secured.pools.partners.endpoint: 'not a uri' is not a URI with http or https and a host;"
                        + " write e.g. https://host/path",
                "cognito-secured.pools.partners.auth-flow: 'magic' is not one of USER_SRP_AUTH, USER_PASSWORD_AUTH,"
                        + " CUSTOM_AUTH",
                "cognito-secured.pools.partners.refresh: 'sometimes' is not one of REFRESH_TOKEN_AUTH,"
                        + " GET_TOKENS_FROM_REFRESH_TOKEN",
                "cognito-secured.pools.partners.session-scope: 'request' is not one of application, session",
                "cognito-secured.pools.partners.prefetch: 'soon' is not a duration; write e.g. 2m or PT2M",
                "cognito-secured.pools.partners.graphql.endpoint: 'ftp://example.com/graphql' is not a URI with"
                        + " http or https and a host; write e.g. https://host/path"),
                problems("partners", true));
    }

    @ParameterizedTest
    @CsvSource({"USER_SRP_AUTH, USER_SRP_AUTH", "user-srp-auth, USER_SRP_AUTH", "User_Password_Auth, USER_PASSWORD_AUTH",
        "user-password-auth, USER_PASSWORD_AUTH", "CUSTOM_AUTH, CUSTOM_AUTH", "custom-auth, CUSTOM_AUTH"})
    void authFlowAcceptsAnyCaseAndKebabCase(String text, AuthFlowType expected) {
        requiredKeys("cognito-secured.");
        properties.put("cognito-secured.auth-flow", text);

        assertEquals(expected, valid("default", false).authFlow());
    }

    @Test
    void theClientSecretNeverAppearsInProblemsOrToString() {
        properties.put("cognito-secured.client-secret", SECRET);
        properties.put("cognito-secured.prefetch", "soon");

        List<String> problems = problems("default", true);
        assertFalse(problems.isEmpty());
        problems.forEach(problem -> assertFalse(problem.contains(SECRET), problem));
        String message = new InvalidConfigurationException("the user pool 'default'", problems).getMessage();
        assertFalse(message.contains(SECRET), message);

        requiredKeys("cognito-secured.");
        properties.remove("cognito-secured.prefetch");
        PoolConfig config = valid("default", false);
        assertEquals(Optional.of(SECRET), config.clientSecret());
        assertFalse(config.toString().contains(SECRET), config.toString());
    }

    @Test
    void systemPropertiesOfThisProcessAreReadWhenAsked() {
        String key = "cognito-secured.pools.system-properties-test.region";
        System.setProperty(key, "ap-south-1");
        try {
            assertEquals(Optional.of("ap-south-1"), SystemConfigValues.ofThisProcess().value(key));
        } finally {
            System.clearProperty(key);
        }
        assertEquals(Optional.empty(), SystemConfigValues.ofThisProcess().value(key));
    }
}
