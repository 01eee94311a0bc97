package dev.shabdam.pipeline.synthesis.engine;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.shabdam.speech.SynthesisException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The process-wide libespeak-ng, loaded once.
 *
 * <p>libespeak-ng keeps all its state (current voice, parameters, the synth callback, its
 * phoneme buffers) in globals, so it is not thread-safe and there is one per process. Every
 * call goes through {@link #LOCK}: whoever holds it owns the library for a whole
 * set-voice/set-parameters/synthesise sequence. The slots of a TaskManager that would otherwise
 * take turns here hand their sentences to worker processes instead ({@link EspeakWorkers}).
 *
 * <p>The output is not bit-for-bit repeatable: the library carries its waveform generator's
 * state (pitch-cycle phase) from one call to the next, so the same request twice in a row
 * differs by a few samples to tens of milliseconds even on one thread. Neither re-initialising,
 * reseeding rand() nor priming with a fixed utterance made it repeatable (all tried), so cache
 * keys, not audio bytes, identify a result.
 */
final class Espeak {

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static volatile Espeak instance;

    private final EspeakLibrary lib;
    private final int sampleRate;
    private final String version;
    /** Strong reference: JNA callbacks are garbage-collected (and crash) otherwise. */
    private final EspeakLibrary.SynthCallback callback;
    /** PCM of the synthesis in progress; only touched while holding LOCK. */
    private final PcmBuffer pcm = new PcmBuffer();

    private Espeak(EspeakLibrary lib) {
        this.lib = lib;
        this.sampleRate = lib.espeak_Initialize(EspeakLibrary.AUDIO_OUTPUT_SYNCHRONOUS, 0, null, 0);
        if (sampleRate <= 0) {
            throw new SynthesisException(
                    SynthesisException.Code.ENGINE_UNAVAILABLE,
                    "espeak_Initialize failed; is espeak-ng-data installed?");
        }
        this.version = lib.espeak_Info(null);
        this.callback = (wav, count, events) -> {
            if (wav != null && count > 0) {
                pcm.append(wav.getShortArray(0, count));
            }
            return 0;
        };
        lib.espeak_SetSynthCallback(callback);
    }

    /** The shared instance; {@code engine_unavailable} when libespeak-ng.so.1 cannot be loaded. */
    static Espeak get() {
        Espeak loaded = instance;
        if (loaded == null) {
            LOCK.lock();
            try {
                if (instance == null) {
                    instance = new Espeak(load());
                }
                loaded = instance;
            } finally {
                LOCK.unlock();
            }
        }
        return loaded;
    }

    /** True when libespeak-ng can be loaded here (tests skip otherwise). */
    static boolean isAvailable() {
        try {
            get();
            return true;
        } catch (SynthesisException e) {
            return false;
        }
    }

    private static EspeakLibrary load() {
        try {
            return Native.load("espeak-ng", EspeakLibrary.class);
        } catch (UnsatisfiedLinkError first) {
            try {
                return Native.load("libespeak-ng.so.1", EspeakLibrary.class);
            } catch (UnsatisfiedLinkError e) {
                throw new SynthesisException(
                        SynthesisException.Code.ENGINE_UNAVAILABLE,
                        "libespeak-ng is not installed (apt-get install espeak-ng libespeak-ng1)",
                        e);
            }
        }
    }

    int sampleRate() {
        return sampleRate;
    }

    String version() {
        return version;
    }

    /** Voice settings for one synthesis; values already in espeak's units. */
    record Settings(String voice, int wordsPerMinute, int pitch, int range, int volume) {}

    /** Synthesises plain UTF-8 text with the given settings, atomically. */
    short[] synthesize(String text, Settings settings) {
        LOCK.lock();
        try {
            return synthesizeLocked(text, settings);
        } finally {
            LOCK.unlock();
        }
    }

    /** As {@link #synthesize}, or null at once when another thread has the library. */
    short[] synthesizeIfFree(String text, Settings settings) {
        if (!LOCK.tryLock()) {
            return null;
        }
        try {
            return synthesizeLocked(text, settings);
        } finally {
            LOCK.unlock();
        }
    }

    private short[] synthesizeLocked(String text, Settings settings) {
        selectVoice(settings.voice());
        lib.espeak_SetParameter(EspeakLibrary.RATE, settings.wordsPerMinute(), 0);
        lib.espeak_SetParameter(EspeakLibrary.PITCH, settings.pitch(), 0);
        lib.espeak_SetParameter(EspeakLibrary.RANGE, settings.range(), 0);
        lib.espeak_SetParameter(EspeakLibrary.VOLUME, settings.volume(), 0);
        pcm.reset();
        int status = synth(text);
        if (status != EspeakLibrary.EE_OK) {
            throw new SynthesisException(SynthesisException.Code.ENGINE_FAILED, "espeak_Synth returned " + status);
        }
        return pcm.toArray();
    }

    private int synth(String text) {
        Memory utf8 = nulTerminated(text);
        int status = lib.espeak_Synth(
                utf8,
                new NativeLong(utf8.size()),
                0,
                EspeakLibrary.POS_CHARACTER,
                0,
                EspeakLibrary.CHARS_UTF8,
                null,
                null);
        lib.espeak_Synchronize();
        return status;
    }

    /** IPA phonemes, one string per clause, as Piper voices were trained on. */
    List<String> phonemesIpa(String text, String voice) {
        LOCK.lock();
        try {
            selectVoice(voice);
            Memory utf8 = nulTerminated(text);
            PointerByReference cursor = new PointerByReference(utf8);
            List<String> clauses = new ArrayList<>();
            while (cursor.getValue() != null) {
                Pointer phonemes =
                        lib.espeak_TextToPhonemes(cursor, EspeakLibrary.CHARS_UTF8, EspeakLibrary.PHONEMES_IPA);
                if (phonemes != null) {
                    clauses.add(phonemes.getString(0, StandardCharsets.UTF_8.name()));
                }
            }
            return clauses;
        } finally {
            LOCK.unlock();
        }
    }

    private void selectVoice(String voice) {
        if (lib.espeak_SetVoiceByName(voice) != EspeakLibrary.EE_OK) {
            throw new SynthesisException(
                    SynthesisException.Code.VOICE_NOT_FOUND, "espeak-ng has no voice '" + voice + "'");
        }
    }

    private static Memory nulTerminated(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Memory memory = new Memory(bytes.length + 1L);
        memory.write(0, bytes, 0, bytes.length);
        memory.setByte(bytes.length, (byte) 0);
        return memory;
    }

    /** The synth callback's PCM, a growing array: the callback hands over thousands of samples at a time, copied in bulk. */
    private static final class PcmBuffer {
        private short[] samples = new short[1 << 16];
        private int size;

        void reset() {
            size = 0;
        }

        void append(short[] more) {
            if (size + more.length > samples.length) {
                samples = Arrays.copyOf(samples, Math.max(2 * samples.length, size + more.length));
            }
            System.arraycopy(more, 0, samples, size, more.length);
            size += more.length;
        }

        short[] toArray() {
            return Arrays.copyOf(samples, size);
        }
    }
}
