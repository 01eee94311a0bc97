package dev.shabdam.pipeline.synthesis.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.shabdam.pipeline.models.OnnxSessions;
import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.pipeline.synthesis.audio.PitchShifter;
import dev.shabdam.pipeline.synthesis.audio.TimeStretch;
import dev.shabdam.speech.SynthesisException;
import dev.shabdam.speech.prosody.EmotionStyle;
import dev.shabdam.speech.prosody.EmotionTable;
import dev.shabdam.speech.prosody.Prosody;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * VITS voices through ONNX Runtime: Piper voices (phonemes from espeak-ng, inputs
 * {@code input}, {@code input_lengths}, {@code scales}, optional {@code sid}; output
 * {@code output} [1,1,samples]) and MMS-TTS character models (inputs {@code input_ids},
 * optional {@code attention_mask}; output {@code waveform} [1,samples]).
 *
 * <p>Speed and emotion rate go into VITS's length_scale; pitch (request + emotion) is applied
 * by {@link PitchShifter}; volume and emotion energy are a gain. VITS has no pitch-range
 * control, so the emotion table's range is not used here. Sessions are loaded on first use
 * and shared: {@code OrtSession.run} is thread-safe.
 */
public final class VitsOnnxSynthesizer implements Synthesizer {

    private final Path voices;
    private final boolean tryCuda;
    private final EmotionTable emotions;
    private final Map<String, LoadedVoice> loaded = new ConcurrentHashMap<>();

    private record LoadedVoice(VoiceModel model, OrtSession session) {}

    /**
     * @param voices  the directory voices are installed in (see {@link VoiceModel} for the layout)
     * @param tryCuda use the CUDA provider when the GPU build of ONNX Runtime and a GPU are present
     */
    public VitsOnnxSynthesizer(Path voices, boolean tryCuda, EmotionTable emotions) {
        this.voices = voices;
        this.tryCuda = tryCuda;
        this.emotions = emotions;
    }

    @Override
    public Audio synthesize(SynthesisRequest request) {
        if (request.voiceId() == null) {
            throw new SynthesisException(SynthesisException.Code.VOICE_NOT_FOUND, "A VITS voice needs a voiceId");
        }
        LoadedVoice voice = loaded.computeIfAbsent(request.voiceId(), id -> {
            VoiceModel model = VoiceModel.locate(voices, id);
            try {
                return new LoadedVoice(model, OnnxSessions.open(model.onnx(), tryCuda));
            } catch (OrtException e) {
                throw new SynthesisException(
                        SynthesisException.Code.ENGINE_FAILED,
                        "Cannot load the ONNX model of voice '" + id + "': " + e.getMessage(),
                        e);
            }
        });
        Prosody prosody = request.prosody();
        EmotionStyle style = emotions.style(prosody.emotion());
        double rate = prosody.speed() * style.rateFactor();
        int sampleRate = voice.model().sampleRate();
        Audio audio = voice.model() instanceof VoiceModel.Piper piper
                ? new Audio(runPiper(voice.session(), piper, request.text(), rate), sampleRate)
                : TimeStretch.byRate(
                        new Audio(runMms(voice.session(), (VoiceModel.Mms) voice.model(), request.text()), sampleRate),
                        rate);
        double gainDb = 20 * Math.log10(Math.max(prosody.volume(), 1e-4)) + style.gainDb();
        return PitchShifter.shift(audio, prosody.pitchSemitones() + style.pitchShiftSemitones())
                .withGainDb(gainDb);
    }

