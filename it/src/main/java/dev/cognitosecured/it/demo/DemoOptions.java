package dev.cognitosecured.it.demo;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's options, from flags ({@code --duration 60s} or {@code --duration=60s}) or, for each flag,
 * a system property: {@code demo.<flag>} for the demo's own, {@code cognito-secured.<key>} for the
 * user pool's (the library reads those itself). A flag wins over its property.
 *
 * <p>Given a user pool ({@code --user-pool-id} or {@code cognito-secured.user-pool-id}), the demo runs
 * against Amazon Cognito and the GraphQL API at {@code --graphql-endpoint}; the password and the codes
 * are then read from the console, never from a flag or a property.
 *
 * @param duration how long the callers call
 * @param threads how many caller threads
 * @param tokenLifetime the stand-in app client's token lifetime (whole seconds)
 * @param interactive whether the person at the console answers the stand-ins' challenges
 * @param help whether to print the usage and stop
 * @param username the user to sign in, against AWS
 * @param poolKeys the {@code cognito-secured.*} properties the flags set, for the run
 * @param aws whether a user pool was given
 */
public record DemoOptions(Duration duration, int threads, Duration tokenLifetime, boolean interactive, boolean help,
        Optional<String> username, Map<String, String> poolKeys, boolean aws) {

    /** The prefix of the library's configuration keys. */
    public static final String POOL_PREFIX = "cognito-secured.";
    private static final String DEMO_PREFIX = "demo.";

    /** Flags that set a {@code cognito-secured.<key>} property: flag name to key. */
    private static final Map<String, String> POOL_FLAGS = Map.of(
            "region", "region",
            "user-pool-id", "user-pool-id",
            "client-id", "client-id",
            "client-secret", "client-secret",
            "graphql-endpoint", "graphql.endpoint",
            "auth-flow", "auth-flow",
            "prefetch", "prefetch");
    private static final List<String> DEMO_FLAGS = List.of("duration", "threads", "token-lifetime", "username");
    private static final List<String> DEMO_SWITCHES = List.of("interactive", "help");
    private static final List<String> REQUIRED_FOR_AWS = List.of("region", "user-pool-id", "client-id",
            "graphql-endpoint");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    /** The usage, for {@code --help} and mistakes. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: DemoMain [options]       (or -Ddemo.<option>=... / -Dcognito-secured.<key>=...)",
            "  --duration <d>           how long the callers call, e.g. 30s, 2m (default 30s)",
            "  --threads <n>            caller threads (default 8)",
            "  --token-lifetime <d>     LocalCognito's token lifetime, whole seconds (default 6s)",
            "  --interactive            type the new password and the e-mail code yourself",
            "  --walk                   (alone) the account walk instead: sign-up, authenticator app, remembered device",
            "  --prefetch <d>           cognito-secured.prefetch (library default 2m, at most half the lifetime)",
            "  --auth-flow <flow>       cognito-secured.auth-flow: USER_SRP_AUTH (default) or USER_PASSWORD_AUTH",
            "against your own AWS account instead of the stand-ins:",
            "  --region <r> --user-pool-id <id> --client-id <id> [--client-secret <s>]",
            "  --graphql-endpoint <https://...appsync-api...amazonaws.com/graphql> --username <name>",
            "  the password and the codes are then read from the console");

    public DemoOptions {
        poolKeys = Map.copyOf(poolKeys);
    }

    /**
     * Reads the options.
     *
     * @throws IllegalArgumentException naming the flag at fault
     */
    public static DemoOptions parse(String[] args, Properties properties) {
        Map<String, String> flags = flags(args);
        boolean help = flags.containsKey("help") || Boolean.parseBoolean(properties.getProperty(DEMO_PREFIX + "help"));
        Map<String, String> poolKeys = new LinkedHashMap<>();
        POOL_FLAGS.forEach((flag, key) -> {
            if (flags.containsKey(flag)) {
                poolKeys.put(POOL_PREFIX + key, flags.get(flag));
            }
        });
        boolean aws = poolKeys.containsKey(POOL_PREFIX + "user-pool-id")
                || properties.getProperty(POOL_PREFIX + "user-pool-id") != null;
        Optional<String> username = value(flags, properties, "username");
        if (!aws) {
            for (String flag : List.of("region", "client-id", "client-secret", "graphql-endpoint", "username")) {
                if (flags.containsKey(flag)) {
                    throw new IllegalArgumentException("--" + flag + " applies against AWS only: give --user-pool-id too");
                }
            }
        }
        if (aws && !help) {
            List<String> missing = new ArrayList<>();
            for (String flag : REQUIRED_FOR_AWS) {
                String key = POOL_PREFIX + POOL_FLAGS.get(flag);
                if (!poolKeys.containsKey(key) && properties.getProperty(key) == null) {
                    missing.add("--" + flag + " (or -D" + key + ")");
                }
            }
            if (username.isEmpty()) {
                missing.add("--username (or -D" + DEMO_PREFIX + "username)");
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("against AWS the demo also needs " + String.join(", ", missing));
            }
        }
        Duration duration = duration("duration", value(flags, properties, "duration").orElse("30s"));
        Duration tokenLifetime = duration("token-lifetime", value(flags, properties, "token-lifetime").orElse("6s"));
        if (tokenLifetime.getNano() != 0 || tokenLifetime.getSeconds() < 2) {
            throw new IllegalArgumentException("--token-lifetime must be whole seconds, at least 2s: " + tokenLifetime);
        }
        String threadsText = value(flags, properties, "threads").orElse("8");
        int threads;
        try {
            threads = Integer.parseInt(threadsText);
        } catch (NumberFormatException e) {
            threads = 0;
        }
        if (threads < 1 || threads > 1000) {
            throw new IllegalArgumentException("--threads must be a number from 1 to 1000: " + threadsText);
        }
        boolean interactive = flags.containsKey("interactive")
                || Boolean.parseBoolean(properties.getProperty(DEMO_PREFIX + "interactive"));
        return new DemoOptions(duration, threads, tokenLifetime, interactive, help, username, poolKeys, aws);
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h")) {
                arg = "--help";
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (name.equals("password") || name.equals("code") || name.equals("new-password")) {
                throw new IllegalArgumentException("--" + name + " is not accepted: the demo reads it from the console");
            }
            if (DEMO_SWITCHES.contains(name)) {
                if (value != null) {
                    throw new IllegalArgumentException("--" + name + " takes no value");
                }
                flags.put(name, "true");
                continue;
            }
            if (!DEMO_FLAGS.contains(name) && !POOL_FLAGS.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            flags.put(name, value);
        }
        return flags;
    }

    private static Optional<String> value(Map<String, String> flags, Properties properties, String name) {
        return Optional.ofNullable(flags.getOrDefault(name, properties.getProperty(DEMO_PREFIX + name)))
                .map(String::strip).filter(text -> !text.isEmpty());
    }

    private static Duration duration(String flag, String text) {
        Matcher shortForm = SHORT_DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        Duration duration;
        if (shortForm.matches()) {
            try {
                long amount = Long.parseLong(shortForm.group(1));
                duration = switch (shortForm.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("--" + flag + " is too long: " + text);
            }
        } else {
            try {
                duration = Duration.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--" + flag + " is not a duration (write e.g. 30s, 2m): " + text);
            }
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--" + flag + " must be positive: " + text);
        }
        return duration;
    }

    @Override
    public String toString() {
        return "DemoOptions[duration=" + duration + ", threads=" + threads + ", tokenLifetime=" + tokenLifetime
                + ", interactive=" + interactive + ", aws=" + aws + ", poolKeys=" + poolKeys.keySet() + "]";
    }
}
