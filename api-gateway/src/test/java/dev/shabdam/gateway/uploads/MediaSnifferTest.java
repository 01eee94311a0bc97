package dev.shabdam.gateway.uploads;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MediaSnifferTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        // hex of the first bytes (ASCII spelled out), extension, video?
        "52494646 24000000 57415645, wav, false",
        "52494646 24000000 41564920, avi, true",
        "664C6143 00000022, flac, false",
        "4F676753 0002, ogg, false",
        "494433 04000000, mp3, false",
        "FFFB 9064, mp3, false",
        "FFF1 5080, aac, false",
        "00000020 66747970 4D344120, m4a, false",
        "00000018 66747970 69736F6D, mp4, true",
        "00000014 66747970 71742020, mov, true",
        "1A45DFA3 9F4282 847765626D, webm, true",
        "1A45DFA3 A34282 886D6174726F736B61, mkv, true",
        "464C5601 05, flv, true"
    })
    void recognisesContainers(String hex, String extension, boolean video) {
        byte[] header = HexFormat.of().parseHex(hex.replace(" ", ""));
        assertThat(MediaSniffer.sniff(header)).hasValue(new MediaFormat(extension, video));
    }

    @ParameterizedTest
    @CsvSource({"hello world", "{\"json\": true}", "%PDF-1.7"})
    void refusesWhatIsNotMedia(String text) {
        assertThat(MediaSniffer.sniff(text.getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void recognisesTransportStreamsByRepeatedSyncBytes() {
        byte[] ts = new byte[MediaSniffer.HEADER_BYTES];
        ts[0] = 0x47;
        ts[188] = 0x47;
        ts[376] = 0x47;
        assertThat(MediaSniffer.sniff(ts)).hasValue(new MediaFormat("ts", true));
        ts[376] = 0;
        assertThat(MediaSniffer.sniff(ts)).isEmpty();
    }

    @TempDir
    Path dir;

    /** Files as FFmpeg writes them, sniffed from their first {@link MediaSniffer#HEADER_BYTES} as an upload is. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a.mp4  | m4a  | false | -f lavfi -i sine=d=1 -c:a aac -movflags +faststart",
                "a.m4a  | m4a  | false | -f lavfi -i sine=d=1 -c:a aac",
                "a.webm | webm | false | -f lavfi -i sine=d=1 -c:a libopus",
                "a.mka  | mka  | false | -f lavfi -i sine=d=1 -c:a flac",
                "v.mp4  | mp4  | true  | -f lavfi -i testsrc=d=1:s=64x48 -f lavfi -i sine=d=1 -c:v mpeg4 -c:a aac -movflags +faststart -shortest",
                "v.mkv  | mkv  | true  | -f lavfi -i testsrc=d=1:s=64x48 -f lavfi -i sine=d=1 -c:v mpeg4 -c:a flac -shortest",
                "v.webm | webm | true  | -f lavfi -i testsrc=d=1:s=64x48 -c:v libvpx"
            })
    void audioInsideMp4OrMatroskaIsAudio(String name, String extension, boolean video, String arguments)
            throws Exception {
        Path file = ffmpeg(name, arguments);
        assertThat(MediaSniffer.sniff(header(file))).hasValue(new MediaFormat(extension, video));
    }

    @Test
    void anMp4WhoseTrackListFollowsItsMediaCannotBeToldFromItsFirstBytesAndCountsAsVideo() throws Exception {
        Path file = ffmpeg("late-moov.mp4", "-f lavfi -i sine=d=30 -c:a aac -b:a 128k");
        assertThat(Files.size(file)).isGreaterThan(MediaSniffer.HEADER_BYTES);
        assertThat(MediaSniffer.sniff(header(file))).hasValue(new MediaFormat("mp4", true));
    }

    @Test
    void aTrackListCutOffByTheHeaderIsWholeWhenTheMovieHeaderSaysSo() {
        byte[] soundTrack = box("trak", box("mdia", handler("soun")));
        byte[] cut =
                concat(box("ftyp", ascii("isom")), boxOfSize("moov", 1_000_000, concat(movieHeader(2), soundTrack)));
        assertThat(MediaSniffer.sniff(cut)).hasValue(new MediaFormat("m4a", false));

        byte[] moreToCome =
                concat(box("ftyp", ascii("isom")), boxOfSize("moov", 1_000_000, concat(movieHeader(3), soundTrack)));
        assertThat(MediaSniffer.sniff(moreToCome))
                .as("a second track may be video")
                .hasValue(new MediaFormat("mp4", true));

        byte[] withVideo = concat(
                box("ftyp", ascii("isom")),
                box("moov", concat(movieHeader(3), soundTrack, box("trak", box("mdia", handler("vide"))))));
        assertThat(MediaSniffer.sniff(withVideo)).hasValue(new MediaFormat("mp4", true));
    }

    @Test
    void boxesAndElementsThatLieAboutTheirSizeAreNeitherAudioNorACrash() {
        byte[] mp4 = concat(
                box("ftyp", ascii("isom")),
                box("moov", concat(movieHeader(2), box("trak", box("mdia", handler("soun"))))));
        // EBML header (DocType webm), a Segment of unknown size, Tracks with one TrackEntry of TrackType 2 (audio)
        byte[] webm = HexFormat.of()
                .parseHex("1A45DFA3 87 4282 84 7765626D 18538067 FF 1654AE6B 85 AE 83 83 81 02".replace(" ", ""));
        assertThat(MediaSniffer.sniff(mp4)).hasValue(new MediaFormat("m4a", false));
        assertThat(MediaSniffer.sniff(webm)).hasValue(new MediaFormat("webm", false));

        Random random = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            for (byte[] file : List.of(mp4, webm)) {
                byte[] broken = file.clone();
                broken[random.nextInt(broken.length)] = (byte) random.nextInt(256);
                assertThat(MediaSniffer.sniff(broken)).isNotNull();
            }
        }
    }

    private Path ffmpeg(String name, String arguments) throws Exception {
        Path file = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(List.of(arguments.split(" ")));
        command.add(file.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "the ffmpeg command is not installed");
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(process.waitFor() == 0, "ffmpeg could not make " + name + ": " + output);
        return file;
    }

    private static byte[] header(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(MediaSniffer.HEADER_BYTES);
        }
    }

    private static byte[] box(String type, byte[] payload) {
        return boxOfSize(type, 8 + payload.length, payload);
    }

    private static byte[] boxOfSize(String type, int size, byte[] payload) {
        return concat(ByteBuffer.allocate(4).putInt(size).array(), ascii(type), payload);
    }

    /** mvhd version 0: 4 bytes version/flags, 16 of times, 76 of rate, volume, matrix and pre_defined, then next_track_ID. */
    private static byte[] movieHeader(int nextTrackId) {
        return box(
                "mvhd",
                concat(
                        new byte[4 + 16 + 76],
                        ByteBuffer.allocate(4).putInt(nextTrackId).array()));
    }

    private static byte[] handler(String type) {
        return box("hdlr", concat(new byte[8], ascii(type), new byte[13]));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
