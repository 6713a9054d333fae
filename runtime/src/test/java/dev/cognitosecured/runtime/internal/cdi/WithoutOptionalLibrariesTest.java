package dev.cognitosecured.runtime.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.internal.cognito.CognitoIdentityProvider;
import dev.cognitosecured.runtime.internal.observe.CallObserver;
import dev.cognitosecured.runtime.internal.observe.Integrations;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Micrometer, the OpenTelemetry API and MicroProfile Health are optional: run by the runtime's surefire
 * execution {@code without-optional-libraries}, whose class path lacks all three (and which sets
 * {@code cognito-secured.test.without-optional-libraries}), this boots a pool with the default parts,
 * signs in, calls, and finds that no class of cognito-secured that refers to one of the libraries was
 * ever loaded.
 */
@EnabledIfSystemProperty(named = "cognito-secured.test.without-optional-libraries", matches = "true")
class WithoutOptionalLibrariesTest {

    /** Every class of cognito-secured that refers to Micrometer, OpenTelemetry or MicroProfile Health. */
    private static final List<String> INTEGRATION_CLASSES = List.of(
            "dev.cognitosecured.runtime.internal.observe.micrometer.MicrometerObservers",
            "dev.cognitosecured.runtime.internal.observe.micrometer.LazyPoolMeters",
            "dev.cognitosecured.runtime.internal.observe.micrometer.PoolMeters",
            "dev.cognitosecured.runtime.internal.observe.micrometer.PoolMeters$OperationMeters",
            "dev.cognitosecured.runtime.internal.observe.otel.TracingObservers",
            "dev.cognitosecured.runtime.internal.observe.otel.PoolTracing",
            "dev.cognitosecured.runtime.internal.observe.otel.CallSpan",
            "dev.cognitosecured.runtime.internal.observe.otel.CognitoSpans",
            "dev.cognitosecured.runtime.internal.observe.health.PoolReadiness",
            "dev.cognitosecured.runtime.internal.cdi.ReadinessBeans");

    @RegisterExtension
    final DefaultPoolOnLoopback defaultPool = new DefaultPoolOnLoopback(Map.of());

    @Test
    void thePoolWorksAndNoIntegrationClassIsLoaded() throws Exception {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.micrometer.core.instrument.MeterRegistry"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.opentelemetry.api.OpenTelemetry"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.eclipse.microprofile.health.HealthCheck"));
        assertEquals(List.of(), Integrations.observerFactories());
        assertTrue(!Integrations.healthPresent());

        try (WeldContainer container = defaultPool.boot(DefaultPartsTest.AnyPasswordCognito.class)) {
            container.select(SignIn.class, AuthFlow.Literal.of("default")).get().start("alice", "right".toCharArray());
            assertEquals("Buy milk", container.select(DefaultPartsTest.TodoCaller.class).get().title("1"));

            PoolRuntime runtime = container.select(PoolRuntime.class, AuthFlow.Literal.of("default")).get();
            assertSame(CallObserver.NONE, runtime.calls());
            assertTrue(runtime.status().snapshot().signedIn());
        }
        // the default Cognito client, built without interceptors
        try (WeldContainer container = defaultPool.boot()) {
            PoolRuntime runtime = container.select(PoolRuntime.class, AuthFlow.Literal.of("default")).get();
            assertInstanceOf(CognitoIdentityProvider.class, runtime.identityProvider());
        }

        Method findLoadedClass = ClassLoader.class.getDeclaredMethod("findLoadedClass", String.class);
        findLoadedClass.setAccessible(true); // the execution opens java.lang to this test
        ClassLoader loader = Integrations.class.getClassLoader();
        for (String name : INTEGRATION_CLASSES) {
            assertNull(findLoadedClass.invoke(loader, name), name + " was loaded");
        }
        // the check above can see a loaded class: one that surely is
        assertSame(Integrations.class, findLoadedClass.invoke(loader, Integrations.class.getName()));
    }
}
