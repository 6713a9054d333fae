package dev.cognitosecured.it.demo;

import dev.cognitosecured.runtime.SessionStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the calls that had to wait for a token refresh ({@code blocked_callers}).
 *
 * <p>The session store fires its {@code TokensRefreshed}, {@code RefreshFailed} and
 * {@code SessionEnded} events after it settled a refresh and <em>before</em> it releases the callers
 * that wait for that refresh. So at that instant every call that waits for it is parked inside the
 * store: in a {@link SessionStore} method, on the refresh's {@code CompletableFuture}. When one of
 * those events arrives, {@link #refreshSettled()} looks at the stack of each caller thread that is in
 * the middle of a call, and counts the call if that is where it stands. A call that took the fast path
 * (tokens still valid for the call's {@code refreshSkew}) never waits there, so it is never counted;
 * a call that waits is counted once, however many refreshes it waits for.
 */
public final class WaitingCallers {

    private static final String LIBRARY = "dev.cognitosecured.";
    private static final String FUTURE = "java.util.concurrent.CompletableFuture";

    private final List<Caller> callers = new CopyOnWriteArrayList<>();
    private final Set<Long> blockedCalls = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> storeClasses = new ConcurrentHashMap<>();

    /** Watches the calls that {@code thread} makes, which it reports with {@link Caller#begin}. */
    public Caller watch(Thread thread) {
        Caller caller = new Caller(thread);
        callers.add(caller);
        return caller;
    }

    /** A refresh was settled: counts the calls now waiting for it in the session store. */
    public void refreshSettled() {
        for (Caller caller : callers) {
            long call = caller.call.get();
            if (call == Caller.IDLE) {
                continue;
            }
            StackTraceElement[] stack = caller.thread.getStackTrace();
            if (caller.call.get() == call && waitsInSessionStore(stack)) {
                blockedCalls.add(call);
            }
        }
    }

    /** How many calls waited for a refresh. */
    public long blockedCalls() {
        return blockedCalls.size();
    }

    /**
     * Whether the innermost frame of this library on {@code stack} is a session store's, called into
     * from a {@code CompletableFuture} wait: the thread waits for the store's refresh.
     */
    boolean waitsInSessionStore(StackTraceElement[] stack) {
        boolean waitingOnFuture = false;
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            if (type.startsWith(FUTURE)) {
                waitingOnFuture = true;
            } else if (type.startsWith(LIBRARY)) {
                return waitingOnFuture && isSessionStore(type);
            }
        }
        return false;
    }

    private boolean isSessionStore(String type) {
        return storeClasses.computeIfAbsent(type, name -> {
            try {
                return SessionStore.class.isAssignableFrom(
                        Class.forName(name, false, SessionStore.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        });
    }

    /** One caller thread; it reports the call it is making. */
    public static final class Caller {
        private static final long IDLE = 0;

        private final Thread thread;
        private final AtomicLong call = new AtomicLong(IDLE);

        private Caller(Thread thread) {
            this.thread = Objects.requireNonNull(thread, "thread");
        }

        /** The thread starts the call numbered {@code id} (unique, positive). */
        public void begin(long id) {
            if (id <= IDLE) {
                throw new IllegalArgumentException("a call's id is positive: " + id);
            }
            call.set(id);
        }

        /** The thread's call returned or failed. */
        public void end() {
            call.set(IDLE);
        }
    }
}
