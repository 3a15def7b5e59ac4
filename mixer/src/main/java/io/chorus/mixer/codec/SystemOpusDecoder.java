package io.chorus.mixer.codec;

import io.chorus.mixer.audio.AudioFormat;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.MemorySegment;
import jdk.incubator.foreign.ResourceScope;

/**
 * {@link OpusDecoder} on the system's libopus ({@link LibOpus}). Concealment asks libopus for exactly
 * the missing duration, rounded up to the 2.5 ms it works in; the rounding's few extra samples are
 * dropped.
 */
final class SystemOpusDecoder implements OpusDecoder {
    /** libopus conceals in multiples of 2.5 ms. */
    private static final int CONCEALMENT_GRANULE = AudioFormat.SAMPLE_RATE / 400;
    /** Holds any packet that fits an RTP payload over Ethernet; a longer one grows it. */
    private static final int INITIAL_PACKET_BYTES = 1500;

    private final LibOpus opus;
    /** Shared, not confined: a decoder may be opened on one thread and used on a room's tick. */
    private final ResourceScope scope = ResourceScope.newSharedScope();
    private final MemorySegment pcm;
    private ResourceScope packetScope = ResourceScope.newSharedScope();
    private MemorySegment packet;
    private MemoryAddress state;
    private long corruptPackets;

    SystemOpusDecoder(LibOpus opus) {
        this.opus = opus;
        try {
            pcm = MemorySegment.allocateNative(MAX_SAMPLES * (long) Short.BYTES, scope);
            packet = MemorySegment.allocateNative(INITIAL_PACKET_BYTES, packetScope);
            state = opus.createDecoder(AudioFormat.SAMPLE_RATE);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public int decode(byte[] data, int offset, int length, short[] out) {
        ensureOpen();
        int samples = OpusSettings.packetSamples(data, offset, length, out);
        if (samples < 0) {
            corruptPackets++;
            return 0;
        }
        if (length > packet.byteSize()) {
            growPacket(length);
        }
        packet.copyFrom(MemorySegment.ofArray(data).asSlice(offset, length));
        int decoded = opus.decode(state, packet, length, pcm, samples);
        if (decoded < 0) {
            corruptPackets++;
            return 0;
        }
        copyOut(out, 0, decoded);
        return decoded;
    }

    @Override
    public int conceal(short[] out, int samples) {
        ensureOpen();
        OpusSettings.checkConceal(out, samples);
        int filled = 0;
        while (filled < samples) {
            int wanted = Math.min(samples - filled, MAX_SAMPLES);
            int step = Math.min(MAX_SAMPLES, (wanted + CONCEALMENT_GRANULE - 1) / CONCEALMENT_GRANULE * CONCEALMENT_GRANULE);
            int concealed = opus.decode(state, packet, 0, pcm, step);
            if (concealed < wanted) {
                throw new IllegalStateException("libopus concealed " + concealed + " of " + step + " samples"
                        + (concealed < 0 ? ": " + opus.error(concealed) : ""));
            }
            copyOut(out, filled, wanted);
            filled += wanted;
        }
        return samples;
    }

    @Override
    public long corruptPackets() {
        return corruptPackets;
    }

    @Override
    public void close() {
        if (!scope.isAlive()) {
            return;
        }
        if (state != null) {
            opus.destroyDecoder(state);
            state = null;
        }
        packetScope.close();
        scope.close();
    }

    private void copyOut(short[] out, int at, int samples) {
        MemorySegment.ofArray(out).asSlice(at * (long) Short.BYTES, samples * (long) Short.BYTES)
                .copyFrom(pcm.asSlice(0, samples * (long) Short.BYTES));
    }

    private void growPacket(int length) {
        ResourceScope larger = ResourceScope.newSharedScope();
        MemorySegment grown = MemorySegment.allocateNative(Math.max(length, 2 * packet.byteSize()), larger);
        packetScope.close();
        packetScope = larger;
        packet = grown;
    }

    private void ensureOpen() {
        if (state == null) {
            throw new IllegalStateException("decoder is closed");
        }
    }
}
