package dev.shabdam.pipeline.synthesis;

import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.pipeline.synthesis.engine.SynthesisRequest;
import dev.shabdam.pipeline.synthesis.engine.Synthesizer;
import dev.shabdam.speech.text.Language;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Test engine: 50 ms of a 200 Hz tone per character, recording what it was asked. */
final class ToneSynthesizer implements Synthesizer {

    static final int RATE = 16000;
    final List<SynthesisRequest> requests = Collections.synchronizedList(new ArrayList<>());

    @Override
    public Audio synthesize(SynthesisRequest request) {
        requests.add(request);
        float[] samples = new float[request.text().length() * RATE / 20];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.3 * Math.sin(2 * Math.PI * 200 * i / RATE));
        }
        return new Audio(samples, RATE);
    }

    @Override
    public boolean hasDefaultVoice(Language language) {
        return true;
    }

    @Override
    public String engineId() {
        return "tone";
    }

    @Override
    public String modelVersion(String voiceId) {
        return "1";
    }
}
