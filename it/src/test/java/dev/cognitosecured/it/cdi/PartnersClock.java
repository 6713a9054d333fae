package dev.cognitosecured.it.cdi;

import dev.cognitosecured.annotations.AuthFlow;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The clock of the pool named "partners" only, beside the {@code @Default} {@link FakeClock}: a clock
 * of its own that moves only when told, qualified for that pool.
 */
@ApplicationScoped
@AuthFlow("partners")
public class PartnersClock extends FakeClock {
}
