package org.ariadne.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature packages stay a clean graph: no cycles, and no reaching into another feature's internals. */
class ModularityTest {

    @Test
    void featurePackagesFormNoCycles() {
        ApplicationModules.of(ServerApplication.class).verify();
    }
}
