package io.chorus.core.rtp.codec.h264;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.codec.Dimensions;

/**
 * The fields of a sequence parameter set (H.264 section 7.3.2.1.1) up to the picture size: the
 * coded size in macroblocks less the frame cropping, per section 7.4.2.1.1. The fields in between
 * are read only to get past them.
 */
public record H264Sps(int profileIdc, int levelIdc, int spsId, Dimensions size) {
    /** Profiles whose SPS carries chroma format, bit depths and scaling matrices. */
    private static final int[] HIGH_PROFILES = {100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135};
    /** Far above level 6.2's 139264 macroblocks per frame; keeps the arithmetic small. */
    private static final int MAX_MACROBLOCKS_PER_SIDE = 1 << 12;

    /** Parses an SPS NAL unit, its one-byte NAL header included. */
    public static H264Sps parse(byte[] b, int offset, int length) throws MalformedPacketException {
        if (length < 1 || NalUnitTypes.of(b[offset]) != NalUnitTypes.SPS) {
            throw new MalformedPacketException("not an SPS NAL unit");
        }
        RbspBitReader r = new RbspBitReader(b, offset + 1, length - 1);
        int profileIdc = r.bits(8);
        r.bits(8); // constraint flags and reserved bits
        int levelIdc = r.bits(8);
        int spsId = r.unsigned(31, "seq_parameter_set_id");
        int chromaFormatIdc = 1;
        boolean separateColourPlanes = false;
        if (isHighProfile(profileIdc)) {
            chromaFormatIdc = r.unsigned(3, "chroma_format_idc");
            if (chromaFormatIdc == 3) {
                separateColourPlanes = r.flag();
            }
            r.unsigned(6, "bit_depth_luma_minus8");
            r.unsigned(6, "bit_depth_chroma_minus8");
            r.flag(); // qpprime_y_zero_transform_bypass_flag
            if (r.flag()) {
                skipScalingMatrices(r, chromaFormatIdc == 3 ? 12 : 8);
            }
        }
        r.unsigned(12, "log2_max_frame_num_minus4");
        int pocType = r.unsigned(2, "pic_order_cnt_type");
        if (pocType == 0) {
            r.unsigned(12, "log2_max_pic_order_cnt_lsb_minus4");
        } else if (pocType == 1) {
            r.flag(); // delta_pic_order_always_zero_flag
            r.signed(); // offset_for_non_ref_pic
            r.signed(); // offset_for_top_to_bottom_field
            int cycle = r.unsigned(255, "num_ref_frames_in_pic_order_cnt_cycle");
            for (int i = 0; i < cycle; i++) {
                r.signed();
            }
        }
        r.unsigned(); // max_num_ref_frames
        r.flag(); // gaps_in_frame_num_value_allowed_flag
        int widthInMbs = r.unsigned(MAX_MACROBLOCKS_PER_SIDE - 1, "pic_width_in_mbs_minus1") + 1;
        int heightInMapUnits = r.unsigned(MAX_MACROBLOCKS_PER_SIDE - 1, "pic_height_in_map_units_minus1") + 1;
        boolean frameMbsOnly = r.flag();
        if (!frameMbsOnly) {
            r.flag(); // mb_adaptive_frame_field_flag
        }
        r.flag(); // direct_8x8_inference_flag
        int width = widthInMbs * 16;
        int height = (frameMbsOnly ? 1 : 2) * heightInMapUnits * 16;
        if (r.flag()) {
            // Crop offsets count in chroma sample units (or luma pairs of field lines).
            int chromaArrayType = separateColourPlanes ? 0 : chromaFormatIdc;
            int cropUnitX = chromaArrayType == 1 || chromaArrayType == 2 ? 2 : 1;
            int cropUnitY = (chromaArrayType == 1 ? 2 : 1) * (frameMbsOnly ? 1 : 2);
            width -= cropUnitX * (r.unsigned(width, "frame_crop_left_offset")
                    + r.unsigned(width, "frame_crop_right_offset"));
            height -= cropUnitY * (r.unsigned(height, "frame_crop_top_offset")
                    + r.unsigned(height, "frame_crop_bottom_offset"));
            if (width <= 0 || height <= 0) {
                throw new MalformedPacketException("SPS cropping leaves no picture");
            }
        }
        return new H264Sps(profileIdc, levelIdc, spsId, new Dimensions(width, height));
    }

    private static boolean isHighProfile(int profileIdc) {
        for (int p : HIGH_PROFILES) {
            if (p == profileIdc) {
                return true;
            }
        }
        return false;
    }

    /** Section 7.3.2.1.1.1: six 4x4 lists, then 8x8 lists; each delta-coded until a zero repeats the last. */
    private static void skipScalingMatrices(RbspBitReader r, int lists) throws MalformedPacketException {
        for (int i = 0; i < lists; i++) {
            if (!r.flag()) {
                continue;
            }
            int size = i < 6 ? 16 : 64;
            long last = 8;
            long next = 8;
            for (int j = 0; j < size && next != 0; j++) {
                long delta = r.signed();
                if (delta < -128 || delta > 127) {
                    throw new MalformedPacketException("scaling list delta " + delta + " out of range");
                }
                next = (last + delta + 256) % 256;
                last = next == 0 ? last : next;
            }
        }
    }
}
