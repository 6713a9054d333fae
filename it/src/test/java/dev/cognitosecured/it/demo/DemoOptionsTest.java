package dev.cognitosecured.it.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    private static final String[] AWS = {"--region", "eu-west-1", "--user-pool-id", "eu-west-1_AbC",
        "--client-id", "client", "--graphql-endpoint", "https://api.example.com/graphql", "--username", "bob"};

    @Test
    void withoutOptionsItRunsAgainstTheStandIns() {
        DemoOptions options = DemoOptions.parse(new String[0], new Properties());

        assertFalse(options.aws());
        assertEquals(Duration.ofSeconds(30), options.duration());
        assertEquals(8, options.threads());
        assertEquals(Duration.ofSeconds(6), options.tokenLifetime());
        assertFalse(options.interactive());
        assertEquals(Map.of(), options.poolKeys());
    }

    @Test
    void aUserPoolSwitchesToAwsAndTheFlagsBecomeTheLibrarysKeys() {
        DemoOptions options = DemoOptions.parse(AWS, new Properties());

        assertTrue(options.aws());
        assertEquals(Optional.of("bob"), options.username());
        assertEquals(Map.of("cognito-secured.region", "eu-west-1", "cognito-secured.user-pool-id", "eu-west-1_AbC",
                "cognito-secured.client-id", "client",
                "cognito-secured.graphql.endpoint", "https://api.example.com/graphql"), options.poolKeys());
    }

    @Test
    void systemPropertiesStandInForFlagsAndFlagsWin() {
        Properties properties = new Properties();
        properties.setProperty("cognito-secured.user-pool-id", "eu-west-1_AbC");
        properties.setProperty("cognito-secured.region", "eu-west-1");
        properties.setProperty("cognito-secured.client-id", "client");
        properties.setProperty("cognito-secured.graphql.endpoint", "https://api.example.com/graphql");
        properties.setProperty("demo.username", "bob");
        properties.setProperty("demo.duration", "2m");
        properties.setProperty("demo.threads", "3");

        DemoOptions options = DemoOptions.parse(new String[] {"--threads=5"}, properties);

        assertTrue(options.aws());
        assertEquals(Optional.of("bob"), options.username());
        assertEquals(Duration.ofMinutes(2), options.duration());
        assertEquals(5, options.threads());
        assertEquals(Map.of(), options.poolKeys(), "the library reads the properties itself");
    }

    @Test
    void awsNeedsEveryKeyAndSaysWhichAreMissing() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> DemoOptions.parse(new String[] {"--user-pool-id", "eu-west-1_AbC"}, new Properties()));

        assertTrue(missing.getMessage().contains("--region"), missing.getMessage());
        assertTrue(missing.getMessage().contains("--client-id"), missing.getMessage());
        assertTrue(missing.getMessage().contains("--graphql-endpoint"), missing.getMessage());
        assertTrue(missing.getMessage().contains("--username"), missing.getMessage());
    }

    @Test
    void flagsOfAnAwsRunNeedTheUserPool() {
        IllegalArgumentException alone = assertThrows(IllegalArgumentException.class,
                () -> parse("--client-id", "client"));

        assertTrue(alone.getMessage().contains("--user-pool-id"), alone.getMessage());
    }

    @Test
    void secretsAnswersAreNeverTakenFromFlags() {
        for (String flag : new String[] {"--password", "--code", "--new-password"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> DemoOptions.parse(new String[] {flag, "s3cret-value"}, new Properties()));
            assertFalse(refused.getMessage().contains("s3cret-value"));
        }
    }

    @Test
    void wrongValuesAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> parse("--duration", "soon"));
        assertThrows(IllegalArgumentException.class, () -> parse("--duration", "0s"));
        assertThrows(IllegalArgumentException.class, () -> parse("--token-lifetime", "1500ms"));
        assertThrows(IllegalArgumentException.class, () -> parse("--threads", "0"));
        assertThrows(IllegalArgumentException.class, () -> parse("--threads"));
        assertThrows(IllegalArgumentException.class, () -> parse("--frobnicate", "1"));
        assertThrows(IllegalArgumentException.class, () -> parse("stray"));
        assertEquals(Duration.ofMillis(1500), parse("--duration", "PT1.5S").duration());
    }

    private static DemoOptions parse(String... args) {
        return DemoOptions.parse(args, new Properties());
    }
}
