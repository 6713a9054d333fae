package dev.cognitosecured.it.demo;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * Runs the demo: {@code mvn -q -Pdemo -pl processor,it -am verify -Dmaven.test.skip=true} from the
 * project's root, or this class's {@code main} with the {@code it} module's class path. See
 * {@link DemoOptions#USAGE} for the options.
 *
 * <p>Exit codes: 0 when no caller saw {@code UnauthorizedException} and every call succeeded; 1 when a
 * caller saw {@code UnauthorizedException}; 2 for a wrong option, a configuration the library refused
 * or a failed sign-in; 3 when calls failed otherwise (the failures are listed before the summary).
 */
public final class DemoMain {

    /** No caller saw an {@code UnauthorizedException} and every call succeeded. */
    public static final int OK = 0;
    /** A caller saw an {@code UnauthorizedException}. */
    public static final int UNAUTHORIZED_SURFACED = 1;
    /** A wrong option, a configuration the library refused, or a sign-in that failed. */
    public static final int NOT_STARTED = 2;
    /** Calls failed with another exception. */
    public static final int CALLS_FAILED = 3;

    private DemoMain() {
    }

    /** Runs the demo and exits with its exit code if that is not 0. */
    public static void main(String[] args) {
        int exitCode = run(args, System.in, System.out);
        if (exitCode != OK) {
            System.exit(exitCode);
        }
    }

    /**
     * Runs the demo in this JVM, reading what the person at the console types from {@code in}, writing
     * to {@code out}.
     *
     * @return the exit code
     */
    public static int run(String[] args, InputStream in, PrintStream out) {
        if (args.length == 1 && args[0].equals("--walk")) {
            return DemoWalk.run(out);
        }
        DemoOptions options;
        try {
            options = DemoOptions.parse(args, System.getProperties());
        } catch (IllegalArgumentException wrong) {
            out.println("demo: " + wrong.getMessage());
            out.println(DemoOptions.USAGE);
            return NOT_STARTED;
        }
        if (options.help()) {
            out.println(DemoOptions.USAGE);
            return OK;
        }
        Optional<java.io.Console> console = in == System.in ? Optional.ofNullable(System.console()) : Optional.empty();
        ConsoleInput input = new ConsoleInput(console,
                new BufferedReader(new InputStreamReader(in, Charset.defaultCharset())), out);
        QuietLogging quiet = QuietLogging.apply();
        try {
            DemoRun run = new DemoRun(options, input, out);
            return options.aws() ? run.againstAws() : run.againstStandIns();
        } finally {
            quiet.close();
        }
    }
}
