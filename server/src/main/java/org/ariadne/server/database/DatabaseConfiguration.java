package org.ariadne.server.database;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server's one database: opened (and migrated) before anything else that needs it. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    Database database(@Value("${ariadne.data}") Path data,
                      @Value("${ariadne.db.url:}") String url,
                      @Value("${ariadne.db.user:}") String user,
                      @Value("${ariadne.db.password:}") String password) {
        return new DatabaseSettings(data.toAbsolutePath().normalize(), url, user, password).open();
    }

    @Bean
    DataSource dataSource(Database database) {
        return database.dataSource();
    }
}
