package io.chorus.core.rtp.codec.h264;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.codec.Captures;
import io.chorus.core.rtp.codec.Depacketizer;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.PayloadFormats;
import io.chorus.core.rtp.codec.RtpStreams;

/**
 * RTP from FFmpeg's own H.264 packetizer: 96x64 baseline, three access units (IDR, P, IDR), SEI
 * removed, SPS and PPS in band, 200-byte packets. FFmpeg aggregates SPS and PPS in a STAP-A and
 * fragments the IDR slices in FU-A. Made with
 * {@code ffmpeg -f lavfi -i testsrc=size=96x64:rate=30 -frames:v 3 -c:v libx264 -profile:v baseline
 * -x264-params threads=1:keyint=2 -bsf:v filter_units=remove_types=6,dump_extra=freq=keyframe
 * -f tee "[f=rtp:pkt_size=200]rtp://...|[f=h264]ref.264"}; the digests are of ref.264's access
 * units written with four-byte start codes.
 */
class H264FfmpegInteropTest {
    private static final String PACKETS = """
            806007ef5ec36ea5e3a457b91800176742c00ad90626c044000003000400000300f03c489920000568cb83cb20

            806007f05ec36ea5e3a457b97c858884087ff0fed1d14000401fe280014f00223f146647e68faf16fc2b4c2004c2b224
            2c4055446b2d83841d880079e6b3c21c78740e5c2d2fc6e005de9686e6177407f0109e060003779fd7f3fe1022091008
            000d001c06ec08cae0ca89d0da30e011a44819f281857eba6fbfb63e354d83ffffc15e280017e0c0812200016000100f
            9c0b188058960833183820cc46603800160738000419930404000420e2000164c402c4402c41c106620e08331fc0fe25
            8720032345d0252b

            806007f15ec36ea5e3a457b97c05df4001e9c1dfc109bc20581ce08000a0380685300969e13b9bd7f00078d6b6064d75
            014443e1f4a27c378a00053c011ab9607a797dabbb002d69a8cb4d17fec1100708100020002009e2c5858c0191f51333
            c4083b18006700ff576616de80fec4c1e1d87080014e5da3314f6fffc0f16216c879bef1e000442a1c99f44278fdf07e
            f9092b90e92b867cf4cb33ebf287d2182e8005a147431d05886fa3fff014be15ba94212abaa8f00669a46598ba2bf933
            16bb2ba7e9942009

            806007f25ec36ea5e3a457b97c05ce478fcbe0790a5e90f8fec364bd3d8ec911d352ffbf8f0118b94c0cb00061ebabed
            7c3ffffa52c10c001fd9f511a4d97f07c5a5d9e4ac69f069e665f453d72e977fe9bf911582cc64023562337c6000180e
            d29300d4124218e6d8babfffeee0ab252a956775cbffc109045080008051e425152cbbc38843cbfffb5bd824240029cb
            b4354fb3fff78e675e449a67fd2e21f86010e24000a7127f167893f01e4403963b7de1832c4e001f7850030809080008
            08580c1711e3f2c2

            806007f35ec36ea5e3a457b97c05eb2c827c530f2296192401da880e23ab81b8056bc5623f081af0253f9f20100c901c
            b55b8404149141000189c002bb81297343ab0859cb14c2864007ed38326e61447e7885b971fe0180686ebaaf0324072c
            f84210e1410208a0d14628c90684997c4a0f0053e662a5ffe180ef2f103f100f103f01abc2a05de5a75fe0e98daf8480
            0080f700010080800088734493b227d60721125904224b10f072001b01d3396356e047cb8079121d713fc49fc0191e53
            63e1be6037840047

            80e007f45ec36ea5e3a457b97c45fa080300283a57008f2c375d82478a3c007b0abaca2a5864a1c03702000e3707ddfb
            b8a83a6334b7818961008434285314ee054ed8a8c50982f688914b80

            80e007f55ec37a5de3a457b9419a3812e132f926e5afda375628be69249fa37573ea74c0

            806007f65ec38615e3a457b91800176742c00ad90626c044000003000400000300f03c489920000568cb83cb20

            806007f75ec38615e3a457b97c858882029ffc3fb47450003ff14000878032329b21f0305f63bd30ad30804873449620
            2aa4d65b07200d8800b70acf08515903ff72e16ff1b808a8cc2023d06a0979e18003f7f54fe1026050504000600381f7
            0232b86e89d061c023489067ca0c77eba1b46d8d4d9fffff82bc500023c4041a200014000100788163102c471004c60e
            200988cc070002014800010324c101000106f88000513102c440b1071004c41c40131fc0fe2582c8032d50bb8e6d001f
            9c08108814c08000

            806007f85ec38615e3a457b97c0590701a3980a589c5f8f8003ced6c1925d40a743e1f3a27c378a0004380f488109e00
            30dd35393fffec14038c10008001bcd7cb1804aea5e788401b18006703edfb31f8bc1fd8983c3b0e40029cb5a3314f6f
            ffc1c7c10b643dbefc7800130a87267cd12787fdc87fdc900ed721c1dae0a7affdee677e99fdf943e90c174002e28d04
            e8590aedfff80ab832f766727d27802374d6c9a3fe725d36b696101294cf3ef03c8a5e90f8fec36484f9d23286ffb7b1
            e098794c0cb00187

            806007f95ec38615e3a457b97c05dfdee1ffffd296086001be7d26ad97e780c8f6f4accbe0cccbea78a7d7977fe9bf80
            15872cc2699a078c0008bec4c036168c429267d5ffff7688963efe75f96ffb8c3c21213840010a2da83152fc38842cbf
            ffb5bd82d24004d746d723fbd02eceb49733fe2c1d0ffc43f0c021c480012e27f8bf127e0648072c832dfa8f13807de0
            6000222048400587062a8fcb0bacb20b8b832a585280ed4478f570320d4a4fc43df081a78129ffe40201941cb7c2020e
            48e08000c4e001cb

            806007fa5ec38615e3a457b97c05cbcca5da1d5842dcb14c2864007ed34193763813f3c4c5cbff8040002baf5e06480e
            5beb8420870a081065058a3146483514a97c0b8f401493152fff0c037887881f8807881f80d4f0542765bd3b2c48000b
            2f0d0001020000100c41000110a69e17644fac0e4224b202424b10f072003603a672c6af811f0e01e44b375e29fa3e00
            c8f2998f86f980de10010ff4100600502a570038ba586ebb048f146c32010c2aeb28bee3250e01b8100007fbddfabe98
            1d31892ddef85425

            80e007fb5ec38615e3a457b97c45080421a14298a7702a76c546284c17b4448a5c
            """;
    private static final List<String> ACCESS_UNIT_SHA256 = List.of(
            "168bf97bb5ec45855c3265d466aa30f2471186cbbef521e237722758fdc2163b",
            "e4b0842c7e6249051a03e2eb627344502ca9ab575f187a1238e2b41b7b1d3d95",
            "53e43b4d41e9aecbf1543c050e6a63108e2ca88cb967ce2edd72d4c84e584cc1");

