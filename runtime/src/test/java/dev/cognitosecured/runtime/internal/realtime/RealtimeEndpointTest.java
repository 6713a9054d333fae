package dev.cognitosecured.runtime.internal.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RealtimeEndpointTest {

    @Test
    void appSyncEndpointMovesToTheRealtimeHost() {
        assertEquals(URI.create("wss://abc.appsync-realtime-api.eu-west-1.amazonaws.com/graphql"),
                RealtimeEndpoint.derive(URI.create("https://abc.appsync-api.eu-west-1.amazonaws.com/graphql")));
    }

    @Test
    void customDomainGetsRealtimeUnderItsPath() {
        assertEquals(URI.create("wss://api.example.com/graphql/realtime"),
                RealtimeEndpoint.derive(URI.create("https://api.example.com/graphql")));
        assertEquals(URI.create("ws://127.0.0.1:8080/graphql/realtime"),
                RealtimeEndpoint.derive(URI.create("http://127.0.0.1:8080/graphql/")));
    }

    @Test
    void hostKeepsAnExplicitPort() {
        assertEquals("abc.appsync-api.eu-west-1.amazonaws.com",
                RealtimeEndpoint.host(URI.create("https://abc.appsync-api.eu-west-1.amazonaws.com/graphql")));
        assertEquals("127.0.0.1:8080", RealtimeEndpoint.host(URI.create("http://127.0.0.1:8080/graphql")));
    }

    @Test
    void connectUriCarriesTheBase64HeaderAndEmptyPayload() {
        URI uri = RealtimeEndpoint.connectUri(URI.create("wss://abc.appsync-realtime-api.eu-west-1.amazonaws.com/graphql"),
                "abc.appsync-api.eu-west-1.amazonaws.com", "token-value");
        String query = uri.getRawQuery();
        assertTrue(query.endsWith("&payload=e30%3D"), query);
        String header = URLDecoder.decode(query.substring("header=".length(), query.indexOf('&')), StandardCharsets.UTF_8);
        JsonObject decoded = Json.createReader(new StringReader(
                new String(Base64.getDecoder().decode(header), StandardCharsets.UTF_8))).readObject();
        assertEquals("abc.appsync-api.eu-west-1.amazonaws.com", decoded.getString("host"));
        assertEquals("token-value", decoded.getString("Authorization"));
        assertFalse(RealtimeEndpoint.forMessages(uri).contains("header"), "messages never show the header");
    }

    @Test
    void startMessageCarriesTheAuthorizationExtension() {
        JsonObject start = Json.createReader(new StringReader(
                RealtimeMessages.start("id-1", "{\"query\":\"subscription { a }\"}", "h", "t"))).readObject();
        assertEquals("start", start.getString("type"));
        assertEquals("id-1", start.getString("id"));
        assertEquals("{\"query\":\"subscription { a }\"}", start.getJsonObject("payload").getString("data"));
        JsonObject authorization = start.getJsonObject("payload").getJsonObject("extensions")
                .getJsonObject("authorization");
        assertEquals("h", authorization.getString("host"));
        assertEquals("t", authorization.getString("Authorization"));
    }

    @Test
    void onlyUnauthorizedExceptionMeansTheToken() {
        assertTrue(RealtimeMessages.unauthorized(payload("UnauthorizedException", "Token has expired.")));
        assertFalse(RealtimeMessages.unauthorized(payload("Unauthorized", "Not Authorized to access onAdd")));
        assertFalse(RealtimeMessages.unauthorized(payload("ValidationError", "bad")));
    }

    private static JsonObject payload(String type, String message) {
        return Json.createObjectBuilder().add("errors", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("errorType", type).add("message", message))).build();
    }
}
