package dev.cognitosecured.it.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The README's "Example" compiles into what the README says: a client bean generated for its interface. */
class ReadmeExampleTest {

    @Test
    void theProcessorGeneratesAnApplicationScopedClientForTheExampleInterface() throws ClassNotFoundException {
        Class<?> client = Class.forName(TodoApi.class.getName() + "_CognitoClient");

        assertTrue(TodoApi.class.isAssignableFrom(client), client + " implements TodoApi");
        assertTrue(client.isAnnotationPresent(ApplicationScoped.class), client + " is @ApplicationScoped");
        assertEquals(4, Arrays.stream(TodoApi.class.getMethods()).filter(m -> !m.isDefault()).count());
    }
}
