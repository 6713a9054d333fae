package dev.cognitosecured.it.cdi;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.SignIn;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** An application bean that looks the sign-in flow of the pool named "partners" up when it needs it. */
@Dependent
public class PartnersLookup {

    @Inject
    @AuthFlow("partners")
    Instance<SignIn> signIn;
}
