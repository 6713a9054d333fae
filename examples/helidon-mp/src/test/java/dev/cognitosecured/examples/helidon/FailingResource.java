package dev.cognitosecured.examples.helidon;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.SignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A resource that uses the session's sign-in, then fails with an exception no mapper maps (HTTP 500). */
@Path("/fail")
@ApplicationScoped
public class FailingResource {

    @Inject
    @AuthFlow
    SignIn signIn;

    @GET
    public String fail() {
        throw new UnsupportedOperationException("failed after reading the session: signed in " + signIn.isSignedIn());
    }
}
