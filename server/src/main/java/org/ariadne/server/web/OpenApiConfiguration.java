package org.ariadne.server.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's front page, served at {@code /api/docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI ariadneApi() {
        return new OpenAPI().info(new Info().title("Ariadne API").version("1")
                .description("The shared image and video database for victim identification. Sign in with HTTP "
                        + "Basic (and header X-Ariadne-OTP once a second factor is enrolled). Errors are JSON: "
                        + "{\"code\": ..., \"message\": ...}. Another agency's data answers as not found."));
    }
}
