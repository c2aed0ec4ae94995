package dev.fmd.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the commit a git working copy is on, straight from its {@code .git} folder (no git binary needed):
 * {@code HEAD} either names a ref, which is resolved from its loose file or from {@code packed-refs}, or holds the
 * commit itself (detached HEAD). A {@code .git} file of a worktree or submodule ({@code gitdir: ...}) is followed.
 * <pre>
 * String version = GitHead.commitOf(Path.of("/app/.git"));   // "3f9c2e1..."
 * </pre>
 */
public final class GitHead {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
    private static final String REF_PREFIX = "ref:";
    private static final String GITDIR_PREFIX = "gitdir:";

    private GitHead() {
    }

    /**
     * @param gitDir the {@code .git} folder (or {@code .git} file of a worktree)
     * @return the full commit id HEAD points to
     * @throws IOException when the folder is not a readable git folder or HEAD cannot be resolved
     */
    public static String commitOf(Path gitDir) throws IOException {
        Path dir = resolveGitDir(gitDir);
        String head = firstLine(dir.resolve("HEAD"));
        if (!head.startsWith(REF_PREFIX)) {
            return requireCommit(head, dir.resolve("HEAD"));
        }
        String ref = head.substring(REF_PREFIX.length()).trim();
        Optional<String> commit = looseRef(dir, ref).or(() -> packedRef(dir, ref)).or(() -> commonDirRef(dir, ref));
        return commit.orElseThrow(() -> new IOException("HEAD points to " + ref + ", which is neither in "
                + dir.resolve(ref) + " nor in " + dir.resolve("packed-refs")));
    }

    private static Path resolveGitDir(Path gitDir) throws IOException {
        if (Files.isRegularFile(gitDir)) {
            String line = firstLine(gitDir);
            if (!line.startsWith(GITDIR_PREFIX)) {
                throw new IOException(gitDir + " is a file but not a 'gitdir:' pointer");
            }
            Path target = Path.of(line.substring(GITDIR_PREFIX.length()).trim());
            return gitDir.toAbsolutePath().getParent().resolve(target).normalize();
        }
        if (!Files.isRegularFile(gitDir.resolve("HEAD"))) {
            throw new IOException(gitDir + " is not a git folder: it has no HEAD file");
        }
        return gitDir;
    }

    private static Optional<String> looseRef(Path dir, String ref) {
        Path file = dir.resolve(ref);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(requireCommit(firstLine(file), file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> packedRef(Path dir, String ref) {
        Path packed = dir.resolve("packed-refs");
        if (!Files.isRegularFile(packed)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(packed, StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.startsWith("#") || line.startsWith("^")) {
                    continue;
                }
                int space = line.indexOf(' ');
                if (space > 0 && line.substring(space + 1).trim().equals(ref)
                        && COMMIT.matcher(line.substring(0, space)).matches()) {
                    return Optional.of(line.substring(0, space));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A worktree keeps its branches in the main repository, named by its {@code commondir} file. */
    private static Optional<String> commonDirRef(Path dir, String ref) {
        Path commonDirFile = dir.resolve("commondir");
        if (!Files.isRegularFile(commonDirFile)) {
            return Optional.empty();
        }
        try {
            Path common = dir.resolve(firstLine(commonDirFile)).normalize();
            return looseRef(common, ref).or(() -> packedRef(common, ref));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String requireCommit(String value, Path file) throws IOException {
        if (!COMMIT.matcher(value).matches()) {
            throw new IOException(file + " does not hold a commit id: '" + value + "'");
        }
        return value;
    }

    private static String firstLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(file + " is empty");
        }
        return lines.get(0).trim();
    }
}
