package dev.shabdam.gateway.uploads;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

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
            "464C5601 05, flv, true"})
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
}
