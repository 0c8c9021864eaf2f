/**
 * The exact index for cryptographic hashes (MD5, SHA-1, SHA-256): sorted runs of ids over the keys'
 * bytes, stored once.
 *
 * <p>{@link org.ariadne.index.exact.ExactHashIndex} is the entry point; {@code KeyStore} holds the
 * keys, {@code Run} one sorted run and its lookup.
 */
package org.ariadne.index.exact;
