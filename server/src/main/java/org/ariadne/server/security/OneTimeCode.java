package org.ariadne.server.security;

import jakarta.servlet.http.HttpServletRequest;

/** The second-factor code a request carries, for users who enrolled one: header {@value #HEADER}. */
record OneTimeCode(String code) {

    static final String HEADER = "X-Ariadne-OTP";

    static OneTimeCode of(HttpServletRequest request) {
        return new OneTimeCode(request.getHeader(HEADER));
    }
}
