package org.ariadne.server.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.ariadne.server.audit.Actor;
import org.ariadne.server.audit.Audited;
import org.ariadne.server.web.ApiException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in user: who, of which agency, with which roles. Controllers receive it as the principal. */
public record Account(long id, long agencyId, String username, String displayName, String passwordHash,
                      Set<Role> roles, boolean enabled) implements UserDetails, Audited {

    public Account {
        roles = Set.copyOf(roles);
    }

    @Override
    public Actor actor() {
        return new Actor(id, agencyId);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Refuses the request unless the user holds one of the roles. */
    public void require(Role... anyOf) {
        for (Role role : anyOf) {
            if (roles.contains(role)) {
                return;
            }
        }
        throw ApiException.forbidden("this needs the role " + List.of(anyOf).stream().map(Role::stored).toList());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() { // never the password hash, in logs or anywhere
        return "Account[" + username + " of agency " + agencyId + ", " + roles + "]";
    }
}
