/** The shared conformance suite that holds every index to brute force. */
package org.ariadne.index.testing;
