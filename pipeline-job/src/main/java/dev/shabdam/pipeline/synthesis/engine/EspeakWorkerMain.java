package dev.shabdam.pipeline.synthesis.engine;

import dev.shabdam.speech.SynthesisException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * An espeak-ng worker process: its own libespeak-ng (the library's state is global, one per process),
 * serving a TaskManager's requests over stdin and stdout ({@link EspeakWorkerProtocol}) until stdin
 * closes, which it does when the TaskManager closes the pool or dies. Started by {@link EspeakWorkerProcess}.
 */
public final class EspeakWorkerMain {
    private EspeakWorkerMain() {}

    public static void main(String[] args) throws IOException {
        DataOutputStream answers =
                new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        // stdout is the protocol's: whatever a library prints goes to stderr
        System.setOut(System.err);
        DataInputStream requests = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        Espeak espeak = Espeak.get();
        EspeakWorkerProtocol.writeHello(answers, espeak.sampleRate());
        for (EspeakWorkerProtocol.Request request = EspeakWorkerProtocol.readRequest(requests);
                request != null;
                request = EspeakWorkerProtocol.readRequest(requests)) {
            short[] pcm;
            try {
                pcm = espeak.synthesize(request.text(), request.settings());
            } catch (SynthesisException failure) {
                EspeakWorkerProtocol.writeFailure(answers, failure);
                continue;
            }
            EspeakWorkerProtocol.writeAudio(answers, pcm);
        }
    }
}
