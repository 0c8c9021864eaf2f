package org.ariadne.server.agencies;

/** A member agency: who contributes material, and whom other agencies contact about it. */
public record Agency(long id, String country, String name, String contact) {
}
