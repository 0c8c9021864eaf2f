package org.ariadne.server.ui;

/** Page numbers from the address bar: never negative, never so large that an offset overflows. */
final class Pages {

    /** Far beyond any real list (a million pages), and page times the largest page size stays an int. */
    static final int LAST = 1_000_000;

    private Pages() {
    }

    static int current(int asked) {
        return Math.clamp(asked, 0, LAST);
    }
}
