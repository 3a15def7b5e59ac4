package io.chorus.mixer.codec;

import static io.chorus.mixer.codec.FfmpegException.checkAllocated;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.javacpp.BytePointer;

/**
 * One AVPacket and one native buffer, reused for every packet a decoder is fed. Decoders may read
 * past the end of the data (bitstream readers fetch whole words), so the buffer always carries
 * FFmpeg's zeroed padding. The packet is not reference-counted: {@code avcodec_send_packet} copies
 * what it keeps, so the buffer may be overwritten by the next call.
 */
final class PacketInput implements AutoCloseable {
    private static final byte[] ZERO_PADDING = new byte[AV_INPUT_BUFFER_PADDING_SIZE];

    private AVPacket packet;
    private BytePointer buffer;
    private int capacity;

    PacketInput(int initialCapacity) {
        packet = Codecs.packet();
        try {
            grow(initialCapacity);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Points the packet at a copy of {@code data[offset, offset + length)}; the buffer grows when needed. */
    AVPacket fill(byte[] data, int offset, int length) {
        if (length > capacity) {
            grow(Math.max(length, capacity * 2));
        }
        buffer.position(0).put(data, offset, length);
        buffer.position(length).put(ZERO_PADDING, 0, ZERO_PADDING.length);
        buffer.position(0);
        packet.data(buffer);
        packet.size(length);
        return packet;
    }

    @Override
    public void close() {
        if (packet != null) {
            packet.data(null);
            Codecs.free(packet);
            packet = null;
        }
        if (buffer != null) {
            av_free(buffer);
            buffer = null;
        }
    }

    private void grow(int newCapacity) {
        BytePointer larger = new BytePointer(checkAllocated(
                av_malloc((long) newCapacity + AV_INPUT_BUFFER_PADDING_SIZE), "av_malloc"));
        if (buffer != null) {
            av_free(buffer);
        }
        buffer = larger;
        capacity = newCapacity;
    }
}
