package org.ariadne.server.store;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    MediaStore mediaStore(@Value("${ariadne.data}") Path data,
                          @Value("${ariadne.store.key-file:}") String keyFile) {
        Path key = keyFile.isBlank() ? data.resolve("store.key") : Path.of(keyFile);
        return new MediaStore(data.resolve("media"), StoreKeys.load(System.getenv(StoreKeys.ENVIRONMENT), key));
    }
}
