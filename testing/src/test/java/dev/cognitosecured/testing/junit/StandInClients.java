package dev.cognitosecured.testing.junit;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.cognitosecured.testing.cognito.AppClient;
import dev.cognitosecured.testing.cognito.LocalCognito;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/** The real clients the extension's tests use: the AWS SDK for LocalCognito, the JDK HTTP client for LocalGraphQL. */
public final class StandInClients {

    private StandInClients() {}

    /** An access token for {@code username} from {@code USER_PASSWORD_AUTH} through the real SDK client. */
    public static String accessToken(LocalCognito cognito, AppClient client, String username, String password) {
        try (CognitoIdentityProviderClient sdk = sdkFor(cognito)) {
            return sdk.initiateAuth(r -> r.clientId(client.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                            .authParameters(Map.of("USERNAME", username, "PASSWORD", password)))
                    .authenticationResult().accessToken();
        }
    }

    /** POSTs {@code query} to {@code endpoint} with the raw token in {@code Authorization}, as AppSync clients do. */
    public static HttpResponse<String> graphQL(URI endpoint, String token, String query) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Authorization", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query.replace("\"", "\\\"") + "\"}"))
                .build();
        return send(request);
    }

    /**
     * The real AWS SDK client for {@code cognito}: URL connection client, dummy static credentials, no retries.
     * The caller closes it.
     */
    public static CognitoIdentityProviderClient sdkFor(LocalCognito cognito) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(cognito.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** Sends {@code request} with the JDK HTTP client; the body as text. A failure to send fails the test. */
    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static Map<String, Object> json(HttpResponse<String> response) {
        try {
            return JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new AssertionError("not a JSON object: " + response.body(), e);
        }
    }
}
