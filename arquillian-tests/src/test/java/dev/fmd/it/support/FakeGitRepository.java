package dev.fmd.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A {@code .git} folder whose HEAD names a branch that only {@code packed-refs} resolves. */
public final class FakeGitRepository {

    /** The commit HEAD resolves to. */
    public static final String COMMIT = "3f9c2e1d4b5a69788796a5b4c3d2e1f0a9b8c7d6";

    private FakeGitRepository() {
    }

    /** @return the {@code .git} folder, created under {@code target/} */
    public static Path create() {
        try {
            Path git = Path.of(System.getProperty("fmd.it.target", "target"), "fake-repository", ".git")
                    .toAbsolutePath();
            Files.createDirectories(git.resolve("refs/heads"));
            Files.writeString(git.resolve("HEAD"), "ref: refs/heads/release/2.1\n");
            Files.writeString(git.resolve("packed-refs"), "# pack-refs with: peeled fully-peeled sorted\n"
                    + COMMIT + " refs/heads/release/2.1\n");
            return git;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
