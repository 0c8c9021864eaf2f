/**
 * The media store: every submitted file's bytes, once per content (named by SHA-256), encrypted at rest with
 * AES-256-GCM in segments (a multi-gigabyte video streams through in constant memory). The key comes from
 * {@code ARIADNE_STORE_KEY} or a key file ({@code <data>/store.key} by default, created on first start).
 */
package org.ariadne.server.store;
