package dev.shabdam.pipeline.dubbing;

import dev.shabdam.pipeline.media.TestMedia;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.schemas.jobs.DubJob;
import dev.shabdam.testsupport.Requests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A DUB job's uploads in file:// storage: a video (a 6 s MP4, or hours of Matroska) and subtitles in English and Malayalam. */
public final class DubFixtures {
    public static final String SOURCE_SRT = """
            1
            00:00:00,500 --> 00:00:02,000
            Good morning.

            2
            00:00:02,500 --> 00:00:04,000
            How are you?

            3
            00:00:04,200 --> 00:00:05,500
            See you soon.
            """;
    public static final String TARGET_SRT = """
            1
            00:00:00,500 --> 00:00:02,000
            സുപ്രഭാതം.

            2
            00:00:02,500 --> 00:00:04,000
            സുഖമാണോ?

            3
            00:00:04,200 --> 00:00:05,500
            വീണ്ടും കാണാം.
            """;

    private final Path root;
    private final String jobId;
    private final Map<String, String> inputs = new HashMap<>();
    private final Map<String, String> parameters = new HashMap<>();

    public DubFixtures(Path root, String jobId) {
        this.root = root;
        this.jobId = jobId;
    }

    public DubFixtures video(double seconds) throws IOException {
        TestMedia.mp4(path(DubJob.MEDIA, "clip.mp4"), seconds);
        return this;
    }

    /** A video of {@code minutes} minutes, 48 kHz stereo FLAC in Matroska, a few MB ({@link TestMedia#longMedia}). */
    public DubFixtures longVideo(int minutes) throws IOException, InterruptedException {
        TestMedia.longMedia(path(DubJob.MEDIA, "film.mkv"), minutes, 48_000, 2, true);
        return this;
    }

    DubFixtures tone(double seconds) throws IOException {
        TestMedia.wav(path(DubJob.MEDIA, "clip.wav"), 48_000, 2, seconds, 220);
        return this;
    }

    public DubFixtures subtitles(String srt) throws IOException {
        Files.writeString(path(DubJob.SUBTITLES, "subtitles.srt"), srt);
        return this;
    }

    public DubFixtures translation(String srt) throws IOException {
        Files.writeString(path(DubJob.TRANSLATION, "translation.srt"), srt);
        return this;
    }

    DubFixtures parameter(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    public VoiceRequest request() {
        return VoiceRequest.submit(
                jobId, Requests.TENANT, JobType.DUB, Map.copyOf(parameters), Map.copyOf(inputs), Requests.AT);
    }

    /** Stores an input under the key the gateway would give it, and remembers it for the request. */
    private Path path(String input, String fileName) throws IOException {
        String key = StorageKeys.upload(Requests.TENANT, jobId, fileName);
        inputs.put(input, key);
        Path file = root.resolve(key);
        Files.createDirectories(file.getParent());
        return file;
    }
}
