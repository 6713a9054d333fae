package dev.cognitosecured.it.cdi;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.event.SignedIn;
import dev.cognitosecured.runtime.event.TokensRefreshed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes the library's events: of every pool, of the default pool only, and of the pool named "partners" only. */
@ApplicationScoped
public class RecordedEvents {

    private final List<Object> ofEveryPool = new CopyOnWriteArrayList<>();
    private final List<Object> ofDefaultPool = new CopyOnWriteArrayList<>();
    private final List<Object> ofPartners = new CopyOnWriteArrayList<>();

    void signedIn(@Observes SignedIn event) {
        ofEveryPool.add(event);
    }

    void refreshed(@Observes TokensRefreshed event) {
        ofEveryPool.add(event);
    }

    void ended(@Observes SessionEnded event) {
        ofEveryPool.add(event);
    }

    void signedInToDefault(@Observes @AuthFlow SignedIn event) {
        ofDefaultPool.add(event);
    }

    void signedInToPartners(@Observes @AuthFlow("partners") SignedIn event) {
        ofPartners.add(event);
    }

    public List<Object> ofEveryPool() {
        return List.copyOf(ofEveryPool);
    }

    public List<Object> ofDefaultPool() {
        return List.copyOf(ofDefaultPool);
    }

    public List<Object> ofPartners() {
        return List.copyOf(ofPartners);
    }
}
