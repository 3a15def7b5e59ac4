package io.chorus.core.rtp.codec.vp8;

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
 * RTP from FFmpeg's own VP8 packetizer (descriptor with a 15-bit picture id): 96x64, three frames
 * (key, inter, key), 300-byte packets. Made with
 * {@code ffmpeg -f lavfi -i testsrc=size=96x64:rate=30 -frames:v 3 -c:v libvpx -g 2 -threads 1
 * -f tee "[f=rtp:pkt_size=300]rtp://...|[f=ivf]ref.ivf"}; the digests are of ref.ivf's frames.
 */
class Vp8FfmpegInteropTest {
    private static final String PACKETS = """
            80600132d6b01ecbc9e65a1190808000f025009d012a600040000007088585888584880202032e8703f80fe00f5a2590
            e6df863fac5fe03e5029ffc9fecd7ea57f4fe47d2b3d32fceff0dbfb37bcfff01f873f2cfcc13f487fb57e2af68df303
            fc97f9a7f77ff01efafe807ffffa80ff8efe81eb01fdbbd807d007f49fd21ffd7ff89f85dfd93fef5fdd3d8cf3447f89
            7e1dfdb37a5dfd0ff0dff6a3a6dbd3bfdb3df01cc3fd53fb37e4e7edbffb3d403fd8bf183f27b389be4bfce7f1bbf303
            d0cff00794cff1035d37f1efc22f72bfe53f283f80fa23ffa6fe5ff011fc17f93ff60fe91fb03fdabfeff280fe8a78f7
            8e547ad431f49b29adfb370cc4b2cda7cd02adda78498c1ddff256f688dd73f2da24a27ffe1e24acd0271afea5044d19
            a677c0cdae53c79b81c4e587

            80600133d6b01ecbc9e65a1180808000c7b9ed7b1dfb5f006f7e6d5fbdf9a7b7590152838ed8f68ebb95eac680fe5f26
            d98ec755945c2df6de88fbb7ff97abe78c998bf9e430909fe962c16aa82fa9573b9381cf06273c44004336c99059bc24
            a3eb873fbd70a3d293f70bfef402ee5c66e60a5d8c0d6a09489fb0b9a965c6a96eeb08d528b5885cf495a601780113eb
            424f306a91f03e78c735c03699c6fb4ba1222db1a7b0e026d418c089c1fff0a747dfe059e85c36a0168c08e528526bd2
            16cc1e3f678c2a56462c1e92e7a2b8e6099c4dd50880a1a44eb49209d7240be20f988256d3904abf1c54a8dc14311d8d
            b6f06f6acb2e2b67c3ab14fd7e1328a23256bf70b651082872fba2191f3b659691f4585c19ae33b24ee84ec0816786da
            a9fa45333142784e7c40ff81

            80600134d6b01ecbc9e65a11808080007d8bab58ee9aa978c38f4d0566359c6acb62d8e48a1e717c9851423fc3c206f2
            4f8d5e3b163220dde57f9ec3806e7fe573ffe6e198d4c8affada927704a1ebadb3e79b84df0afd69d8ffdaa898e9d5fd
            b4b20b95776c660bb9ac35c7a3fe90e296492a5c74d644f0c1e8aa4875e4579296999936cb6e361d162c27510d2af873
            dfda769ffcc4dc5bc0541b95a1612f2fe74c48ac23fce98f086e2ff8eac64a676a5ff8eac13ed1b94956e0c3d992870a
            d2fcf7e6fd90939685a32bf37f95b8e2e2e124b824e570afc952c2f4cffc593591fccaf77f03a8aaa333dbe0befc1a1c
            9a8fb6cc3f60403a858dde15b4936cb89725f2846e9c0286b5945008578753b83df527dd42970f1aedeaa60eab07e119
            fe294147671101dcc70fbbe2

            80600135d6b01ecbc9e65a118080800033a80fae9c0062fae9c00b6733dd6bf47844e53adb8c0f2edd04861308d3ef53
            f5a185fbe5fd379adbf43841503c4bf526586106cf8164427e84b0856529762a65584f1bd5bf3fcb1c9af35fb7e10fd6
            c61e1cc3a51da80177bc8c237cc7a0b439b7dc0a0a81f25727fd4e1e260641e3d94935b03464f6891ee8fa2241c8a17d
            1a3997626d608ea674e2102aacc167d5d3d5ec224e49441f24821b6230b799f982e40ffe413b15b72902674e397d9211
            ba4889975bd1e61d5d5e3f554f14b4f677db60c47d292be2d65253a9952e960e8d81b7849e55029297f34aefbbec8dc3
            9ad222bd184df8a803f885604c33bc9acb8d58e9f50b494d3ba2082cfd9b5db537c2304115fa283da40fdf26866abb4c
            1ce27a4fde75e3a545bd3220

            80600136d6b01ecbc9e65a1180808000973b461282cb059c12ff4268304fcc97eefaeef9234b5635579659874a468132
            011247480fa5a2b0daeb8c935eb6fcf5de7e833e0bcafe5056f5a9eaff2bc657a3191714ff1e95c58d55344bc99d1a92
            8cac0c7e71a05f7b9798d288c6fffc6a2d37cd9e1803d47cb6b77e477c7a5da601c8a809d5b9d09c3ea9333f8fd52dcc
            469f0e586a58e36eed28c2ab41ba0d2118b9242813bb46fdfcc5d965f14a4eaae9b9d6c1c71f40736dfc945b14354d46
            52f75ddb8132889c63ab6e47381051ce04147381051c952cb5dd90b458eef9f57d3ffe3318d520e58636670b60b49142
            b0c3389c40b180e27db472284c7fe265f4d1663b420c416719ee78a5d811fa654fbe7f9fde590dd227a0c36094dbb4e2
            c4d2aa386974037fa385daa7

            80e00137d6b01ecbc9e65a1180808000323e7e273ba739d194f7f5ef04433ceba3c29a79642f941acd418159362188ef
            ab0e52ac7cfff94916e3a3d5d9157e524263fa055c0fc07a0e75f44cd21b2f1de9f4176f8bd193f0d0766d83534eb22d
            51a04899802be8588cd05dc0e1a56c87ccd0e406a8b0709d28fd0f2b44d8ae0bfec56fbafcba2c1ffff3480476cbb933
            a4874d26b6cde8992c71b47eeee1c87c7fff389f8cbe7fd30a04304929cb9cfb3fce970c169f20aa403388516568e3f6
            87c4130b8d3c61c9352000

            80e00138d6b02a83c9e65a11908080015102000710ac001808bae2da048edc12618dfd2a90fbcf37910d938f2a9514e6
            5a5000

            80600139d6b0363bc9e65a11908080023026009d012a60004000004708858588858488020203351703f80fe00f5815a2
            e71f853faabfe4be5029ffc5bed5fea57f4fe47d2b9d38fccff103fb5fbd8ff0ff873f2c7ed57dc13f48bfbb7e1ef68d
            f303fc83fa07f6eff01efade807ffffa80ff92fe81eafdfdc7d807d007f49fd213fd87f8cf85bfd9aff01fdd3d8bf344
            3f88fe1bfdaafa4ffd1bf11bf6e7a6dbd4ffd8ed015f5dfed3f939fb6ffecf503ff5efc55fc92ce14f94ff3efc6efcc0
            f433fc01e533fc40d737fc7bf08bdc97f9cfc92fe81ef9be54ff47fc97e027f827f27febffd0bf603fb57fdfe501fd14
            f1ef1ca8f5a863e936535bf66e1989659b4f9a055bb4f093183bbfe4aded11bae7e5b44944fffc3c4959a04e35fd4a08
            9a334cef819b5ca78f370bda

            8060013ad6b0363bc9e65a118080800291b450d80eca1daa9aa67eca35719fd1686d1bc809efc658f5b74279232000fe
            4ff4308fd03bdde1f0f682a626c4d060f164cbeb8a2f1ac7616fe9725cf079ebb32b304fba820184ea0269cddd00774d
            0efbf55c6c7a1793a28cafcb1c33f54c9feb3cf0b85d264c79cec5ffe9f737c60fab333783041dbd5f41382149556711
            daa31d0230028aabe50e38755dbfc85b9d7dbc64592755d52ba644189d9e15c4e73dee6dd2d8f507fb0c5d5756d9b5c4
            fda8e9f81f5005a62c34614ca56588f231d18c986daa8f375ca749fae1476ea699a3f26801a5a40d3e9b5e33e0cbb15f
            36a077cb1b0c8df3699f4befef04b11b228bd472c6fc89b7c442db396fff6d34f3ed3e6d3db4dd0973006a7a6d665e0d
            80ab3a714fc0577121d6a9de

            8060013bd6b0363bc9e65a11808080021eb03ebc43be59a52a7f0a9f7753fb502ffb98739b97e035e12bb66a5e1ecdbd
            04dc91f61158990d0e363ff9ec35978ff2b9fe0d9f592d0fc414b509db16cfc7d6cd4fecc87e2cba4b0a2fa9eb941c73
            a0a27168f45199d13a14b561fbae0d89e14d6bfebc6bfb6844bcc3f28faf2fadee209b97c22d5c208e640d6cc484f4bb
            86af37d8a7ff31383fc55aa2d9864b6da3fce98a71417f9d31ff3c17ff1d58c8fb928bff1d5827da2f07203c125c91a4
            e114e5a646e6f6c672cfbda2fe525bef17d1a15c4c0c937937d7f20f1aabff164b643240ef69c0eabca8c30ce275b5c7
            a12ca1c17ea782edb01e34db4016028132261b8e9e6c6165dc9fbebb865150a7f4abab4937a1ddade2af7397c0c5954c
            a1f3148e69f771fafc040ac5

            8060013cd6b0363bc9e65a1180808002316d9fa389fe002d7319f002b9ed35bbaa561e52f5821c757d2ae7f93d8b4001
            5dfd685f707d9e273e5fc1cc0f75c8361bac5b586d27c831ebbbd853504fb6555e60e0536a2a6f3d6eafb88e11fe3261
            3026f11e2ae7c93f7b5b8264b30c65ef0effb75a4dbfbb7a20b972c47fd4e2c25ffd4b7e80a55503ed70b7570747d0fc
            fe20a0541806e9e9cde66357860fed0f57d6307ddff5d63f0ecfdf0ae899cb8f597c5bb088ce410fe413b1266aad1961
            29991c91651d5ab5616df467ee63ab5d1fb72eb46ca951ab974bd9fa86d0714687ddf6385da3da7c8c9915147b269495
            b0502f4bd7fb3f9b99cb115b4363d0fdb6885263da255427ef85887d600309e3ccf951d552782c40a44293586b950e80
            774b5579379fc887676ab662

            8060013dd6b0363bc9e65a1180808002f42f599af1471d1eba0ba67dd07bdee0e62662d47ca6596fd5244fd6ed6f8168
            63f8b656c33b295405953a1112ed8aed663b0e527a9e7018795c5b6a9737117b9a885b37774902d7e5b106128f366a1c
            8c6199849f07529d8b7d20c1beb5a1f6035a7b534abee2501990a9f912885e504722e20cdef27bb1cd31e0cdbb576256
            ca03090e99cf1137c000ec26c0cddc5e4f59740396cc3b2ff216253e9b955b1be4fe31188dc7089afa2fcb5f882ba7c5
            53b5902e8a6ebfa6478aa0c2e651bfc8a5d0c15c27501e0fc8c3c1f4f6c2e98ff0d33ee036c1ef7ba61b701e55d6b980
            6fdd5d9c4bdf575da469a2d4aa591b51001e25545a98e3d044c6392dfa342dad1da051cecb6f1239521ff781282a08e2
            07135ddf5d124c13175ee1a8

            80e0013ed6b0363bc9e65a11808080025948c3c4a72a0aa03e6649b2e1e6a80c8f43f2c3effc205938ff9bf670c23945
            d7047502090d4eab67f589a204025767cee27e0ef48f2fe225e164f2495f9a826bf33fdee45e391ebed3f6b1f8e8313b
            211c48cf2d95147eb75bbc1c17c864ce13f6e973d56f490146d1f195a0a892e4373bb89ccae023dbfc9da4b75dd3647f
            ff5a413bc3cc26b981c73a93c11418d4dad5705a14fffff9c51922e487ec9c6fce950cf20310e782adeffc70e0629dcc
            f8fa1641fc75fd678476aba66423b70800
            """;
    private static final List<String> FRAME_SHA256 = List.of(
            "495efeae73567c2896850f7dfa6724404347236e1c2df510322394070ef5bcb0",
            "306dbfa7f524ca924ada7747a287845cf5e3ed5fca15467bd21765a7ed94d8b9",
            "c4196700bd5eaa6b3e35ab89e6e4f904fd2c229992337304d6d087fb02210a58");

    @Test
    void depacketizesFfmpegRtpIntoTheFramesItEncoded() throws Exception {
        List<RtpPacket> packets = Captures.packets(PACKETS);
        Depacketizer depacketizer = PayloadFormats.depacketizer("VP8");
        List<EncodedFrame> frames = RtpStreams.pushAll(depacketizer, packets);
        assertEquals(3, frames.size());
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(FRAME_SHA256.get(i), Captures.sha256(frames.get(i).data()), "frame " + i);
        }
        assertTrue(frames.get(0).keyFrame());
        assertEquals(96, frames.get(0).width());
        assertEquals(64, frames.get(0).height());
        assertFalse(frames.get(1).keyFrame());
        assertTrue(frames.get(2).keyFrame());
    }

    @Test
    void readsFfmpegsDescriptors() throws Exception {
        RtpPacket first = Captures.packets(PACKETS).get(0);
        Vp8Descriptor d = Vp8Descriptor.parse(first.buffer(), first.payloadOffset(), first.payloadLength());
        assertEquals(Vp8Descriptor.withPictureId(true, 0), d);
    }
}
