package dev.cognitosecured.testing.graphql;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Posts GraphQL requests over real HTTP with the JDK client, as AppSync clients do. */
final class GraphQLHttp {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI endpoint;

    GraphQLHttp(URI endpoint) {
        this.endpoint = endpoint;
    }

    static String body(String query) {
        String escaped = query.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return "{\"query\":\"" + escaped + "\"}";
    }

    /** POSTs {@code body} with {@code Authorization: <authorization>} when given. */
    HttpResponse<String> post(Optional<String> authorization, String body) throws IOException, InterruptedException {
        return client.send(request(authorization, body), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String token, String body) throws IOException, InterruptedException {
        return post(Optional.of(token), body);
    }

    CompletableFuture<HttpResponse<String>> postAsync(String token, String body) {
        return client.sendAsync(request(Optional.of(token), body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(Optional<String> authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        authorization.ifPresent(value -> request.header("Authorization", value));
        return request.build();
    }

    static Map<String, Object> json(HttpResponse<String> response) {
        try {
            return JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new AssertionError("not a JSON object: " + response.body(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(HttpResponse<String> response) {
        return (Map<String, Object>) json(response).get("data");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(HttpResponse<String> response) {
        return (List<Map<String, Object>>) json(response).get("errors");
    }
}
