package dev.cognitosecured.testing.junit;

import dev.cognitosecured.testing.LocalStandIns;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The stand-ins of one test class, kept in the class's extension store, which closes them when the class is done.
 */
final class ClassStandIns implements ExtensionContext.Store.CloseableResource {

    final LocalStandIns standIns;

    ClassStandIns(LocalStandIns standIns) {
        this.standIns = standIns;
    }

    /**
     * A fresh pool and app client for the next test, which LocalGraphQL trusts from now on; request counts,
     * injected faults and recorded GraphQL requests start again from nothing.
     */
    TestStandIns nextTest() {
        standIns.freshPool();
        return new TestStandIns(standIns.pool(), standIns.client(), standIns.properties());
    }

    @Override
    public void close() {
        standIns.close();
    }
}
