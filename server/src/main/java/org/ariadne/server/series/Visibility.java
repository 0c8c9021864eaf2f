package org.ariadne.server.series;

/**
 * The one definition of what an agency may see, as SQL fragments with a named parameter {@code :agency}.
 * Every query that returns series or media to a user includes one of these (each begins with a space, so
 * that it can follow {@code and} directly), so that sharing is decided in one place and in the database (no row another agency may not see is ever loaded).
 *
 * <ul>
 *   <li>A series is visible to its owner, to every member when shared with all, and to the agencies it
 *       lists when shared with a list.</li>
 *   <li>A media item is visible to an agency that submitted it, and to whoever may see a series it was
 *       submitted in.</li>
 *   <li>A case is its owner's only.</li>
 * </ul>
 */
public final class Visibility {

    /** True for a row {@code s} of {@code series} that {@code :agency} may see. */
    public static final String SERIES = " " + """
            (s.agency_id = :agency or s.sharing = 'all'
             or (s.sharing = 'listed' and exists (select 1 from series_grant g where g.series_id = s.id and g.agency_id = :agency)))""";

    /** True for a row {@code m} of {@code media} that {@code :agency} may see. */
    public static final String MEDIA = " " + """
            exists (select 1 from submission v left join series s on s.id = v.series_id
                    where v.media_id = m.id and (v.agency_id = :agency or (s.id is not null and""" + SERIES + ")))";

    private Visibility() {
    }
}
