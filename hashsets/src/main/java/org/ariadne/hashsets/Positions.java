package org.ariadne.hashsets;

/**
 * Which entry each id of an index belongs to. Ids and entries both count up in loading order, so the
 * list is ascending, and while every entry has the hash the index holds (MD5 in a VICS set, say) each
 * id is its entry's position: that stretch takes no memory at all.
 */
final class Positions {

    /** Ids below this are their own entries' positions. */
    private int identical;
    /** The positions of the ids from {@link #identical} on. */
    private final Column rest = new Column();

    /** Records that the next id (the one the index just gave) belongs to the entry at {@code position}. */
    void add(int position) {
        if (rest.size() == 0 && position == identical) {
            identical++;
        } else {
            rest.add(position);
        }
    }

    int position(int id) {
        return id < identical ? id : (int) rest.get(id - identical);
    }

    /** The id that belongs to the entry at {@code position}, or -1 if the entry has none. */
    int id(int position) {
        if (position < identical) {
            return position;
        }
        int k = rest.search(position);
        return k < rest.size() && rest.get(k) == position ? identical + k : -1;
    }

    long memoryBytes() {
        return rest.memoryBytes() + 16;
    }
}
