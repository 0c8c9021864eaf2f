package org.ariadne.server.database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the server keeps its data and which database it uses.
 *
 * @param dataFolder the local data folder: embedded database, media store, store key, upload spool
 * @param url JDBC URL of an external PostgreSQL, or null for the embedded one in {@code dataFolder/postgres}
 * @param user database user for {@code url} (may be null when the URL carries it)
 * @param password database password for {@code url}
 */
public record DatabaseSettings(Path dataFolder, String url, String user, String password) {

    /** The settings as Spring properties, for the server's application context. */
    public Map<String, Object> asProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("ariadne.data", dataFolder.toString());
        if (url != null && !url.isBlank()) {
            properties.put("ariadne.db.url", url);
            properties.put("ariadne.db.user", user == null ? "" : user);
            properties.put("ariadne.db.password", password == null ? "" : password);
        }
        return properties;
    }

    boolean embedded() {
        return url == null || url.isBlank();
    }

    /** Opens the database these settings name, starting the embedded one if they name no URL. */
    public Database open() {
        return Database.open(this);
    }
}
