package dev.fmd.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitHeadTest {

    private static final String A = "0123456789abcdef0123456789abcdef01234567";
    private static final String B = "fedcba9876543210fedcba9876543210fedcba98";

    @TempDir
    Path dir;

    @Test
    void followsHeadToALooseRef() throws IOException {
        Path git = git("ref: refs/heads/main\n");
        write(git.resolve("refs/heads/main"), A + "\n");
        assertEquals(A, GitHead.commitOf(git));
    }

    @Test
    void readsARefThatOnlyPackedRefsHas() throws IOException {
        Path git = git("ref: refs/heads/release/1.0\n");
        write(git.resolve("packed-refs"), "# pack-refs with: peeled fully-peeled sorted\n" + B
                + " refs/heads/main\n" + A + " refs/heads/release/1.0\n^" + B + "\n");
        assertEquals(A, GitHead.commitOf(git));
    }

    @Test
    void looseRefWinsOverPackedRefs() throws IOException {
        Path git = git("ref: refs/heads/main\n");
        write(git.resolve("packed-refs"), B + " refs/heads/main\n");
        write(git.resolve("refs/heads/main"), A + "\n");
        assertEquals(A, GitHead.commitOf(git));
    }

    @Test
    void detachedHeadHoldsTheCommit() throws IOException {
        assertEquals(B, GitHead.commitOf(git(B + "\n")));
    }

    @Test
    void followsTheGitdirFileOfAWorktree() throws IOException {
        Path main = git("ref: refs/heads/main\n");
        Path worktreeGit = main.resolve("worktrees/feature");
        write(worktreeGit.resolve("HEAD"), "ref: refs/heads/feature\n");
        write(worktreeGit.resolve("commondir"), "../..\n");
        write(main.resolve("refs/heads/feature"), B + "\n");
        Path checkout = dir.resolve("feature-checkout");
        write(checkout.resolve(".git"), "gitdir: " + worktreeGit + "\n");
        assertEquals(B, GitHead.commitOf(checkout.resolve(".git")));
    }

    @Test
    void explainsAFolderThatIsNotAGitFolder() {
        IOException e = assertThrows(IOException.class, () -> GitHead.commitOf(dir));
        assertTrue(e.getMessage().contains("no HEAD"), e.getMessage());
    }

    @Test
    void explainsARefThatResolvesNowhere() throws IOException {
        Path git = git("ref: refs/heads/gone\n");
        IOException e = assertThrows(IOException.class, () -> GitHead.commitOf(git));
        assertTrue(e.getMessage().contains("refs/heads/gone"), e.getMessage());
    }

    private Path git(String head) throws IOException {
        Path git = dir.resolve("repo/.git");
        write(git.resolve("HEAD"), head);
        return git;
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
