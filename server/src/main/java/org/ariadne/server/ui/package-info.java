/**
 * The specialists' web pages: server-rendered (Thymeleaf), with htmx for the parts that update in place and
 * small scripts for what needs the pointer or the keyboard (drag and drop, drawing a box, the categorisation
 * grid). The pages read through the features' own services, so every view is checked against the user's
 * agency and audited exactly as the REST API is; scripts change data through the REST API itself.
 *
 * <p>Wellness is the default: thumbnails arrive blurred and in greyscale, revealed on click or while held;
 * videos are muted; a reminder suggests a break; pages that need no imagery load none. All text is in the
 * message bundles ({@code messages*.properties}); the language follows the browser or {@code ?lang=}.
 */
package org.ariadne.server.ui;
