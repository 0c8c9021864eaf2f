package org.ariadne.server.notices;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.ariadne.server.web.ApiException;

/** The four languages every published notice is in; stored by their ISO 639-1 code. */
public enum Language {
    EN, FR, ES, AR;

    /** The code, also in JSON. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.of(code());
    }

    /** Arabic is written right to left: pages get {@code dir="rtl"}, PDF lines are aligned right. */
    public boolean rightToLeft() {
        return this == AR;
    }

    /** The language of a code; an unknown one is answered as not found (it names a page that does not exist). */
    public static Language of(String code) {
        for (Language language : values()) {
            if (language.code().equals(code)) {
                return language;
            }
        }
        throw ApiException.notFound("language " + code);
    }
}
