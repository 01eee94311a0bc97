package dev.shabdam.local;

import dev.shabdam.pipeline.jobs.JobDeadline.JobTimeoutException;
import dev.shabdam.pipeline.media.AudioDecoder;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.media.MediaDecodeException;
import dev.shabdam.pipeline.media.WavWriter;
import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.speech.subtitles.Cue;
import dev.shabdam.speech.subtitles.SrtWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A clip to dub, made here: English lines spoken by espeak-ng at known times over a quiet background
 * tone, under FFmpeg's test video, with the English subtitles timed to the speech and their Malayalam
 * translation. What a dub must do with it can be measured: where each line was, that the tone is
 * still there between lines, how far the English was ducked.
 *
 * @param slots where each English line is, exactly (its speech without edge silence)
 */
public record DubSample(Path video, Path subtitles, Path translation, List<Cue> slots, double durationSec) {
    /** English line, and what the dub says instead. */
    public static final List<String[]> LINES = List.of(
            new String[] {"Welcome to Shabdam.", "ശബ്ദത്തിലേക്ക് സ്വാഗതം."},
            new String[] {"This video was made on this machine.", "ഈ വീഡിയോ ഈ യന്ത്രത്തിൽ ഉണ്ടാക്കിയതാണ്."},
            new String[] {"Every line is spoken again in Malayalam.", "ഓരോ വരിയും മലയാളത്തിൽ വീണ്ടും പറയുന്നു."},
            new String[] {"The music stays under the voice.", "സംഗീതം ശബ്ദത്തിന് താഴെ തുടരുന്നു."},
            new String[] {"Thank you for watching.", "കണ്ടതിന് നന്ദി."});

    public static final double BACKGROUND_HZ = 150;
    public static final float BACKGROUND_AMPLITUDE = 0.05f;
    static final double LEAD_SECONDS = 0.8;
    static final double GAP_SECONDS = 1.2;

    /** A clip of {@code lineCount} lines, cycling through {@link #LINES}, written under {@code dir}. */
    public static DubSample make(Path dir, int lineCount)
            throws IOException, InterruptedException, MediaDecodeException, JobTimeoutException {
        Map<String, Audio> spoken = new HashMap<>();
        List<Audio> speech = new ArrayList<>();
        for (int k = 0; k < lineCount; k++) {
            String english = LINES.get(k % LINES.size())[0];
            Audio audio = spoken.get(english);
            if (audio == null) {
                Path wav = SampleMaker.speech(english, "en", dir.resolve("line-" + spoken.size() + ".wav"));
                DecodedAudio decoded = new AudioDecoder().decode(wav.toFile());
                audio = new Audio(decoded.channels()[0], decoded.sampleRate()).withoutEdgeSilence(-50, 0);
                spoken.put(english, audio);
            }
            speech.add(audio);
        }
        int rate = speech.get(0).sampleRate();
        List<Cue> source = new ArrayList<>();
        List<Cue> target = new ArrayList<>();
        double at = LEAD_SECONDS;
        for (int k = 0; k < lineCount; k++) {
            long start = Math.round(at * 1000);
            long end = start + Math.round(speech.get(k).durationSeconds() * 1000);
            String[] line = LINES.get(k % LINES.size());
            source.add(new Cue(k + 1, start, end, line[0], null));
            target.add(new Cue(k + 1, start, end, line[1], null));
            at = end / 1000.0 + GAP_SECONDS;
        }
        float[] track = background(rate, at);
        for (int k = 0; k < lineCount; k++) {
            float[] line = speech.get(k).samples();
            int from = (int) Math.round(source.get(k).startMs() * rate / 1000.0);
            for (int i = 0; i < line.length && from + i < track.length; i++) {
                track[from + i] += line[i];
            }
        }
        Path wav = dir.resolve("dub-sample.wav");
        WavWriter.write(wav, DecodedAudio.mono(rate, track), WavWriter.Encoding.PCM_16);
        Path video = SampleMaker.video(wav, dir.resolve("dub-sample.mp4"));
        Files.delete(wav);
        return new DubSample(
                video,
                Files.writeString(dir.resolve("dub-sample.en.srt"), SrtWriter.write(source)),
                Files.writeString(dir.resolve("dub-sample.ml.srt"), SrtWriter.write(target)),
                List.copyOf(source),
                at);
    }

    private static float[] background(int rate, double seconds) {
        float[] tone = new float[(int) Math.round(rate * seconds)];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (BACKGROUND_AMPLITUDE * Math.sin(2 * Math.PI * BACKGROUND_HZ * i / rate));
        }
        return tone;
    }
}
