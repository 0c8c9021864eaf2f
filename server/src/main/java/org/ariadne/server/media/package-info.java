/** Media items: their hashes, metadata, visible submissions and links, annotations, category and bytes. */
package org.ariadne.server.media;
