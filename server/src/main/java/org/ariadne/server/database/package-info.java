/**
 * The server's database: an external PostgreSQL named by a JDBC URL, or by default an embedded PostgreSQL
 * (real binaries from Maven Central) whose data lives in the data folder. Either way the schema is brought
 * up to date by Flyway (migrations in {@code db/migration}) before the server uses it; Spring Boot's own
 * Flyway run is switched off so that the command-line tools, which run without Spring, migrate the same way.
 */
package org.ariadne.server.database;
