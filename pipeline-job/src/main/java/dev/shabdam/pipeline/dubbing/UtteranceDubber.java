package dev.shabdam.pipeline.dubbing;

import dev.shabdam.pipeline.dubbing.Alignment.Aligned;
import dev.shabdam.pipeline.synthesis.SpeechEngines;
import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.pipeline.synthesis.engine.SynthesisRequest;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;

import java.util.Arrays;

/**
 * Speaks one line in the target language and fits it to its slot: synthesis with the generation
 * engines (normaliser included), then {@link UtteranceAligner}; when the aligner asks for it, the
 * line is synthesised once more at a faster speed, since an engine speaking faster sounds better
 * than the same audio squeezed.
 */
public final class UtteranceDubber {
    static final double SILENCE_DBFS = -50;
    static final int EDGE_MARGIN_MS = 5;

    private final SpeechEngines engines;
    private final UtteranceAligner aligner;

    public UtteranceDubber(SpeechEngines engines, UtteranceAligner aligner) {
        this.engines = engines;
        this.aligner = aligner;
    }

    /** The aligned line and the engine that spoke it. */
    public record Dubbed(Aligned aligned, String engine) {
    }

    public Dubbed dub(UtteranceTask task) {
        SpeechEngines.Route route = engines.route(task.voiceId());
        SynthesisRequest request = new SynthesisRequest(task.targetText(), Language.fromCode(task.language()),
                route.engineVoiceId(), Prosody.NEUTRAL);
        Audio speech = withoutEdgeSilence(route.streamer().synthesizeAll(request));
        Alignment alignment = aligner.align(task.slot(), speech, true);
        if (alignment instanceof Alignment.Resynthesize faster) {
            Audio again = route.streamer().synthesizeAll(request.withProsody(Prosody.NEUTRAL.withSpeed(faster.speed())));
            alignment = aligner.align(task.slot(), withoutEdgeSilence(again), false);
        }
        return new Dubbed((Aligned) alignment, route.streamer().engineId());
    }

    /**
     * The speech without the engine's leading and trailing silence (all under {@value #SILENCE_DBFS} dBFS,
     * a few ms of margin kept): the line should start where the original did and fill its slot with
     * speech, not with the engine's padding.
     */
    static Audio withoutEdgeSilence(Audio speech) {
        float[] x = speech.samples();
        float floor = (float) Math.pow(10, SILENCE_DBFS / 20);
        int first = 0;
        while (first < x.length && Math.abs(x[first]) < floor) {
            first++;
        }
        int last = x.length - 1;
        while (last > first && Math.abs(x[last]) < floor) {
            last--;
        }
        if (first >= x.length) {
            return speech;
        }
        int margin = speech.sampleRate() * EDGE_MARGIN_MS / 1000;
        return new Audio(Arrays.copyOfRange(x, Math.max(0, first - margin), Math.min(x.length, last + 1 + margin)),
                speech.sampleRate());
    }
}
