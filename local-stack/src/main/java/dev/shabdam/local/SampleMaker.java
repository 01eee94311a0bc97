package dev.shabdam.local;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Makes the demo's own sample: English speech from espeak-ng over an FFmpeg-encoded test video. */
public final class SampleMaker {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int FPS = 25;

    private SampleMaker() {}

    /** Speaks {@code text} with the espeak-ng program into a WAV file. */
    public static Path speech(String text, String voice, Path wav) throws IOException, InterruptedException {
        Process espeak = new ProcessBuilder(List.of("espeak-ng", "-v", voice, "-w", wav.toString(), text))
                .redirectErrorStream(true)
                .start();
        if (!espeak.waitFor(60, TimeUnit.SECONDS) || espeak.exitValue() != 0 || Files.size(wav) == 0) {
            throw new IOException(
                    "espeak-ng failed: " + new String(espeak.getInputStream().readAllBytes()));
        }
        return wav;
    }

    /** An MP4 (MPEG-4 part 2 video, AAC audio) as long as the audio, showing moving colour bars and a clock. */
    public static Path video(Path audio, Path mp4) throws IOException {
        try (FFmpegFrameGrabber sound = new FFmpegFrameGrabber(audio.toFile());
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            sound.start();
            double seconds = sound.getLengthInTime() / 1e6;
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(mp4.toFile(), WIDTH, HEIGHT, 1)) {
                recorder.setFormat("mp4");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                recorder.setFrameRate(FPS);
                recorder.setVideoBitrate(800_000);
                recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                recorder.setSampleRate(sound.getSampleRate());
                recorder.setAudioChannels(1);
                recorder.start();
                BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
                for (int n = 0; n < Math.ceil(seconds * FPS); n++) {
                    draw(image, n);
                    recorder.record(converter.convert(image));
                }
                Frame samples;
                while ((samples = sound.grabSamples()) != null) {
                    recorder.record(samples);
                }
                recorder.stop();
            }
            sound.stop();
        }
        return mp4;
    }

    private static void draw(BufferedImage image, int frame) {
        Graphics2D g = image.createGraphics();
        Color[] bars = {Color.WHITE, Color.YELLOW, Color.CYAN, Color.GREEN, Color.MAGENTA, Color.RED, Color.BLUE};
        int barWidth = WIDTH / bars.length;
        for (int i = 0; i < bars.length; i++) {
            g.setColor(bars[(i + frame / FPS) % bars.length]);
            g.fillRect(i * barWidth, 0, barWidth, HEIGHT);
        }
        g.setColor(Color.BLACK);
        g.fillRect(0, HEIGHT - 60, WIDTH, 60);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 32));
        g.drawString(String.format("Shabdam  %02d:%02d", frame / FPS, frame % FPS), 20, HEIGHT - 18);
        g.dispose();
    }
}
