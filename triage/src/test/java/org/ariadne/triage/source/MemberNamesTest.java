package org.ariadne.triage.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemberNamesTest {

    @Test
    void namesThatWouldLeaveTheArchiveAreRefused() {
        assertThat(MemberNames.refusal("../x")).startsWith("zip slip refused");
        assertThat(MemberNames.refusal("a/b/../../../x")).startsWith("zip slip refused");
        assertThat(MemberNames.refusal("a\\..\\..\\x")).startsWith("zip slip refused");
        assertThat(MemberNames.refusal("/etc/x")).isEqualTo("zip slip refused: absolute member name");
        assertThat(MemberNames.refusal("\\\\server\\share")).isEqualTo("zip slip refused: absolute member name");
        assertThat(MemberNames.refusal("c:x")).isEqualTo("zip slip refused: absolute member name");
        assertThat(MemberNames.refusal("x\0.jpg")).contains("NUL");
    }

    @Test
    void namesThatOnlyLookOddAreKept() {
        assertThat(MemberNames.refusal("..hidden/x..y/...")).isNull();
        assertThat(MemberNames.refusal("./a/./b")).isNull();
        assertThat(MemberNames.normalise("./a/./b")).isEqualTo("a/b");
        assertThat(MemberNames.normalise("a//b/")).isEqualTo("a/b");
        assertThat(MemberNames.normalise("./")).isEmpty();
        assertThat(MemberNames.normalise("a\\b")).isEqualTo("a\\b");
    }

    @Test
    void aSymbolicLinkIsResolvedFromItsFolderAndAHardLinkFromTheRoot() {
        assertThat(MemberNames.staysInside("a/b/link", "../c", true)).isTrue();
        assertThat(MemberNames.staysInside("a/b/link", "../../c", true)).isTrue();
        assertThat(MemberNames.staysInside("a/b/link", "../../../c", true)).isFalse();
        assertThat(MemberNames.staysInside("a/b/link", "../c", false)).isFalse();
        assertThat(MemberNames.staysInside("link", "x/../../y", true)).isFalse();
        assertThat(MemberNames.staysInside("link", "x/./y/..", true)).isTrue();
        assertThat(MemberNames.staysInside("a/link", "/a/x", true)).isFalse();
        assertThat(MemberNames.staysInside("a/link", "..\\..\\x", true)).isFalse();
    }

    @Test
    void aGzipsSingleMemberIsNamedAfterIt() {
        assertThat(GzipFormat.memberName("notes.txt.gz")).isEqualTo("notes.txt");
        assertThat(GzipFormat.memberName("NOTES.GZ")).isEqualTo("NOTES");
        assertThat(GzipFormat.memberName("blob")).isEqualTo("content");
        assertThat(GzipFormat.memberName(".gz")).isEqualTo("content");
        assertThat(GzipFormat.memberName("...gz")).isEqualTo("content");
    }
}
