/**
 * MD5, SHA-1 and SHA-256 as signal types: exact identity of bytes, the currency of VICS and ICSE hash
 * sets. They apply to every file, decodable or not.
 */
package org.ariadne.hashing.crypto;
