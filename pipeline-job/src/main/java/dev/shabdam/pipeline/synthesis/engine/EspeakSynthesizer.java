package dev.shabdam.pipeline.synthesis.engine;

import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.pipeline.synthesis.audio.PitchShifter;
import dev.shabdam.speech.prosody.EmotionStyle;
import dev.shabdam.speech.prosody.EmotionTable;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;

/**
 * espeak-ng in process through JNA (22050 Hz). Speed and emotion rate become espeak's words
 * per minute, emotion range becomes espeak's pitch range, volume and emotion energy its
 * amplitude; the pitch in semitones (request + emotion) is applied afterwards in Java by
 * {@link PitchShifter}, since espeak's pitch parameter has no semitone scale. Thread-safe:
 * the native calls are serialised inside {@link Espeak}.
 */
public final class EspeakSynthesizer implements Synthesizer {

    private static final int DEFAULT_WPM = 175;
    private static final int MIN_WPM = 80;
    private static final int MAX_WPM = 450;
    private static final int DEFAULT_PITCH = 50;
    private static final int DEFAULT_RANGE = 50;
    private static final int DEFAULT_VOLUME = 100;

    private final EspeakWorkers espeak;
    private final EmotionTable emotions;

    public EspeakSynthesizer(EmotionTable emotions) {
        this(emotions, EspeakWorkers.shared());
    }

    EspeakSynthesizer(EmotionTable emotions, EspeakWorkers workers) {
        this.espeak = workers;
        this.emotions = emotions;
    }

    /**
     * An engine of its own that speaks {@code workers} sentences at once, as {@code SHABDAM_ESPEAK_WORKERS}
     * would; with {@code processesOnly} none in process ({@code ./shabdam bench espeak} compares the paths).
     */
    public static EspeakSynthesizer withWorkers(EmotionTable emotions, int workers, boolean processesOnly) {
        return new EspeakSynthesizer(emotions, new EspeakWorkers(Espeak.get(), workers, processesOnly));
    }

    /** The name under which operators ask Flink to {@link #stopWorkers} when their job's classes go. */
    public static final String WORKERS_RELEASE_HOOK = "shabdam-espeak-workers";

    /**
     * Ends this class loader's espeak-ng worker processes: when Flink drops a job's class loader (the job
     * cancelled or restarted on a TaskManager that lives on), the next one starts workers of its own.
     */
    public static void stopWorkers() {
        EspeakWorkers.stopShared();
    }

    /** Whether libespeak-ng can be loaded on this machine. */
    public static boolean isAvailable() {
        return Espeak.isAvailable();
    }

    public int sampleRate() {
        return espeak.sampleRate();
    }

    @Override
    public Audio synthesize(SynthesisRequest request) {
        Prosody prosody = request.prosody();
        EmotionStyle style = emotions.style(prosody.emotion());
        Espeak.Settings settings = new Espeak.Settings(
                request.voiceId() != null
                        ? request.voiceId()
                        : request.language().code(),
                clamp((int) Math.round(DEFAULT_WPM * prosody.speed() * style.rateFactor()), MIN_WPM, MAX_WPM),
                DEFAULT_PITCH,
                clamp((int) Math.round(DEFAULT_RANGE * style.pitchRangeFactor()), 0, 100),
                clamp((int) Math.round(DEFAULT_VOLUME * prosody.volume() * Math.pow(10, style.gainDb() / 20)), 0, 200));
        Audio raw = Audio.fromPcm16(espeak.synthesize(request.text(), settings), espeak.sampleRate());
        return PitchShifter.shift(raw, prosody.pitchSemitones() + style.pitchShiftSemitones());
    }

    /** espeak-ng has a voice for every {@link Language}, named by its code. */
    @Override
    public boolean hasDefaultVoice(Language language) {
        return true;
    }

    @Override
    public String engineId() {
        return "espeak-ng";
    }

    @Override
    public String modelVersion(String voiceId) {
        return espeak.version();
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
