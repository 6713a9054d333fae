package dev.cognitosecured.it.cognitolocal;

import dev.cognitosecured.runtime.internal.cognito.CognitoIdentityProvider;
import dev.cognitosecured.runtime.internal.config.PoolConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * Runs cognito-local (the npm Cognito emulator, installed into {@code it/node_modules} by the build's
 * {@code npm ci}) for one test class, on a free loopback port, in a fresh data folder.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final CognitoLocalExtension cognito = new CognitoLocalExtension();
 *
 * LocalPool pool = cognito.createPool(Duration.ofSeconds(60), false);
 * pool.createUser("alice", "Passw0rd!");
 * }</pre>
 *
 * <p>Its admin client ({@link #admin()}) is synchronous, signed with dummy credentials, and never
 * retries: cognito-local answers unsupported calls with a 500, which the SDK would otherwise retry.
 */
public final class CognitoLocalExtension implements BeforeAllCallback, AfterAllCallback {

    /** The region every client of the tests uses; cognito-local ignores it but puts it in pool ids. */
    public static final Region REGION = Region.US_EAST_1;

    private static final Path START_SCRIPT = Path.of("node_modules", "cognito-local", "lib", "bin", "start.js");
    private static final int HEALTH_ATTEMPTS = 150;
    private static final Duration HEALTH_WAIT = Duration.ofMillis(100);

    private Path dataFolder;
    private final Map<String, String> environment;
    private Process process;
    private URI endpoint;
    private CognitoIdentityProviderClient admin;
    private SdkEventLoopGroup eventLoops;

    /** cognito-local with random codes. */
    public CognitoLocalExtension() {
        this(Map.of());
    }

    /** cognito-local with {@code environment} added to its process's, e.g. {@code CODE=123456} to fix every code. */
    public CognitoLocalExtension(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path script = START_SCRIPT.toAbsolutePath();
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("cognito-local is not installed at " + script
                    + ": run `npm ci` in the it/ module (the Maven build does it in generate-test-resources).");
        }
        dataFolder = Files.createTempDirectory("cognito-local-");
        Path config = dataFolder.resolve(".cognito").resolve("config.json");
        Files.createDirectories(config.getParent());
        // Without this, cognito-local requires user names to be e-mail addresses.
        Files.writeString(config, "{\"UserPoolDefaults\":{\"UsernameAttributes\":[]}}", StandardCharsets.UTF_8);

        try {
            start(script);
        } catch (Exception | Error e) {
            afterAll(context);
            throw e;
        }

        admin = CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        eventLoops = SdkEventLoopGroup.builder().numberOfThreads(2).build();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (admin != null) {
                admin.close();
                admin = null;
            }
            if (eventLoops != null) {
                eventLoops.eventLoopGroup().shutdownGracefully(0, 5, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
                eventLoops = null;
            }
        } finally {
            try {
                stopProcess();
            } finally {
                deleteDataFolder();
            }
        }
    }

    /** Where cognito-local listens, e.g. {@code http://127.0.0.1:40123}. */
    public URI endpoint() {
        return endpoint;
    }

    /** A synchronous client for setting up pools, clients and users. */
    public CognitoIdentityProviderClient admin() {
        return admin;
    }

    /**
     * The runtime's identity provider for {@code config}, built by its own
     * {@link CognitoIdentityProvider#clientBuilder} (Netty, anonymous credentials, the endpoint
     * override), but without retries, with {@code counter} watching every request it sends (then
     * {@code more} interceptors, in order), and on
     * Netty event loops shared by the test class: closing it then takes no Netty shutdown.
     */
    public CognitoIdentityProvider provider(PoolConfig config, RequestCounter counter, ExecutionInterceptor... more) {
        return new CognitoIdentityProvider(CognitoIdentityProvider.clientBuilder(config)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().eventLoopGroup(eventLoops))
                .overrideConfiguration(o -> {
                    o.retryStrategy(AwsRetryStrategy.doNotRetry()).addExecutionInterceptor(counter);
                    for (ExecutionInterceptor interceptor : more) {
                        o.addExecutionInterceptor(interceptor);
                    }
                })
                .build(), config);
    }

    /** What cognito-local has printed so far, for a failing test's message. */
    public String log() {
        try {
            return Files.readString(dataFolder.resolve("cognito-local.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new user pool with one app client whose access and ID tokens live {@code tokenValidity}
     * (whole seconds) and whose refresh tokens live a day. The client allows
     * {@code USER_PASSWORD_AUTH} and {@code REFRESH_TOKEN_AUTH}, and has a secret if
     * {@code withSecret}.
     */
    public LocalPool createPool(Duration tokenValidity, boolean withSecret) {
        return createPool(tokenValidity, tokenValidity, withSecret);
    }

    /** As {@link #createPool(Duration, boolean)}, with different lifetimes for access and ID tokens. */
    public LocalPool createPool(Duration accessTokenValidity, Duration idTokenValidity, boolean withSecret) {
        String poolId = admin.createUserPool(r -> r.poolName("pool-" + UUID.randomUUID())).userPool().id();
        UserPoolClientType client = admin.createUserPoolClient(r -> r
                        .userPoolId(poolId)
                        .clientName("client-" + UUID.randomUUID())
                        .generateSecret(withSecret)
                        .explicitAuthFlows(
                                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                        .accessTokenValidity(Math.toIntExact(accessTokenValidity.toSeconds()))
                        .idTokenValidity(Math.toIntExact(idTokenValidity.toSeconds()))
                        .refreshTokenValidity(1)
                        .tokenValidityUnits(u -> u
                                .accessToken(TimeUnitsType.SECONDS)
                                .idToken(TimeUnitsType.SECONDS)
                                .refreshToken(TimeUnitsType.DAYS)))
                .userPoolClient();
        if (withSecret && (client.clientSecret() == null || client.clientSecret().isEmpty())) {
            throw new IllegalStateException("cognito-local created the app client without a secret");
        }
        return new LocalPool(this, poolId, client.clientId(), Optional.ofNullable(client.clientSecret()));
    }

    /**
     * Starts cognito-local on a free port and waits until it answers. The port is free when chosen;
     * should another process take it before cognito-local binds it, cognito-local exits and a new
     * port is tried.
     */
    private void start(Path script) throws IOException, InterruptedException, ExecutionException {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder("node", script.toString())
                    .directory(dataFolder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dataFolder.resolve("cognito-local.log").toFile());
            Map<String, String> processEnvironment = builder.environment();
            processEnvironment.putAll(environment);
            processEnvironment.put("HOST", "127.0.0.1");
            processEnvironment.put("PORT", Integer.toString(port));
            process = builder.start();
            endpoint = URI.create("http://127.0.0.1:" + port);
            try {
                awaitHealthy();
                return;
            } catch (ExitedEarly e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private void awaitHealthy() throws IOException, InterruptedException, ExecutionException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(endpoint.resolve("/health")).timeout(Duration.ofSeconds(2)).build();
        for (int attempt = 0; attempt < HEALTH_ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"ok\":true")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // Keep waiting.
            }
            // Wait for the process to die, or for the next attempt, whichever comes first.
            try {
                process.onExit().get(HEALTH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                throw new ExitedEarly("cognito-local exited with status " + process.exitValue()
                        + " before it was ready:\n" + log());
            } catch (TimeoutException stillRunning) {
                // Try again.
            }
        }
        throw new IllegalStateException("cognito-local did not answer GET /health after " + HEALTH_ATTEMPTS
                + " attempts:\n" + log());
    }

    /** cognito-local stopped before it answered {@code GET /health}. */
    private static final class ExitedEarly extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ExitedEarly(String message) {
            super(message);
        }
    }

    private void stopProcess() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process = null;
    }

    private void deleteDataFolder() throws IOException {
        if (dataFolder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataFolder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        dataFolder = null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** {@code AdminCreateUser} without a welcome message, then a permanent password, then the groups. */
    void createUser(String poolId, String username, String password, String... groups) {
        admin.adminCreateUser(r -> r.userPoolId(poolId).username(username).messageAction(MessageActionType.SUPPRESS));
        admin.adminSetUserPassword(r -> r.userPoolId(poolId).username(username).password(password).permanent(true));
        for (String group : groups) {
            try {
                admin.createGroup(r -> r.userPoolId(poolId).groupName(group));
            } catch (GroupExistsException exists) {
                // created for an earlier user
            }
            admin.adminAddUserToGroup(r -> r.userPoolId(poolId).username(username).groupName(group));
        }
    }

    /** {@code AdminCreateUser} with a temporary password: the first sign-in gets NEW_PASSWORD_REQUIRED. */
    void createUserWithTemporaryPassword(String poolId, String username, String temporaryPassword) {
        admin.adminCreateUser(r -> r.userPoolId(poolId)
                .username(username)
                .temporaryPassword(temporaryPassword)
                .messageAction(MessageActionType.SUPPRESS));
    }
}
