/**
 * The sources of a triage (seized folders, archives, single files) turned into the ordered items to hash,
 * archives expanded, nested ones too, without trusting anything they contain.
 *
 * <p>{@link org.ariadne.triage.source.Sources#walk} hands every
 * {@link org.ariadne.triage.source.SourceItem} to a consumer on the calling thread: a file on disk, an
 * archive member in memory, a large member spooled to a temporary file, or something refused, with why
 * in words for the report.
 *
 * <h2>Names and order</h2>
 * A folder's file is named by its path as given ({@code seized/photos/x.jpg}); an archive's member by
 * {@code <archive name>!/<member path>}, nested ones likewise ({@code seized/a.zip!/b.tar.gz!/c/d.jpg}),
 * member paths with {@code /}, no leading {@code /} or {@code ./}. A gzip holding a tar is one archive;
 * a gzip of anything else holds one member named after it without {@code .gz}, or {@code content}. The
 * order is the same on every run, which resuming a triage depends on: roots in the order given, a
 * folder's files in the order of {@code Files.walk(root).sorted()}, an archive's members in the order they
 * lie in it, a nested archive's where it is met. An archive gives no item of its own, only its members,
 * unless it is refused.
 *
 * <h2>Safety</h2>
 * <ul>
 * <li>Archives are recognised by their first bytes, never by their names. Nothing is ever extracted by
 * a member's name: members are read into memory, or copied to a file of a name chosen here under the
 * temporary folder, the only place anything is written.</li>
 * <li>Zip slip: a member named absolutely, or with a {@code ..} segment (with either slash), or with a
 * NUL, is refused.</li>
 * <li>Links are never followed. In a folder, a symbolic link leading outside the folder is refused, one
 * staying inside is skipped (what it leads to is walked where it lies); in a tar, or a zip through its
 * central directory, likewise for symbolic and hard links.</li>
 * <li>Archive bombs: every member is counted while it is read, against the
 * {@link org.ariadne.triage.source.SourceLimits}: bytes expanded per top-level archive, nested ones
 * included; expansion ratio, per member and per top-level archive, judged past 1 MiB; nesting depth;
 * entries. A member past a limit is refused, then every archive it is in, from the innermost out, with a
 * refusal saying the rest is not read.</li>
 * <li>Damage: a member that cannot be read is refused, and a streamed archive (tar, gzip, a zip without a
 * readable central directory) ends there with a refusal for the archive; the members handed over before
 * stay. A file that only starts like an archive is refused as a corrupt one; nothing crashes the walk.</li>
 * <li>An unreadable folder or file is refused with the reason; the walk goes on.</li>
 * </ul>
 *
 * <h2>Adding an archive format</h2>
 * Implement {@code ArchiveFormat}: {@code recognises} looks at a file's first
 * {@code ArchiveFormats.HEAD_BYTES} bytes (raise it if the new magic lies further in), {@code read} hands
 * each entry to {@code Members} in the archive's order, with its path as stored and a count of the
 * archive's bytes read for it, and throws on damage. List it in {@code ArchiveFormats}. Names, limits,
 * memory or disk, nesting and refusals are handled on the {@code Members} side, the same for every format.
 * A compressed single stream holding an archive (as gzip holds tar) reads the archive's entries itself,
 * so that they are named after the compressed file, as {@code GzipFormat} does.
 */
package org.ariadne.triage.source;
