package dev.cognitosecured.examples.helidon;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import org.jboss.weld.context.bound.Bound;
import org.jboss.weld.context.bound.BoundSessionContext;

/**
 * HTTP sessions for {@code @SessionScoped} beans in Helidon MP, which has none of its own: each request runs in
 * the CDI session context of the session its cookie names (Weld's {@link BoundSessionContext}, bound to the
 * request's thread), and a request without one gets a new session, kept with a {@code Set-Cookie} only if the
 * request succeeded (2xx) and a session-scoped bean was created in it. On a resource method, {@link
 * EndsHttpSession} ends the session and {@link RenewsHttpSessionId} gives it a new id (against session fixation,
 * on signing in).
 *
 * <p>Helidon's JAX-RS runs a request's filters and its resource method on the request's own (virtual) thread, so
 * the context is active wherever the resource calls: the library's {@code SignIn} and session store of that
 * session are the ones its proxies reach. Asynchronous resources would need the context on their own threads.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 100)
public class HttpSessionFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The cookie that names the session. */
    public static final String COOKIE = "SESSION";

    private static final String SESSION = HttpSessionFilter.class.getName() + ".session";
    private static final String CREATED = HttpSessionFilter.class.getName() + ".created";

    /** The session bound to this thread by the filter, if a response filter has not unbound it yet. */
    private static final ThreadLocal<HttpSessions.HttpSession> BOUND = new ThreadLocal<>();

    private final HttpSessions sessions;
    private final BoundSessionContext context;

    @Context
    private ResourceInfo resource;

    @Inject
    HttpSessionFilter(HttpSessions sessions, @Bound BoundSessionContext context) {
        this.sessions = sessions;
        this.context = context;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        HttpSessions.HttpSession leftover = BOUND.get();
        if (leftover != null) {
            // a request on this thread (Helidon serves a keep-alive connection on one) ended without the response
            // filter: unbind its session rather than let this request, maybe another user's, run in it
            unbind(leftover);
        }
        sessions.removeExpired().forEach(this::destroy);
        Cookie cookie = request.getCookies().get(COOKIE);
        HttpSessions.HttpSession session = cookie == null ? null : sessions.find(cookie.getValue()).orElse(null);
        if (session == null) {
            session = sessions.create();
            request.setProperty(CREATED, Boolean.TRUE);
        }
        request.setProperty(SESSION, session);
        if (!context.associate(session.beans())) {
            throw new IllegalStateException("a session context is already bound to this thread");
        }
        BOUND.set(session);
        context.activate();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(SESSION) instanceof HttpSessions.HttpSession session)) {
            return; // the request never reached the request filter (no resource matched)
        }
        boolean created = request.getProperty(CREATED) != null;
        boolean ends = annotated(EndsHttpSession.class);
        // a new session is kept only if the request succeeded and put something in it: a stranger's failed
        // request (nobody signed in, a wrong password) leaves no session behind
        boolean keep = created && !ends && response.getStatus() < 300 && !session.beans().isEmpty();
        if (ends || (created && !keep)) {
            context.invalidate(); // the beans are destroyed when the context is deactivated
        }
        unbind(session);
        if (ends) {
            sessions.remove(session);
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie("").maxAge(0).build());
        } else if (keep) {
            sessions.keep(session);
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie(session.id()).build());
        } else if (!created && annotated(RenewsHttpSessionId.class)) {
            sessions.renewId(session);
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie(session.id()).build());
        }
    }

    private boolean annotated(Class<? extends Annotation> annotation) {
        Method method = resource.getResourceMethod();
        return method != null && method.isAnnotationPresent(annotation);
    }

    private void unbind(HttpSessions.HttpSession session) {
        try {
            context.deactivate();
        } finally {
            context.dissociate(session.beans());
            BOUND.remove();
        }
    }

    /** Destroys a session's beans, on this thread, before it is bound to the request's own session. */
    private void destroy(HttpSessions.HttpSession session) {
        context.associate(session.beans());
        try {
            context.activate();
            context.invalidate();
            context.deactivate();
        } finally {
            context.dissociate(session.beans());
        }
    }

    private static NewCookie.Builder cookie(String value) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").httpOnly(true).sameSite(NewCookie.SameSite.LAX);
    }
}
