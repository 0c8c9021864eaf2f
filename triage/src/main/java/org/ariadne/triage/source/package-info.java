/**
 * The sources of a triage (seized folders, single files) turned into the ordered items to hash.
 *
 * <p>{@link org.ariadne.triage.source.Sources#walk} hands every
 * {@link org.ariadne.triage.source.SourceItem} to a consumer on the calling thread. A folder's file is
 * named by its path as given, in the order of {@code Files.walk(root).sorted()}, the same on every run.
 * Links are never followed: one leading outside the folder is refused, one staying inside skipped. An
 * unreadable folder or file is refused with the reason; the walk goes on.
 */
package org.ariadne.triage.source;
