package org.ariadne.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Spring application: every feature package below this one is scanned. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ServerApplication {
}