    /** Piper's id sequence: ^, then each phoneme followed by the pad _, then $. */
    static long[] piperIds(VoiceModel.Piper piper, List<String> clauses) {
        List<Long> ids = new ArrayList<>(piper.phonemeIds().getOrDefault("^", List.of()));
        List<Long> pad = piper.phonemeIds().getOrDefault("_", List.of());
        ids.addAll(pad);
        String text = String.join(" ", clauses);
        text.codePoints().forEach(cp -> {
            List<Long> phoneme = piper.phonemeIds().get(new String(Character.toChars(cp)));
            if (phoneme != null) { // phonemes the voice never saw are dropped, as Piper does
                ids.addAll(phoneme);
                ids.addAll(pad);
            }
        });
        ids.addAll(piper.phonemeIds().getOrDefault("$", List.of()));
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private float[] runPiper(OrtSession session, VoiceModel.Piper piper, String text, double rate) {
        long[] ids = piperIds(piper, Espeak.get().phonemesIpa(text, piper.espeakVoice()));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor input = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {1, ids.length});
                OnnxTensor lengths =
                        OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {ids.length}), new long[] {1});
                OnnxTensor scales = OnnxTensor.createTensor(
                        env,
                        FloatBuffer.wrap(
                                new float[] {piper.noiseScale(), (float) (piper.lengthScale() / rate), piper.noiseW()}),
                        new long[] {3});
                OnnxTensor sid = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {0}), new long[] {1})) {
            Map<String, OnnxTensor> inputs =
                    new HashMap<>(Map.of("input", input, "input_lengths", lengths, "scales", scales));
            if (session.getInputNames().contains("sid")) {
                inputs.put("sid", sid);
            }
            return run(session, inputs, "output");
        } catch (OrtException e) {
            throw new SynthesisException(
                    SynthesisException.Code.ENGINE_FAILED, "Piper inference failed: " + e.getMessage(), e);
        }
    }

    /** MMS models have no length control input; speed is applied afterwards by time-stretching. */
    private float[] runMms(OrtSession session, VoiceModel.Mms mms, String text) {
        List<Long> idList = new ArrayList<>();
        text.toLowerCase(java.util.Locale.ROOT).codePoints().forEach(cp -> {
            Long id = mms.charIds().get(cp);
            if (id != null) {
                if (mms.addBlank()) {
                    idList.add(0L);
                }
                idList.add(id);
            }
        });
        if (mms.addBlank()) {
            idList.add(0L);
        }
        long[] ids = idList.stream().mapToLong(Long::longValue).toArray();
        long[] mask = new long[ids.length];
        java.util.Arrays.fill(mask, 1);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor input = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {1, ids.length});
                OnnxTensor attention =
                        OnnxTensor.createTensor(env, LongBuffer.wrap(mask), new long[] {1, ids.length})) {
            Map<String, OnnxTensor> inputs = new HashMap<>(Map.of("input_ids", input));
            if (session.getInputNames().contains("attention_mask")) {
                inputs.put("attention_mask", attention);
            }
            return run(session, inputs, "waveform");
        } catch (OrtException e) {
            throw new SynthesisException(
                    SynthesisException.Code.ENGINE_FAILED, "MMS inference failed: " + e.getMessage(), e);
        }
    }

    private static float[] run(OrtSession session, Map<String, OnnxTensor> inputs, String output) throws OrtException {
        try (OrtSession.Result result = session.run(inputs)) {
            OnnxTensor waveform = (OnnxTensor) result.get(output)
                    .orElseThrow(() -> new SynthesisException(
                            SynthesisException.Code.ENGINE_FAILED, "Model has no output '" + output + "'"));
            FloatBuffer buffer = waveform.getFloatBuffer();
            float[] samples = new float[buffer.remaining()];
            buffer.get(samples);
            return samples;
        }
    }

    /** Every VITS voice is a named model; there is no default. */
    @Override
    public boolean hasDefaultVoice(dev.shabdam.speech.text.Language language) {
        return false;
    }

    @Override
    public String engineId() {
        return "vits-onnx";
    }

    /** Size and modification time of the model file: cheap, and changes when the file is replaced. */
    @Override
    public String modelVersion(String voiceId) {
        VoiceModel model = VoiceModel.locate(voices, voiceId);
        try {
            return java.nio.file.Files.size(model.onnx()) + "@"
                    + java.nio.file.Files.getLastModifiedTime(model.onnx()).toMillis();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        loaded.values().forEach(v -> {
            try {
                v.session().close();
            } catch (OrtException e) {
                // closing at shutdown: nothing useful to do with the failure
            }
        });
        loaded.clear();
    }
}
