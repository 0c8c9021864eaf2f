package org.ariadne.server.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The second-factor code a sign-in carries, for users who enrolled one: header {@value #HEADER} for API
 * clients, form field {@value #FIELD} on the sign-in page.
 */
record OneTimeCode(String code) {

    static final String HEADER = "X-Ariadne-OTP";
    static final String FIELD = "code";

    /** API clients: the header only, so that an upload's body is never parsed before its sender is known. */
    static OneTimeCode fromHeader(HttpServletRequest request) {
        return new OneTimeCode(request.getHeader(HEADER));
    }

    static OneTimeCode fromForm(HttpServletRequest request) {
        String field = request.getParameter(FIELD);
        return new OneTimeCode(field == null || field.isBlank() ? null : field.strip());
    }
}