    @Test
    void depacketizesFfmpegRtpIntoTheAccessUnitsItEncoded() throws Exception {
        List<RtpPacket> packets = Captures.packets(PACKETS);
        Depacketizer depacketizer = PayloadFormats.depacketizer("H264");
        List<EncodedFrame> frames = RtpStreams.pushAll(depacketizer, packets);
        assertEquals(3, frames.size());
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(ACCESS_UNIT_SHA256.get(i), Captures.sha256(frames.get(i).data()), "access unit " + i);
        }
        assertTrue(frames.get(0).keyFrame());
        assertEquals(96, frames.get(0).width());
        assertEquals(64, frames.get(0).height());
        assertFalse(frames.get(1).keyFrame());
        assertTrue(frames.get(2).keyFrame());
        assertEquals(2031, frames.get(0).firstSequence());
        assertEquals(2036, frames.get(0).lastSequence());
    }

    @Test
    void ourPacketizerCarriesFfmpegsAccessUnitsBackUnchanged() throws Exception {
        List<EncodedFrame> frames = RtpStreams.pushAll(PayloadFormats.depacketizer("H264"), Captures.packets(PACKETS));
        List<RtpPacket> ours = RtpStreams.packetize(new H264Packetizer(200), frames, 0, 200);
        List<EncodedFrame> again = RtpStreams.pushAll(PayloadFormats.depacketizer("H264"), ours);
        assertEquals(3, again.size());
        for (int i = 0; i < again.size(); i++) {
            assertEquals(ACCESS_UNIT_SHA256.get(i), Captures.sha256(again.get(i).data()), "access unit " + i);
        }
    }
}
