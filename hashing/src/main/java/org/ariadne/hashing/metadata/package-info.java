/**
 * The clues a file carries about its making (camera and lens serial numbers, time, place, software),
 * read from EXIF, XMP and IPTC without ever failing a file. They link series across agencies: the same
 * camera body in two cases is a lead.
 */
package org.ariadne.hashing.metadata;
