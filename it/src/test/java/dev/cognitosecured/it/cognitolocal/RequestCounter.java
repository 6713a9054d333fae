package dev.cognitosecured.it.cognitolocal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;

/**
 * Records every request the SDK puts on the wire (each attempt, just before it is sent), named by
 * operation, with the auth flow for {@code InitiateAuth}: e.g. {@code "InitiateAuth REFRESH_TOKEN_AUTH"}.
 */
public final class RequestCounter implements ExecutionInterceptor {

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<SdkRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        sent.add(name(context.request()));
        requests.add(context.request());
    }

    /** The requests sent so far, in order, for a test to inspect what was sent. */
    public List<SdkRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests sent so far, in order. */
    public List<String> sent() {
        return List.copyOf(sent);
    }

    /** How many requests named {@code name} were sent. */
    public long count(String name) {
        return sent.stream().filter(name::equals).count();
    }

    private static String name(SdkRequest request) {
        if (request instanceof InitiateAuthRequest initiateAuth) {
            return "InitiateAuth " + initiateAuth.authFlowAsString();
        }
        String type = request.getClass().getSimpleName();
        return type.endsWith("Request") ? type.substring(0, type.length() - "Request".length()) : type;
    }
}
