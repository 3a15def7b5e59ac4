package io.chorus.mixer.codec;

import io.chorus.mixer.audio.AudioFormat;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.MemorySegment;
import jdk.incubator.foreign.ResourceScope;

/**
 * {@link OpusEncoder} on the system's libopus ({@link LibOpus}), with the settings of
 * {@link OpusSettings}. Bitrate changes apply in place (libopus' own control), with no restart of the
 * encoder's state.
 */
final class SystemOpusEncoder implements OpusEncoder {
    private final LibOpus opus;
    /** Shared, not confined: encoders are opened on the room's codec-lifecycle thread and used on its tick. */
    private final ResourceScope scope = ResourceScope.newSharedScope();
    private final MemorySegment pcm;
    private final MemorySegment packet;
    private MemoryAddress state;
    private int bitrate;

    SystemOpusEncoder(LibOpus opus, int bitrateBps) {
        OpusSettings.checkBitrate(bitrateBps);
        this.opus = opus;
        try {
            pcm = MemorySegment.allocateNative(AudioFormat.SAMPLES_PER_FRAME * (long) Short.BYTES, scope);
            packet = MemorySegment.allocateNative(MAX_PACKET_BYTES, scope);
            state = opus.createEncoder(AudioFormat.SAMPLE_RATE, LibOpus.APPLICATION_VOIP);
            opus.set(state, LibOpus.SET_BITRATE, bitrateBps);
            opus.set(state, LibOpus.SET_VBR, 1);
            opus.set(state, LibOpus.SET_VBR_CONSTRAINT, 0);
            opus.set(state, LibOpus.SET_COMPLEXITY, OpusSettings.COMPLEXITY);
            opus.set(state, LibOpus.SET_INBAND_FEC, 1);
            opus.set(state, LibOpus.SET_PACKET_LOSS_PERC, OpusSettings.EXPECTED_LOSS_PERCENT);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.bitrate = bitrateBps;
    }

    @Override
    public int bitrate() {
        return bitrate;
    }

    @Override
    public byte[] encode(short[] frame) {
        ensureOpen();
        OpusSettings.checkFrame(frame);
        pcm.copyFrom(MemorySegment.ofArray(frame));
        int length = opus.encode(state, pcm, frame.length, packet);
        if (length < 0) {
            throw new IllegalStateException("opus_encode failed: " + opus.error(length) + " (" + length + ")");
        }
        return packet.asSlice(0, length).toByteArray();
    }

    @Override
    public void setBitrate(int bitrateBps) {
        ensureOpen();
        OpusSettings.checkBitrate(bitrateBps);
        opus.set(state, LibOpus.SET_BITRATE, bitrateBps);
        bitrate = bitrateBps;
    }

    @Override
    public void close() {
        if (!scope.isAlive()) {
            return;
        }
        if (state != null) {
            opus.destroyEncoder(state);
            state = null;
        }
        scope.close();
    }

    private void ensureOpen() {
        if (state == null) {
            throw new IllegalStateException("encoder is closed");
        }
    }
}
