package dev.fmd.monitor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathTemplateTest {

    @Test
    void idsBecomeBracesAndWordsStay() {
        assertEquals("/api/items/{}", PathTemplate.of("/api/items/42"));
        assertEquals("/api/v2/orders/{}/lines", PathTemplate.of("/api/v2/orders/3f2c1a9e-58b1-4c1e-9a7b-0c6d2e4f8a10/lines"));
        assertEquals("/api/blobs/{}", PathTemplate.of("/api/blobs/deadbeef42"));
        assertEquals("/api/days/{}", PathTemplate.of("/api/days/2026-12-06"));
        assertEquals("/reset/{}", PathTemplate.of("/reset/aZ9kLm2QpR7sT4uV"), "a token-like segment");
        assertEquals("/api/admin", PathTemplate.of("/api/admin"));
        assertEquals("/api/cafe", PathTemplate.of("/api/cafe"), "a short hex-looking word without digits stays");
        assertEquals("/api/reset/{}", PathTemplate.of("/api/reset/[redacted]"), "what the Redactor redacted");
    }

    @Test
    void matrixParametersEmptySegmentsAndOddCharactersGo() {
        assertEquals("/api/nothing/{}/x", PathTemplate.of("/api//nothing/12345/x;jsessionid=ABC123/"));
        assertEquals("/a_b/__/_x_", PathTemplate.of("/a<b/{}/\"x>"), "a client cannot send braces");
        assertEquals("/", PathTemplate.of(""));
        assertEquals("/", PathTemplate.of(null));
    }

    @Test
    void theTemplateIsBoundedWhateverThePath() {
        assertEquals("/a/b/c/d/e/f/g/h/*", PathTemplate.of("/a/b/c/d/e/f/g/h/i/j/k"));
        assertEquals("/{}", PathTemplate.of("/" + "x".repeat(10_000)));
        String wide = PathTemplate.of(("/" + "abcdefghijklmnopqrstuvwxyzabcdefghijklm").repeat(8));
        assertTrue(wide.length() <= PathTemplate.MAX_LENGTH, wide);
        assertTrue(PathTemplate.of("/".repeat(100_000) + "a").length() <= PathTemplate.MAX_LENGTH);
    }

    @Test
    void normalizedPathsKeepTheirIdsForMatching() {
        assertEquals("/api/items/42", PathTemplate.normalized("/api//items/42;v=1/"));
    }
}
