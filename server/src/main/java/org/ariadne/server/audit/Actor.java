package org.ariadne.server.audit;

/**
 * Who did something: a user of an agency, or the server itself (both null), or an anonymous caller (user
 * null, agency null, with the attempted user name in the entry's detail).
 */
public record Actor(Long userId, Long agencyId) {

    public static final Actor SYSTEM = new Actor(null, null);
}
