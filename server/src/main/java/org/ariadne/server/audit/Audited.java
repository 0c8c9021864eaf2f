package org.ariadne.server.audit;

/** Someone whose actions are audited: lets code that knows no accounts name the actor of a request. */
public interface Audited {

    Actor actor();
}
