/**
 * The PDQ index: exact search of 256-bit hashes by Hamming radius, by multi-index hashing.
 *
 * <p>{@link org.ariadne.index.pdq.PdqIndex} is the entry point. {@code Substrings} says how hashes are
 * split and why 11 ways; {@code Segment} holds the tables of a range of ids, each a {@code KeyTable}
 * keyed as {@code TableKeys} says; {@code HashStore} the hashes; {@code Query} one search's state and
 * {@code BatchSearch} many searches together; {@code TableKeys} has the rule that reports each match once.
 */
package org.ariadne.index.pdq;
