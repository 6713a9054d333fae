package dev.cognitosecured.runtime.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading through MicroProfile Config, with SmallRye Config as the implementation. */
class MicroProfileConfigValuesTest {

    private static ConfigValues values(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return new MicroProfileConfigValues(config);
    }

    @Test
    void aPoolIsReadFromMicroProfileConfig() {
        ConfigValues values = values(Map.of(
                "cognito-secured.pools.partners.region", "eu-central-1",
                "cognito-secured.pools.partners.user-pool-id", "eu-central-1_Pool",
                "cognito-secured.pools.partners.client-id", "client",
                "cognito-secured.pools.partners.prefetch", "3m"));

        PoolConfigResult result = new PoolConfigReader(values).read("partners", false);

        PoolConfig config = assertInstanceOf(PoolConfigResult.Valid.class, result).config();
        assertEquals("eu-central-1", config.region());
        assertEquals(Duration.ofMinutes(3), config.prefetch());
    }

    @Test
    void problemsNameTheFullKeys() {
        ConfigValues values = values(Map.of("cognito-secured.region", "eu-central-1"));

        PoolConfigResult result = new PoolConfigReader(values).read("default", false);

        assertEquals(List.of("cognito-secured.user-pool-id is missing", "cognito-secured.client-id is missing"),
                assertInstanceOf(PoolConfigResult.Invalid.class, result).problems());
    }

    @Test
    void anExpressionWithNothingBehindItCountsAsMissing() {
        ConfigValues values = values(Map.of("cognito-secured.client-id", "${not.set.anywhere}"));

        assertEquals(Optional.empty(), values.value("cognito-secured.client-id"));
    }

    @Test
    void detectionPrefersMicroProfileConfigWhenAnImplementationIsPresent() {
        String key = "cognito-secured.pools.detected.region";
        System.setProperty(key, "sa-east-1");
        try {
            ConfigValues detected = ConfigValues.detect(getClass().getClassLoader());

            assertInstanceOf(MicroProfileConfigValues.class, detected);
            assertEquals(Optional.of("sa-east-1"), detected.value(key));
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void detectionFallsBackToSystemPropertiesWithoutTheApiAndWithoutLinkageErrors() throws Exception {
        URL runtimeClasses = ConfigValues.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutMicroProfile =
                new URLClassLoader(new URL[] {runtimeClasses}, ClassLoader.getPlatformClassLoader())) {
            Class<?> isolated = withoutMicroProfile.loadClass(ConfigValues.class.getName());
            Method detect = isolated.getMethod("detect", ClassLoader.class);

            Object detected = detect.invoke(null, withoutMicroProfile);

            assertEquals(SystemConfigValues.class.getName(), detected.getClass().getName());
        }
    }
}
