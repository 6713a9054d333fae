package dev.cognitosecured.examples.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** One user's browser: an HTTP client with its own cookies, so its own HTTP session. */
public final class Browser {

    /**
     * An answer: its status and body.
     *
     * @param status the HTTP status
     * @param body the body, as text
     */
    public record Answer(int status, String body) {
    }

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    /**
     * A browser with no cookies yet.
     *
     * @param base the application's root, against which paths are resolved
     */
    public Browser(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * A browser holding a copy of {@code other}'s cookies as they are now.
     *
     * @param other the browser to copy
     * @return a second browser of the same user, at the same server
     */
    public static Browser copyOf(Browser other) {
        return other.at(other.base);
    }

    /**
     * This browser's user going on at {@code server} (another node, or the same after a restart) with its cookies.
     *
     * @param server the root of the application on that server
     * @return a browser with a copy of this one's cookies
     */
    public Browser at(URI server) {
        Browser moved = new Browser(server);
        cookies.getCookieStore().getCookies().forEach(cookie ->
                moved.cookies.getCookieStore().add(server, (HttpCookie) cookie.clone()));
        return moved;
    }

    /**
     * Posts a form.
     *
     * @param path resolved against the root
     * @param form the fields, URL-encoded
     * @return the answer
     */
    public Answer post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Gets a page.
     *
     * @param path resolved against the root
     * @return the answer
     */
    public Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** {@return the cookies this browser holds, by name} */
    public Map<String, String> cookies() {
        return cookies.getCookieStore().getCookies().stream()
                .collect(Collectors.toMap(c -> c.getName(), c -> c.getValue(), (a, b) -> b));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
