package dev.shabdam.pipeline.synthesis.engine;

import dev.shabdam.speech.SynthesisException;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * What a TaskManager and its espeak-ng worker processes say over the worker's stdin and stdout. Both
 * sides are this class, so they cannot drift apart. The worker greets with {@link #HELLO} and its
 * sample rate once loaded; then, per request: the text and {@link Espeak.Settings} in, and either
 * {@link #AUDIO} with 16-bit PCM or {@link #FAILURE} with a {@link SynthesisException}'s code and
 * message out. Every write ends with a flush: the other side is waiting for it.
 */
final class EspeakWorkerProtocol {
    static final int HELLO = 0x45535047; // "ESPG"
    static final byte AUDIO = 0;
    static final byte FAILURE = 1;

    private EspeakWorkerProtocol() {}

    /** A request as the worker reads it. */
    record Request(String text, Espeak.Settings settings) {}

    static void writeHello(DataOutputStream out, int sampleRate) throws IOException {
        out.writeInt(HELLO);
        out.writeInt(sampleRate);
        out.flush();
    }

    /** The worker's sample rate, once it has loaded the library. */
    static int readHello(DataInputStream in) throws IOException {
        if (in.readInt() != HELLO) {
            throw new IOException("not an espeak-ng worker on the other end of the pipe");
        }
        return in.readInt();
    }

    static void writeRequest(DataOutputStream out, String text, Espeak.Settings settings) throws IOException {
        writeString(out, text);
        writeString(out, settings.voice());
        out.writeInt(settings.wordsPerMinute());
        out.writeInt(settings.pitch());
        out.writeInt(settings.range());
        out.writeInt(settings.volume());
        out.flush();
    }

    /** The next request; null when the TaskManager closed the pipe (the worker's cue to exit). */
    static Request readRequest(DataInputStream in) throws IOException {
        String text;
        try {
            text = readString(in);
        } catch (EOFException closed) {
            return null;
        }
        return new Request(
                text, new Espeak.Settings(readString(in), in.readInt(), in.readInt(), in.readInt(), in.readInt()));
    }

    static void writeAudio(DataOutputStream out, short[] pcm) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(2 * pcm.length).order(ByteOrder.BIG_ENDIAN);
        bytes.asShortBuffer().put(pcm);
        out.writeByte(AUDIO);
        out.writeInt(pcm.length);
        out.write(bytes.array());
        out.flush();
    }

    static void writeFailure(DataOutputStream out, SynthesisException failure) throws IOException {
        out.writeByte(FAILURE);
        writeString(out, failure.code().name());
        writeString(out, String.valueOf(failure.getMessage()));
        out.flush();
    }

    /** The PCM of the answer; the worker's {@link SynthesisException} is thrown here, as it was there. */
    static short[] readAnswer(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        if (kind == FAILURE) {
            throw new SynthesisException(SynthesisException.Code.valueOf(readString(in)), readString(in));
        }
        if (kind != AUDIO) {
            throw new IOException("an espeak-ng worker answered " + kind);
        }
        byte[] bytes = new byte[2 * in.readInt()];
        in.readFully(bytes);
        short[] pcm = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asShortBuffer().get(pcm);
        return pcm;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
