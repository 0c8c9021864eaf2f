package org.ariadne.server.store;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    StoreConfiguration() {
        // ImageIO buffers image streams in temporary files by default: decrypted pictures and thumbnails would
        // land in clear in /tmp. Ariadne's pictures are in memory already, so memory it is.
        javax.imageio.ImageIO.setUseCache(false);
    }

    @Bean
    MediaStore mediaStore(@Value("${ariadne.data}") Path data,
                          @Value("${ariadne.store.key-file:}") String keyFile) {
        return new MediaStore(data.resolve("media"), storeKey(data, keyFile));
    }

    @Bean
    SecretBox secretBox(@Value("${ariadne.data}") Path data, @Value("${ariadne.store.key-file:}") String keyFile) {
        return new SecretBox(storeKey(data, keyFile));
    }

    private static javax.crypto.SecretKey storeKey(Path data, String keyFile) {
        Path key = keyFile.isBlank() ? data.resolve("store.key") : Path.of(keyFile);
        return StoreKeys.load(System.getenv(StoreKeys.ENVIRONMENT), key);
    }
}
