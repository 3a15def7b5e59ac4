package io.chorus.mixer.codec;

/** The video codecs the mixer decodes and encodes, with the FFmpeg implementations used for each. */
public enum VideoCodec {
    /** FFmpeg's own VP8 decoder (faster than libvpx's); libvpx to encode. */
    VP8("vp8", "libvpx"),
    /** FFmpeg's H.264 decoder; OpenH264 to encode (constrained baseline, as WebRTC peers expect). */
    H264("h264", "libopenh264");

    private final String decoderName;
    private final String encoderName;

    VideoCodec(String decoderName, String encoderName) {
        this.decoderName = decoderName;
        this.encoderName = encoderName;
    }

    /** Name for {@code avcodec_find_decoder_by_name}. */
    public String decoderName() {
        return decoderName;
    }

    /** Name for {@code avcodec_find_encoder_by_name}. */
    public String encoderName() {
        return encoderName;
    }
}
