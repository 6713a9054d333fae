package dev.cognitosecured.it.demo;

import dev.cognitosecured.runtime.CognitoSecuredException;
import dev.cognitosecured.runtime.SignInStep;
import dev.cognitosecured.testing.LocalStandIns;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One run of the demo: configure the library, boot the application, sign in through the chained
 * challenges, call from several threads with a progress line, and end with the summary line.
 */
final class DemoRun {

    private static final String POOL = DemoOptions.POOL_PREFIX;

    private final DemoOptions options;
    private final ConsoleInput input;
    private final PrintStream out;

    DemoRun(DemoOptions options, ConsoleInput input, PrintStream out) {
        this.options = Objects.requireNonNull(options, "options");
        this.input = Objects.requireNonNull(input, "input");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Against LocalCognito and LocalGraphQL on 127.0.0.1. */
    int againstStandIns() {
        out.println("cognito-secured demo: the example application in Weld SE against LocalCognito and LocalGraphQL"
                + " on 127.0.0.1 (no AWS account), in real time");
        try (DemoStandIns standIns = DemoStandIns.start(options.tokenLifetime());
                SystemProperties properties = new SystemProperties()) {
            properties.clear(POOL + "client-secret").setAll(standIns.configuration()).setAll(options.poolKeys());
            LocalStandIns local = standIns.local();
            out.println("  LocalCognito  " + local.cognito().endpoint() + "  user pool " + local.pool().id()
                    + ", app client " + local.client().clientId() + ": tokens live "
                    + seconds(standIns.tokenLifetime()));
            out.println("  LocalGraphQL  " + local.graphQL().orElseThrow().endpoint()
                    + "  to-do schema; an expired token gets HTTP 401, as from AppSync");
            out.println("  user " + DemoStandIns.USERNAME + ": temporary password, e-mail codes as second factor ("
                    + DemoStandIns.EMAIL + ")");
            ChallengeAnswers answers = options.interactive()
                    ? new TypedAnswers(input, out, standIns::lastCode)
                    : new AutomaticAnswers(standIns, out);
            return signInAndCall(DemoStandIns.USERNAME + " with the temporary password (not shown)",
                    DemoStandIns.USERNAME, DemoStandIns.TEMPORARY_PASSWORD::toCharArray, answers, Optional.of(standIns),
                    () -> out.println("LocalCognito received " + standIns.signInRequests()));
        }
    }

    /** Against Amazon Cognito and the GraphQL API given in the options. */
    int againstAws() {
        String username = options.username().orElseThrow();
        try (SystemProperties properties = new SystemProperties()) {
            properties.setAll(options.poolKeys());
            out.println("cognito-secured demo: the example application in Weld SE against Amazon Cognito"
                    + " (user pool " + System.getProperty(POOL + "user-pool-id") + " in "
                    + System.getProperty(POOL + "region")
                    + Optional.ofNullable(System.getProperty(POOL + "endpoint")).map(url -> ", endpoint " + url).orElse("")
                    + ") and " + System.getProperty(POOL + "graphql.endpoint"));
            out.println("  counts come from what the application sees (the library's events and its callers);"
                    + " the server's 401s are not visible from here");
            ChallengeAnswers answers = new TypedAnswers(input, out, Optional::empty);
            return signInAndCall(username, username, () -> input.secret("Password of " + username + ": "), answers,
                    Optional.empty(), () -> { });
        }
    }

    /**
     * Boots the application, signs in and calls.
     *
     * @param who who signs in, as shown
     * @param password asked for once the application is up; cleared after the sign-in
     * @param standIns the stand-ins whose counts to read; empty against AWS
     * @param afterSignIn what to show once signed in
     */
    private int signInAndCall(String who, String username, Supplier<char[]> password, ChallengeAnswers answers,
            Optional<DemoStandIns> standIns, Runnable afterSignIn) {
        DemoApplication application;
        try {
            application = DemoApplication.boot();
        } catch (RuntimeException refused) {
            out.println("demo: the application did not start: " + refused.getMessage());
            return DemoMain.NOT_STARTED;
        }
        try (application) {
            TodoService todos = application.todoService();
            SessionEvents events = application.sessionEvents();
            ObservedCounts observed = standIns.<ObservedCounts>map(local -> local).orElseGet(() -> new EventCounts(events));
            out.println("application: Weld SE container with TodoService (@Inject TodoApi, @Inject @AuthFlow SignIn)");
            out.println("sign-in as " + who + ", " + authFlow());

            int challenges;
            char[] typed = new char[0];
            try {
                typed = password.get();
                challenges = todos.signIn(username, typed, answers, this::shown);
            } catch (CognitoSecuredException | IllegalStateException | ConsoleInput.EndOfInputException failed) {
                out.println("demo: the sign-in failed: " + failed.getMessage());
                out.println(new Summary(0, 0, observed.refreshes(), 0, events.signIns(), 0).line());
                return DemoMain.NOT_STARTED;
            } finally {
                Arrays.fill(typed, '\0');
            }
            afterSignIn.run();

            CallCounts counts = new CallCounts();
            out.println("calling: " + options.threads() + " threads for " + seconds(options.duration())
                    + lifetimes(standIns) + "; refreshSkew 2s, prefetch "
                    + System.getProperty(POOL + "prefetch", "2m (library default; at most half the token lifetime)"));
            AddedTodos added = new AddedTodos();
            todos.added().subscribe(added);
            long started = System.nanoTime();
            ProgressReport progress = ProgressReport.start(out, counts, events.waitingCallers(), observed);
            try {
                new ConcurrentCalls(todos, options.threads(), events.waitingCallers(), counts).runFor(options.duration());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.println("demo: interrupted");
                return DemoMain.NOT_STARTED;
            } finally {
                progress.close();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            out.println("done: " + counts.calls() + " calls in " + String.format("%.1fs", took.toMillis() / 1000.0));
            if (standIns.isPresent() && !settle(events, standIns.get().refreshes())) {
                return DemoMain.NOT_STARTED;
            }

            Summary summary = new Summary(counts.calls(), counts.unauthorizedSurfaced(), observed.refreshes(),
                    events.waitingCallers().blockedCalls(), events.signIns(), challenges);
            out.println("  refreshes: " + summary.refreshes() + " " + observed.refreshesSource()
                    + " (the application saw " + events.refreshes() + " TokensRefreshed and "
                    + events.failedRefreshes() + " RefreshFailed events)");
            observed.serverUnauthorized().ifPresent(count -> out.println("  LocalGraphQL answered " + count
                    + " requests with HTTP 401"));
            counts.describeOtherFailures().ifPresent(failures -> out.println("failed calls: " + failures));
            out.println("  subscription onAddTodo (one WebSocket, renewed before each token expired): "
                    + added.describe());
            added.cancel();
            signOut(todos);
            out.println(summary.line());
            if (summary.unauthorizedSurfaced() > 0) {
                return DemoMain.UNAUTHORIZED_SURFACED;
            }
            return counts.otherFailures() > 0 ? DemoMain.CALLS_FAILED : DemoMain.OK;
        }
    }

    /** Waits for a refresh that LocalCognito received to be settled in the application too. */
    private boolean settle(SessionEvents events, long refreshRequests) {
        try {
            if (!events.awaitSettledRefreshes(refreshRequests, Duration.ofSeconds(10))) {
                out.println("  (a refresh LocalCognito received had not completed in the application after 10 s)");
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("demo: interrupted");
            return false;
        }
    }

    private void shown(SignInStep step) {
        if (step instanceof SignInStep.EmailCode email) {
            out.println("  -> " + step.kind() + " (a code was sent to " + email.destination() + ")");
        } else if (step instanceof SignInStep.SmsCode sms) {
            out.println("  -> " + step.kind() + " (a code was sent to " + sms.destination() + ")");
        } else if (step.isDone()) {
            out.println("  -> DONE: signed in");
        } else {
            out.println("  -> " + step.kind());
        }
    }

    private void signOut(TodoService todos) {
        try {
            todos.signOut();
        } catch (RuntimeException e) {
            out.println("demo: signing out failed: " + e.getMessage());
        }
    }

    private String lifetimes(Optional<DemoStandIns> standIns) {
        return standIns.map(local -> String.format(" (%.1f token lifetimes)",
                (double) options.duration().toMillis() / local.tokenLifetime().toMillis())).orElse("");
    }

    private static String authFlow() {
        return System.getProperty(POOL + "auth-flow", "USER_SRP_AUTH");
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
