/**
 * Offline triage: every file of a seized folder or archive hashed and matched against the hash sets
 * loaded, each given a verdict ({@code known}, {@code similar}, {@code unknown}, {@code error}), and the
 * reports a field investigator reads and the contribution an agency sends back.
 */
package org.ariadne.triage;
