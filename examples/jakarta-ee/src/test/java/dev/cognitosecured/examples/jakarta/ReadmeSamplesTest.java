package dev.cognitosecured.examples.jakarta;

import dev.cognitosecured.examples.support.ReadmeSection;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The samples of the README's "Jakarta EE" section are this module's own code: each Java sample is a run of lines
 * of one of its sources (compared without indentation and blank lines), each property is a line of its {@code
 * microprofile-config.properties}, each dependency one of its pom's.
 */
class ReadmeSamplesTest {

    @Test
    void theJakartaEeSectionsSamplesAreTakenFromThisModule() throws IOException {
        ReadmeSection.assertSamplesAreThisModulesCode("## Jakarta EE");
    }
}
