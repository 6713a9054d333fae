package dev.cognitosecured.it.e2e;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.spi.GraphQLTransport;
import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.Ticker;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.ws.rs.client.Client;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Gives the application the parts a test replaces, as an application would: {@code @Default} beans
 * of the runtime's SPI types, which then serve every pool. Always the ticker (so expiry follows the
 * test's clock); the identity provider when a test needs to configure its AWS SDK client itself; the
 * GraphQL transport when a test needs to bound its connections; the application's own JAX-RS client,
 * qualified {@code @AuthFlow("default")}, when a test checks that the pool uses it; others by their type (the
 * wall clock and the {@code SessionCodec} when a test passivates sessions).
 */
final class ReplacementParts implements Extension {

    private final Ticker ticker;
    private final Optional<IdentityProvider> identityProvider;
    private final Optional<GraphQLTransport> transport;
    private final Optional<Client> client;
    private final Map<Class<?>, Object> others;

    ReplacementParts(Ticker ticker, Optional<IdentityProvider> identityProvider, Optional<GraphQLTransport> transport,
            Optional<Client> client, Map<Class<?>, Object> others) {
        this.client = Objects.requireNonNull(client, "client");
        this.others = Map.copyOf(others);
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.identityProvider = Objects.requireNonNull(identityProvider, "identityProvider");
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    void addParts(@Observes AfterBeanDiscovery discovery) {
        discovery.addBean()
                .types(Ticker.class, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(Dependent.class)
                .createWith(context -> ticker);
        identityProvider.ifPresent(provider -> discovery.addBean()
                .types(IdentityProvider.class, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(Dependent.class)
                .createWith(context -> provider));
        transport.ifPresent(replacement -> discovery.addBean()
                .types(GraphQLTransport.class, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(Dependent.class)
                .createWith(context -> replacement));
        client.ifPresent(own -> discovery.addBean()
                .types(Client.class, Object.class)
                .qualifiers(AuthFlow.Literal.of("default"), Any.Literal.INSTANCE)
                .scope(Dependent.class)
                .createWith(context -> own));
        others.forEach((type, part) -> discovery.addBean()
                .types(type, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(Dependent.class)
                .createWith(context -> part));
    }
}
