package dev.cognitosecured.examples.jakarta;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignInStep;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Signing in and out, one user per HTTP session: {@code POST /signin} with the user name and password, then
 * {@code POST /signin/answer} with the answer to each challenge shown (a new password, a code) until the step
 * is {@code DONE}; {@code POST /signout}. Forms, as a login page posts them; answers in JSON.
 *
 * <p>{@link SignIn} is a bean of the HTTP session ({@code cognito-secured.session-scope=session}): the injected
 * proxy reaches the sign-in of the session the request belongs to, and it keeps the challenge's Cognito session
 * between the requests. The server passivates and replicates it with the HTTP session.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class SignInResource {

    @Inject
    @AuthFlow
    SignIn signIn;

    @Context
    HttpServletRequest request;

    /** Starts signing in; the first challenge, or {@code DONE}. */
    @POST
    @Path("signin")
    public Step start(@FormParam("username") String username, @FormParam("password") String password) {
        Step step = Step.of(signIn.start(required("username", username), required("password", password).toCharArray()));
        renewSessionId();
        return step;
    }

    /** Answers the challenge shown; the next one, or {@code DONE}. */
    @POST
    @Path("signin/answer")
    public Step answer(@FormParam("answer") String answer) {
        String given = required("answer", answer);
        Step step;
        try {
            step = Step.of(signIn.confirm(given));
        } catch (IllegalStateException e) {
            throw new ClientErrorException("No sign-in of this session waits for an answer: POST /signin first.",
                    Response.Status.CONFLICT, e);
        }
        renewSessionId();
        return step;
    }

    /** Signs out (the refresh token is revoked) and ends the HTTP session. */
    @POST
    @Path("signout")
    public Response signOut() {
        signIn.signOut();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.noContent().build();
    }

    /** A new session id once a sign-in moved on: an id someone learned before it leads nowhere (session fixation). */
    private void renewSessionId() {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
    }

    private static String required(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new BadRequestException("The form field '" + name + "' is missing.");
        }
        return value;
    }

    /**
     * Where a sign-in stands, as the user is shown it.
     *
     * @param step the {@link SignInStep.Kind}, e.g. {@code CONFIRM_SIGN_IN_WITH_SMS_CODE} or {@code DONE}
     * @param codeSentTo where a code was sent (masked), or empty
     */
    public record Step(String step, String codeSentTo) {

        static Step of(SignInStep step) {
            String destination = "";
            if (step instanceof SignInStep.SmsCode sms) {
                destination = sms.destination();
            } else if (step instanceof SignInStep.EmailCode email) {
                destination = email.destination();
            }
            return new Step(step.kind().name(), destination);
        }
    }
}
