package dev.cognitosecured.it.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An application bean that uses the generated client of the pool named "partners". */
@ApplicationScoped
public class PartnerService {

    private final PartnerApi partners;

    @Inject
    public PartnerService(PartnerApi partners) {
        this.partners = partners;
    }

    /** For the container's client proxy. */
    protected PartnerService() {
        this.partners = null;
    }

    public String name(String id) {
        return partners.partnerName(id);
    }
}
