/**
 * Finding known videos fast: {@link org.ariadne.index.vpdq.VpdqIndex} holds the distinct useful frames of
 * every known video in the PDQ multi-index, so that a query video's frames pick out the few candidate
 * videos that share a frame with it; only those are compared in full (vPDQ's published comparison) and
 * given their matched segments. The same frames answer a photo: which known video frames show it.
 *
 * <p>The candidates are exact, not a heuristic: a video that shares no frame within the frame distance
 * with the query has none of its frames found, and so cannot match.
 */
package org.ariadne.index.vpdq;
