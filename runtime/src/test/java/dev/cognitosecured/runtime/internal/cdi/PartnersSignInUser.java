package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.SignIn;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** Injects the sign-in flow of the pool named "partners". */
@Dependent
public class PartnersSignInUser {

    @Inject
    @AuthFlow("partners")
    SignIn signIn;
}
