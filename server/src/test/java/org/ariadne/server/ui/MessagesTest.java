package org.ariadne.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text the pages show is in both languages, and every key a template asks for exists. */
class MessagesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** {@code #{key}} and {@code #{'prefix.' + ...}}: the latter's prefix must start some key. */
    private static final Pattern KEY = Pattern.compile("#\\{'?([a-z0-9.\\-_]+)'?");

    @Test
    void englishAndFrenchHaveTheSameKeys() throws IOException {
        assertThat(load("messages_fr.properties").stringPropertyNames())
                .isEqualTo(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            // notices/ is the public notices' own: four languages from their own labels, not these bundles
            for (Path template : files.filter(Files::isRegularFile).toList()) {
                Matcher used = KEY.matcher(Files.readString(template));
                while (used.find()) {
                    String key = used.group(1);
                    boolean prefix = key.endsWith(".");
                    if (prefix ? keys.stream().noneMatch(k -> k.startsWith(key)) : !keys.contains(key)) {
                        missing.add(template.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources", name));
             Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
