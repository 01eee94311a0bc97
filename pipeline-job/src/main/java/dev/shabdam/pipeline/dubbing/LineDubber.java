package dev.shabdam.pipeline.dubbing;

import dev.shabdam.pipeline.dubbing.Fit.Fitted;
import dev.shabdam.pipeline.synthesis.SpeechEngines;
import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.pipeline.synthesis.engine.SynthesisRequest;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;

/**
 * Speaks one line in the target language and fits it to its slot: synthesis with the generation
 * engines (normaliser included), then {@link LineFitter}; when the fitter asks for it, the
 * line is synthesised once more at a faster speed, since an engine speaking faster sounds better
 * than the same audio squeezed.
 */
public final class LineDubber {
    /** The engine's padding is cut, so that a line starts where the original did and fills its slot with speech. */
    static final double SILENCE_DBFS = -50;

    static final int EDGE_MARGIN_MS = 5;

    private final SpeechEngines engines;
    private final LineFitter fitter;

    public LineDubber(SpeechEngines engines, LineFitter fitter) {
        this.engines = engines;
        this.fitter = fitter;
    }

    /** The fitted line, the engine that spoke it and how fast it was asked to speak. */
    public record Dubbed(Fitted fitted, String engine, double speechSpeed) {}

    public Dubbed dub(LineTask task) {
        SpeechEngines.Route route = engines.route(task.voiceId());
        SynthesisRequest request = new SynthesisRequest(
                task.targetText(), Language.fromCode(task.language()), route.engineVoiceId(), Prosody.NEUTRAL);
        Audio speech = route.streamer().synthesizeAll(request).withoutEdgeSilence(SILENCE_DBFS, EDGE_MARGIN_MS);
        Fit fit = fitter.fit(task.slot(), speech, true);
        double speed = 1;
        if (fit instanceof Fit.Resynthesize faster) {
            speed = faster.speed();
            Audio again =
                    route.streamer().synthesizeAll(request.withProsody(Prosody.NEUTRAL.withSpeed(faster.speed())));
            fit = fitter.fit(task.slot(), again.withoutEdgeSilence(SILENCE_DBFS, EDGE_MARGIN_MS), false);
        }
        return new Dubbed((Fitted) fit, route.streamer().engineId(), speed);
    }
}
