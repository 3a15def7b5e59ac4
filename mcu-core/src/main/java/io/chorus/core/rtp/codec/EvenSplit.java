package io.chorus.core.rtp.codec;

/**
 * Cuts a length into the fewest pieces of at most a given size, all within one byte of each
 * other, the larger ones first: no runt packet at the end, and the first packet, which carries
 * the headers receivers look at, is never the shorter one.
 */
public final class EvenSplit {
    private EvenSplit() {
    }

    public static int pieces(int length, int maxPiece) {
        return Math.max(1, (length + maxPiece - 1) / maxPiece);
    }

    public static int pieceLength(int length, int pieces, int index) {
        return length / pieces + (index < length % pieces ? 1 : 0);
    }
}
