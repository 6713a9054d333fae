package dev.cognitosecured.runtime.internal.cdi;

import dev.cognitosecured.runtime.spi.GraphQLTransport;
import dev.cognitosecured.runtime.spi.IdentityProvider;
import dev.cognitosecured.runtime.spi.DeviceStore;
import dev.cognitosecured.runtime.spi.SessionCodec;
import dev.cognitosecured.runtime.spi.Ticker;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.client.Client;
import java.lang.reflect.Type;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The application's beans of the types a pool's part may be replaced with, as the extension saw them discovered
 * in every archive of the deployment. A Jakarta EE server may keep the beans of {@code WEB-INF/classes} out of
 * sight of the library's jar in {@code WEB-INF/lib} (Payara's Weld does: a lookup from the library's synthetic
 * beans does not see them), so {@link ReplaceableParts} also looks here.
 */
final class ReplacementBeans {

    /** The types whose beans replace a part of the pool. */
    static final Set<Class<?>> TYPES = Set.of(IdentityProvider.class, GraphQLTransport.class, Ticker.class,
            SessionCodec.class, InstantSource.class, Client.class, DeviceStore.class);

    private final List<Bean<?>> beans = new CopyOnWriteArrayList<>();

    /** Keeps {@code bean} if it has one of the {@link #TYPES}. */
    void offer(Bean<?> bean) {
        for (Type type : bean.getTypes()) {
            if (type instanceof Class<?> raw && TYPES.contains(raw)) {
                beans.add(bean);
                return;
            }
        }
    }

    /** The beans kept that have {@code type}. */
    List<Bean<?>> of(Class<?> type) {
        return beans.stream().filter(bean -> bean.getTypes().contains(type)).toList();
    }
}
