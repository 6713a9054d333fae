package dev.cognitosecured.it.cdi;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.SignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An application bean that signs in to the pool named "partners" and sends no GraphQL itself. */
@ApplicationScoped
public class PartnersLogin {

    @Inject
    @AuthFlow("partners")
    SignIn signIn;

    public void login(String user, char[] password) {
        signIn.start(user, password);
    }
}
