package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.runtime.InvalidConfigurationException;
import dev.cognitosecured.runtime.internal.config.PoolConfigReader;
import dev.cognitosecured.runtime.internal.config.PoolConfigResult;
import dev.cognitosecured.runtime.internal.observe.Integrations;
import dev.cognitosecured.runtime.internal.observe.ObserverFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.lang.reflect.Member;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The portable extension of cognito-secured, registered in
 * {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}.
 *
 * <ol>
 *   <li>Before discovery it adds the generated clients listed in the client index
 *       ({@code META-INF/cognito-secured/clients/*}), so they are beans whether or not their archive
 *       is a bean archive; a copy that discovery also finds is vetoed, leaving one bean.</li>
 *   <li>It finds the user pools in use at the injection points: {@code @AuthFlow(pool)} on
 *       {@code SignIn}, {@code SessionStore} or {@code SecuredCaller}, and interfaces annotated
 *       {@code @CognitoSecured} (their pool, which then also needs {@code graphql.endpoint}).</li>
 *   <li>After discovery it reads each pool's configuration; a pool the application injects and
 *       whose keys are missing or wrong is a definition error naming the keys and the injection
 *       points. Otherwise it adds the pool's beans (see {@link PoolBeans}): with MicroProfile Health
 *       present, a readiness check per pool; with Micrometer or the OpenTelemetry API present, the
 *       pool's meters and spans ({@link Integrations}: each looked for with this library's class loader,
 *       and nothing that uses one loaded without it).</li>
 * </ol>
 */
public class CognitoSecuredExtension implements Extension {

    private static final String ID_PREFIX = CognitoSecuredExtension.class.getName() + "#";
    private static final int INJECTION_POINTS_SHOWN = 3;
    /** Refers to MicroProfile Health: named, so that it is loaded only when the API is present. */
    private static final String READINESS_BEANS = CognitoSecuredExtension.class.getPackageName() + ".ReadinessBeans";

    private final Set<Class<?>> clients = ConcurrentHashMap.newKeySet();
    private final List<String> indexProblems = new CopyOnWriteArrayList<>();
    private final PoolUsages usages = new PoolUsages();
    private final ReplacementBeans replacements = new ReplacementBeans();

    void addGeneratedClients(@Observes BeforeBeanDiscovery discovery) {
        ClassLoader loader = applicationLoader();
        ClientIndex index = ClientIndex.read(loader);
        indexProblems.addAll(index.problems());
        for (String name : index.names()) {
            Class<?> client;
            try {
                client = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                indexProblems.add("the client index lists " + name + ", which cannot be loaded (" + e
                        + "); rebuild the project so that the annotation processor writes the index again");
                continue;
            }
            clients.add(client);
            discovery.addAnnotatedType(client, ID_PREFIX + name).add(FromClientIndex.Literal.INSTANCE);
        }
    }

    /** A generated client in a bean archive is discovered as well as added: keep only the copy added. */
    <T> void vetoDiscoveredClients(@Observes @WithAnnotations(ApplicationScoped.class) ProcessAnnotatedType<T> event) {
        AnnotatedType<T> type = event.getAnnotatedType();
        if (clients.contains(type.getJavaClass()) && !type.isAnnotationPresent(FromClientIndex.class)) {
            event.veto();
        }
    }

    <T, X> void findPools(@Observes ProcessInjectionPoint<T, X> event) {
        InjectionPoint injectionPoint = event.getInjectionPoint();
        InjectionPoints.poolRequest(injectionPoint).ifPresent(request -> {
            if (isDeclaredByClient(injectionPoint)) {
                usages.referencedByClient(request.pool());
            } else {
                usages.injected(request.pool(), InjectionPoints.describe(injectionPoint), request.sendsGraphQL());
            }
        });
    }

    /** Notes the application's beans that may replace a pool's part, in whatever archive they are. */
    <T> void findReplacements(@Observes ProcessBean<T> event) {
        replacements.offer(event.getBean());
    }

    void addPoolBeans(@Observes AfterBeanDiscovery discovery) {
        indexProblems.forEach(problem -> discovery.addDefinitionError(new DefinitionException(problem)));
        PoolConfigReader reader = PoolConfigReader.forApplication(applicationLoader());
        List<ObserverFactory> observers = Integrations.observerFactories();
        List<PoolBeans.Contributor> contributors = Integrations.healthPresent()
                ? List.of(Integrations.instantiate(READINESS_BEANS, PoolBeans.Contributor.class)) : List.of();
        for (PoolUsages.Usage usage : usages.byPool().values()) {
            PoolConfigResult result = reader.read(usage.pool(), usage.graphqlNeeded());
            if (result instanceof PoolConfigResult.Invalid invalid && usage.requiredAtBoot()) {
                discovery.addDefinitionError(new InvalidConfigurationException(context(usage), invalid.problems()));
            } else {
                PoolBeans.add(discovery, result, replacements, observers, contributors);
            }
        }
    }

    private boolean isDeclaredByClient(InjectionPoint injectionPoint) {
        Member member = injectionPoint.getMember();
        return member != null && clients.contains(member.getDeclaringClass());
    }

    private static String context(PoolUsages.Usage usage) {
        List<String> points = usage.injectionPoints();
        String shown = String.join(", ", points.subList(0, Math.min(points.size(), INJECTION_POINTS_SHOWN)));
        String more = points.size() > INJECTION_POINTS_SHOWN
                ? " and " + (points.size() - INJECTION_POINTS_SHOWN) + " more" : "";
        return "the user pool '" + usage.pool() + "', injected at " + shown + more;
    }

    private static ClassLoader applicationLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : CognitoSecuredExtension.class.getClassLoader();
    }
}
