package dev.cognitosecured.runtime.internal.account;

import dev.cognitosecured.runtime.PasskeyCredential;
import dev.cognitosecured.runtime.Passkeys;
import dev.cognitosecured.runtime.TransportException;
import dev.cognitosecured.runtime.WrongAnswerException;
import dev.cognitosecured.runtime.internal.cognito.JsonDocuments;
import java.io.Serial;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListWebAuthnCredentialsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnCredentialDescription;

/**
 * The signed-in user's {@link Passkeys}, over {@link SignedInCalls}: {@code StartWebAuthnRegistration},
 * {@code CompleteWebAuthnRegistration}, {@code ListWebAuthnCredentials} and {@code DeleteWebAuthnCredential} with
 * a fresh access token of the store of the bean's scope. The WebAuthn JSON is carried as the SDK's
 * {@link Document} ({@link JsonDocuments}). It keeps nothing between requests; when its scope is passivated it
 * is written as the proxy {@code passivated} makes.
 */
public final class CognitoPasskeys extends AccountBean implements Passkeys {

    @Serial
    private static final long serialVersionUID = 1L;

    /** At most this many pages of {@code ListWebAuthnCredentials} (of up to 20 each) are read. */
    static final int MAX_PAGES = 50;

    private final transient SignedInCalls calls;

    public CognitoPasskeys(SignedInCalls calls, Supplier<Object> passivated) {
        super("Passkeys", Objects.requireNonNull(calls, "calls").cognito(), passivated);
        this.calls = calls;
    }

    @Override
    public String startRegistration() {
        Document options = calls.call("StartWebAuthnRegistration", NO_CODE,
                token -> client().startWebAuthnRegistration(request -> request.accessToken(token)))
                .credentialCreationOptions();
        if (options == null || !options.isMap()) {
            throw new TransportException("Cognito's answer to StartWebAuthnRegistration"
                    + " holds no CredentialCreationOptions.", null);
        }
        return JsonDocuments.toJson(options);
    }

    @Override
    public void completeRegistration(String credentialJson) {
        Objects.requireNonNull(credentialJson, "credentialJson");
        Document credential;
        try {
            credential = JsonDocuments.fromJson(credentialJson);
        } catch (IllegalArgumentException e) {
            throw new WrongAnswerException("The passkey's credential is not a JSON object: send the browser's"
                    + " credential.toJSON() as it is.", true, null);
        }
        calls.call("CompleteWebAuthnRegistration", NO_CODE, token -> client().completeWebAuthnRegistration(
                request -> request.accessToken(token).credential(credential)));
    }

    @Override
    public List<PasskeyCredential> list() {
        List<PasskeyCredential> passkeys = new ArrayList<>();
        String next = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String from = next;
            ListWebAuthnCredentialsResponse answer = calls.call("ListWebAuthnCredentials", NO_CODE,
                    token -> client().listWebAuthnCredentials(request -> request.accessToken(token).nextToken(from)));
            answer.credentials().forEach(described -> passkeys.add(of(described)));
            next = answer.nextToken();
            if (next == null || next.isEmpty()) {
                break;
            }
        }
        return List.copyOf(passkeys);
    }

    @Override
    public void delete(String credentialId) {
        Objects.requireNonNull(credentialId, "credentialId");
        calls.call("DeleteWebAuthnCredential", NO_CODE,
                token -> client().deleteWebAuthnCredential(request -> request.accessToken(token).credentialId(credentialId)));
    }

    private static PasskeyCredential of(WebAuthnCredentialDescription described) {
        return new PasskeyCredential(described.credentialId(), Optional.ofNullable(described.friendlyCredentialName()),
                Optional.ofNullable(described.relyingPartyId()).orElse(""),
                Optional.ofNullable(described.authenticatorAttachment()), described.authenticatorTransports(),
                Optional.ofNullable(described.createdAt()).orElse(Instant.EPOCH));
    }
}
