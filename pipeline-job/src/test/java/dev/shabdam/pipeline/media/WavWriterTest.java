package dev.shabdam.pipeline.media;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

class WavWriterTest {

    @Test
    void toBytesIsPcm16MonoWithTheRightHeader() {
        ByteBuffer wav = ByteBuffer.wrap(WavWriter.toBytes(new float[] {0f, 0.5f, -1f, 2f}, 22050)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(wav.capacity()).isEqualTo(44 + 8);
        assertThat(new String(wav.array(), 0, 4)).isEqualTo("RIFF");
        assertThat(wav.getInt(4)).isEqualTo(36 + 8);
        assertThat(wav.getShort(22)).isEqualTo((short) 1);
        assertThat(wav.getInt(24)).isEqualTo(22050);
        assertThat(wav.getShort(34)).isEqualTo((short) 16);
        assertThat(wav.getShort(44 + 2)).isEqualTo((short) 16384);
        assertThat(wav.getShort(44 + 4)).isEqualTo((short) -32768);
        assertThat(wav.getShort(44 + 6)).isEqualTo((short) 32767); // clipped, not wrapped
    }
}
