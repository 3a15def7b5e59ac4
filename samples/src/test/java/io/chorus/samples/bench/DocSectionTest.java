package io.chorus.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DocSectionTest {
    @Test
    void replacesOnlyItsOwnSection() {
        String doc = "# Benchmarks\n\n<!-- a:start -->\nold a\n<!-- a:end -->\n\nby hand\n\n<!-- b:start -->\nb\n<!-- b:end -->\n";
        assertEquals("# Benchmarks\n\n<!-- a:start -->\nnew a\n<!-- a:end -->\n\nby hand\n\n<!-- b:start -->\nb\n<!-- b:end -->\n",
                DocSection.replace(doc, "a", "new a\n"));
    }

    @Test
    void appendsAMissingSection() {
        assertEquals("# Benchmarks\n\n<!-- c:start -->\nc\n<!-- c:end -->\n", DocSection.replace("# Benchmarks\n", "c", "c\n"));
        assertEquals("text\n\n<!-- c:start -->\nc\n<!-- c:end -->\n", DocSection.replace("text", "c", "c\n"));
    }

    @Test
    void anEndBeforeItsStartIsNotASection() {
        String doc = "<!-- a:end -->\n<!-- a:start -->\n";
        assertEquals(doc + "\n<!-- a:start -->\nx\n<!-- a:end -->\n", DocSection.replace(doc, "a", "x\n"));
    }
}
