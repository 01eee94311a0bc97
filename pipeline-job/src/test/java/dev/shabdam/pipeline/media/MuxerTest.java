package dev.shabdam.pipeline.media;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MuxerTest {
    private static final int RATE = 48_000;
    private static final double AMPLITUDE = 0.25;
    private static final double TONE_HZ = 1000;
    private static final double TONE_FROM_SEC = 1.0;

    /** Stereo: silence, then from 1 s a 1 kHz tone, so both the level and the timing of the dub can be checked. */
    private static float[][] dub(double seconds) {
        float[][] audio = new float[2][(int) (RATE * seconds)];
        for (int i = (int) (RATE * TONE_FROM_SEC); i < audio[0].length; i++) {
            audio[0][i] = (float) (AMPLITUDE * Math.sin(2 * Math.PI * TONE_HZ * i / RATE));
            audio[1][i] = audio[0][i];
        }
        return audio;
    }

    @Test
    void videoIsCopiedUntouchedAndTheDubIsTheAudio(@TempDir Path dir) throws Exception {
        Path input = TestMedia.mp4(dir.resolve("in.mp4"), 4.0);
        Path output = dir.resolve("out.mp4");
        // a dub a little shorter than the video: it is padded out to the video's length
        Muxer.mux(input, dub(3.9), RATE, output, false);

        assertThat(videoPacketHashes(output))
                .isEqualTo(videoPacketHashes(input))
                .hasSize(100);
        assertThat(durationMs(output)).isCloseTo(durationMs(input), within(50L));
        assertThat(audioStreamCount(output)).isEqualTo(1);

        DecodedAudio decoded = new AudioDecoder().decode(output.toFile());
        assertThat(decoded.sampleRate()).isEqualTo(RATE);
        assertThat(decoded.channelCount()).isEqualTo(2);
        // the tone's level after AAC, away from its onset and the file's end
        double level = toneAmplitude(decoded.channels()[0], (int) (1.2 * RATE), (int) (3.6 * RATE));
        assertThat(20 * Math.log10(level / AMPLITUDE)).isCloseTo(0.0, within(1.0));
        // in sync: the tone starts where it was given, within one AAC frame (21 ms)
        assertThat(onsetSec(decoded.channels()[1])).isCloseTo(TONE_FROM_SEC, within(0.021));
    }

    @Test
    void keepOriginalAddsTheOriginalAudioAsSecondTrack(@TempDir Path dir) throws Exception {
        Path input = TestMedia.mp4(dir.resolve("in.mp4"), 2.0);
        Path output = dir.resolve("out.mp4");
        Muxer.mux(input, dub(2.0), RATE, output, true);

        assertThat(videoPacketHashes(output)).isEqualTo(videoPacketHashes(input));
        assertThat(audioStreamCount(output)).isEqualTo(2);
        assertThat(audioPacketHashes(output, 2)).isEqualTo(audioPacketHashes(input, 1));
        assertThat(durationMs(output)).isCloseTo(durationMs(input), within(50L));
    }

    @Test
    void aDubWrittenInBlocksAndAgainIsTheLastOneWritten(@TempDir Path dir) throws Exception {
        Path input = TestMedia.mp4(dir.resolve("in.mp4"), 3.0);
        Path output = dir.resolve("out.mp4");
        try (Muxer muxer = Muxer.open(input, false)) {
            try (AudioSink first = muxer.dubTrack(RATE, 2)) {
                first.write(new DecodedAudio(
                        RATE, new float[2][RATE])); // a first pass, then a second: only the second counts
            }
            try (AudioSink track = muxer.dubTrack(RATE, 2);
                    AudioBlocks blocks = new DecodedAudio(RATE, dub(3.2)).blocks(1_000)) {
                for (DecodedAudio block; (block = blocks.next()) != null; ) {
                    track.write(block);
                }
                track.finish();
            }
            muxer.write(output);
        }

        assertThat(videoPacketHashes(output)).isEqualTo(videoPacketHashes(input));
        assertThat(durationMs(output)).isCloseTo(durationMs(input), within(50L));
        DecodedAudio decoded = new AudioDecoder().decode(output.toFile());
        assertThat(onsetSec(decoded.channels()[0])).isCloseTo(TONE_FROM_SEC, within(0.021));
    }

    private static List<String> videoPacketHashes(Path file) throws Exception {
        return packetHashes(file, avutil.AVMEDIA_TYPE_VIDEO, 0);
    }

    /** {@code index}: the stream's index in the file (the test MP4 has video at 0, audio at 1). */
    private static List<String> audioPacketHashes(Path file, int index) throws Exception {
        return packetHashes(file, avutil.AVMEDIA_TYPE_AUDIO, index);
    }

    private static List<String> packetHashes(Path file, int mediaType, int index) throws Exception {
        List<String> hashes = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            assertThat(grabber.getFormatContext().streams(index).codecpar().codec_type())
                    .isEqualTo(mediaType);
            AVPacket packet;
            while ((packet = grabber.grabPacket()) != null) {
                if (packet.stream_index() == index) {
                    byte[] data = new byte[packet.size()];
                    packet.data().get(data);
                    hashes.add(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
                }
                org.bytedeco.ffmpeg.global.avcodec.av_packet_unref(packet);
            }
        }
        return hashes;
    }

    private static long durationMs(Path file) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            return grabber.getLengthInTime() / 1000;
        }
    }

    private static int audioStreamCount(Path file) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            AVFormatContext context = grabber.getFormatContext();
            int count = 0;
            for (int i = 0; i < context.nb_streams(); i++) {
                count += context.streams(i).codecpar().codec_type() == avutil.AVMEDIA_TYPE_AUDIO ? 1 : 0;
            }
            // the dub is the default track, the original is not
            assertThat(context.streams(1).disposition() & avformat.AV_DISPOSITION_DEFAULT)
                    .isNotZero();
            return count;
        }
    }

    /** Amplitude of the TONE_HZ component over [from, to): a projection on sine and cosine, so noise does not count. */
    private static double toneAmplitude(float[] x, int from, int to) {
        double sin = 0;
        double cos = 0;
        for (int i = from; i < to; i++) {
            double phase = 2 * Math.PI * TONE_HZ * i / RATE;
            sin += x[i] * Math.sin(phase);
            cos += x[i] * Math.cos(phase);
        }
        return 2 * Math.hypot(sin, cos) / (to - from);
    }

    private static double onsetSec(float[] x) {
        int i = 0;
        while (Math.abs(x[i]) < AMPLITUDE / 2) {
            i++;
        }
        return i / (double) RATE;
    }
}
