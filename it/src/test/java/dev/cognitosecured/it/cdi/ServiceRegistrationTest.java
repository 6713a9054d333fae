package dev.cognitosecured.it.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.SignIn;
import java.util.List;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * With discovery on, as an application boots Weld SE, the extension comes from the runtime jar's
 * {@code META-INF/services} and the generated clients from the client index: nothing is added by hand
 * but the application's own beans.
 */
class ServiceRegistrationTest {

    @Test
    void theRuntimeJarRegistersTheExtension() {
        TestConfig config = TestConfig.defaultPool();
        try (config; WeldContainer container = new Weld("it-service-registration")
                .addBeanClasses(TodoService.class, FakeCognito.class, FakeGraphQL.class)
                .initialize()) {
            container.select(SignIn.class, AuthFlow.Literal.of("default")).get().start("erin", "right".toCharArray());

            assertEquals("todo:{id=5}", container.select(TodoService.class).get().title("5"));
            assertEquals(List.of("access-erin-1"), container.select(FakeGraphQL.class).get().tokens());
        }
    }
}
