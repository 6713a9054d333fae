package dev.cognitosecured.testing.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP shape of answers, seen without the SDK. */
class WireFormatTest {

    private final CognitoFixture f = new CognitoFixture();
    private final UserPool pool = f.cognito.createPool();
    private final AppClient app = f.cognito.createClient(pool, false);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void anErrorCarriesItsTypeInTheHeaderAndTheBody() {
        HttpResponse<String> response = post("AWSCognitoIdentityProviderService.InitiateAuth",
                "{\"ClientId\":\"" + app.clientId() + "\",\"AuthFlow\":\"USER_PASSWORD_AUTH\","
                        + "\"AuthParameters\":{\"USERNAME\":\"nobody\",\"PASSWORD\":\"x\"}}");

        assertEquals(400, response.statusCode());
        assertEquals("application/x-amz-json-1.1", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.headers().firstValue("x-amzn-ErrorType").orElseThrow().startsWith("NotAuthorizedException"));
        assertTrue(response.headers().firstValue("x-amzn-RequestId").isPresent());
        JsonObject body = json(response.body());
        assertEquals("NotAuthorizedException", body.getString("__type"));
        assertEquals("Incorrect username or password.", body.getString("message"));
    }

    @Test
    void anUnknownActionIsAnUnknownOperation() {
        HttpResponse<String> response = post("AWSCognitoIdentityProviderService.AdminDeleteUser", "{}");

        assertEquals(400, response.statusCode());
        assertEquals("UnknownOperationException", json(response.body()).getString("__type"));
    }

    @Test
    void aBodyThatIsNotJsonIsASerializationError() {
        HttpResponse<String> response = post("AWSCognitoIdentityProviderService.InitiateAuth", "not json");

        assertEquals(400, response.statusCode());
        assertEquals("SerializationException", json(response.body()).getString("__type"));
    }

    /**
     * A number whose exponent BigDecimal cannot hold: the JSON reader throws NumberFormatException, which was
     * answered as a 500 InternalErrorException (that the AWS SDK retries). Found when JwtClaimsFuzzTest found the
     * same in the runtime's JWT reading, then checked in every JSON reader of the project.
     */
    @Test
    void aNumberWhoseExponentDoesNotFitIsASerializationError() {
        HttpResponse<String> response = post("AWSCognitoIdentityProviderService.InitiateAuth",
                "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":1e99999999999}");

        assertEquals(400, response.statusCode());
        assertEquals("SerializationException", json(response.body()).getString("__type"));
    }

    @Test
    void aMissingMemberGetsCognitosValidationMessage() {
        HttpResponse<String> response = post("AWSCognitoIdentityProviderService.InitiateAuth",
                "{\"AuthFlow\":\"USER_PASSWORD_AUTH\"}");

        JsonObject body = json(response.body());
        assertEquals("InvalidParameterException", body.getString("__type"));
        assertEquals("1 validation error detected: Value null at 'clientId' failed to satisfy constraint: "
                + "Member must not be null", body.getString("message"));
    }

    private HttpResponse<String> post(String target, String body) {
        return CognitoFixture.send(HttpRequest.newBuilder(f.cognito.endpoint().resolve("/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
