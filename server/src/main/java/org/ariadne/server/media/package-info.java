/**
 * Media items: their hashes, metadata, visible submissions and links, annotations and bytes; their category
 * by consensus of specialists ({@link org.ariadne.server.media.Categorisation}); and grey JPEG thumbnails and
 * video keyframes, made once and kept encrypted in the media store ({@link org.ariadne.server.media.Thumbnails}).
 */
package org.ariadne.server.media;
