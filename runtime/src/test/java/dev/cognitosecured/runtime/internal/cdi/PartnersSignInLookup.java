package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.SignIn;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Looks the sign-in flow of the pool named "partners" up when it needs it. */
@Dependent
public class PartnersSignInLookup {

    @Inject
    @AuthFlow("partners")
    Instance<SignIn> signIn;
}
